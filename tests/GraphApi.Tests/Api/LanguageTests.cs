using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GraphApi.Tests.Api;

/// <summary>The API's messages are German unless the client asks for English, as the forms beside the fields show them.</summary>
public sealed class LanguageTests : IAsyncLifetime
{
    private readonly TestApp _app = new();

    public async Task InitializeAsync() => (await _app.ImportAsync(Samples.Small)).EnsureSuccessStatusCode();

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>A client that sends the given Accept-Language header, or none at all.</summary>
    private HttpClient Client(string? acceptLanguage)
    {
        var client = _app.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.Clear();
        if (acceptLanguage is not null) client.DefaultRequestHeaders.Add("Accept-Language", acceptLanguage);
        return client;
    }

    private static async Task<Dictionary<string, string[]>> PostBadActor(HttpClient client, string url = "/api/networks/kreis/actors")
    {
        var response = await client.PostAsJsonAsync(url, new { name = "AWO", kind = "ngo" });
        return await ProblemAssert.Invalid(response, "kind");
    }

    [Fact]
    public async Task WithoutAcceptLanguageTheMessagesAreGerman()
    {
        var response = await Client(null).PostAsJsonAsync("/api/networks/kreis/actors", new { name = "", kind = "ngo" });
        var problem = await ProblemAssert.Status(response, HttpStatusCode.BadRequest);
        Assert.Equal("Die Eingabe verstößt gegen eine oder mehrere Regeln; es wurde nichts geändert.", problem.GetProperty("title").GetString());
        var errors = problem.GetProperty("errors").Deserialize<Dictionary<string, string[]>>()!;
        Assert.Equal(["Darf nicht leer sein."], errors["name"]);
        var kind = Assert.Single(errors["kind"]);
        Assert.StartsWith("„ngo“ ist nicht erlaubt; möglich sind: administration (Verwaltung), jobcenter, employmentAgency (Agentur für Arbeit),", kind);
    }

    [Fact]
    public async Task AWrongKindIsNamedWithTheRightGermanArticles()
    {
        var client = Client(null);
        var membership = await ProblemAssert.Invalid(
            await client.PostAsJsonAsync("/api/networks/kreis/memberships", new { member = "arbeit", body = "amt" }), "member", "body");
        Assert.Equal("„Arbeit“ ist ein Handlungsfeld; Mitglied kann nur ein Akteur oder eine Person sein.", Assert.Single(membership["member"]));
        Assert.Equal("„Amt für Migration“ ist ein Akteur, kein Gremium.", Assert.Single(membership["body"]));

        var person = await ProblemAssert.Invalid(
            await client.PostAsJsonAsync("/api/networks/kreis/persons", new { name = "Leitung", actor = "sg" }), "actor");
        Assert.Equal("„Steuerungsgruppe Integration“ ist ein Gremium, kein Akteur.", Assert.Single(person["actor"]));

        var collaboration = await ProblemAssert.Invalid(
            await client.PostAsJsonAsync("/api/networks/kreis/collaborations", new { from = "jc", to = "leitung" }), "to");
        Assert.Equal("„Leitung Referat Integration“ ist eine Person, kein Akteur.", Assert.Single(collaboration["to"]));
    }

    [Fact]
    public async Task AStaleUpdateIsRefusedInGerman()
    {
        var client = Client(null);
        var jc = await client.GetFromJsonAsync<JsonObject>("/api/networks/kreis/actors/jc");
        jc!["name"] = "Jobcenter Landkreis";
        (await client.PutAsJsonAsync("/api/networks/kreis/actors/jc", jc)).EnsureSuccessStatusCode();

        jc["name"] = "Jobcenter (alt)";
        var problem = await ProblemAssert.Status(await client.PutAsJsonAsync("/api/networks/kreis/actors/jc", jc), HttpStatusCode.Conflict);
        Assert.Equal("Konflikt mit dem aktuellen Stand.", problem.GetProperty("title").GetString());
        Assert.Equal("„Jobcenter Landkreis“ wurde inzwischen von jemand anderem geändert: Ihre Bearbeitung beruht auf Version 1, " +
                     "aktuell ist Version 2.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task AMissingEntryAndAnUnknownRouteAreGerman()
    {
        var client = Client(null);
        var missing = await ProblemAssert.Status(await client.GetAsync("/api/networks/kreis/actors/nope"), HttpStatusCode.NotFound);
        Assert.Equal("Nicht gefunden.", missing.GetProperty("title").GetString());
        Assert.Equal("Im Netzwerk „kreis“ gibt es keinen Akteur „nope“.", missing.GetProperty("detail").GetString());

        var route = await ProblemAssert.Status(await client.GetAsync("/api/nowhere"), HttpStatusCode.NotFound);
        Assert.Equal("Nicht gefunden.", route.GetProperty("title").GetString());
    }

    [Fact]
    public async Task AcceptLanguageEnGivesEnglish()
    {
        var errors = await PostBadActor(Client("en"));
        Assert.StartsWith("'ngo' is not allowed; use one of: administration, jobcenter,", Assert.Single(errors["kind"]));

        var missing = await ProblemAssert.Status(await Client("en-GB").GetAsync("/api/networks/kreis/bodies/nope"), HttpStatusCode.NotFound);
        Assert.Equal("There is no body 'nope' in network 'kreis'.", missing.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("de-DE")]
    [InlineData("de-AT,de;q=0.9,en;q=0.8")]
    [InlineData("fr")]
    [InlineData("fr-FR,fr;q=0.9")]
    public async Task GermanAndUnsupportedLanguagesGiveGerman(string acceptLanguage)
    {
        var errors = await PostBadActor(Client(acceptLanguage));
        Assert.StartsWith("„ngo“ ist nicht erlaubt", Assert.Single(errors["kind"]));
    }

    [Fact]
    public async Task TheLangQueryStringChoosesTheLanguageToo()
    {
        var errors = await PostBadActor(Client(null), "/api/networks/kreis/actors?lang=en");
        Assert.StartsWith("'ngo' is not allowed", Assert.Single(errors["kind"]));
    }
}
