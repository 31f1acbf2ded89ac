using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace GraphApi.Tests.Api;

public sealed class RevertAndPositionsTests : SampleNetworkTest
{
    [Fact]
    public async Task RevertingADeleteBringsBackTheEntityAndItsCascadedEdgesInOneChange()
    {
        var deleted = JsonNode.Parse(await (await _client.DeleteAsync("/api/networks/kreis/actors/jc?version=1")).Content.ReadAsStringAsync())!;
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
    public async Task RestoringAsOfARevisionBringsBackThatStateAsOneNewChange()
    {
        var imported = await _client.GetStringAsync("/api/networks/kreis/export");
        (await _client.DeleteAsync("/api/networks/kreis/actors/jc?version=1")).EnsureSuccessStatusCode();          // revision 2
        var topic = await _app.GetAsync<JsonObject>("/api/networks/kreis/topics/arbeit");
        topic["name"] = "Arbeit und Ausbildung";
        (await _client.PutAsync("/api/networks/kreis/topics/arbeit", Json(topic.ToJsonString()))).EnsureSuccessStatusCode(); // 3
        (await _client.PostAsync("/api/networks/kreis/topics", Json("""{"id":"wohnen","name":"Wohnen"}"""))).EnsureSuccessStatusCode(); // 4

        var restored = JsonNode.Parse(await (await _client.PostAsync("/api/networks/kreis/history/1/restore", null)).Content.ReadAsStringAsync())!;
        Assert.Equal(5, restored["revision"]!.GetValue<long>());
        Assert.Equal(imported, await _client.GetStringAsync("/api/networks/kreis/export"));
        Assert.Equal(5, (await _app.GetAsync<JsonArray>("/api/networks/kreis/history")).Count); // nothing erased

        // The restore is a change like any other: undoing it brings back revision 4's state.
        (await _client.PostAsync("/api/networks/kreis/history/5/revert", null)).EnsureSuccessStatusCode();
        Assert.Equal("Wohnen", (await _app.GetAsync<JsonObject>("/api/networks/kreis/topics/wohnen"))["name"]!.GetValue<string>());

        await ProblemAssert.Invalid(await _client.PostAsync("/api/networks/kreis/history/0/restore", null), "revision");
        await ProblemAssert.Invalid(await _client.PostAsync("/api/networks/kreis/history/99/restore", null), "revision");
        await ProblemAssert.Status(await _client.PostAsync("/api/networks/nowhere/history/1/restore", null), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task TheNewestHistoryComesOldestFirstAndEditsTellTheirRevision()
    {
        for (var i = 1; i <= 3; i++)
        {
            var response = await _client.PostAsync("/api/networks/kreis/topics", Json($$"""{"id":"t{{i}}","name":"T{{i}}"}"""));
            Assert.Equal((i + 1).ToString(), response.Headers.GetValues("X-Revision").Single());
        }
        var newest = await _app.GetAsync<JsonArray>("/api/networks/kreis/history?newest=true&limit=2");
        Assert.Equal([3L, 4L], newest.Select(s => s!["revision"]!.GetValue<long>()));
        var oldest = await _app.GetAsync<JsonArray>("/api/networks/kreis/history?limit=2");
        Assert.Equal([1L, 2L], oldest.Select(s => s!["revision"]!.GetValue<long>()));
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

}
