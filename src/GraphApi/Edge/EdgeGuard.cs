using GraphApi.Domain;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace GraphApi.Edge;

/// <summary>
/// What a foreign web page must not make a staff member's browser do: open the live hub or a Blazor circuit, or change
/// data, from another origin (browsers send <c>Origin</c> on every cross-origin request and WebSocket handshake, and
/// <c>Sec-Fetch-Site</c> on the rest). Scripts and the .NET clients send neither and pass; they are held by the sign-in.
/// Every answer also tells the browser to run no inline or foreign script, to show the app in no frame, not to guess
/// content types and to keep the path out of the Referer of other sites.
/// </summary>
public sealed class EdgeGuard(RequestDelegate next, IOptionsMonitor<EdgeOptions> options, IProblemDetailsService problems)
{
    /// <summary>
    /// No inline script anywhere; inline styles stay allowed because Blazor.Diagrams positions nodes with style
    /// attributes. <c>'self'</c> covers the circuit's and the hub's WebSockets to the same host.
    /// </summary>
    public const string ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; " +
        "base-uri 'self'; object-src 'none'";

    public async Task InvokeAsync(HttpContext context)
    {
        // When the response starts, so that error handlers that clear the response do not drop them.
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            return Task.CompletedTask;
        });
        if (ForeignOrigin(context.Request) is { } origin)
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = new ProblemDetails
                {
                    Status = StatusCodes.Status403Forbidden,
                    Title = Texts.Get("edge.requestsFromForeignWebSite"),
                    Detail = Texts.Get("edge.originIsNotThisApplication", origin),
                },
            });
            return;
        }
        await next(context);
    }

    /// <summary>The foreign origin of a request that would open a live connection or change data; null when it may.</summary>
    private string? ForeignOrigin(HttpRequest request)
    {
        var live = request.Path.StartsWithSegments("/hubs") || request.Path.StartsWithSegments("/_blazor");
        var changes = !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method));
        if (!live && !changes) return null;
        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0)
            return request.Headers["Sec-Fetch-Site"] == "cross-site" ? request.Headers.Referer.ToString() is { Length: > 0 } r ? r : "?" : null;
        if (SameHost(origin, request) || options.CurrentValue.AllowedOrigins.Contains(origin, StringComparer.OrdinalIgnoreCase)) return null;
        return origin;
    }

    /// <summary>
    /// The origin names this app's own host and port. The scheme is not compared, so that a proxy ending TLS in front
    /// of the app does not lock its users out; another site differs in host or port.
    /// </summary>
    private static bool SameHost(string origin, HttpRequest request) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri) &&
        string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
}
