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

        using var app = new TestApp(settings: new Dictionary<string, string> { ["Store:DatabasePath"] = db });
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

    [Fact]
    public async Task OnAGermanSystemTheImportVerbSpeaksGerman()
    {
        var db = Path.Combine(_folder, "graph.db");
        var file = Path.Combine(_folder, "kreis.json");
        await File.WriteAllTextAsync(file, Samples.Small);
        var broken = Path.Combine(_folder, "broken.json");
        var doc = JsonNode.Parse(Samples.Small)!;
        doc["actors"]!.AsArray()[0]!["kind"] = "ngo";
        await File.WriteAllTextAsync(broken, doc.ToJsonString());

        var imported = await AppProcess.RunAsync(German(AppProcess.StartInfo(db, "import", file)));
        Assert.True(imported.ExitCode == 0, imported.Error);
        Assert.Contains("Netzwerk „kreis“ importiert, Revision 1: 16 angelegt, 0 geändert, 0 gelöscht.", imported.Output);

        var refused = await AppProcess.RunAsync(German(AppProcess.StartInfo(db, "import", broken)));
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("Es wurde nichts importiert", refused.Error);
        Assert.Contains("$.actors[0].kind: „ngo“ ist nicht erlaubt", refused.Error);

        static System.Diagnostics.ProcessStartInfo German(System.Diagnostics.ProcessStartInfo info)
        {
            info.Environment["LC_ALL"] = "de_DE.UTF-8";
            return info;
        }
    }
}
