using GraphApi.Domain;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GraphApi.Accounts;

public sealed record LoginRequest(string? Email, string? Password);
public sealed record RefreshRequest(string? RefreshToken);
public sealed record Me(string Id, string Email, string DisplayName, bool Administrator);
public sealed record RenameRequest(string? DisplayName);
public sealed record PasswordChange(string? CurrentPassword, string? Password);
public sealed record NewAccount(string? Email, string? DisplayName, string? Password, bool Administrator = false);
public sealed record PasswordReset(string? Password);
public sealed record AntiforgeryAnswer(string HeaderName, string Token);

/// <summary>
/// Sign-in for scripts (<c>POST /api/auth/login</c> answers Identity's bearer token), one's own account, and the
/// administrators' account management. There is no self-registration: <c>/api/auth/register</c> does not exist.
/// </summary>
public static class AuthApi
{
    public static IEndpointRouteBuilder MapAccounts(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/auth").WithTags("Accounts");
        auth.MapPost("/login", Login).AllowAnonymous().WithName("Login").WithSummary("Signs in with e-mail and password; answers a bearer token.");
        auth.MapPost("/refresh", Refresh).AllowAnonymous().WithName("Refresh").WithSummary("A new bearer token for a refresh token.");
        auth.MapGet("/me", (HttpContext c) => TypedResults.Ok(MeOf(c))).RequireAuthorization().WithName("Me");
        auth.MapPut("/me", Rename).RequireAuthorization().WithName("Rename").WithSummary("Changes one's own display name.");
        auth.MapPost("/me/password", ChangePassword).RequireAuthorization().WithName("ChangePassword");
        auth.MapGet("/antiforgery", Antiforgery).RequireAuthorization().WithName("Antiforgery")
            .WithSummary("The header a cookie-authenticated browser sends with state-changing API calls.");

        var accounts = app.MapGroup("/api/accounts").WithTags("Accounts")
            .RequireAuthorization(p => p.RequireAssertion(c => Users.IsAdministrator(c.User)));
        accounts.MapGet("/", async (AccountService s, CancellationToken ct) => TypedResults.Ok(await s.ListAsync(ct))).WithName("ListAccounts");
        accounts.MapPost("/", async (NewAccount? body, AccountService s, CancellationToken ct) =>
        {
            var b = Api.ApiConventions.Body(body);
            var created = await s.CreateAsync(b.Email, b.DisplayName, b.Password, b.Administrator, ct);
            return TypedResults.Created($"/api/accounts/{created.Id}", created);
        }).WithName("CreateAccount");
        accounts.MapPost("/{id}/password", async (string id, PasswordReset? body, AccountService s) =>
        {
            await s.ResetPasswordAsync(id, Api.ApiConventions.Body(body).Password);
            return TypedResults.NoContent();
        }).WithName("ResetPassword");
        accounts.MapPost("/{id}/lock", async (string id, AccountService s) => { await s.LockAsync(id); return TypedResults.NoContent(); }).WithName("LockAccount");
        accounts.MapPost("/{id}/unlock", async (string id, AccountService s) => { await s.UnlockAsync(id); return TypedResults.NoContent(); }).WithName("UnlockAccount");
        return app;
    }

    public static Me MeOf(HttpContext context) =>
        new(Users.IdOf(context.User) ?? "", Users.EmailOf(context.User) ?? "", Users.DisplayNameOf(context.User), Users.IsAdministrator(context.User));

    /// <summary><c>?useCookies=true</c> signs a browser in with the cookie instead (as Identity's own API does).</summary>
    private static async Task<IResult> Login(LoginRequest? body, SignInManager<Account> signIn, bool? useCookies)
    {
        var b = Api.ApiConventions.Body(body);
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(b.Email)) errors.Add("email", Texts.Get("accounts.error.required"));
        if (string.IsNullOrEmpty(b.Password)) errors.Add("password", Texts.Get("accounts.error.required"));
        errors.ThrowIfAny();
        signIn.AuthenticationScheme = useCookies == true ? IdentityConstants.ApplicationScheme : IdentityConstants.BearerScheme;
        var result = await signIn.PasswordSignInAsync(b.Email!.Trim(), b.Password!, isPersistent: false, lockoutOnFailure: true);
        // The bearer handler has written the token answer; the cookie handler has set the cookie.
        if (result.Succeeded) return useCookies == true ? TypedResults.NoContent() : TypedResults.Empty;
        return Refused(result.IsLockedOut);
    }

    /// <summary>401 with the reason in words; a wrong e-mail and a wrong password read the same (no account probing).</summary>
    public static IResult Refused(bool lockedOut) => TypedResults.Problem(
        statusCode: StatusCodes.Status401Unauthorized,
        title: Texts.Get(lockedOut ? "accounts.login.locked" : "accounts.login.failed"),
        extensions: new Dictionary<string, object?> { ["lockedOut"] = lockedOut });

    private static async Task<IResult> Refresh(RefreshRequest? body, SignInManager<Account> signIn,
        IOptionsMonitor<BearerTokenOptions> bearer, TimeProvider clock)
    {
        var protector = bearer.Get(IdentityConstants.BearerScheme).RefreshTokenProtector;
        var ticket = protector.Unprotect(Api.ApiConventions.Body(body).RefreshToken);
        if (ticket?.Properties.ExpiresUtc is not { } expires || clock.GetUtcNow() >= expires ||
            await signIn.ValidateSecurityStampAsync(ticket.Principal) is not { } account || await signIn.UserManager.IsLockedOutAsync(account))
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: Texts.Get("accounts.login.refreshRefused"));
        var principal = await signIn.CreateUserPrincipalAsync(account);
        return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
    }

    private static async Task<IResult> Rename(RenameRequest? body, HttpContext context, AccountService s)
    {
        var id = Users.IdOf(context.User)!;
        await s.RenameAsync(id, Api.ApiConventions.Body(body).DisplayName);
        return TypedResults.Ok(await s.FindAsync(id));
    }

    private static async Task<NoContent> ChangePassword(PasswordChange? body, HttpContext context, AccountService s)
    {
        var b = Api.ApiConventions.Body(body);
        await s.ChangePasswordAsync(Users.IdOf(context.User)!, b.CurrentPassword, b.Password);
        return TypedResults.NoContent();
    }

    private static Ok<AntiforgeryAnswer> Antiforgery(HttpContext context, IAntiforgery antiforgery)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        return TypedResults.Ok(new AntiforgeryAnswer(tokens.HeaderName!, tokens.RequestToken!));
    }
}
