using System.Net;
using System.Text.Json.Nodes;
using GraphApi.Domain;
using GraphApi.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace GraphApi.Tests.Storage;

public sealed class StoreTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("networkgraph-store-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private SqliteGraphStore Store(string synchronous = "FULL") =>
        new(Options.Create(new StoreOptions { DatabasePath = Path.Combine(_folder, "nested", "graph.db"), Synchronous = synchronous }));

    [Fact]
    public async Task TheSchemaIsCreatedOnceAndTheFileIsInWalMode()
    {
        var store = Store();
        await store.InitializeAsync();
        await store.InitializeAsync(); // a second start migrates nothing and breaks nothing
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_folder, "nested", "graph.db")}");
        await connection.OpenAsync();
        var cmd = connection.CreateCommand();
        cmd.CommandText = "PRAGMA journal_mode; ";
        Assert.Equal("wal", (string)(await cmd.ExecuteScalarAsync())!);
        cmd.CommandText = "PRAGMA user_version;";
        Assert.Equal(4L, (long)(await cmd.ExecuteScalarAsync())!); // every migration ran (the third: author ids, the fourth: the trash)
        Assert.Equal(4, global::GraphApi.Storage.SqliteGraphStore.Migrations.Length);
    }

    [Fact]
    public async Task ACommitIsAllOrNothing()
    {
        var store = Store();
        await store.InitializeAsync();
        var network = new Network { Id = "n", Name = "N", Version = 1 };
        await store.CommitAsync(new ChangeSet("n", 1, DateTimeOffset.UtcNow, "t", [new Change(ChangeOp.Create, EntityKind.Network, "n", null, network)]), 0);

        // Expecting a revision the network no longer has: the whole set is refused, including its first change.
        var topic = new Topic { Id = "t", Name = "T", Version = 1 };
        var stale = new ChangeSet("n", 2, DateTimeOffset.UtcNow, "t", [new Change(ChangeOp.Create, EntityKind.Topic, "t", null, topic)]);
        await Assert.ThrowsAsync<ConflictException>(() => store.CommitAsync(stale, expectedRevision: 5));
        var loaded = await store.LoadAsync("n");
        Assert.Equal(0, loaded!.Count(EntityKind.Topic));
        Assert.Equal(1, loaded.Revision);

        await store.CommitAsync(stale, expectedRevision: 1);
        Assert.Equal("T", (await store.LoadAsync("n"))!.Find<Topic>("t")!.Name);
        Assert.Single(await store.ReadHistoryAsync("n", 1, null, 10));
    }

    [Fact]
    public void AnUnknownSynchronousSettingIsRefused() =>
        Assert.Throws<ArgumentException>(() => Store("FULL; DROP TABLE networks"));

    [Fact]
    public async Task TheSeedNetworksAreLoadedAtFirstStartOnlyAndSurviveARestart()
    {
        using var app = new TestApp(seed: true);
        var list = await app.GetAsync<JsonObject>("/api/networks");
        var ids = list["items"]!.AsArray().Select(n => n!["id"]!.GetValue<string>()).ToList();
        Assert.Contains("peine", ids);
        Assert.Contains("dithmarschen", ids);
        var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync("/api/networks/peine?version=1")).StatusCode);

        // Same file, new process (which signs in anew): the store is not empty, so nothing is seeded again.
        using var restarted = new TestApp(seed: true, settings: new Dictionary<string, string> { ["Store:DatabasePath"] = app.DatabasePath });
        var after = await restarted.CreateClient().GetStringAsync("/api/networks");
        Assert.DoesNotContain("\"peine\"", after);
        Assert.Contains("\"dithmarschen\"", after);
    }

    [Fact]
    public async Task SeedingCanBeTurnedOff()
    {
        using var app = new TestApp(seed: false);
        Assert.Equal(0, (await app.GetAsync<JsonObject>("/api/networks"))["total"]!.GetValue<int>());
    }
}
