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
            // Sign-in is on: the benchmark is a script with the administrator's bearer token, so every request pays for
            // authentication and the authorization check, as a real client's does.
            ["Auth:Admin:Email"] = BenchAdmin.Email,
            ["Auth:Admin:Password"] = BenchAdmin.Password,
        });
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.AddGraphApi();

        var app = builder.Build();
        await app.Services.InitializeGraphStoreAsync();
        await GraphApi.Accounts.AccountsRegistration.InitializeAccountsAsync(app.Services);
        app.UseAuthentication();
        app.UseRouting();
        app.UseAuthorization();
        app.MapGraphApi();
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        var client = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromMinutes(10) };
        await BenchAdmin.SignInAsync(client);
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

/// <summary>The administrator the benchmarks sign in as (a bearer token, like any script).</summary>
public static class BenchAdmin
{
    public const string Email = "bench@kreis.test";
    public const string Password = "Bench-Admin-2026!";

    /// <summary>A browser context signed in with the cookie (the sign-in page's work, without typing).</summary>
    public static async Task SignInAsync(Microsoft.Playwright.IBrowserContext context, string baseUrl)
    {
        var response = await context.APIRequest.PostAsync($"{baseUrl}/api/auth/login?useCookies=true",
            new() { DataObject = new { email = Email, password = Password } });
        if (!response.Ok) throw new InvalidOperationException($"sign-in: {response.Status}");
    }

    public static async Task SignInAsync(HttpClient client)
    {
        using var response = await client.PostAsync("/api/auth/login", new StringContent(
            $$"""{"email":"{{Email}}","password":"{{Password}}"}""", System.Text.Encoding.UTF8, "application/json"));
        response.EnsureSuccessStatusCode();
        using var answer = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer",
            answer.RootElement.GetProperty("accessToken").GetString());
    }
}
