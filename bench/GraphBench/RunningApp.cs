using System.Net;
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

    private RunningApp(WebApplication app, string folder, string databasePath, HttpClient client)
    {
        _app = app;
        _folder = folder;
        DatabasePath = databasePath;
        Client = client;
    }

    public string DatabasePath { get; }
    public HttpClient Client { get; }
    public IServiceProvider Services => _app.Services;

    /// <summary>The token a hub client presents: none while the app has no sign-in.</summary>
    public Task<string?> AccessTokenAsync() => Task.FromResult<string?>(null);

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
        });
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.AddGraphApi();

        var app = builder.Build();
        await app.Services.InitializeGraphStoreAsync();
        app.MapGraphApi();
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        var client = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromMinutes(10) };
        return new RunningApp(app, folder, databasePath, client);
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
