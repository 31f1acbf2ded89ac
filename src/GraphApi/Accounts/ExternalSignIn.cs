using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using GraphApi.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace GraphApi.Accounts;

/// <summary>
/// User ids that every host derives alike. Each host has its own <c>accounts.db</c>, but roles per network and the
/// history's author ids live in the shared graph store, keyed by user id: so the same person must get the same id on every
/// host without the hosts talking to each other. The id is a hash of what identifies the person (never the e-mail or the
/// provider's subject in clear), shaped as a GUID like Identity's own ids.
/// </summary>
public static class AccountIds
{
    /// <summary>A person who signs in through an identity provider: its issuer and subject (unique per issuer, stable for life).</summary>
    public static string ForExternalLogin(string issuer, string subject) => Derive("oidc", issuer + "\n" + subject);

    /// <summary>The administrator of <c>Auth:Admin:Email</c>: the same on every host, so the seed networks have one owner.</summary>
    public static string ForConfiguredAdministrator(string email) => Derive("admin", email.Trim().ToUpperInvariant());

    private static string Derive(string kind, string value) =>
        new Guid(SHA256.HashData(Encoding.UTF8.GetBytes(kind + "\n" + value)).AsSpan(0, 16)).ToString();
}

/// <summary>What came of a sign-in through the identity provider: the local account's principal, or why not.</summary>
public sealed record ExternalSignInResult(ClaimsPrincipal? Principal, string? Error);

/// <summary>
/// Maps a person signed in by the identity provider (OpenID Connect's <c>OnTokenValidated</c>) onto a local account, the same
/// on every host: found by the external login (issuer, subject), which does not change when the person's e-mail does;
/// otherwise an account of that e-mail without a login yet (made by an administrator, or the configured administrator) takes
/// the login; otherwise a new account gets the id derived from issuer and subject (<see cref="AccountIds"/>).
/// </summary>
public sealed class ExternalSignIn(UserManager<Account> users, AccountService accounts, SignInManager<Account> signIn, IOptions<AuthOptions> options)
{
    public async Task<ExternalSignInResult> SignInAsync(ClaimsPrincipal external, CancellationToken ct = default)
    {
        var oidc = options.Value.Oidc;
        var subject = external.FindFirst("sub") ?? external.FindFirst(ClaimTypes.NameIdentifier);
        // Every ID token carries iss; the claim's issuer is the same value where the handler did not copy iss as a claim.
        var issuer = external.FindFirstValue("iss") ?? subject?.Issuer;
        var email = external.FindFirstValue(oidc.EmailClaim) ?? external.FindFirstValue("preferred_username") ?? external.FindFirstValue("upn");
        if (subject is null || string.IsNullOrWhiteSpace(subject.Value) || string.IsNullOrWhiteSpace(issuer))
            return new(null, Texts.Get("accounts.oidc.noSubject"));
        if (string.IsNullOrWhiteSpace(email)) return new(null, Texts.Get("accounts.oidc.noEmail"));

        var account = await users.FindByLoginAsync(issuer, subject.Value);
        if (account is null)
        {
            var id = AccountIds.ForExternalLogin(issuer, subject.Value);
            account = await users.FindByIdAsync(id) ?? await users.FindByEmailAsync(email);
            if (account is not null && (await users.GetLoginsAsync(account)).Any(l => l.LoginProvider == issuer && l.ProviderKey != subject.Value))
                return new(null, Texts.Get("accounts.oidc.otherPerson", email)); // the address passed to someone else at the provider
            if (account is null)
            {
                var name = external.FindFirstValue(oidc.NameClaim) ?? email;
                await accounts.CreateAsync(email, name, password: null, administrator: false, ct: ct, id: id);
                account = await users.FindByIdAsync(id);
            }
            if (account is null) return new(null, Texts.Get("accounts.error.default"));
            var linked = await users.AddLoginAsync(account, new UserLoginInfo(issuer, subject.Value, oidc.DisplayName ?? "OpenID Connect"));
            if (!linked.Succeeded) return new(null, string.Join(" ", linked.Errors.Select(e => e.Description)));
        }
        if (await users.IsLockedOutAsync(account)) return new(null, Texts.Get("accounts.login.locked"));
        return new(await signIn.CreateUserPrincipalAsync(account), null);
    }
}
