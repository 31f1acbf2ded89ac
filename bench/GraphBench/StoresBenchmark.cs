using System.Diagnostics;
using GraphApi.Domain;
using GraphApi.Exchange;
using GraphApi.Networks;
using GraphApi.Storage;
using GraphApi.Storage.Neo4j;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace GraphBench;

/// <summary>
/// Issue 11's figures: the same synthetic network imported, loaded and edited through the one write path
/// (<see cref="NetworkService"/>) on SQLite and on Neo4j side by side, and the ratio. Neo4j is the one named by
/// NEO4J_URL and NEO4J_PASSWORD (user neo4j); docs/neo4j.md says how to start the 3.1.1 of the tests by hand.
/// </summary>
public static class StoresBenchmark
{
    public const string Title = "SQLite and Neo4j side by side (issue 11)";
    private const int WarmupWrites = 20, MeasuredWrites = 300, ColdLoads = 3;

    /// <summary>Scaled down from the large network: one import is one transaction, and 3.1 runs here with a 512 MB heap.</summary>
    public static readonly NetworkShape Shape = NetworkShape.Small;

    public static async Task<ResultTable> RunAsync(BenchOptions options)
    {
        var table = new ResultTable(Title);
        var document = SyntheticNetwork.Generate(Shape, options.Seed);
        var entries = Shape.Nodes + Shape.Memberships + Shape.Collaborations;
        table.Note($"Network: {Shape.Actors:N0} actors, {Shape.Bodies:N0} bodies, {Shape.Persons:N0} persons, {Shape.Memberships:N0} memberships, " +
                   $"{Shape.Collaborations:N0} collaborations ({entries:N0} entries): NetworkShape.Small, scaled down for Neo4j 3.1.1 with a 512 MB heap.");
        table.Note("Through NetworkService in this process (no HTTP to the app): validation, versions, one transaction per commit. " +
                   "Writes: update one actor each, sequential. Neo4j over its classic transactional HTTP endpoint on 127.0.0.1.");

        var folder = Directory.CreateTempSubdirectory("networkgraph-bench-stores-").FullName;
        try
        {
            var sqlite = await MeasureAsync("SQLite", () => new SqliteGraphStore(Options.Create(new StoreOptions
            {
                DatabasePath = Path.Combine(folder, "graph.db"), Synchronous = options.Synchronous,
            })), document, options.Seed);
            Report(table, "SQLite", sqlite, null);

            var url = Environment.GetEnvironmentVariable("NEO4J_URL");
            if (string.IsNullOrEmpty(url))
            {
                table.Note("Neo4j not measured: set NEO4J_URL and NEO4J_PASSWORD.");
                return table;
            }
            var neo4jOptions = new Neo4jOptions { Url = url, Password = Environment.GetEnvironmentVariable("NEO4J_PASSWORD"), Transport = "Auto" };
            var neo4j = await MeasureAsync("Neo4j", () => new Neo4jGraphStore(neo4jOptions), document, options.Seed);
            Report(table, "Neo4j", neo4j, sqlite);
            table.Note($"Neo4j {neo4j.Server}.");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
        return table;
    }

    private sealed record Figures(TimeSpan Import, TimeSpan Load, Latencies Writes, string Server);

    private static void Report(ResultTable table, string name, Figures f, Figures? baseline)
    {
        string Ratio(double value, double? reference) => reference is { } r and > 0 ? $" ({value / r:F1}× SQLite)" : "";
        table.Add($"{name}: import, new network, one transaction", $"{f.Import.TotalSeconds:F2} s{Ratio(f.Import.TotalSeconds, baseline?.Import.TotalSeconds)}");
        table.Add($"{name}: load whole network, cold (median of {ColdLoads})", $"{f.Load.TotalMilliseconds:F0} ms{Ratio(f.Load.TotalMilliseconds, baseline?.Load.TotalMilliseconds)}");
        table.Add($"{name}: single write p50 ({MeasuredWrites} sequential)", $"{f.Writes.Percentile(50):F2} ms{Ratio(f.Writes.Percentile(50), baseline?.Writes.Percentile(50))}");
        table.Add($"{name}: single write p99", $"{f.Writes.Percentile(99):F2} ms{Ratio(f.Writes.Percentile(99), baseline?.Writes.Percentile(99))}");
    }

    private static async Task<Figures> MeasureAsync(string name, Func<IGraphStore> create, NetworkDocument template, int seed)
    {
        var networkId = $"bench-{Guid.NewGuid():N}"[..14];
        var document = template with { Network = template.Network! with { Id = networkId } };
        var store = create();
        await store.InitializeAsync();
        var server = store is Neo4jGraphStore neo ? neo.Url : "";
        var limits = Options.Create(new GraphLimits());
        var validator = new EntityValidator(limits.Value);
        var service = new NetworkService(store, validator, limits, TimeProvider.System);
        var exchange = new NetworkExchange(service, validator, limits);

        var clock = Stopwatch.StartNew();
        await exchange.ImportAsync(document, "benchmark");
        var import = clock.Elapsed;
        Console.WriteLine($"{name}: imported in {import.TotalSeconds:F2} s");

        var loads = new List<TimeSpan>();
        for (var i = 0; i < ColdLoads; i++)
        {
            clock.Restart();
            var loaded = await store.LoadAsync(networkId) ?? throw new InvalidOperationException("the network is gone");
            loads.Add(clock.Elapsed);
            if (loaded.Count(EntityKind.Actor) != Shape.Actors) throw new InvalidOperationException("the load lost actors");
        }
        Console.WriteLine($"{name}: loaded in {string.Join(", ", loads.Select(l => $"{l.TotalMilliseconds:F0} ms"))}");

        var random = new Random(seed);
        var actors = document.Actors!.Select(a => a.Id).ToArray();
        var writes = new Latencies();
        for (var i = 0; i < WarmupWrites + MeasuredWrites; i++)
        {
            var snapshot = await service.GetAsync(networkId);
            var actor = snapshot.Find<Actor>(actors[random.Next(actors.Length)])!;
            clock.Restart();
            await service.UpdateAsync(networkId, actor with { Description = $"Benchmark edit {i}" }, "benchmark");
            if (i >= WarmupWrites) writes.Add(clock.Elapsed);
        }
        Console.WriteLine($"{name}: writes {writes.Summary()}");
        await store.DeleteNetworkAsync(networkId);
        (store as IDisposable)?.Dispose();
        return new Figures(import, loads.Order().ElementAt(ColdLoads / 2), writes, server);
    }
}
