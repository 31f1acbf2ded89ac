using System.Net;
using System.Text.Json.Nodes;

namespace GraphApi.Tests.Exchange;

public sealed class ExchangeTests : IDisposable
{
    private readonly TestApp _app = new();

    public void Dispose() => _app.Dispose();

    public static TheoryData<string> SeedFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(TestApp.SeedFolder, "*.json").Order()) data.Add(Path.GetFileName(file));
        return data;
    }

    [Fact]
    public void ThereAreSeedNetworks() => Assert.True(Directory.GetFiles(TestApp.SeedFolder, "*.json").Length >= 2);

    /// <summary>The seed files are kept in the exporter's canonical form, so import → export gives back the file itself.</summary>
    [Theory]
    [MemberData(nameof(SeedFiles))]
    public async Task EverySeedFileRoundTripsToIdenticalBytes(string file)
    {
        var json = await File.ReadAllTextAsync(Path.Combine(TestApp.SeedFolder, file));
        var id = JsonNode.Parse(json)!["network"]!["id"]!.GetValue<string>();
        (await _app.ImportAsync(json)).EnsureSuccessStatusCode();
        var exported = await _app.CreateClient().GetStringAsync($"/api/networks/{id}/export");
        Assert.Equal(json, exported);
    }

    [Fact]
    public async Task ExportImportExportGivesIdenticalBytes()
    {
        (await _app.ImportAsync(Samples.Small)).EnsureSuccessStatusCode();
        var first = await _app.CreateClient().GetStringAsync("/api/networks/kreis/export");
        Assert.DoesNotContain("\"version\"", first); // store metadata is not part of the format

        using var other = new TestApp();
        (await other.ImportAsync(first)).EnsureSuccessStatusCode();
        Assert.Equal(first, await other.CreateClient().GetStringAsync("/api/networks/kreis/export"));
    }

    [Fact]
    public async Task ImportIsIdempotentAndReplacesTheWholeNetwork()
    {
        var first = JsonNode.Parse(await (await _app.ImportAsync(Samples.Small)).Content.ReadAsStringAsync())!;
        Assert.Equal((1, 16), (first["revision"]!.GetValue<long>(), first["created"]!.GetValue<int>()));

        var again = JsonNode.Parse(await (await _app.ImportAsync(Samples.Small)).Content.ReadAsStringAsync())!;
        Assert.Equal((1, 0, 0, 0), (again["revision"]!.GetValue<long>(), again["created"]!.GetValue<int>(),
            again["updated"]!.GetValue<int>(), again["deleted"]!.GetValue<int>()));

        var changed = JsonNode.Parse(Samples.Small)!;
        changed["actors"]!.AsArray()[3]!["name"] = "Caritasverband Peine e.V.";
        changed["measures"] = new JsonArray();
        var third = JsonNode.Parse(await (await _app.ImportAsync(changed.ToJsonString())).Content.ReadAsStringAsync())!;
        Assert.Equal((2, 0, 1, 1), (third["revision"]!.GetValue<long>(), third["created"]!.GetValue<int>(),
            third["updated"]!.GetValue<int>(), third["deleted"]!.GetValue<int>()));
        var caritas = await _app.GetAsync<JsonObject>("/api/networks/kreis/actors/caritas");
        Assert.Equal(2, caritas["version"]!.GetValue<long>());
    }

    [Fact]
    public async Task EveryProblemIsReportedAtOnceWithItsPathAndNothingIsWritten()
    {
        var doc = JsonNode.Parse(Samples.Small)!;
        doc["actors"]!.AsArray()[0]!["kind"] = "ngo";
        doc["actors"]!.AsArray()[1]!["parent"] = "sg";
        doc["actors"]!.AsArray()[2]!["name"] = "";
        doc["bodies"]!.AsArray()[0]!["founded"] = "2016-13-01";
        doc["bodies"]!.AsArray()[1]!["id"] = "jc";
        doc["memberships"]!.AsArray()[1]!["body"] = "amt";
        doc["collaborations"]!.AsArray()[0]!["until"] = "2000-01-01";
        doc["compositionRules"]!.AsArray()[0]!["bodyKind"] = "club";

        var errors = await Api.ProblemAssert.Invalid(await _app.ImportAsync(doc.ToJsonString()),
            "$.actors[0].kind", "$.actors[1].parent", "$.actors[2].name", "$.bodies[0].founded", "$.bodies[1].id",
            "$.memberships[1].body", "$.collaborations[0].until", "$.compositionRules[0].bodyKind");
        Assert.Equal("'jc' is already used by $.actors[2].", errors["$.bodies[1].id"][0]);
        Assert.Equal("'Amt für Migration' is an actor, not a body.", errors["$.memberships[1].body"][0]);
        await Api.ProblemAssert.Status(await _app.CreateClient().GetAsync("/api/networks/kreis"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AFailedReimportLeavesTheStoredNetworkUntouched()
    {
        (await _app.ImportAsync(Samples.Small)).EnsureSuccessStatusCode();
        var before = await _app.CreateClient().GetStringAsync("/api/networks/kreis/export");
        var doc = JsonNode.Parse(Samples.Small)!;
        doc["topics"] = new JsonArray(); // everything that used a topic now points nowhere
        var response = await _app.ImportAsync(doc.ToJsonString());
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await _app.CreateClient().GetStringAsync("/api/networks/kreis/export"));
    }

    [Theory]
    [InlineData("{\"network\": {\"id\": \"x\", \"name\": \"X\"}, \"actors\": [ {\"id\": \"a\" ", "$.actors[0]")]
    [InlineData("{\"network\": {\"id\": \"x\", \"name\": \"X\"}, \"bodies\": [ {\"id\": \"b\", \"meetingsPerYear\": \"often\"} ] }", "$.bodies[0].meetingsPerYear")]
    [InlineData("", "$")]
    [InlineData("null", "$")]
    [InlineData("{}", "$.network")]
    public async Task MalformedDocumentsAreNamedByPath(string json, string path)
    {
        var errors = await Api.ProblemAssert.Invalid(await _app.ImportAsync(json), path);
        Assert.NotEmpty(errors[path][0]);
    }

    [Fact]
    public async Task TheReadmeExampleImports()
    {
        var readme = await File.ReadAllTextAsync(Path.Combine(TestApp.SeedFolder, "..", "README.md"));
        var start = readme.IndexOf("```json\n", StringComparison.Ordinal) + "```json\n".Length;
        var example = readme[start..readme.IndexOf("```", start, StringComparison.Ordinal)];
        var response = await _app.ImportAsync(example);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("null", "Must not be empty.")]
    [InlineData("\"a\\n\"", "May contain only letters")]
    public async Task ABadIdIsAProblemNotACrash(string id, string message)
    {
        var json = $$"""{"network":{"id":"x","name":"X"},"topics":[{"id":{{id}},"name":"T"}]}""";
        var errors = await Api.ProblemAssert.Invalid(await _app.ImportAsync(json), "$.topics[0].id");
        Assert.StartsWith(message, errors["$.topics[0].id"][0]);
    }

    [Fact]
    public async Task ExportOfAnUnknownNetworkIs404() =>
        await Api.ProblemAssert.Status(await _app.CreateClient().GetAsync("/api/networks/nowhere/export"), HttpStatusCode.NotFound);
}
