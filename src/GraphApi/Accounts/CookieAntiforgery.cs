using GraphApi.Domain;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace GraphApi.Accounts;

/// <summary>
/// A state-changing API call that a browser makes with the sign-in cookie must also carry the antiforgery header
/// (<c>GET /api/auth/antiforgery</c> gives it): a foreign page can make the browser send the cookie, never the header.
/// Calls with a bearer token need none (a foreign page cannot make a browser send one). Forms of the pages are checked
/// by Blazor's own antiforgery (<c>UseAntiforgery</c>).
/// </summary>
public sealed class CookieAntiforgery(RequestDelegate next, IAntiforgery antiforgery, IProblemDetailsService problems)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.Path.StartsWithSegments("/api") && !IsSafe(request.Method) && context.User.Identity?.IsAuthenticated == true &&
            !AccountsRegistration.IsBearer(request) &&
            !await antiforgery.IsRequestValidAsync(context))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = new ProblemDetails
                {
                    Status = StatusCodes.Status400BadRequest,
                    Title = Texts.Get("accounts.antiforgery", HeaderName),
                    Extensions = { ["errors"] = new Dictionary<string, string[]> { [HeaderName] = [Texts.Get("accounts.antiforgery", HeaderName)] } },
                },
            });
            return;
        }
        await next(context);
    }

    /// <summary>The header the token travels in (ASP.NET Core's default).</summary>
    public const string HeaderName = "RequestVerificationToken";

    private static bool IsSafe(string method) => HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method);
}
