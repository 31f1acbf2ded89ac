using System.Net.Http.Json;
using System.Text.Json;
using GraphApi.Domain;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace GraphApi.Tests;

/// <summary>
/// The real app over the real HTTP pipeline, on its own SQLite file in a temp folder that is removed
/// afterwards. Seeding is off unless a test asks for it.
/// </summary>
public sealed class TestApp(bool seed = false, string? language = "en", IReadOnlyDictionary<string, string>? settings = null)
    : WebApplicationFactory<Program>
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("networkgraph-test-").FullName;
    public string DatabasePath => Path.Combine(Folder, "graph.db");

    public static readonly JsonSerializerOptions Json = GraphJson.Options;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Store:DatabasePath", DatabasePath);
        builder.UseSetting("Store:SeedOnEmpty", seed ? "true" : "false");
        builder.UseSetting("Store:SeedFolder", SeedFolder);
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) builder.UseSetting(key, value);
    }

    /// <summary>
    /// Every client asks for English, so the tests read the messages in the language they were written in;
    /// the German default is covered by <see cref="Api.LanguageTests"/>, which removes the header.
    /// </summary>
    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        // English unless a test asks otherwise; null sends no Accept-Language, so the server's default (German) applies.
        if (language is not null)
            client.DefaultRequestHeaders.AcceptLanguage.Add(new System.Net.Http.Headers.StringWithQualityHeaderValue(language));
    }

    /// <summary>The repository's seed folder, found from the test's output folder.</summary>
    public static string SeedFolder
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "NetworkGraph.sln"))) return Path.Combine(dir.FullName, "seed");
            throw new InvalidOperationException("The repository root (NetworkGraph.sln) was not found above the test folder.");
        }
    }

    public async Task<HttpResponseMessage> ImportAsync(string json)
    {
        var client = CreateClient();
        return await client.PostAsync("/api/networks/import", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
    }

    public async Task<T> GetAsync<T>(string url)
    {
        var response = await CreateClient().GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"GET {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<T>(Json))!;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { /* a file still open on a slow machine: temp is cleaned by the OS */ }
    }
}

/// <summary>A small network as an exchange document, for tests to change and import.</summary>
public static class Samples
{
    public const string Small = """
    {
      "network": { "id": "kreis", "name": "Testkreis", "description": "A small district for tests" },
      "topics": [ { "id": "arbeit", "name": "Arbeit" }, { "id": "sprache", "name": "Sprachförderung" } ],
      "territories": [
        { "id": "lk", "name": "Landkreis", "kind": "district" },
        { "id": "stadt", "name": "Stadt", "kind": "city", "parent": "lk" }
      ],
      "actors": [
        { "id": "kv", "name": "Kreisverwaltung", "kind": "administration", "territories": ["lk"], "topics": [] },
        { "id": "amt", "name": "Amt für Migration", "kind": "administration", "parent": "kv", "territories": [], "topics": ["arbeit"] },
        { "id": "jc", "name": "Jobcenter", "kind": "jobcenter", "territories": ["lk"], "topics": ["arbeit"] },
        { "id": "caritas", "name": "Caritasverband", "shortName": "Caritas", "kind": "welfareAssociation", "territories": [], "topics": [] }
      ],
      "bodies": [
        { "id": "sg", "name": "Steuerungsgruppe Integration", "kind": "steeringGroup", "topics": ["arbeit"], "territories": ["lk"],
          "meetingsPerYear": 4, "meetingHours": 2, "lastMeeting": "2022-06-09", "status": "active", "lead": "amt", "founded": "2016-03-01" },
        { "id": "ausschuss", "name": "Sozialausschuss", "kind": "politicalCommittee", "topics": [], "territories": ["lk"], "status": "active" }
      ],
      "persons": [ { "id": "leitung", "name": "Leitung Referat Integration", "actor": "amt" } ],
      "memberships": [
        { "member": "amt", "body": "sg", "role": "chair", "since": "2016-03-01" },
        { "member": "jc", "body": "sg", "since": "2016-03-01" },
        { "member": "leitung", "body": "sg", "representing": "amt" }
      ],
      "collaborations": [ { "from": "jc", "to": "caritas", "kind": "referral", "topics": ["arbeit"], "since": "2018-01-01" } ],
      "measures": [ { "id": "welcome", "name": "Welcome-App", "offeredBy": ["kv"], "topics": ["sprache"], "territories": ["lk"] } ],
      "compositionRules": [ { "bodyKind": "steeringGroup", "requiredActorKinds": ["migrantOrganisation"] } ]
    }
    """;
}
