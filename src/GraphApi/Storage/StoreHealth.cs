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

/// <summary>"Health" configuration section.</summary>
public sealed class DiskHealthOptions
{
    /// <summary>Below this much free space (MB) where the data lives, /health reports the disk as full (Unhealthy, 503).</summary>
    public long DiskMinimumFreeMegabytes { get; set; } = 100;
}

/// <summary>
/// Free space where the SQLite file (or, with Neo4j, the app's data folder) lives: below Health:DiskMinimumFreeMegabytes
/// (100 MB by default) the disk is full and the app unhealthy, before a commit fails for want of space.
/// </summary>
public sealed class DiskHealthCheck(IOptions<StoreOptions> options, IOptions<DiskHealthOptions> health) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(options.Value.DatabasePath)) ?? Path.GetTempPath();
        while (!Directory.Exists(folder) && Path.GetDirectoryName(folder) is { } parent) folder = parent;
        var free = new DriveInfo(folder).AvailableFreeSpace;
        var minimum = health.Value.DiskMinimumFreeMegabytes * 1024 * 1024;
        var data = new Dictionary<string, object> { ["freeBytes"] = free, ["minimumFreeBytes"] = minimum };
        var description = $"{free / (1024 * 1024)} MB free in {folder} (at least {minimum / (1024 * 1024)} MB wanted)";
        return Task.FromResult(free >= minimum
            ? HealthCheckResult.Healthy(description, data)
            : HealthCheckResult.Unhealthy($"Disk full: {description}", data: data));
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
                freeBytes = e.Value.Data.TryGetValue("freeBytes", out var free) ? free : null,
                minimumFreeBytes = e.Value.Data.TryGetValue("minimumFreeBytes", out var minimum) ? minimum : null,
            }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        }));
    }
}
