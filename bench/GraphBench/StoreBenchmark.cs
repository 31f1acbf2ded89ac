using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using GraphApi.Api;
using GraphApi.Domain;
using GraphApi.Exchange;
using GraphApi.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace GraphBench;

/// <summary>
/// Issue 2's foundation figures: import, cold load and single writes on a large network, and graph
/// reads on a map-sized one, all through the real app over HTTP.
/// </summary>
public static class StoreBenchmark
{
    public const string Title = "Store and API (issue 2)";

    private const int WarmupWrites = 60, MeasuredWrites = 2_000;
    private const int WarmupGraphReads = 20, MeasuredGraphReads = 200;
    private const int ColdLoads = 3;

    private static readonly TimeSpan ImportTarget = TimeSpan.FromSeconds(10), LoadTarget = TimeSpan.FromSeconds(1);
    private const double WriteP99TargetMs = 10, GraphReadP95TargetMs = 50;

    public static async Task<ResultTable> RunAsync(BenchOptions options)
    {
        var table = new ResultTable(Title);
        await using (var app = await RunningApp.StartAsync(options.Synchronous))
        {
            await MeasureLargeNetworkAsync(app, options, table);
            await MeasureGraphReadsAsync(app, options, table);
            MeasureMemory(table);
            table.Add("SQLite file after the run (both networks, history)", Machine.Megabytes(new FileInfo(app.DatabasePath).Length));
        }
        table.Note($"Store:Synchronous = {options.Synchronous} (every acknowledged write is on disk with FULL); seed {options.Seed}.");
        table.Note("Client and server run in one process (server GC, as in the product host) and share its cores; times are round trips over HTTP/1.1 on 127.0.0.1.");
        return table;
    }

    /// <summary>Import twice, load cold, single writes, then import again into the warmed-up app, all on the large network.</summary>
    private static async Task MeasureLargeNetworkAsync(RunningApp app, BenchOptions options, ResultTable table)
    {
        var shape = NetworkShape.Large;
        var started = Stopwatch.GetTimestamp();
        var document = SyntheticNetwork.Generate(shape, options.Seed);
        var json = NetworkExchange.Serialize(document);
        var networkId = document.Network!.Id!;
        var entries = shape.Nodes + shape.Memberships + shape.Collaborations;
        Console.WriteLine($"Generated the large network ({entries:N0} entries, {Machine.Megabytes(json.Length)} of JSON) in {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s.");
        table.Note($"Large network: {shape.Actors:N0} actors, {shape.Bodies:N0} bodies, {shape.Persons:N0} persons, {shape.Memberships:N0} memberships, " +
                   $"{shape.Collaborations:N0} collaborations, {shape.Topics} topics, {shape.Territories} territories ({entries:N0} entries, {Machine.Megabytes(json.Length)} of JSON).");

        var (firstImport, firstTime) = await ImportAsync(app.Client, json);
        Require(firstImport.Created == entries, $"the first import created {firstImport.Created} entries, expected {entries}");
        var (secondImport, secondTime) = await ImportAsync(app.Client, json);
        Require(secondImport is { Created: 0, Updated: 0, Deleted: 0 }, $"the second import changed something: {secondImport}");

        var loads = new List<TimeSpan>();
        for (var i = 0; i < ColdLoads; i++) loads.Add(await ColdLoadAsync(app, options, networkId, entries));
        var median = loads.Order().ElementAt(ColdLoads / 2);

        var writes = await MeasureWritesAsync(app.Client, new WriteMix(document, networkId, options.Seed));

        // The first import ran in a fresh process, while the JIT was still compiling its code; this one shows the import itself,
        // as a new network of another id (a deleted network's id stays taken while it is in the trash).
        var warmJson = NetworkExchange.Serialize(document with { Network = document.Network with { Id = networkId + "-warm" } });
        var (warmImport, warmTime) = await ImportAsync(app.Client, warmJson);
        Require(warmImport.Created == entries, $"the import as a new network created {warmImport.Created} entries, expected {entries}");

        table.Add($"Import, new network ({entries:N0} entries), first request of a fresh process", Seconds(firstTime), "< 10 s", firstTime < ImportTarget);
        table.Add("Import, new network, in a warmed-up process", Seconds(warmTime), "< 10 s", warmTime < ImportTarget);
        table.Add("Import, same document again (no-op)", Seconds(secondTime));
        table.Add($"Load whole network from the store, cold (median of {ColdLoads})", Seconds(median), "< 1 s", median < LoadTarget);
        var all = writes.All;
        table.Add($"Single write p50 ({MeasuredWrites:N0} sequential, mixed)", Milliseconds(all.Percentile(50)));
        table.Add("Single write p95", Milliseconds(all.Percentile(95)));
        table.Add("Single write p99", Milliseconds(all.Percentile(99)), "< 10 ms", all.Percentile(99) < WriteP99TargetMs);
        table.Note("Writes, in turn: update an actor with its current version, create a membership, update a body. " +
                   string.Join("; ", writes.ByKind.Select(k => $"{k.Key}: {k.Value.Summary()}")) + ".");
    }

