using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GraphApi.Tests.Api;

/// <summary>The same behaviour for every family of entries: create, read, list, update with versions, delete, bad input.</summary>
public sealed class EntitiesApiTests : SampleNetworkTest
{
    /// <summary>Per family: a valid new entry, a field to change, and a bad entry with the fields its errors must name.</summary>
    public sealed record Family(string Name, string Valid, string Field, string Invalid, string[] InvalidFields)
    {
        public override string ToString() => Name;
    }

    private static readonly Family[] All =
    [
        new("actors", """{"name":"AWO","kind":"welfareAssociation","topics":["arbeit"]}""", "name",
          """{"name":"","kind":"ngo","parent":"sg","topics":["nope"]}""", ["name", "kind", "parent", "topics[0]"]),
        new("bodies", """{"name":"Netzwerk Ehrenamt","kind":"network","meetingsPerYear":2,"meetingHours":2}""", "name",
          """{"name":"x","kind":"club","status":"sleeping","founded":"2020-02-02","dissolved":"2020-01-01","reportsTo":"jc","meetingHours":30}""",
          ["kind", "status", "dissolved", "reportsTo", "meetingHours"]),
        new("persons", """{"name":"Integrationsbeauftragte","actor":"kv"}""", "function",
          """{"name":"","actor":"arbeit"}""", ["function", "actor"]), // a person needs at least a function (privacy)
        new("topics", """{"name":"Wohnen"}""", "name", """{"name":""}""", ["name"]),
        new("territories", """{"name":"Gemeinde","kind":"municipality","parent":"lk"}""", "name",
          """{"name":"G","kind":"planet","parent":"jc"}""", ["kind", "parent"]),
        new("measures", """{"name":"Sprachcafé","offeredBy":["caritas"],"topics":["sprache"],"territories":["stadt"]}""", "name",
          """{"name":"M","offeredBy":["sg"],"since":"2020-01-01","until":"2019-01-01"}""", ["offeredBy[0]", "until"]),
        new("memberships", """{"member":"caritas","body":"sg","role":"guest"}""", "role",
          """{"member":"arbeit","body":"jc","role":"boss"}""", ["member", "body", "role"]),
        new("collaborations", """{"from":"amt","to":"caritas","kind":"funding"}""", "description",
          """{"from":"jc","to":"jc","kind":"love"}""", ["to", "kind"]),
    ];

    public static TheoryData<Family> Families => new(All);

    [Theory]
    [MemberData(nameof(Families))]
    public async Task CreateReadUpdateDeleteWithVersions(Family f)
    {
        var (family, valid, field) = (f.Name, f.Valid, f.Field);
        var url = $"/api/networks/kreis/{family}";
        var created = await _client.PostAsync(url, Json(valid));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var entity = JsonNode.Parse(await created.Content.ReadAsStringAsync())!.AsObject();
        var id = entity["id"]!.GetValue<string>();
        Assert.Equal(1, entity["version"]!.GetValue<long>());
        Assert.Equal($"{url}/{id}", created.Headers.Location!.OriginalString);

        var read = await _app.GetAsync<JsonObject>($"{url}/{id}");
        Assert.Equal(entity.ToJsonString(), read.ToJsonString());

        entity[field] = field == "role" ? "advisory" : "Geändert";
        var updated = await _client.PutAsync($"{url}/{id}", Json(entity.ToJsonString()));
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var after = JsonNode.Parse(await updated.Content.ReadAsStringAsync())!;
        Assert.Equal(2, after["version"]!.GetValue<long>());
        Assert.Equal(entity[field]!.GetValue<string>(), after[field]!.GetValue<string>());

        // The same edit again is based on version 1, which is stale now: refused with the current state.
        var stale = await ProblemAssert.Status(await _client.PutAsync($"{url}/{id}", Json(entity.ToJsonString())), HttpStatusCode.Conflict);
        Assert.Equal(2, stale.GetProperty("current").GetProperty("version").GetInt64());
        Assert.Contains("version 1", stale.GetProperty("detail").GetString());

        var missingVersion = entity.DeepClone().AsObject();
        missingVersion.Remove("version");
        await ProblemAssert.Invalid(await _client.PutAsync($"{url}/{id}", Json(missingVersion.ToJsonString())), "version");

        Assert.Equal(HttpStatusCode.OK, (await _client.DeleteAsync($"{url}/{id}?version=2")).StatusCode);
        await ProblemAssert.Status(await _client.GetAsync($"{url}/{id}"), HttpStatusCode.NotFound);
    }

    [Theory]
    [MemberData(nameof(Families))]
    public async Task BadInputNamesEveryFieldAndWritesNothing(Family f)
    {
        var (family, invalid, fields) = (f.Name, f.Invalid, f.InvalidFields);
        var before = await _app.GetAsync<JsonObject>("/api/networks/kreis");
        await ProblemAssert.Invalid(await _client.PostAsync($"/api/networks/kreis/{family}", Json(invalid)), fields);
        var after = await _app.GetAsync<JsonObject>("/api/networks/kreis");
        Assert.Equal(before["revision"]!.GetValue<long>(), after["revision"]!.GetValue<long>());
    }

    [Theory]
    [MemberData(nameof(Families))]
    public async Task MalformedJsonAndUnknownPlacesAreProblems(Family f)
    {
        var (family, valid) = (f.Name, f.Valid);
        var malformed = await ProblemAssert.Invalid(await _client.PostAsync($"/api/networks/kreis/{family}", Json("{\"name\": ")), "$.name");
        Assert.Contains("Malformed JSON", malformed.Values.Single()[0]);
        await ProblemAssert.Status(await _client.PostAsync($"/api/networks/nowhere/{family}", Json(valid)), HttpStatusCode.NotFound);
        await ProblemAssert.Status(await _client.GetAsync($"/api/networks/kreis/{family}/nobody"), HttpStatusCode.NotFound);
        await ProblemAssert.Status(await _client.DeleteAsync($"/api/networks/kreis/{family}/nobody?version=1"), HttpStatusCode.NotFound);
        await ProblemAssert.Invalid(await _client.GetAsync($"/api/networks/kreis/{family}?limit=0&offset=-1"), "limit", "offset");
    }

