using GraphApi.Accounts;
using GraphApi.Storage;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace GraphApi.Access;

/// <summary>Accounts found by e-mail (the sign-in name) or id, for adding members.</summary>
public sealed class AccountDirectory(UserManager<Account> users) : IUserDirectory
{
    public async Task<UserEntry?> FindAsync(string emailOrId, CancellationToken ct = default)
    {
        var account = emailOrId.Contains('@') ? await users.FindByEmailAsync(emailOrId) : await users.FindByIdAsync(emailOrId);
        return account is null ? null : new UserEntry(account.Id, account.Email ?? account.UserName ?? account.Id);
    }
}

/// <summary>The seed networks (every network the store holds when the first administrator is made) belong to that administrator.</summary>
public sealed class SeedOwnership(IGraphStore store, NetworkRights rights, IServiceScopeFactory scopes) : IFirstAdministratorHandler
{
    public async Task FirstAdministratorCreatedAsync(string userId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var name = (await scope.ServiceProvider.GetRequiredService<IUserDirectory>().FindAsync(userId, ct))?.Name ?? userId;
        foreach (var network in await store.ListNetworksAsync(ct))
            if ((await store.ListMembersAsync(network.Id, ct)).All(m => m.Role != NetworkRole.Owner))
                await rights.MakeOwnerAsync(network.Id, userId, name, ct);
    }
}
