namespace GraphUi.Localization;

internal static class LanguageSwitch
{
    /// <summary>GET /lang/{code}?return=/path: remembers the language in a cookie and goes back to the page.</summary>
    public static void MapLanguageSwitch(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/lang/{code}", (string code, string? @return, HttpContext context) =>
        {
            if (UiText.Languages.Contains(code))
                context.Response.Cookies.Append(UiText.CookieName, code,
                    new CookieOptions { MaxAge = TimeSpan.FromDays(365), SameSite = SameSiteMode.Lax, HttpOnly = false, IsEssential = true });
            // Only local paths: the switch must not become an open redirect.
            var target = @return is { Length: > 0 } && @return.StartsWith('/') && !@return.StartsWith("//") ? @return : "/";
            return Results.LocalRedirect(target);
        }).ExcludeFromDescription();
}