    [Fact]
    public async Task AnIdIsUniqueAcrossKinds()
    {
        var problem = await ProblemAssert.Status(
            await _client.PostAsync("/api/networks/kreis/topics", Json("""{"id":"jc","name":"Jobcenter als Thema"}""")), HttpStatusCode.Conflict);
        Assert.Contains("already used by the actor 'Jobcenter'", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task ListsFilterByKindTopicTerritoryStatusAndText()
    {
        async Task<string[]> Ids(string query) =>
            (await _app.GetAsync<JsonObject>($"/api/networks/kreis/{query}"))["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()).ToArray();

        Assert.Equal(["amt", "kv"], await Ids("actors?kind=administration"));
        Assert.Equal(["amt", "jc"], await Ids("actors?topic=arbeit"));
        Assert.Equal(["jc", "kv"], await Ids("actors?territory=lk"));
        Assert.Equal(["caritas"], await Ids("actors?text=CARITAS"));
        Assert.Equal(["ausschuss", "sg"], await Ids("bodies?status=active"));
        Assert.Equal(["sg"], await Ids("bodies?kind=steeringGroup&topic=arbeit"));
        Assert.Equal(["m-amt-sg-2016-03-01"], await Ids("memberships?body=sg&role=chair"));
        Assert.Equal(["c-jc-caritas-referral"], await Ids("collaborations?actor=caritas"));

        var page = await _app.GetAsync<JsonObject>("/api/networks/kreis/actors?offset=1&limit=2");
        Assert.Equal(4, page["total"]!.GetValue<int>());
        Assert.Equal(["caritas", "jc"], page["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()));

        var bad = await ProblemAssert.Invalid(await _client.GetAsync("/api/networks/kreis/bodies?kind=club&status=asleep"), "kind", "status");
        Assert.Contains("steeringGroup", bad["kind"][0]);
    }

    [Fact]
    public async Task DeletingAnActorRemovesItsMembershipsAndCollaborationsInTheSameChange()
    {
        var response = await _client.DeleteAsync("/api/networks/kreis/actors/jc?version=1");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var set = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(["jc", "m-jc-sg-2016-03-01", "c-jc-caritas-referral"],
            set["changes"]!.AsArray().Select(c => c!["id"]!.GetValue<string>()));
        var memberships = await _app.GetAsync<JsonObject>("/api/networks/kreis/memberships?member=jc");
        Assert.Equal(0, memberships["total"]!.GetValue<int>());
        var history = await _app.GetAsync<JsonArray>("/api/networks/kreis/history?after=1");
        Assert.Single(history); // one change set, so one transaction
    }

    [Fact]
    public async Task DeletingWhatOthersReferToIsRefusedNamingTheReferences()
    {
        var problem = await ProblemAssert.Status(await _client.DeleteAsync("/api/networks/kreis/actors/amt?version=1"), HttpStatusCode.Conflict);
        var references = problem.GetProperty("references").EnumerateArray().Select(r => r.GetString()!).ToList();
        Assert.Contains(references, r => r.StartsWith("body 'sg'") && r.EndsWith("in 'Lead'"));
        Assert.Contains(references, r => r.StartsWith("person 'leitung'") && r.EndsWith("in 'Organisation'"));
        Assert.Contains(references, r => r.StartsWith("membership 'm-leitung-sg'") && r.EndsWith("in 'Representing'"));
        Assert.NotNull(await _app.GetAsync<JsonObject>("/api/networks/kreis/actors/amt"));

        var topic = await ProblemAssert.Status(await _client.DeleteAsync("/api/networks/kreis/topics/arbeit?version=1"), HttpStatusCode.Conflict);
        Assert.Equal(4, topic.GetProperty("references").GetArrayLength()); // amt, jc, sg and the collaboration
    }

    [Fact]
    public async Task AStaleDeleteIsRefused()
    {
        await ProblemAssert.Status(await _client.DeleteAsync("/api/networks/kreis/topics/sprache?version=7"), HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.OK, (await _client.DeleteAsync("/api/networks/kreis/measures/welcome?version=1")).StatusCode);
    }

    [Fact]
    public async Task ACycleThroughAnUpdateIsRefused()
    {
        var kv = await _app.GetAsync<JsonObject>("/api/networks/kreis/actors/kv");
        kv["parent"] = "amt";
        var errors = await ProblemAssert.Invalid(await _client.PutAsync("/api/networks/kreis/actors/kv", Json(kv.ToJsonString())), "parent");
        Assert.Equal("This makes a cycle: Kreisverwaltung → Amt für Migration → Kreisverwaltung.", errors["parent"][0]);
    }

    [Fact]
    public async Task ABodyCannotGrowBeyondTheSizeLimit()
    {
        using var limited = new TestApp();
        using var app = limited.WithWebHostBuilder(b => b.UseSetting("Graph:Limits:MaxMembersPerBody", "3"));
        var client = app.CreateClient();
        (await client.PostAsync("/api/networks/import", Json(Samples.Small))).EnsureSuccessStatusCode();
        var errors = await ProblemAssert.Invalid(
            await client.PostAsync("/api/networks/kreis/memberships", Json("""{"member":"caritas","body":"sg"}""")), "body");
        Assert.Contains("at most 3", errors["body"][0]);
    }

}
