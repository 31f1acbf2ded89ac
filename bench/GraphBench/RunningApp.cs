using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GraphApi.Accounts;
using GraphApi.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GraphBench;

/// <summary>
/// The real app, built as src/GraphUi/Program.cs builds it, on Kestrel at a free 127.0.0.1 port with a
/// fresh SQLite file in a temp folder; benchmarks talk to it over HTTP like any client.
/// </summary>
public sealed class RunningApp : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _folder;

    private const string AdminEmail = "bench@kreis.test", AdminPassword = "Bench-Admin-2026!";
    private readonly string _token;

    private RunningApp(WebApplication app, string folder, string databasePath, HttpClient client, string token)
    {
        _app = app;
        _folder = folder;
        DatabasePath = databasePath;
        Client = client;
        _token = token;
    }

    public string DatabasePath { get; }
    public HttpClient Client { get; }
    public IServiceProvider Services => _app.Services;

    /// <summary>The administrator's bearer token, which <see cref="Client"/> sends and a hub client presents.</summary>
    public Task<string?> AccessTokenAsync() => Task.FromResult<string?>(_token);

    public static async Task<RunningApp> StartAsync(string synchronous)
    {
        var folder = Directory.CreateTempSubdirectory("networkgraph-bench-").FullName;
        var databasePath = Path.Combine(folder, "graph.db");
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Store:DatabasePath"] = databasePath,
            ["Store:SeedOnEmpty"] = "false",
            ["Store:Synchronous"] = synchronous,
            // Without appsettings the host logs every request at Information; a benchmark should not time the console.
            ["Logging:LogLevel:Default"] = "Warning",
            // Signed in as a script is: the first administrator from the configuration, a bearer token from /api/auth/login.
            ["Auth:Admin:Email"] = AdminEmail,
            ["Auth:Admin:Password"] = AdminPassword,
            // The store benchmark writes as fast as the store takes it; the default request budget (200/s) would answer 429.
            ["Edge:RequestsPerSecond"] = "100000",
            ["Edge:RequestBurst"] = "100000",
        });
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.AddGraphApi();

        var app = builder.Build();
        await app.Services.InitializeGraphStoreAsync();
        await app.Services.InitializeAccountsAsync();
        app.UseGraphApi(); // the edge and the sign-in, so every request pays what it pays in the product
        app.UseRouting();
        app.UseAuthorization();
        app.MapGraphApi();
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        var client = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromMinutes(10) };
        using var login = await client.PostAsJsonAsync("/api/auth/login", new { email = AdminEmail, password = AdminPassword });
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return new RunningApp(app, folder, databasePath, client, token);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { /* the OS cleans temp */ }
    }
}
