using GraphApi.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace GraphApi.Accounts;

/// <summary>An account as the administration page and the API list it.</summary>
public sealed record AccountInfo(string Id, string Email, string DisplayName, bool Administrator, bool Locked, DateTimeOffset? LockedUntil, bool HasPassword);

/// <summary>
/// Everything done to accounts, for the API and the pages alike: create, list, reset a password, lock, unlock, change
/// one's own password and display name. Bad input is a <see cref="ValidationFailedException"/> naming the field.
/// </summary>
public sealed class AccountService(UserManager<Account> users, TimeProvider clock, IEnumerable<IFirstAdministratorHandler> firstAdministrator,
    AccountSessions sessions)
{
    /// <summary>Locked "for good" until an administrator unlocks: Identity's lockout end far in the future.</summary>
    private static readonly DateTimeOffset Forever = DateTimeOffset.MaxValue;

    public async Task<IReadOnlyList<AccountInfo>> ListAsync(CancellationToken ct = default)
    {
        var admins = (await users.GetUsersInRoleAsync(Users.AdministratorRole)).Select(a => a.Id).ToHashSet();
        var all = await users.Users.OrderBy(a => a.NormalizedEmail).ToListAsync(ct);
        return [.. all.Select(a => Info(a, admins.Contains(a.Id)))];
    }

    public async Task<AccountInfo?> FindAsync(string id) =>
        await users.FindByIdAsync(id) is { } a ? Info(a, await users.IsInRoleAsync(a, Users.AdministratorRole)) : null;

    private AccountInfo Info(Account a, bool admin)
    {
        var locked = a.LockoutEnd is { } end && end > clock.GetUtcNow();
        return new AccountInfo(a.Id, a.Email ?? a.UserName ?? "", a.DisplayName, admin, locked, locked ? a.LockoutEnd : null, a.PasswordHash is not null);
    }

    /// <summary>Locked by an administrator (until unlocked), not for a while after wrong passwords.</summary>
    public static bool IsLockedForGood(Account account) => account.LockoutEnd is { } end && end.UtcDateTime.Year == Forever.Year;

    /// <summary>
    /// Creates an account (with a password, or without one for sign-in through the identity provider only). <paramref name="id"/>:
    /// an id every host derives alike (<see cref="AccountIds"/>); otherwise Identity's random GUID.
    /// </summary>
    public async Task<AccountInfo> CreateAsync(string? email, string? displayName, string? password, bool administrator, CancellationToken ct = default,
        string? id = null)
    {
        email = email?.Trim() ?? "";
        var errors = new ValidationErrors();
        if (email.Length == 0) errors.Add("email", Texts.Get("accounts.error.required"));
        if (string.IsNullOrWhiteSpace(displayName)) errors.Add("displayName", Texts.Get("accounts.error.required"));
        errors.ThrowIfAny();
        var account = new Account { UserName = email, Email = email, DisplayName = displayName!.Trim(), EmailConfirmed = true, LockoutEnabled = true };
        if (id is not null) account.Id = id;
        var firstAdmin = administrator && (await users.GetUsersInRoleAsync(Users.AdministratorRole)).Count == 0;
        Throw(password is null ? await users.CreateAsync(account) : await users.CreateAsync(account, password));
        if (administrator) Throw(await users.AddToRoleAsync(account, Users.AdministratorRole));
        if (firstAdmin)
            foreach (var handler in firstAdministrator) await handler.FirstAdministratorCreatedAsync(account.Id, ct);
        return Info(account, administrator);
    }

    /// <summary>An administrator sets a new password (the person is told it in person); a lockout from failures ends.</summary>
    public async Task ResetPasswordAsync(string id, string? password)
    {
        var account = await Require(id);
        if (string.IsNullOrEmpty(password)) Field("password", Texts.Get("accounts.error.required"));
        var token = await users.GeneratePasswordResetTokenAsync(account);
        Throw(await users.ResetPasswordAsync(account, token, password!));
        await users.ResetAccessFailedCountAsync(account);
        await sessions.ChangedAsync(id); // a new stamp: tokens and cookies issued before stop working
    }

    /// <summary>
    /// Locks an account until unlocked: it can no longer sign in, and its bearer tokens, cookies, hub connections and circuits
    /// stop working at once (a new security stamp; <see cref="AccountSessions"/> tells every instance).
    /// </summary>
    public async Task LockAsync(string id)
    {
        var account = await Require(id);
        await users.SetLockoutEnabledAsync(account, true);
        Throw(await users.SetLockoutEndDateAsync(account, Forever));
        await users.UpdateSecurityStampAsync(account);
        await sessions.ChangedAsync(id);
    }

    /// <summary>Unlocks: the person signs in again (what was issued before the lock stays void: its stamp is the old one).</summary>
    public async Task UnlockAsync(string id)
    {
        var account = await Require(id);
        Throw(await users.SetLockoutEndDateAsync(account, null));
        await users.ResetAccessFailedCountAsync(account);
        await sessions.ChangedAsync(id);
    }

    public async Task ChangePasswordAsync(string id, string? current, string? password)
    {
        var account = await Require(id);
        var errors = new ValidationErrors();
        if (string.IsNullOrEmpty(current)) errors.Add("currentPassword", Texts.Get("accounts.error.required"));
        if (string.IsNullOrEmpty(password)) errors.Add("password", Texts.Get("accounts.error.required"));
        errors.ThrowIfAny();
        Throw(await users.ChangePasswordAsync(account, current!, password!));
        await sessions.ChangedAsync(id); // the other sessions end; the page that changed it signs in again with the new stamp
    }

    public async Task RenameAsync(string id, string? displayName)
    {
        var account = await Require(id);
        account.DisplayName = displayName?.Trim() ?? "";
        Throw(await users.UpdateAsync(account));
    }

    private async Task<Account> Require(string id) =>
        await users.FindByIdAsync(id) ?? throw new NotFoundException(Texts.Get("accounts.error.notFound", id));

    private static void Field(string field, string message)
    {
        var errors = new ValidationErrors();
        errors.Add(field, message);
        errors.ThrowIfAny();
    }

    /// <summary>Identity's errors keyed by the field they are about.</summary>
    private static void Throw(IdentityResult result)
    {
        if (result.Succeeded) return;
        var errors = new ValidationErrors();
        var seen = new HashSet<(string, string)>();
        foreach (var e in result.Errors)
        {
            var field = e.Code switch
            {
                "PasswordMismatch" => "currentPassword",
                var c when c.StartsWith("Password", StringComparison.Ordinal) => "password",
                "InvalidDisplayName" => "displayName",
                "DuplicateEmail" or "DuplicateUserName" or "InvalidEmail" or "InvalidUserName" => "email",
                _ => "$",
            };
            // Identity reports a taken or invalid e-mail as both user name and e-mail: once is enough.
            if (seen.Add((field, e.Description))) errors.Add(field, e.Description);
        }
        errors.ThrowIfAny();
    }
}

/// <summary>
/// Called once when the first administrator exists (from <c>Auth:Admin</c> or the setup link): the seed networks then
/// belong to that account. Register an implementation with <c>services.AddSingleton&lt;IFirstAdministratorHandler, …&gt;()</c>.
/// </summary>
public interface IFirstAdministratorHandler
{
    Task FirstAdministratorCreatedAsync(string userId, CancellationToken ct);
}
