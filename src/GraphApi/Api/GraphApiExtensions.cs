using GraphApi.Domain;
using GraphApi.Exchange;
using GraphApi.Networks;
using GraphApi.Seeding;
using GraphApi.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
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
        services.AddOptions<StoreOptions>().BindConfiguration("Store");
        services.AddOptions<GraphLimits>().BindConfiguration("Graph:Limits");
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IGraphStore, SqliteGraphStore>();
        services.AddSingleton(sp => new EntityValidator(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<GraphLimits>>().Value));
        services.AddSingleton<NetworkService>();
        services.AddSingleton<NetworkExchange>();
        services.AddSingleton<SeedLoader>();

        services.ConfigureHttpJsonOptions(o => GraphJson.Configure(o.SerializerOptions));
        // Minimal APIs answer unreadable bodies with a bare 400 unless told to throw; the ProblemHandler gives them the common shape.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemHandler>();
        services.AddOpenApi();
        services.AddHealthChecks().AddCheck<StoreHealthCheck>("store");
        return builder;
    }

    /// <summary>Creates or migrates the schema and loads the seed networks into an empty store.</summary>
    public static async Task InitializeGraphStoreAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        await services.GetRequiredService<IGraphStore>().InitializeAsync(ct);
        await services.GetRequiredService<SeedLoader>().SeedIfEmptyAsync(ct);
    }

    public static WebApplication MapGraphApi(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapOpenApi();
        app.MapHealthChecks("/health");
        app.MapNetworks();
        app.MapEntities();
        app.MapExchange();
        app.MapDiagram();
        app.MapAnalysis();
        return app;
    }

    private sealed class StoreHealthCheck(IGraphStore store) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
        {
            try
            {
                var networks = await store.ListNetworksAsync(ct);
                return HealthCheckResult.Healthy($"{networks.Count} networks");
            }
            catch (Exception e)
            {
                return HealthCheckResult.Unhealthy("The store cannot be read.", e);
            }
        }
    }
}