    private static async Task<(GraphApi.Exchange.Import.ImportResult Result, TimeSpan Elapsed)> ImportAsync(HttpClient client, string json)
    {
        var started = Stopwatch.GetTimestamp();
        using var response = await client.PostAsync("/api/networks/import", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();
        var elapsed = Stopwatch.GetElapsedTime(started);
        Require(response.IsSuccessStatusCode, $"import answered {(int)response.StatusCode}: {Cut(body)}");
        return (System.Text.Json.JsonSerializer.Deserialize<GraphApi.Exchange.Import.ImportResult>(body, GraphJson.Options)!, elapsed);
    }

    /// <summary>A new store object on the file, as at a start of the app; the file itself is in the OS cache.</summary>
    private static async Task<TimeSpan> ColdLoadAsync(RunningApp app, BenchOptions options, string networkId, int entries)
    {
        SqliteConnection.ClearAllPools();
        var store = new SqliteGraphStore(Options.Create(new StoreOptions { DatabasePath = app.DatabasePath, Synchronous = options.Synchronous }));
        var started = Stopwatch.GetTimestamp();
        var snapshot = await store.LoadAsync(networkId);
        var elapsed = Stopwatch.GetElapsedTime(started);
        Require(snapshot?.Everything.Count() == entries, $"the load returned {snapshot?.Everything.Count()} entries, expected {entries}");
        return elapsed;
    }

    private sealed record WriteLatencies(Latencies All, IReadOnlyDictionary<string, Latencies> ByKind);

    private static async Task<WriteLatencies> MeasureWritesAsync(HttpClient client, WriteMix writes)
    {
        var all = new Latencies();
        var byKind = WriteMix.Kinds.ToDictionary(k => k, _ => new Latencies());
        for (var i = 0; i < WarmupWrites + MeasuredWrites; i++)
        {
            var (kind, request) = await writes.PrepareAsync(client, i);
            var started = Stopwatch.GetTimestamp();
            using var response = await client.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            var elapsed = Stopwatch.GetElapsedTime(started);
            Require(response.IsSuccessStatusCode, $"{kind} answered {(int)response.StatusCode}: {Cut(body)}");
            writes.Record(body);
            if (i < WarmupWrites) continue; // the first requests of each kind pay for JIT and caches
            all.Add(elapsed);
            byKind[kind].Add(elapsed);
        }
        return new WriteLatencies(all, byKind);
    }

    private static async Task MeasureGraphReadsAsync(RunningApp app, BenchOptions options, ResultTable table)
    {
        var shape = NetworkShape.Small;
        var document = SyntheticNetwork.Generate(shape, options.Seed);
        await ImportAsync(app.Client, NetworkExchange.Serialize(document));
        var url = $"/api/networks/{document.Network!.Id}/graph";

        var latencies = new Latencies();
        var lastBody = Array.Empty<byte>();
        for (var i = 0; i < WarmupGraphReads + MeasuredGraphReads; i++)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await app.Client.GetAsync(url);
            var body = await response.Content.ReadAsByteArrayAsync();
            var elapsed = Stopwatch.GetElapsedTime(started);
            Require(response.IsSuccessStatusCode, $"GET {url} answered {(int)response.StatusCode}");
            lastBody = body;
            if (i >= WarmupGraphReads) latencies.Add(elapsed);
        }
        var graph = System.Text.Json.JsonSerializer.Deserialize<DiagramApi.Graph>(lastBody, GraphJson.Options)!;
        var label = $"GET graph, {graph.Nodes.Count:N0} nodes / {graph.Edges.Count:N0} edges ({Machine.Megabytes(lastBody.Length)})";
        table.Add($"{label} p50", Milliseconds(latencies.Percentile(50)));
        table.Add("GET graph p95", Milliseconds(latencies.Percentile(95)), "< 50 ms", latencies.Percentile(95) < GraphReadP95TargetMs);
        table.Add("GET graph p99", Milliseconds(latencies.Percentile(99)));
    }

    private static void MeasureMemory(ResultTable table)
    {
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        table.Add("Peak working set (client and server)", Machine.Megabytes(process.PeakWorkingSet64));
        // After a full collection: what the running app keeps, mainly the two networks' snapshots.
        table.Add("GC heap after the run, live", Machine.Megabytes(GC.GetTotalMemory(forceFullCollection: true)));
    }

    private static void Require(bool condition, string problem)
    {
        if (!condition) throw new InvalidOperationException($"Benchmark stopped: {problem}.");
    }

    private static string Cut(string text) => text.Length <= 500 ? text : text[..500] + "...";

    private static string Seconds(TimeSpan t) => string.Create(CultureInfo.InvariantCulture, $"{t.TotalSeconds:F2} s");

    private static string Milliseconds(double ms) => string.Create(CultureInfo.InvariantCulture, $"{ms:F2} ms");
}
