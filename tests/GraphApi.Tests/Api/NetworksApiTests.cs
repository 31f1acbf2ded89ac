using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace GraphApi.Tests.Api;

public sealed class NetworksApiTests : IDisposable
{
    private readonly TestApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task ANetworkIsCreatedRenamedAndDeletedWithEverythingInIt()
    {
        var client = _app.CreateClient();
        var created = await client.PostAsync("/api/networks", Json("""{"id":"boerde","name":"Landkreis Börde"}"""));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        (await client.PostAsync("/api/networks/boerde/topics", Json("""{"id":"wohnen","name":"Wohnen"}"""))).EnsureSuccessStatusCode();

        var summary = await _app.GetAsync<JsonObject>("/api/networks/boerde");
        Assert.Equal("Landkreis Börde", summary["network"]!["name"]!.GetValue<string>());
        Assert.Equal(1, summary["counts"]!["topics"]!.GetValue<int>());
        Assert.Equal(2, summary["revision"]!.GetValue<long>());

        var renamed = await client.PutAsync("/api/networks/boerde", Json("""{"name":"Börde","version":1}"""));
        Assert.Equal(2, (await renamed.Content.ReadFromJsonAsync<JsonObject>())!["version"]!.GetValue<long>());
        await ProblemAssert.Status(await client.PutAsync("/api/networks/boerde", Json("""{"name":"Alt","version":1}""")), HttpStatusCode.Conflict);

        var list = await _app.GetAsync<JsonObject>("/api/networks?text=börde");
        Assert.Equal(1, list["total"]!.GetValue<int>());

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync("/api/networks/boerde?version=2")).StatusCode);
        await ProblemAssert.Status(await client.GetAsync("/api/networks/boerde"), HttpStatusCode.NotFound);
        await ProblemAssert.Status(await client.GetAsync("/api/networks/boerde/topics/wohnen"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task BadNetworkInputIsNamed()
    {
        var client = _app.CreateClient();
        await ProblemAssert.Invalid(await client.PostAsync("/api/networks",
            Json("""{"id":"a b","name":"","compositionRules":[{"bodyKind":"club","requiredActorKinds":["ngo"]}]}""")),
            "id", "name", "compositionRules[0].bodyKind", "compositionRules[0].requiredActorKinds[0]");
        (await client.PostAsync("/api/networks", Json("""{"id":"x","name":"X"}"""))).EnsureSuccessStatusCode();
        await ProblemAssert.Status(await client.PostAsync("/api/networks", Json("""{"id":"x","name":"X"}""")), HttpStatusCode.Conflict);
        await ProblemAssert.Invalid(await client.PutAsync("/api/networks/x", Json("""{"name":"Y"}""")), "version");
        await ProblemAssert.Status(await client.PutAsync("/api/networks/nowhere", Json("""{"name":"Y","version":1}""")), HttpStatusCode.NotFound);
        await ProblemAssert.Status(await client.DeleteAsync("/api/networks/nowhere?version=1"), HttpStatusCode.NotFound);
        await ProblemAssert.Invalid(await client.PostAsync("/api/networks", Json("[1,2]")), "$");
        await ProblemAssert.Invalid(await client.GetAsync("/api/networks?limit=5000"), "limit");
    }

    [Fact]
    public async Task TheGraphHoldsEveryNodeAndEdgeOfTheNetwork()
    {
        (await _app.ImportAsync(Samples.Small)).EnsureSuccessStatusCode();
        var graph = await _app.GetAsync<JsonObject>("/api/networks/kreis/graph");
        var nodes = graph["nodes"]!.AsArray().ToDictionary(n => n!["id"]!.GetValue<string>(), n => n!["type"]!.GetValue<string>());
        Assert.Equal(12, nodes.Count); // 2 topics, 2 territories, 4 actors, 2 bodies, 1 person, 1 measure
        Assert.Equal("body", nodes["sg"]);
        Assert.Equal("person", nodes["leitung"]);
        var edges = graph["edges"]!.AsArray().Select(e => (e!["type"]!.GetValue<string>(), e["source"]!.GetValue<string>(), e["target"]!.GetValue<string>())).ToList();
        Assert.Contains(("membership", "amt", "sg"), edges);
        Assert.Contains(("collaboration", "jc", "caritas"), edges);
        Assert.Contains(("partOf", "amt", "kv"), edges);
        Assert.Contains(("leads", "amt", "sg"), edges);
        Assert.Contains(("worksFor", "leitung", "amt"), edges);
        Assert.Contains(("offers", "kv", "welcome"), edges);
        Assert.All(edges, e => Assert.True(nodes.ContainsKey(e.Item2) && nodes.ContainsKey(e.Item3), $"dangling edge {e}"));
        await ProblemAssert.Status(await _app.CreateClient().GetAsync("/api/networks/nowhere/graph"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task HistoryRecordsWhoChangedWhatBeforeAndAfter()
    {
        (await _app.ImportAsync(Samples.Small)).EnsureSuccessStatusCode();
        // The author is the signed-in account (its display name), whatever an X-User header says.
        var client = await _app.CreateClientAsAsync("kilinc@kreis.test", "Frau Kilinc");
        client.DefaultRequestHeaders.Add("X-User", "Mallory");
        // roles: an account edits a network only as its editor (or owner)
        (await _app.CreateClient().PutAsJsonAsync("/api/networks/kreis/members/kilinc@kreis.test", new { role = "editor" })).EnsureSuccessStatusCode();
        var topic = await _app.GetAsync<JsonObject>("/api/networks/kreis/topics/arbeit");
        topic["name"] = "Arbeit und Ausbildung";
        (await client.PutAsync("/api/networks/kreis/topics/arbeit", Json(topic.ToJsonString()))).EnsureSuccessStatusCode();

        var history = await _app.GetAsync<JsonArray>("/api/networks/kreis/history?entity=arbeit");
        Assert.Equal(2, history.Count); // the import and the rename
        var rename = history[1]!;
        Assert.Equal("Frau Kilinc", rename["author"]!.GetValue<string>());
        var change = rename["changes"]!.AsArray().Single()!;
        Assert.Equal(("Update", "Arbeit", "Arbeit und Ausbildung"),
            (change["op"]!.GetValue<string>(), change["before"]!["name"]!.GetValue<string>(), change["after"]!["name"]!.GetValue<string>()));
        Assert.Empty(await _app.GetAsync<JsonArray>("/api/networks/kreis/history?after=2"));
        await ProblemAssert.Invalid(await client.GetAsync("/api/networks/kreis/history?after=-1"), "after");
        await ProblemAssert.Status(await client.GetAsync("/api/networks/nowhere/history"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task HealthAndOpenApiAreServed()
    {
        var client = _app.CreateClient();
        var health = System.Text.Json.Nodes.JsonNode.Parse(await client.GetStringAsync("/health"))!;
        Assert.Equal("Healthy", health["status"]!.GetValue<string>());
        Assert.Equal("Sqlite", health["checks"]!["store"]!["store"]!.GetValue<string>());
        Assert.Equal("Healthy", health["checks"]!["disk"]!["status"]!.GetValue<string>());
        var openApi = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!;
        var operations = openApi["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject().Select(o => o.Value!["operationId"]?.GetValue<string>())).ToList();
        Assert.Contains("ImportNetwork", operations);
        Assert.Contains("UpdateActor", operations);
        Assert.Contains("GetGraph", operations);
        Assert.DoesNotContain(null, operations);
    }

    [Fact]
    public async Task AnUnknownRouteIsAProblemToo() =>
        await ProblemAssert.Status(await _app.CreateClient().GetAsync("/api/nothing-here"), HttpStatusCode.NotFound);

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
