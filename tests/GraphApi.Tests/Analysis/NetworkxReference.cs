using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GraphApi.Tests.Analysis;

/// <summary>What <c>reference.py</c> reports for one graph (networkx's results).</summary>
public sealed record NetworkxResult(
    double[] Degree, double[] Betweenness, double[] Closeness, double[] Pagerank,
    int[][] Components, NetworkxArticulationPoint[] ArticulationPoints, NetworkxBridge[] Bridges,
    double? LouvainModularity, double? PartitionModularity);

public sealed record NetworkxArticulationPoint(int Node, int[] Parts);

public sealed record NetworkxBridge(int U, int V, int PartU, int PartV);

/// <summary>Runs the committed networkx script (python3 with networkx 3.x must be installed, as on every machine of this project).</summary>
public static class NetworkxReference
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly ConcurrentDictionary<string, Lazy<NetworkxResult>> Cache = new();

    /// <summary>The result for a named graph, computed once per test run and shared by the tests that compare against it.</summary>
    public static NetworkxResult For(string name, Func<NetworkxResult> compute) =>
        Cache.GetOrAdd(name, _ => new Lazy<NetworkxResult>(compute)).Value;

    public static NetworkxResult Run(EdgeList graph, int? louvainSeed = null, int[]? partition = null)
    {
        var request = new Request(graph.Nodes, [.. graph.Edges.Select(e => new[] { e.U, e.V })], louvainSeed, partition);
        var script = Path.Combine(AppContext.BaseDirectory, "Analysis", "reference.py");
        var start = new ProcessStartInfo("python3", [script])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start.");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        process.StandardInput.Write(JsonSerializer.Serialize(request, Json));
        process.StandardInput.Close();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill();
            throw new TimeoutException("reference.py did not finish within two minutes.");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"reference.py failed ({process.ExitCode}): {stderr.Result}");
        return JsonSerializer.Deserialize<NetworkxResult>(stdout.Result, Json)!;
    }

    private sealed record Request(
        int Nodes, int[][] Edges,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? LouvainSeed,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int[]? Partition);
}
