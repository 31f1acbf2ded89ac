using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace GraphUi.Tests;

/// <summary>
/// The whole app on real Kestrel at a free loopback port, with the seed networks on a fresh SQLite file,
/// so the browser talks to it exactly as a user's would.
/// </summary>
public sealed class MapApp : WebApplicationFactory<Program>
{
    private readonly string _folder;
    private bool _ownsFolder;

    private readonly IReadOnlyDictionary<string, string> _settings;

    public MapApp() : this(Directory.CreateTempSubdirectory("networkgraph-ui-").FullName, 0) { }

    /// <summary>An app on a given SQLite folder and port (0: any free one); it removes the folder when disposed.</summary>
    private MapApp(string folder, int port, IReadOnlyDictionary<string, string>? settings = null, bool ownsFolder = true)
    {
        _ownsFolder = ownsFolder;
        _folder = folder;
        _settings = settings ?? new Dictionary<string, string>();
        UseKestrel(port);
        StartServer();
        BaseUrl = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .First().Replace("[::]", "127.0.0.1").Replace("localhost", "127.0.0.1").TrimEnd('/');
    }

    public string BaseUrl { get; }
    public string Folder => _folder;
    public int Port => new Uri(BaseUrl).Port;

    /// <summary>A new server on a file and port a stopped one used: the same server after a restart.</summary>
    public static MapApp On(string folder, int port) => new(folder, port);

    /// <summary>One of several instances on one SQLite folder (the caller removes it), with settings such as Live:Redis.</summary>
    public static MapApp Instance(string folder, IReadOnlyDictionary<string, string> settings) => new(folder, 0, settings, ownsFolder: false);

    /// <summary>The administrator every app is configured with; browser contexts are signed in as it by default.</summary>
    public const string AdminEmail = "admin@kreis.test";
    public const string AdminPassword = "Test-Admin-2026!";
    public const string AdminName = "Test Admin";
    /// <summary>The password of accounts made by <see cref="CreateAccountAsync"/>.</summary>
    public const string UserPassword = "Test-User-2026!";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Auth:Admin:Email", AdminEmail);
        builder.UseSetting("Auth:Admin:Password", AdminPassword);
        builder.UseSetting("Auth:Admin:DisplayName", AdminName);
        // Every test signs in several accounts from one address; the sign-in limit has its own test (GraphApi.Tests).
        builder.UseSetting("Auth:SignInsPerMinute", "10000");
        builder.UseSetting("Store:DatabasePath", Path.Combine(_folder, "graph.db"));
        builder.UseSetting("Store:SeedFolder", Path.Combine(Repository.Root, "seed"));
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
    }

    /// <summary>A bearer token of an account (the administrator's by default), for HTTP and hub clients.</summary>
    public async Task<string> TokenAsync(string email = AdminEmail, string password = AdminPassword)
    {
        using var http = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        using var response = await http.PostAsJsonAsync("/api/auth/login", new { email, password });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    /// <summary>An HTTP client of the API signed in as the administrator (or the given account).</summary>
    public async Task<HttpClient> ApiClientAsync(string email = AdminEmail, string password = AdminPassword)
    {
        var http = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await TokenAsync(email, password));
        return http;
    }

    /// <summary>Creates an account through the administrators' API (nothing when it exists); its password is <see cref="UserPassword"/>.</summary>
    public async Task CreateAccountAsync(string email, string displayName, bool administrator = false)
    {
        using var admin = await ApiClientAsync();
        using var response = await admin.PostAsJsonAsync("/api/accounts", new { email, displayName, password = UserPassword, administrator });
        if (response.StatusCode != System.Net.HttpStatusCode.BadRequest) response.EnsureSuccessStatusCode();
    }

    /// <summary>Gives an account a role in a network through the owner's API (an account sees only the networks it is a member of).</summary>
    public async Task GrantAsync(string networkId, string email, string role = "editor")
    {
        using var admin = await ApiClientAsync();
        (await admin.PutAsJsonAsync($"/api/networks/{Uri.EscapeDataString(networkId)}/members/{Uri.EscapeDataString(email)}", new { role })).EnsureSuccessStatusCode();
    }

    /// <summary>The user id of an account (for writing through the service as that person).</summary>
    public async Task<GraphApi.Domain.Author> AuthorAsync(string email)
    {
        using var scope = Services.CreateScope();
        var account = await scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<GraphApi.Accounts.Account>>().FindByEmailAsync(email);
        return new GraphApi.Domain.Author(account!.DisplayName, account.Id);
    }

    /// <summary>Stops the server but keeps its file, for a restart with <see cref="On"/>.</summary>
    public void Stop()
    {
        _ownsFolder = false;
        Dispose();
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_ownsFolder)
            try { Directory.Delete(_folder, recursive: true); } catch (IOException) { /* the OS cleans temp */ }
    }
}

public static class Repository
{
    public static string Root
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "NetworkGraph.sln"))) return dir.FullName;
            throw new InvalidOperationException("NetworkGraph.sln not found above the test folder.");
        }
    }

    /// <summary>Where screenshots go as test artifacts (ignored by git).</summary>
    public static string Artifacts => Directory.CreateDirectory(Path.Combine(Root, "artifacts", "screenshots")).FullName;
}
