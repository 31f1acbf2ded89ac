using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GraphApi.Exchange.Tables;
using static GraphApi.Tests.Exchange.ExchangeKit;

namespace GraphApi.Tests.Exchange;

/// <summary>GraphML and GEXF out (read back by networkx 3.6.1) and in (public datasets written by networkx).</summary>
public sealed class GraphFormatTests : IDisposable
{
    private readonly TestApp _app = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("networkgraph-graphs-").FullName;

    public void Dispose()
    {
        _app.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Theory]
    [InlineData("graphml")]
    [InlineData("gexf")]
    public async Task NetworkxReadsTheExportWithEveryNodeEdgeTypeAndDate(string format)
    {
        var json = await File.ReadAllTextAsync(Path.Combine(TestApp.SeedFolder, "peine.json"));
        (await _app.ImportAsync(json)).EnsureSuccessStatusCode();
        var file = Path.Combine(_folder, "peine." + format);
        await File.WriteAllBytesAsync(file, await _app.ExportAsync("peine", format));
        var seen = Networkx("read", file);

        var doc = JsonNode.Parse(json)!;
        int Count(string list) => doc[list]!.AsArray().Count;
        Assert.Equal(Count("actors") + Count("bodies") + Count("persons") + Count("topics") + Count("territories") + Count("measures"),
            seen.GetProperty("nodes").GetInt32());
        var relationships = seen.GetProperty("relationships");
        Assert.Equal(Count("memberships"), relationships.GetProperty("membership").GetInt32());
        Assert.Equal(Count("collaborations"), relationships.GetProperty("collaboration").GetInt32());
        Assert.Equal(Count("bodies"), seen.GetProperty("types").GetProperty("body").GetInt32());
        Assert.True(seen.GetProperty("directed").GetBoolean());

        var body = doc["bodies"]!.AsArray().First(b => b!["founded"] is not null)!;
        var attributes = seen.GetProperty("attributes").GetProperty(body["id"]!.GetValue<string>());
        Assert.Equal(("body", body["kind"]!.GetValue<string>(), body["name"]!.GetValue<string>()),
            (attributes.GetProperty("type").GetString(), attributes.GetProperty("kind").GetString(), attributes.GetProperty("label").GetString()));
        Assert.Equal(body["founded"]!.GetValue<string>(), attributes.GetProperty(format == "gexf" ? "start" : "founded").GetString());

        var membership = doc["memberships"]!.AsArray().First(m => m!["since"] is not null)!;
        var edge = seen.GetProperty("edgeAttributes").GetProperty(membership["id"]!.GetValue<string>());
        Assert.Equal((membership["role"]?.GetValue<string>() ?? "member", membership["since"]!.GetValue<string>()),
            (edge.GetProperty("role").GetString(), edge.GetProperty(format == "gexf" ? "start" : "since").GetString()));
    }

    /// <summary>Names with markup, control characters and quotes still make well-formed XML that networkx reads.</summary>
    [Theory]
    [InlineData("graphml")]
    [InlineData("gexf")]
    public async Task HostileNamesStillMakeValidXml(string format)
    {
        var doc = JsonNode.Parse(Samples.Small)!;
        // Control characters are refused in names now (BadInputTests); a non-character must still not break the XML.
        doc["actors"]!.AsArray()[0]!["name"] = "<Kreis & \"Verwaltung\"> ]]> \uFFFE";
        doc["actors"]!.AsArray()[0]!["description"] = "Zeile 1\nZeile 2\t\u00a0😀";
        (await _app.ImportAsync(doc.ToJsonString())).EnsureSuccessStatusCode();
        var file = Path.Combine(_folder, "kreis." + format);
        await File.WriteAllBytesAsync(file, await _app.ExportAsync("kreis", format));
        var seen = Networkx("read", file);
        Assert.Equal("<Kreis & \"Verwaltung\"> ]]> ", seen.GetProperty("attributes").GetProperty("kv").GetProperty("label").GetString());
    }

    [Theory]
    [InlineData("graphml")]
    [InlineData("gexf")]
    public async Task OurOwnExportComesBackAsTheSameNetwork(string format)
    {
        (await _app.ImportAsync(Samples.Small)).EnsureSuccessStatusCode();
        var original = JsonNode.Parse(await _app.CreateClient().GetStringAsync("/api/networks/kreis/export"))!;
        using var other = new TestApp();
        var response = await other.PostFileAsync(await _app.ExportAsync("kreis", format), null, "?network=kreis&name=Testkreis");
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var back = JsonNode.Parse(await other.CreateClient().GetStringAsync("/api/networks/kreis/export"))!;
        // The plain graph carries every entity and relationship; composition rules and the description are not part of it.
        foreach (var list in new[] { "topics", "territories", "actors", "bodies", "persons", "memberships", "collaborations", "measures" })
            Assert.True(JsonNode.DeepEquals(original[list], back[list]), $"{list}: {original[list]?.ToJsonString()} != {back[list]?.ToJsonString()}");
    }

