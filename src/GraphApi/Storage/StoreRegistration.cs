using GraphApi.Storage.Neo4j;
using Microsoft.Extensions.DependencyInjection;

namespace GraphApi.Storage;

public static class StoreRegistration
{
    /// <summary>The store named by Store:Provider: Sqlite (default) or Neo4j.</summary>
    public static IServiceCollection AddGraphStore(this IServiceCollection services, string? provider) =>
        (provider ?? "Sqlite").ToLowerInvariant() switch
        {
            "sqlite" => services.AddSingleton<IGraphStore, SqliteGraphStore>(),
            "neo4j" => services.AddSingleton<IGraphStore, Neo4jGraphStore>(),
            _ => throw new ArgumentException($"Store:Provider must be Sqlite or Neo4j, not '{provider}'."),
        };
}
