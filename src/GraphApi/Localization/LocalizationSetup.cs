using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace GraphApi.Localization;

/// <summary>
/// One way to choose the language for every request: <c>?lang=</c>, then the language cookie that the header's
/// switch sets, then — for API and hub clients only — Accept-Language. German when nothing says otherwise: the users
/// are German integration coordinators, whatever their browser's language. A Blazor circuit keeps the culture of
/// the request that started it.
/// </summary>
public static class LocalizationSetup
{
    public static readonly string[] Languages = ["de", "en"];

    public static IServiceCollection AddGraphLocalization(this IServiceCollection services)
    {
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.SetDefaultCulture("de").AddSupportedCultures(Languages).AddSupportedUICultures(Languages);
            o.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider { QueryStringKey = "lang", UIQueryStringKey = "lang" },
                new CookieRequestCultureProvider(),
                new ClientsOnly(new AcceptLanguageHeaderRequestCultureProvider()),
            ];
        });
        return services;
    }

    /// <summary>GET /lang/{code}?return=/path: remembers the language in the culture cookie and goes back to the page.</summary>
    public static IEndpointRouteBuilder MapLanguageSwitch(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/lang/{code}", (string code, string? @return, HttpContext context) =>
        {
            if (Languages.Contains(code))
                context.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(code)),
                    new CookieOptions { MaxAge = TimeSpan.FromDays(365), SameSite = SameSiteMode.Lax, IsEssential = true });
            // Only local paths: the switch must not become an open redirect.
            var target = @return is { Length: > 0 } && @return.StartsWith('/') && !@return.StartsWith("//") && !@return.StartsWith("/\\") ? @return : "/";
            return Results.LocalRedirect(target);
        }).ExcludeFromDescription();
        return routes;
    }

    /// <summary>A provider that only speaks for programs (the API and the hub), not for pages.</summary>
    private sealed class ClientsOnly(IRequestCultureProvider inner) : IRequestCultureProvider
    {
        public Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext context) =>
            context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/hubs")
                ? inner.DetermineProviderCultureResult(context)
                : Task.FromResult<ProviderCultureResult?>(null);
    }
}
