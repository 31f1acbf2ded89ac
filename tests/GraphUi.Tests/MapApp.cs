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
    private readonly string _folder = Directory.CreateTempSubdirectory("networkgraph-ui-").FullName;

    public MapApp()
    {
        UseKestrel(0);
        StartServer();
        BaseUrl = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .First().Replace("[::]", "127.0.0.1").Replace("localhost", "127.0.0.1").TrimEnd('/');
    }

    public string BaseUrl { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseUrls("http://127.0.0.1:0");
        builder.UseSetting("Store:DatabasePath", Path.Combine(_folder, "graph.db"));
        builder.UseSetting("Store:SeedFolder", Path.Combine(Repository.Root, "seed"));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
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
