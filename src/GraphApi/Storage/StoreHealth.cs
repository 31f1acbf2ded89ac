using System.Text.Json;
using GraphApi.Storage.Neo4j;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace GraphApi.Storage;

/// <summary>Whether the store answers, and which one it is ("Sqlite" or "Neo4j" at its URL).</summary>
public sealed class StoreHealthCheck(IGraphStore store) : IHealthCheck
{
    public static string Describe(IGraphStore store) => store switch
    {
        Neo4jGraphStore neo4j => $"Neo4j {neo4j.Url}",
        _ => "Sqlite",
    };

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        var name = store is Neo4jGraphStore ? "Neo4j" : "Sqlite";
        var data = new Dictionary<string, object> { ["store"] = name };
        try
        {
            var heads = await store.ReadHeadsAsync(ct);
            return HealthCheckResult.Healthy($"{Describe(store)}: {heads.Count} networks", data);
        }
        catch (Exception e)
        {
            return HealthCheckResult.Unhealthy($"{Describe(store)} cannot be read: {e.Message}", e, data);
        }
    }
}

/// <summary>Free space where the SQLite file (or, with Neo4j, the app's data folder) lives: below 100 MB is unhealthy.</summary>
public sealed class DiskHealthCheck(IOptions<StoreOptions> options) : IHealthCheck
{
    public const long MinimumFreeBytes = 100L * 1024 * 1024;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(options.Value.DatabasePath)) ?? Path.GetTempPath();
        while (!Directory.Exists(folder) && Path.GetDirectoryName(folder) is { } parent) folder = parent;
        var free = new DriveInfo(folder).AvailableFreeSpace;
        var description = $"{free / (1024 * 1024)} MB free in {folder}";
        return Task.FromResult(free >= MinimumFreeBytes ? HealthCheckResult.Healthy(description) : HealthCheckResult.Unhealthy(description));
    }
}

/// <summary>/health as JSON: <c>{"status": "Healthy", "checks": {"store": {...}, "disk": {...}}}</c>.</summary>
public static class HealthResponse
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new
            {
                status = e.Value.Status.ToString(),
                description = e.Value.Description,
                store = e.Value.Data.TryGetValue("store", out var store) ? store : null,
            }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        }));
    }
}
