using System.Threading.RateLimiting;
using GraphApi.Domain;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GraphApi.Edge;

/// <summary>
/// One budget per client — the signed-in user, else the address — for the HTTP API (with the hub's negotiation) and
/// one for live calls over all of a client's connections together: twenty connections get no more than one.
/// Idle budgets are dropped by the limiter, so clients that come and go do not make memory grow.
/// </summary>
public static class RateLimits
{
    /// <summary>Who a request is charged to.</summary>
    public static string ClientOf(HttpContext? context) =>
        GraphApi.Accounts.Users.IdOf(context?.User) is { } id ? "user:" + id : AddressOf(context);

    private static string AddressOf(HttpContext? context) => "address:" + (context?.Connection.RemoteIpAddress?.ToString() ?? "unknown");

    /// <summary>A password guess: the API's sign-in and the sign-in page's form post. Limited per address, signed in or not.</summary>
    public static bool IsSignIn(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) && (request.Path.Equals("/api/auth/login", StringComparison.OrdinalIgnoreCase) ||
                                               request.Path.Equals("/login", StringComparison.OrdinalIgnoreCase) ||
                                               request.Path.StartsWithSegments("/setup"));

    public static IServiceCollection AddRateLimits(this IServiceCollection services)
    {
        services.AddSingleton<LiveRateLimit>();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (rejected, ct) =>
            {
                var context = rejected.HttpContext;
                if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after))
                    context.Response.Headers.RetryAfter = ((int)Math.Ceiling(after.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context,
                    ProblemDetails = new ProblemDetails
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Title = IsSignIn(context.Request) ? Texts.Get("accounts.signin.tooMany")
                            : Texts.Get("edge.tooManyRequestsPleaseSlow"),
                    },
                });
            };
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                // The API, and opening a live connection; the calls over an open connection have their own budget.
                var path = context.Request.Path;
                if (IsSignIn(context.Request))
                {
                    var perMinute = Math.Max(1, context.RequestServices.GetRequiredService<IOptionsMonitor<GraphApi.Accounts.AuthOptions>>().CurrentValue.SignInsPerMinute);
                    return RateLimitPartition.GetFixedWindowLimiter("signin:" + AddressOf(context), _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0, AutoReplenishment = true,
                    });
                }
                if (!path.StartsWithSegments("/api") && !(path.StartsWithSegments("/hubs") && path.Value!.EndsWith("/negotiate", StringComparison.Ordinal)))
                    return RateLimitPartition.GetNoLimiter("");
                var edge = context.RequestServices.GetRequiredService<IOptionsMonitor<EdgeOptions>>().CurrentValue;
                return RateLimitPartition.GetTokenBucketLimiter(ClientOf(context), _ => Bucket(edge.RequestsPerSecond, edge.RequestBurst));
            });
        });
        return services;
    }

    /// <summary>A bucket of <paramref name="burst"/> tokens refilled in small steps (every 100 ms, or one token at a time below 10 a second).</summary>
    internal static TokenBucketRateLimiterOptions Bucket(double perSecond, int burst) => new()
    {
        TokenLimit = burst,
        TokensPerPeriod = perSecond >= 10 ? (int)Math.Round(perSecond / 10) : 1,
        ReplenishmentPeriod = perSecond >= 10 ? TimeSpan.FromMilliseconds(100) : TimeSpan.FromSeconds(1 / Math.Max(perSecond, 0.001)),
        QueueLimit = 0,
        AutoReplenishment = true,
    };
}

/// <summary>Live calls (hub methods) charged to the client's one budget; a flood gets an error to that caller only.</summary>
public sealed class LiveRateLimit(IOptionsMonitor<EdgeOptions> options) : IHubFilter, IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(client =>
        RateLimitPartition.GetTokenBucketLimiter(client, _ => RateLimits.Bucket(options.CurrentValue.LiveCallsPerSecond, options.CurrentValue.LiveBurst)));

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext context, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        // Only the live API is charged. Hub filters registered in AddSignalR apply to Blazor's circuit hub too, where every
        // pointer move, key, JS answer and render acknowledgement is a call: charged to one budget per user, a busy user's
        // circuits lost keys, pans and the map's size (the map never became ready).
        if (context.Hub is not GraphApi.Live.NetworkHub) return await next(context);
        using (var lease = _limiter.AttemptAcquire(RateLimits.ClientOf(context.Context.GetHttpContext())))
            if (!lease.IsAcquired) throw new HubException(Texts.Get("edge.tooManyCallsPleaseSlow"));
        return await next(context);
    }

    public void Dispose() => _limiter.Dispose();
}
