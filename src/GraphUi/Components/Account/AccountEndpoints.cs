using GraphApi.Accounts;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace GraphUi.Components.Account;

/// <summary>Sign-out (a form post with the antiforgery token) and the way to the administration's identity provider.</summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountPages(this IEndpointRouteBuilder app)
    {
        app.MapPost("/logout", async (SignInManager<GraphApi.Accounts.Account> signIn) =>
        {
            await signIn.SignOutAsync();
            return Results.LocalRedirect("/login");
        }).WithMetadata(new RequireAntiforgeryTokenAttribute()).ExcludeFromDescription();

        app.MapGet("/login/oidc", (string? returnUrl) => Results.Challenge(
                new AuthenticationProperties { RedirectUri = IsLocal(returnUrl) ? returnUrl : "/" }, [AccountsRegistration.OidcScheme]))
            .AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static bool IsLocal(string? path) => path is { Length: > 0 } && path.StartsWith('/') && !path.StartsWith("//") && !path.StartsWith("/\\");
}
