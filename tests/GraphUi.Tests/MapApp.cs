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

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Store:DatabasePath", Path.Combine(_folder, "graph.db"));
        builder.UseSetting("Store:SeedFolder", Path.Combine(Repository.Root, "seed"));
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
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
