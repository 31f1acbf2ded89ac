using System.Net.Http.Json;
using System.Text;

namespace GraphApi.Tests.Api;

/// <summary>Input that used to get through or to end in a 500: now a 400 that names the field and the rule, and nothing stored.</summary>
public sealed class BadInputTests : IDisposable
{
    private readonly TestApp _app = new(seed: true, language: null); // German, the default
    public void Dispose() => _app.Dispose();

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    [Theory]
    [InlineData("POST", "/api/networks/peine/actors", "")]
    [InlineData("POST", "/api/networks/peine/actors", "null")]
    [InlineData("PUT", "/api/networks/peine/actors/jobcenter-peine", "null")]
    [InlineData("POST", "/api/networks", "null")]
    [InlineData("POST", "/api/networks/peine/merge", "null")]
    [InlineData("PUT", "/api/networks/peine/analysis/marks", "")]
    public async Task AMissingBodyIsA400ThatSaysSo(string method, string url, string body)
    {
        var answer = await _app.CreateClient().SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = Json(body) });
        var errors = await ProblemAssert.Invalid(answer, "$");
        Assert.Contains("Inhalt der Anfrage fehlt", errors["$"][0]);
    }

    [Fact]
    public async Task ANullInAnIdListIsRefusedAndNothingIsStored()
    {
        var client = _app.CreateClient();
        var answer = await client.PostAsync("/api/networks/peine/bodies", Json("""{"id":"leer","name":"Leere Liste","kind":"steeringGroup","topics":[null]}"""));
        var errors = await ProblemAssert.Invalid(answer, "topics[0]");
        Assert.Equal("Darf nicht leer sein.", errors["topics[0]"][0]);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await client.GetAsync("/api/networks/peine/bodies/leer")).StatusCode);
    }

    [Fact]
    public async Task ControlCharactersAreRefusedInNamesAndLineBreaksKeptInTexts()
    {
        var client = _app.CreateClient();
        var nul = await ProblemAssert.Invalid(await client.PostAsync("/api/networks/peine/actors", Json("""{"name":"A\u0000B","kind":"other"}""")), "name");
        Assert.Contains("U+0000", nul["name"][0]);
        await ProblemAssert.Invalid(await client.PostAsync("/api/networks/peine/actors", Json("""{"name":"Zwei\nZeilen","kind":"other"}""")), "name");
        await ProblemAssert.Invalid(await client.PostAsync("/api/networks/peine/actors", Json("""{"name":"Glocke","description":"x\u0007y","kind":"other"}""")), "description");
        var kept = await client.PostAsync("/api/networks/peine/actors", Json("""{"id":"zeilen","name":"Zeilen","description":"Erste Zeile\nzweite\tZeile","kind":"other"}"""));
        Assert.Equal(System.Net.HttpStatusCode.Created, kept.StatusCode);
    }

    [Fact]
    public async Task AValueTheFrameworkCannotConvertIsNamedLikeEveryOtherRule()
    {
        var answer = await _app.CreateClient().GetAsync("/api/networks/peine/analysis/overlaps?threshold=abc");
        var errors = await ProblemAssert.Invalid(answer, "threshold");
        Assert.Equal("„abc“ ist hier nicht möglich: erwartet wird eine Zahl (mit Punkt als Dezimaltrenner, z. B. 0.5).", errors["threshold"][0]);
    }
}
