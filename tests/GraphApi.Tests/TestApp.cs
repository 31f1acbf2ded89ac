using System.Net.Http.Json;
using System.Text.Json;
using GraphApi.Domain;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace GraphApi.Tests;

/// <summary>
/// The real app over the real HTTP pipeline, on its own SQLite file in a temp folder that is removed
/// afterwards. Seeding is off unless a test asks for it. Sign-in is on: the app is configured with an administrator
/// (<see cref="AdminEmail"/>), and every <see cref="WebApplicationFactory{T}.CreateClient()"/> sends the administrator's bearer
/// token; <see cref="CreateAnonymousClient"/> sends none, <see cref="CreateClientAsAsync"/> signs in as another account.
/// </summary>
public sealed class TestApp(bool seed = false, string? language = "en", IReadOnlyDictionary<string, string>? settings = null)
    : WebApplicationFactory<Program>
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("networkgraph-test-").FullName;
    public string DatabasePath => Path.Combine(Folder, "graph.db");

    public static readonly JsonSerializerOptions Json = GraphJson.Options;

    public const string AdminEmail = "admin@kreis.test";
    public const string AdminPassword = "Test-Admin-2026!";
    public const string AdminName = "Test Admin";
    /// <summary>The password of accounts made by <see cref="CreateClientAsAsync"/>.</summary>
    public const string UserPassword = "Test-User-2026!";

    private string? _adminToken;
    private bool _anonymous;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Auth:Admin:Email", AdminEmail);
        builder.UseSetting("Auth:Admin:Password", AdminPassword);
        builder.UseSetting("Auth:Admin:DisplayName", AdminName);
        // Test classes sign in many accounts from one address; SignInAttemptsAreLimitedPerAddress sets its own limit.
        builder.UseSetting("Auth:SignInsPerMinute", "10000");
        builder.UseSetting("Store:DatabasePath", DatabasePath);
        builder.UseSetting("Store:SeedOnEmpty", seed ? "true" : "false");
        builder.UseSetting("Store:SeedFolder", SeedFolder);
        // The UI's background layout of arriving networks would add positions and live messages the API's tests count.
        builder.UseSetting("Map:LayoutOnArrival", "false");
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
        if (_anonymous) return;
        // ConfigureClient is synchronous: the administrator signs in once per app, off the test's synchronization context.
        _adminToken ??= Task.Run(() => TokenAsync(AdminEmail, AdminPassword)).GetAwaiter().GetResult();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", _adminToken);
    }

    /// <summary>The administrator's bearer token (for the hub's access token, say).</summary>
    public string AdminToken
    {
        get
        {
            CreateClient().Dispose();
            return _adminToken!;
        }
    }

    /// <summary>A client without any sign-in; like a browser it keeps cookies, and it shows redirects instead of following them.</summary>
    public HttpClient CreateAnonymousClient()
    {
        lock (this)
        {
            _anonymous = true;
            try { return CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }); }
            finally { _anonymous = false; }
        }
    }

    /// <summary>Signs in with e-mail and password through <c>POST /api/auth/login</c>; the bearer token.</summary>
    public async Task<string> TokenAsync(string email, string password)
    {
        using var client = CreateAnonymousClient();
        using var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password });
        Assert.True(response.IsSuccessStatusCode, $"sign-in of {email}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    /// <summary>Creates the account (through the administrators' API) unless it exists, and a client signed in as it.</summary>
    public async Task<HttpClient> CreateClientAsAsync(string email, string? displayName = null, bool administrator = false)
    {
        var client = CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await AccountTokenAsync(email, displayName, administrator));
        return client;
    }

    /// <summary>Creates the account unless it exists and answers its bearer token (for a client of a derived app, say).</summary>
    public async Task<string> AccountTokenAsync(string email, string? displayName = null, bool administrator = false)
    {
        using (var admin = CreateClient())
        {
            using var created = await admin.PostAsJsonAsync("/api/accounts", new { email, displayName = displayName ?? email.Split('@')[0], password = UserPassword, administrator });
            Assert.True(created.IsSuccessStatusCode || created.StatusCode == System.Net.HttpStatusCode.BadRequest,
                $"creating {email}: {(int)created.StatusCode} {await created.Content.ReadAsStringAsync()}");
        }
        return await TokenAsync(email, UserPassword);
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
