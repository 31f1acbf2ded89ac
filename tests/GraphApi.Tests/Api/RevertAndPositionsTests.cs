using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace GraphApi.Tests.Api;

public sealed class RevertAndPositionsTests : IAsyncLifetime
{
    private readonly TestApp _app = new();
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _client = _app.CreateClient();
        (await _app.ImportAsync(Samples.Small)).EnsureSuccessStatusCode();
    }

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task RevertingADeleteBringsBackTheEntityAndItsCascadedEdgesInOneChange()
    {
        var deleted = JsonNode.Parse(await (await _client.DeleteAsync("/api/networks/kreis/actors/jc")).Content.ReadAsStringAsync())!;
        var revision = deleted["revision"]!.GetValue<long>();

        var response = await _client.PostAsync($"/api/networks/kreis/history/{revision}/revert", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var undo = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(revision + 1, undo["revision"]!.GetValue<long>());
        Assert.Equal(3, undo["changes"]!.AsArray().Count);
        Assert.Equal("Jobcenter", (await _app.GetAsync<JsonObject>("/api/networks/kreis/actors/jc"))["name"]!.GetValue<string>());
        Assert.Equal(1, (await _app.GetAsync<JsonObject>("/api/networks/kreis/collaborations?actor=jc"))["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task RevertingAnUpdateRestoresTheEarlierStateAndUndoingTheUndoRedoesIt()
    {
        var topic = await _app.GetAsync<JsonObject>("/api/networks/kreis/topics/arbeit");
        topic["name"] = "Arbeit und Ausbildung";
        var updated = await _client.PutAsync("/api/networks/kreis/topics/arbeit", Json(topic.ToJsonString()));
        updated.EnsureSuccessStatusCode();

        var undo = JsonNode.Parse(await (await _client.PostAsync("/api/networks/kreis/history/2/revert", null)).Content.ReadAsStringAsync())!;
        Assert.Equal("Arbeit", (await _app.GetAsync<JsonObject>("/api/networks/kreis/topics/arbeit"))["name"]!.GetValue<string>());

        (await _client.PostAsync($"/api/networks/kreis/history/{undo["revision"]}/revert", null)).EnsureSuccessStatusCode();
        var redone = await _app.GetAsync<JsonObject>("/api/networks/kreis/topics/arbeit");
        Assert.Equal(("Arbeit und Ausbildung", 4L), (redone["name"]!.GetValue<string>(), redone["version"]!.GetValue<long>()));
    }

    [Fact]
    public async Task ARevertThatWouldOverwriteALaterChangeIsRefused()
    {
        var topic = await _app.GetAsync<JsonObject>("/api/networks/kreis/topics/arbeit");
        topic["name"] = "Erste Änderung";
        (await _client.PutAsync("/api/networks/kreis/topics/arbeit", Json(topic.ToJsonString()))).EnsureSuccessStatusCode();
        topic["name"] = "Zweite Änderung";
        topic["version"] = 2;
        (await _client.PutAsync("/api/networks/kreis/topics/arbeit", Json(topic.ToJsonString()))).EnsureSuccessStatusCode();

        var problem = await ProblemAssert.Status(await _client.PostAsync("/api/networks/kreis/history/2/revert", null), HttpStatusCode.Conflict);
        Assert.Contains("has changed since revision 2", problem.GetProperty("detail").GetString());
        Assert.Equal("Zweite Änderung", (await _app.GetAsync<JsonObject>("/api/networks/kreis/topics/arbeit"))["name"]!.GetValue<string>());
        await ProblemAssert.Status(await _client.PostAsync("/api/networks/kreis/history/99/revert", null), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task RevertingACreateIsRefusedWhileSomethingNowRefersToIt()
    {
        var created = await _client.PostAsync("/api/networks/kreis/topics", Json("""{"id":"wohnen","name":"Wohnen"}"""));
        created.EnsureSuccessStatusCode();
        var body = await _app.GetAsync<JsonObject>("/api/networks/kreis/bodies/ausschuss");
        body["topics"] = new JsonArray("wohnen");
        (await _client.PutAsync("/api/networks/kreis/bodies/ausschuss", Json(body.ToJsonString()))).EnsureSuccessStatusCode();

        var problem = await ProblemAssert.Status(await _client.PostAsync("/api/networks/kreis/history/2/revert", null), HttpStatusCode.Conflict);
        Assert.Contains(problem.GetProperty("references").EnumerateArray(), r => r.GetString()!.StartsWith("body 'ausschuss'"));
    }

    [Fact]
    public async Task PositionsAreSavedPerNetworkAndMerged()
    {
        Assert.Equal(HttpStatusCode.NoContent,
            (await _client.PutAsync("/api/networks/kreis/positions", Json("""{"jc":{"x":10,"y":20},"sg":{"x":-5.5,"y":0}}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent,
            (await _client.PutAsync("/api/networks/kreis/positions", Json("""{"jc":{"x":11,"y":21}}"""))).StatusCode);
        var positions = await _app.GetAsync<JsonObject>("/api/networks/kreis/positions");
        Assert.Equal(11, positions["jc"]!["x"]!.GetValue<double>());
        Assert.Equal(-5.5, positions["sg"]!["x"]!.GetValue<double>());

        await ProblemAssert.Invalid(await _client.PutAsync("/api/networks/kreis/positions",
            Json("""{"nobody":{"x":1,"y":1},"m-jc-sg-2016-03-01":{"x":1,"y":1}}""")), "positions.nobody", "positions.m-jc-sg-2016-03-01");
        await ProblemAssert.Invalid(await _client.PutAsync("/api/networks/kreis/positions", Json("""{"jc":{"x":"left","y":1}}""")), "$.jc.x");
        await ProblemAssert.Status(await _client.GetAsync("/api/networks/nowhere/positions"), HttpStatusCode.NotFound);
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
