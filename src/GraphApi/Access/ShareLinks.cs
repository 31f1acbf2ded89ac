using GraphApi.Domain;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace GraphApi.Access;

/// <summary>
/// Opening a share link: <c>/s/{token}</c> checks the token, puts it into a cookie and sends the browser on to the view the
/// link was made of (<c>/networks/{id}</c>, <c>/table</c>, <c>/report</c> or <c>/present</c> with its filters). From then on
/// every request of that browser — pages, the Blazor circuit, the hub, the API — carries the cookie, and
/// <see cref="UseShareLinks"/> turns it into a principal that is a viewer of that one network (<see cref="Principals.ForShare"/>),
/// checked again on every request, so expiry and revocation take effect at once.
/// A cookie and not a token in every address: the circuit's and the hub's connections are opened by Blazor's script, which
/// would not carry a query token, and a token in the address bar spreads to history, logs and screenshots.
/// </summary>
public static class ShareLinks
{
    public const string CookieName = "NetworkGraph.Share";

    public static IEndpointRouteBuilder MapShareLinks(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/s/{token}", Open).WithName("OpenShareLink").ExcludeFromDescription().DecidedByHandler();
        return routes;
    }

    private static async Task<IResult> Open(string token, NetworkRights rights, HttpContext context, CancellationToken ct)
    {
        var link = await rights.ResolveAsync(token, ct);
        if (link is null)
        {
            context.Response.Cookies.Delete(CookieName);
            return Results.Content(Page(Texts.Get("roles.shareGone")), "text/html; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
        }
        context.Response.Cookies.Append(CookieName, token, new CookieOptions
        {
            HttpOnly = true, IsEssential = true, Path = "/", SameSite = SameSiteMode.Lax, Secure = context.Request.IsHttps, Expires = link.Expires,
        });
        return Results.Redirect(ViewPath(link));
    }

    /// <summary>Where the link leads: the network's page with the filters it was made with.</summary>
    public static string ViewPath(ShareLink link) => $"/networks/{Uri.EscapeDataString(link.NetworkId)}{link.View}";

    /// <summary>A share link's cookie makes a visitor who is not signed in the link's viewer, on every request.</summary>
    public static IApplicationBuilder UseShareLinks(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.Request.Cookies[CookieName] is { Length: > 0 } token && !Principals.IsSignedIn(context.User))
        {
            var link = await context.RequestServices.GetRequiredService<NetworkRights>().ResolveAsync(token, context.RequestAborted);
            if (link is null) context.Response.Cookies.Delete(CookieName);
            else context.User = Principals.ForShare(link);
        }
        await next(context);
    });

    private static string Page(string message) =>
        $"<!DOCTYPE html><html lang=\"{(Texts.German ? "de" : "en")}\"><head><meta charset=\"utf-8\"><title>NetworkGraph</title></head>" +
        $"<body><main><h1>{System.Net.WebUtility.HtmlEncode(message)}</h1></main></body></html>";
}
