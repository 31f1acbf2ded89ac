using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace GraphApi.Accounts;

/// <summary>
/// The claims of a signed-in account (cookie and bearer token alike): Identity's user id, name and e-mail and roles,
/// plus <see cref="Users.DisplayNameClaim"/>, so that the history and presence need no database lookup per request.
/// </summary>
public sealed class AccountClaims(UserManager<Account> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<Account, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(Account user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(Users.DisplayNameClaim, string.IsNullOrWhiteSpace(user.DisplayName) ? user.Email ?? user.UserName ?? "" : user.DisplayName));
        if (!identity.HasClaim(c => c.Type == ClaimTypes.Email) && user.Email is { } email) identity.AddClaim(new Claim(ClaimTypes.Email, email));
        return identity;
    }
}

/// <summary>Identity's messages in the request's language (German by default), from the resx block <c>accounts</c>.</summary>
public sealed class AccountErrors : IdentityErrorDescriber
{
    private static IdentityError E(string code, string key, params object?[] args) => new() { Code = code, Description = GraphApi.Domain.Texts.Get(key, args) };

    public override IdentityError DuplicateEmail(string email) => E(nameof(DuplicateEmail), "accounts.error.duplicateEmail", email);
    public override IdentityError DuplicateUserName(string userName) => E(nameof(DuplicateUserName), "accounts.error.duplicateEmail", userName);
    public override IdentityError InvalidEmail(string? email) => E(nameof(InvalidEmail), "accounts.error.invalidEmail", email);
    public override IdentityError InvalidUserName(string? userName) => E(nameof(InvalidUserName), "accounts.error.invalidEmail", userName);
    public override IdentityError PasswordMismatch() => E(nameof(PasswordMismatch), "accounts.error.passwordMismatch");
    public override IdentityError PasswordTooShort(int length) => E(nameof(PasswordTooShort), "accounts.error.passwordTooShort", length);
    public override IdentityError PasswordRequiresDigit() => E(nameof(PasswordRequiresDigit), "accounts.error.passwordDigit");
    public override IdentityError PasswordRequiresLower() => E(nameof(PasswordRequiresLower), "accounts.error.passwordLower");
    public override IdentityError PasswordRequiresUpper() => E(nameof(PasswordRequiresUpper), "accounts.error.passwordUpper");
    public override IdentityError PasswordRequiresNonAlphanumeric() => E(nameof(PasswordRequiresNonAlphanumeric), "accounts.error.passwordSymbol");
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => E(nameof(PasswordRequiresUniqueChars), "accounts.error.passwordUnique", uniqueChars);
    public override IdentityError DefaultError() => E(nameof(DefaultError), "accounts.error.default");
}

/// <summary>
/// Sign-in names are e-mail addresses in any script ("jürgen.müller@kreis-peine.de"), so Identity's ASCII list is off
/// (<see cref="UserOptions.AllowedUserNameCharacters"/> is empty); what stays refused is what breaks a display:
/// control characters and blanks, in the name and in the display name.
/// </summary>
public sealed class AccountValidator : IUserValidator<Account>
{
    public Task<IdentityResult> ValidateAsync(UserManager<Account> manager, Account user)
    {
        var errors = new List<IdentityError>();
        if (user.UserName is { } name && name.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
            errors.Add(new AccountErrors().InvalidUserName(name));
        if (string.IsNullOrWhiteSpace(user.DisplayName) || user.DisplayName.Length > Account.MaxDisplayName || user.DisplayName.Any(char.IsControl))
            errors.Add(new IdentityError { Code = "InvalidDisplayName", Description = GraphApi.Domain.Texts.Get("accounts.error.displayName", Account.MaxDisplayName) });
        return Task.FromResult(errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]));
    }
}
