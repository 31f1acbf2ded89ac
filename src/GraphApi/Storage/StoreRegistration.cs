using GraphApi.Storage.Neo4j;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GraphApi.Storage;

public static class StoreRegistration
{
    /// <summary>
    /// The store named by Store:Provider: Sqlite (default) or Neo4j. Chosen when first asked for, so that settings
    /// added late (a test host's, say) count.
    /// </summary>
    public static IServiceCollection AddGraphStore(this IServiceCollection services)
    {
        services.AddOptions<Neo4jOptions>().BindConfiguration("Neo4j");
        services.AddSingleton<SqliteGraphStore>();
        services.AddSingleton<Neo4jGraphStore>();
        return services.AddSingleton<IGraphStore>(sp => sp.GetRequiredService<IOptions<StoreOptions>>().Value.Provider.ToLowerInvariant() switch
        {
            "sqlite" => sp.GetRequiredService<SqliteGraphStore>(),
            "neo4j" => sp.GetRequiredService<Neo4jGraphStore>(),
            var other => throw new ArgumentException($"Store:Provider must be Sqlite or Neo4j, not '{other}'."),
        });
    }
}