    /// <summary>Davis' Southern Women (networkx): 18 women in 14 events, 89 attendances, as GraphML with the bipartite attribute.</summary>
    [Fact]
    public async Task DavisSouthernWomenComeInAsGraphMlMemberships()
    {
        var counts = Networkx("davis", _folder);
        Assert.Equal((32, 89), (counts.GetProperty("nodes").GetInt32(), counts.GetProperty("edges").GetInt32()));
        var file = await File.ReadAllBytesAsync(Path.Combine(_folder, "davis.graphml"));
        var preview = await (await _app.PostFileAsync(file, "application/xml", "?dryRun=true&network=davis&name=Davis&typeAttribute=bipartite&bodyValue=1"))
            .Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(preview.GetProperty("canImport").GetBoolean(), preview.ToString());
        var created = preview.GetProperty("byKind").EnumerateArray().ToDictionary(k => k.GetProperty("kind").GetString()!, k => k.GetProperty("created").GetInt32());
        Assert.Equal((18, 14, 89), (created["actor"], created["body"], created["membership"]));
        (await _app.PostFileAsync(file, null, "?network=davis&name=Davis&typeAttribute=bipartite&bodyValue=1")).EnsureSuccessStatusCode();
    }

    /// <summary>The same dataset typed as a workbook (names only, no ids): the example of a hand-made list.</summary>
    [Fact]
    public async Task DavisSouthernWomenComeInAsAWorkbook()
    {
        Networkx("davis", _folder);
        var davis = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_folder, "davis.json"))).RootElement;
        var nodes = davis.GetProperty("nodes").EnumerateArray().ToList();
        var women = nodes.Where(n => n.GetProperty("bipartite").GetInt32() == 0).Select(n => n.GetProperty("name").GetString()!).ToHashSet();
        var workbook = new Workbook(
        [
            Sheet("Netzwerk", ["ID", "Name"], ["davis", "Southern Women (Davis 1941)"]),
            Sheet("Akteure", ["Name", "Art"], women.Select(w => new object?[] { w, "Sonstige" }).ToArray()),
            Sheet("Gremien", ["Name", "Art"], nodes.Where(n => !women.Contains(n.GetProperty("name").GetString()!))
                .Select(n => new object?[] { n.GetProperty("name").GetString(), "Konferenz" }).ToArray()),
            Sheet("Mitgliedschaften", ["Mitglied", "Gremium"], davis.GetProperty("edges").EnumerateArray().Select(e =>
            {
                var (u, v) = (e[0].GetString()!, e[1].GetString()!);
                return new object?[] { women.Contains(u) ? u : v, women.Contains(u) ? v : u };
            }).ToArray()),
        ]);
        var response = await _app.PostFileAsync(await XlsxAsync(workbook), null);
        var result = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.True(response.IsSuccessStatusCode, result?.ToJsonString());
        Assert.Equal(18 + 14 + 89, result!["created"]!.GetValue<int>());
        var memberships = await _app.GetAsync<JsonObject>("/api/networks/davis/memberships?limit=1");
        Assert.Equal(89, memberships["total"]!.GetValue<int>());
    }

    /// <summary>Les Misérables written by networkx's write_gexf: 77 characters, 254 co-appearances, as actors and collaborations.</summary>
    [Fact]
    public async Task LesMiserablesComesInFromGexf()
    {
        var counts = Networkx("lesmis", _folder);
        Assert.Equal((77, 254), (counts.GetProperty("nodes").GetInt32(), counts.GetProperty("edges").GetInt32()));
        var file = await File.ReadAllBytesAsync(Path.Combine(_folder, "lesmis.gexf"));
        var missing = await Api.ProblemAssert.Invalid(await _app.PostFileAsync(file, null), "file");
        Assert.Contains("?network=", missing["file"][0]);

        var response = await _app.PostFileAsync(file, null, "?network=lesmis&name=Les%20Mis%C3%A9rables");
        var result = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.True(response.IsSuccessStatusCode, result?.ToJsonString());
        Assert.Equal(77 + 254, result!["created"]!.GetValue<int>());
        Assert.Equal(254, (await _app.GetAsync<JsonObject>("/api/networks/lesmis/collaborations?limit=1"))["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task MalformedXmlIsNamedWithItsLine()
    {
        var errors = await Api.ProblemAssert.Invalid(
            await _app.PostFileAsync(Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?>\n<graphml>\n<graph id=\"g\"><node id=\"a\"></graph>"), null), "file");
        Assert.Contains("line 3", errors["file"][0]);
    }

    [Fact]
    public async Task AnXmlBombIsRefused()
    {
        var bomb = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;\">]><graphml><graph id=\"g\"><node id=\"&lol2;\"/></graph></graphml>";
        var errors = await Api.ProblemAssert.Invalid(await _app.PostFileAsync(Encoding.UTF8.GetBytes(bomb), null, "?format=graphml"), "file");
        Assert.Contains("DTD", errors["file"][0]);
    }
}
