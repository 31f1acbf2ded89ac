using GraphApi.Access;
using GraphApi.Accounts;
using GraphApi.Localization;
using GraphApi.Domain;
using GraphApi.Edge;
using GraphApi.Exchange;
using GraphApi.Exchange.Svg;
using GraphApi.Live;
using GraphApi.Networks;
using GraphApi.Seeding;
using GraphApi.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace GraphApi.Api;

public static class GraphApiExtensions
{
    /// <summary>Everything the API needs: store, service, validation, JSON conventions, errors, OpenAPI, health.</summary>
    public static IHostApplicationBuilder AddGraphApi(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        // Answer only to known host names (DNS rebinding) unless the deployment names its own.
        if (string.IsNullOrWhiteSpace(builder.Configuration["AllowedHosts"])) builder.Configuration["AllowedHosts"] = EdgeOptions.DefaultAllowedHosts;
        services.AddOptions<EdgeOptions>().BindConfiguration("Edge");
        services.AddRateLimits();
        builder.AddAccounts();
        services.AddOptions<StoreOptions>().BindConfiguration("Store");
        services.AddOptions<GraphLimits>().BindConfiguration("Graph:Limits");
        services.AddSingleton(TimeProvider.System);
        services.AddGraphStore();
        services.AddSingleton(sp => new EntityValidator(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<GraphLimits>>().Value));
        services.AddSingleton<NetworkService>();
        services.AddSingleton<MeetingService>();
        services.AddSingleton<ChangeSentences>();
        services.AddSingleton<Comparisons>();
        services.AddSingleton<NetworkExchange>();
        services.AddExchangeFormats();
        services.AddSvgExport();
        services.AddSingleton<SeedLoader>();
        services.AddNetworkAccess();

        services.ConfigureHttpJsonOptions(o => GraphJson.Configure(o.SerializerOptions));
        // Minimal APIs answer unreadable bodies with a bare 400 unless told to throw; the ProblemHandler gives them the common shape.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ProblemHandler.TranslateFrameworkTitle);
        services.AddGraphLocalization();
        services.AddExceptionHandler<ProblemHandler>();
        services.AddOpenApi();
        services.AddSingleton<Presence>();
        services.AddSingleton<LiveSession>();
        services.AddSingleton<LiveBroadcaster>();
        services.AddHostedService(sp => sp.GetRequiredService<LiveBroadcaster>());
        services.AddSingleton<StoreFollower>();
        services.AddHostedService(sp => sp.GetRequiredService<StoreFollower>());
        var signalR = services.AddSignalR(o =>
            {
                o.MaximumReceiveMessageSize = 256 * 1024; // a few thousand node positions; more is a mistake or an attack
                o.AddFilter<HubCulture>();
                o.AddFilter<LiveRateLimit>();
                o.AddFilter<HubAccessFilter>(); // roles: after the rate limit, so a flood of refused calls is still a flood
            })
            .AddJsonProtocol(o => GraphJson.Configure(o.PayloadSerializerOptions));
        services.AddLiveBus(signalR, builder.Configuration["Live:Redis"]);
        services.AddHealthChecks().AddCheck<StoreHealthCheck>("store").AddCheck<DiskHealthCheck>("disk");
        // privacy (issue 10): trash, its purging job, persons' data
        services.AddOptions<GraphApi.Privacy.PrivacyOptions>().BindConfiguration("Privacy");
        services.AddOptions<DiskHealthOptions>().BindConfiguration("Health");
        services.AddSingleton<GraphApi.Privacy.TrashService>();
        services.AddSingleton<GraphApi.Privacy.TrashPurger>();
        services.AddHostedService(sp => sp.GetRequiredService<GraphApi.Privacy.TrashPurger>());
        services.AddSingleton<GraphApi.Privacy.PersonData>();
        return builder;
    }

    /// <summary>Creates or migrates the schema and loads the seed networks into an empty store.</summary>
    public static async Task InitializeGraphStoreAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        await services.GetRequiredService<IGraphStore>().InitializeAsync(ct);
        await services.GetRequiredService<SeedLoader>().SeedIfEmptyAsync(ct);
    }

    /// <summary>The API's middleware: one error shape for exceptions and for bare status codes under /api.</summary>
    public static IApplicationBuilder UseGraphApi(this IApplicationBuilder app)
    {
        // Before the exception handler, so that the problems it writes are in the request's language too.
        app.UseRequestLocalization();
        app.UseMiddleware<EdgeGuard>();
        // Before the rate limiter, which charges a signed-in request to its user.
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseShareLinks(); // roles: a share link's cookie makes its visitor a viewer of that one network
        app.UseExceptionHandler();
        app.UseMiddleware<CookieAntiforgery>();
        // API routes answer every bare status (an unknown route, say) with ProblemDetails; pages have their own 404 page.
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api => api.UseStatusCodePages());
        return app;
    }

    public static IEndpointRouteBuilder MapGraphApi(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi();
        app.MapHealthChecks("/health", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions { ResponseWriter = HealthResponse.WriteAsync });
        // Every network endpoint and the live hub need a signed-in user (cookie or bearer token) or a share link's visitor;
        // what each may do on a network is decided by the roles' one gate (NetworkAccessFilter asks NetworkAccess).
        // Sign-in, the OpenAPI document and /health stay open.
        app.MapHub<NetworkHub>(NetworkHub.Path).RequireAuthorization();
        var api = app.MapGroup("").RequireAuthorization().AddEndpointFilter<NetworkAccessFilter>();
        api.MapNetworks();
        api.MapEntities();
        api.MapExchange();
        api.MapDiagram();
        api.MapAnalysis();
        api.MapPrivacy();
        api.MapAccess();
        app.MapShareLinks();
        app.MapAccounts();
        return app;
    }
}
