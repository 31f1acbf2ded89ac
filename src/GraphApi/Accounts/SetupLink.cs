using System.Security.Cryptography;

namespace GraphApi.Accounts;

/// <summary>
/// On a fresh machine without <c>Auth:Admin</c>, the first start opens a one-time link (<c>/setup/{token}</c>, printed
/// with the URL) through which the first person creates the administrator account. The token is random, lives only in
/// this process's memory, and is gone once an administrator exists.
/// </summary>
public sealed class SetupLink
{
    private string? _token;

    /// <summary>The path to print, or null when an administrator exists.</summary>
    public string? Path => _token is null ? null : "/setup/" + _token;

    internal void Open() => _token ??= Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));

    internal void Close() => _token = null;

    public bool Matches(string? token) =>
        _token is { } expected && token is not null &&
        CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(expected), System.Text.Encoding.ASCII.GetBytes(token));

    /// <summary>Creates the first administrator through the link, which closes it.</summary>
    public async Task<AccountInfo> CreateAdministratorAsync(AccountService accounts, string token, string? email, string? displayName, string? password)
    {
        if (!Matches(token)) throw new GraphApi.Domain.NotFoundException(GraphApi.Domain.Texts.Get("accounts.setup.used"));
        var created = await accounts.CreateAsync(email, displayName, password, administrator: true);
        Close();
        return created;
    }
}
