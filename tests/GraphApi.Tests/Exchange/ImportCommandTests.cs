using System.Text.Json.Nodes;

namespace GraphApi.Tests.Exchange;

public sealed class ImportCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("networkgraph-import-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task TheImportVerbLoadsAFileIntoTheStoreAndIsIdempotent()
    {
        var db = Path.Combine(_folder, "graph.db");
        var file = Path.Combine(_folder, "kreis.json");
        await File.WriteAllTextAsync(file, Samples.Small);

        var first = await AppProcess.RunAsync(db, "import", file);
        Assert.True(first.ExitCode == 0, first.Error);
        Assert.Contains("Imported network 'kreis' at revision 1: 16 created, 0 updated, 0 deleted.", first.Output);
        var second = await AppProcess.RunAsync(db, "import", file);
        Assert.Contains("Imported network 'kreis' at revision 1: 0 created, 0 updated, 0 deleted.", second.Output);

        using var app = new TestApp().WithWebHostBuilder(b => b.UseSetting("Store:DatabasePath", db));
        var actors = JsonNode.Parse(await app.CreateClient().GetStringAsync("/api/networks/kreis/actors"))!;
        Assert.Equal(4, actors["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task ABrokenFileIsRefusedWithEveryProblemAndAFailingExitCode()
    {
        var db = Path.Combine(_folder, "graph.db");
        var file = Path.Combine(_folder, "broken.json");
        var doc = JsonNode.Parse(Samples.Small)!;
        doc["actors"]!.AsArray()[0]!["kind"] = "ngo";
        doc["memberships"]!.AsArray()[0]!["body"] = "nowhere";
        await File.WriteAllTextAsync(file, doc.ToJsonString());

        var result = await AppProcess.RunAsync(db, "import", file);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("nothing was imported", result.Error);
        Assert.Contains("$.actors[0].kind: 'ngo' is not allowed", result.Error);
        Assert.Contains("$.memberships[0].body: 'nowhere' does not exist", result.Error);

        var missing = await AppProcess.RunAsync(db, "import", Path.Combine(_folder, "missing.json"));
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("missing.json", missing.Error);
    }
}
