using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace GraphApi.Tests.MultiInstance;

/// <summary>What the tests with several instances do to them.</summary>
public static class Instances
{
    public static async Task ImportAsync(AppInstance app, string json)
    {
        var response = await app.Client.PostAsync("/api/networks/import", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Renames an actor through <paramref name="app"/> and returns when the edit was acknowledged, and its revision.</summary>
    public static async Task<(DateTime Acknowledged, long Revision)> RenameAsync(AppInstance app, string networkId, string actorId, string name)
    {
        var actor = JsonNode.Parse(await app.Client.GetStringAsync($"/api/networks/{networkId}/actors/{actorId}"))!.AsObject();
        actor["name"] = name;
        var response = await app.Client.PutAsJsonAsync($"/api/networks/{networkId}/actors/{actorId}", actor);
        var acknowledged = DateTime.UtcNow;
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var history = JsonNode.Parse(await app.Client.GetStringAsync($"/api/networks/{networkId}/history?newest=true&limit=1"))!.AsArray();
        return (acknowledged, history[^1]!["revision"]!.GetValue<long>());
    }

    public static Func<JsonElement, bool> Revision(long revision) => set => set.GetProperty("revision").GetInt64() == revision;
}

/// <summary>
/// Two app processes on one SQLite file, and the import verb beside a running server: every instance follows the
/// store, so an edit anywhere reaches every cache, map and hub client within a second, and a conflict is decided by
/// the store, not by a stale cache.
/// </summary>
public sealed class TwoInstancesTests(ITestOutputHelper output) : IDisposable
{
    /// <summary>What the issue promises: another instance's edit is on every screen within a second.</summary>
    public static readonly TimeSpan Promise = TimeSpan.FromSeconds(1);

    private readonly string _folder = Directory.CreateTempSubdirectory("networkgraph-two-").FullName;
    private string Db => Path.Combine(_folder, "graph.db");

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { /* temp */ }
    }

    [Fact]
    public async Task AnEditThroughOneInstanceReachesTheOthersHubClientAndCacheAndItsNextEditIsNoConflict()
    {
        await using var a = await AppInstance.StartAsync(Db);
        await using var b = await AppInstance.StartAsync(Db);
        await Instances.ImportAsync(a, Samples.Small);
        Assert.Equal("Jobcenter", JsonNode.Parse(await b.Client.GetStringAsync("/api/networks/kreis/actors/jc"))!["name"]!.GetValue<string>());
        await using var onB = await b.ConnectAsync();
        await onB.JoinAsync("kreis", "Bea");

        // The first one through a fresh process also pays for compiling the path (JIT): measured, bounded loosely.
        var (firstAcknowledged, firstRevision) = await Instances.RenameAsync(a, "kreis", "jc", "Jobcenter Mitte");
        var (_, firstArrived) = await onB.WaitForAsync("changed", Instances.Revision(firstRevision), TimeSpan.FromSeconds(10));
        output.WriteLine($"First edit through A reached a hub client on B after {(firstArrived - firstAcknowledged).TotalMilliseconds:F0} ms.");

        var (acknowledged, revision) = await Instances.RenameAsync(a, "kreis", "jc", "Jobcenter Nord");
        var (set, arrived) = await onB.WaitForAsync("changed", Instances.Revision(revision), TimeSpan.FromSeconds(10));
        output.WriteLine($"Next edit through A reached a hub client on B after {(arrived - acknowledged).TotalMilliseconds:F0} ms.");
        Assert.True(arrived - acknowledged < Promise, $"took {(arrived - acknowledged).TotalMilliseconds:F0} ms");
        Assert.Equal("Jobcenter Nord", set.GetProperty("changes")[0].GetProperty("after").GetProperty("name").GetString());

        // B's cache has it: B reads the new name, and an edit based on what B shows is accepted, not a spurious 409.
        Assert.Equal("Jobcenter Nord", JsonNode.Parse(await b.Client.GetStringAsync("/api/networks/kreis/actors/jc"))!["name"]!.GetValue<string>());
        await Instances.RenameAsync(b, "kreis", "jc", "Jobcenter Süd");
        Assert.Equal("Jobcenter Süd", JsonNode.Parse(await a.Client.GetStringAsync("/api/networks/kreis/actors/jc"))!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task AStaleEditIsStillRefusedByTheStoreNotLostAcrossInstances()
    {
        await using var a = await AppInstance.StartAsync(Db, new Dictionary<string, string> { ["Store__FollowMilliseconds"] = "60000" });
        await using var b = await AppInstance.StartAsync(Db, new Dictionary<string, string> { ["Store__FollowMilliseconds"] = "60000" });
        await Instances.ImportAsync(a, Samples.Small);
        var seenByB = JsonNode.Parse(await b.Client.GetStringAsync("/api/networks/kreis/actors/jc"))!.AsObject(); // B caches version 1
        await Instances.RenameAsync(a, "kreis", "jc", "Jobcenter Nord"); // version 2; B does not poll in this test

        seenByB["name"] = "Jobcenter B";
        var stale = await b.Client.PutAsJsonAsync("/api/networks/kreis/actors/jc", seenByB);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var problem = JsonNode.Parse(await stale.Content.ReadAsStringAsync())!;
        Assert.Equal("Jobcenter Nord", problem["current"]!["name"]!.GetValue<string>()); // the store's head, not B's stale copy
        await Instances.RenameAsync(b, "kreis", "kv", "Kreisverwaltung B"); // another entity: no conflict although B was behind
    }

    [Fact]
    public async Task TheImportVerbNextToARunningServerIsSeenAtOnce()
    {
        await using var server = await AppInstance.StartAsync(Db);
        await Instances.ImportAsync(server, Samples.Small);
        await using var client = await server.ConnectAsync();
        await client.JoinAsync("kreis", "Carla");

        var file = Path.Combine(_folder, "kreis.json");
        async Task<DateTime> ImportVerbAsync(string name)
        {
            var doc = JsonNode.Parse(Samples.Small)!;
            doc["actors"]![2]!["name"] = name;
            await File.WriteAllTextAsync(file, doc.ToJsonString());
            var import = await AppProcess.RunAsync(Db, "import", file);
            Assert.True(import.ExitCode == 0, import.Error);
            return DateTime.UtcNow;
        }

        // The first change a fresh server learns from the store also pays for compiling that path: measured, bounded loosely.
        var warm = await ImportVerbAsync("Jobcenter vorher");
        var (_, warmArrived) = await client.WaitForAsync("changed", Instances.Revision(2), TimeSpan.FromSeconds(10));
        output.WriteLine($"The first import verb's commit reached the server's hub client after {(warmArrived - warm).TotalMilliseconds:F0} ms.");

        var imported = await ImportVerbAsync("Jobcenter aus der Datei");
        var (set, arrived) = await client.WaitForAsync("changed", Instances.Revision(3), TimeSpan.FromSeconds(10));
        output.WriteLine($"The next one after {(arrived - imported).TotalMilliseconds:F0} ms.");
        Assert.True(arrived - imported < Promise, $"took {(arrived - imported).TotalMilliseconds:F0} ms");
        Assert.Equal("import kreis.json", set.GetProperty("author").GetString());
        Assert.Equal("Jobcenter aus der Datei",
            JsonNode.Parse(await server.Client.GetStringAsync("/api/networks/kreis/actors/jc"))!["name"]!.GetValue<string>());
        await Instances.RenameAsync(server, "kreis", "jc", "Jobcenter danach"); // no spurious 409 after the import
    }

    [Fact]
    public async Task ANetworkDeletedElsewhereDisappears()
    {
        await using var a = await AppInstance.StartAsync(Db);
        await using var b = await AppInstance.StartAsync(Db);
        await Instances.ImportAsync(a, Samples.Small);
        Assert.Equal(HttpStatusCode.OK, (await b.Client.GetAsync("/api/networks/kreis/graph")).StatusCode); // B caches it
        await using var onB = await b.ConnectAsync();
        await onB.JoinAsync("kreis", "Dora");

        Assert.Equal(HttpStatusCode.NoContent, (await a.Client.DeleteAsync("/api/networks/kreis?version=1")).StatusCode);
        await onB.WaitForAsync("deleted", id => id.GetString() == "kreis", TimeSpan.FromSeconds(10));
        Assert.Equal(HttpStatusCode.NotFound, (await b.Client.GetAsync("/api/networks/kreis/graph")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await b.Client.GetAsync("/api/networks/kreis/actors/jc")).StatusCode);
    }
}
