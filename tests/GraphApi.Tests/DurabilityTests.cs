using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace GraphApi.Tests;

/// <summary>
/// Issue 2: acknowledged writes survive kill -9. The real app runs as a child process on a temp
/// SQLite file; several writers create actors until the process is killed mid-loop; then the file is
/// opened directly and every write that was answered 201 must be in it.
/// </summary>
public sealed class DurabilityTests(ITestOutputHelper output)
{
    private const string NetworkId = "durability";
    private const int Writers = 4;
    private const int MinimumAcknowledged = 200;

    // Bounds, not expectations: a healthy run needs a few seconds; these only stop a broken one from hanging.
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan WriteLoopTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task AcknowledgedWritesSurviveKill9OfTheProcess()
    {
        var folder = Directory.CreateTempSubdirectory("networkgraph-durability-").FullName;
        var databasePath = Path.Combine(folder, "graph.db");
        try
        {
            var run = await WriteUntilKilledAsync(databasePath);

            // The file as the killed process left it, read without the app.
            var stored = ReadActorIds(databasePath, out var integrity);
            var missing = run.Acknowledged.Where(id => !stored.Contains(id)).ToList();
            var landed = run.InFlight.Count(stored.Contains);
            output.WriteLine($"Killed after {run.KilledAfter.TotalMilliseconds:F0} ms of writing, exit code {run.ExitCode}.");
            output.WriteLine($"Acknowledged: {run.Acknowledged.Count}; in flight at the kill: {run.InFlight.Count}, " +
                             $"of which landed: {landed}; actors in the file: {stored.Count}.");

            Assert.Equal("ok", integrity);
            Assert.True(missing.Count == 0,
                $"{missing.Count} of {run.Acknowledged.Count} acknowledged actors are not in the file, e.g. {string.Join(", ", missing.Take(5))}.");
            // Nothing appears that was never sent, and nothing answered with an error slipped in.
            var unexplained = stored.Except(run.Acknowledged).Except(run.InFlight).ToList();
            Assert.True(unexplained.Count == 0, $"The file holds actors that were never acknowledged nor in flight: {string.Join(", ", unexplained.Take(5))}.");

            // The app starts again on the same file and serves everything it acknowledged.
            await using var restarted = await AppProcess.StartAsync(databasePath, output);
            var served = await ListActorIdsAsync(restarted.Client);
            Assert.Equal(stored.Count, served.Total);
            var notServed = run.Acknowledged.Where(id => !served.Ids.Contains(id)).ToList();
            Assert.True(notServed.Count == 0, $"The restarted app does not serve {notServed.Count} acknowledged actors, e.g. {string.Join(", ", notServed.Take(5))}.");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { /* temp is cleaned by the OS */ }
        }
    }

    private sealed record KilledRun(HashSet<string> Acknowledged, HashSet<string> InFlight, TimeSpan KilledAfter, int ExitCode);

    /// <summary>Starts the app, runs the writers, kills the process with SIGKILL while they write, and says what each writer knew.</summary>
    private async Task<KilledRun> WriteUntilKilledAsync(string databasePath)
    {
        await using var app = await AppProcess.StartAsync(databasePath, output);
        var created = await app.Client.PostAsJsonAsync("/api/networks", new { id = NetworkId, name = "Durability" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var acknowledged = new ConcurrentDictionary<string, bool>();
        var sent = new ConcurrentDictionary<string, bool>(); // sent and not (yet) answered
        var failures = new ConcurrentQueue<string>();
        // "killing" makes a failed request expected; "dead" stops the loops once the process is gone. The writers keep
        // writing while the kill is under way, so that requests are in flight when the process dies.
        using var killing = new CancellationTokenSource();
        using var dead = new CancellationTokenSource();
        var clock = Stopwatch.StartNew();

        var writers = Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            for (var n = 0; !dead.IsCancellationRequested; n++)
            {
                var id = $"w{w}-{n:D6}";
                sent[id] = true;
                HttpResponseMessage response;
                try
                {
                    response = await app.Client.PostAsJsonAsync($"/api/networks/{NetworkId}/actors",
                        new { id, name = $"Actor {id}", kind = "other" });
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                {
                    if (!killing.IsCancellationRequested) failures.Enqueue($"{id}: {e.Message}");
                    return; // the connection died with the process: this id stays "in flight"
                }
                using var answered = response;
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    acknowledged[id] = true;
                    sent.TryRemove(id, out _);
                }
                else if (!killing.IsCancellationRequested)
                {
                    failures.Enqueue($"{id}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                    return;
                }
            }
        })).ToList();

        // Once enough writes are acknowledged, kill after a random while more, so the kill lands at a different point of a commit each run.
        TimeSpan? killAt = null;
        while (killAt is null || clock.Elapsed < killAt)
        {
            Assert.True(failures.IsEmpty, $"A write failed before the kill: {string.Join("; ", failures.Take(3))}");
            Assert.True(clock.Elapsed < WriteLoopTimeout, $"Only {acknowledged.Count} writes were acknowledged in {WriteLoopTimeout}.");
            Assert.True(writers.All(t => !t.IsCompleted), "A writer stopped before the kill.");
            if (killAt is null && acknowledged.Count >= MinimumAcknowledged)
                killAt = clock.Elapsed + TimeSpan.FromMilliseconds(Random.Shared.Next(300, 800));
            await Task.Delay(10);
        }

        // Not vacuous: the writers were running when the process died.
        var writersRunning = writers.Count(t => !t.IsCompleted);
        var killedAfter = clock.Elapsed;
        killing.Cancel();
        var exitCode = app.Kill();
        dead.Cancel();
        var allDone = Task.WhenAll(writers);
        Assert.True(await Task.WhenAny(allDone, Task.Delay(ExitTimeout)) == allDone, "The writers did not stop after the kill.");
        await allDone;

        Assert.Equal(Writers, writersRunning);
        if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS())
            Assert.True(exitCode == 128 + 9, $"Expected death by SIGKILL (exit code 137), got {exitCode}.");
        Assert.True(failures.IsEmpty, $"A write failed before the kill: {string.Join("; ", failures.Take(3))}");
        Assert.True(acknowledged.Count >= MinimumAcknowledged, $"Only {acknowledged.Count} writes were acknowledged.");
        Assert.True(!sent.IsEmpty, "No write was cut off by the kill, so it did not hit a running write loop.");

        return new KilledRun(acknowledged.Keys.ToHashSet(), sent.Keys.ToHashSet(), killedAfter, exitCode);
    }

    /// <summary>The actor ids of the network, straight from the file, and the result of PRAGMA integrity_check.</summary>
    private static HashSet<string> ReadActorIds(string databasePath, out string integrity)
    {
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadWrite, // never create an empty file by mistake; WAL recovery needs write access
            Pooling = false,
        }.ToString();
        using var connection = new SqliteConnection(connectionString);
        connection.Open();

        using (var check = connection.CreateCommand())
        {
            check.CommandText = "PRAGMA integrity_check;";
            integrity = Convert.ToString(check.ExecuteScalar()) ?? "";
        }

        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT id FROM entities WHERE network_id = $n AND kind = 'Actor';";
        cmd.Parameters.AddWithValue("$n", NetworkId);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        using var reader = cmd.ExecuteReader();
        while (reader.Read()) ids.Add(reader.GetString(0));
        return ids;
    }

    private sealed record ActorPage(List<ActorRow> Items, int Total);
    private sealed record ActorRow(string Id);

    private static async Task<(int Total, HashSet<string> Ids)> ListActorIdsAsync(HttpClient client)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        int total;
        var offset = 0;
        do
        {
            var page = await client.GetFromJsonAsync<ActorPage>($"/api/networks/{NetworkId}/actors?offset={offset}&limit=1000", TestApp.Json);
            Assert.NotNull(page);
            total = page.Total;
            foreach (var item in page.Items) ids.Add(item.Id);
            offset += 1000;
        } while (offset < total);
        return (total, ids);
    }

    /// <summary>
    /// The real app (GraphUi.dll) in a child process on 127.0.0.1 with a port of its choosing, which it
    /// prints at start. Disposing kills it if it still runs, so no test leaves a server behind.
    /// </summary>
    private sealed class AppProcess : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly ConcurrentQueue<string> _log = new();
        private readonly ITestOutputHelper _output;

        private AppProcess(Process process, ITestOutputHelper output)
        {
            _process = process;
            _output = output;
        }

        public HttpClient Client { get; private set; } = null!;

        public static async Task<AppProcess> StartAsync(string databasePath, ITestOutputHelper output)
        {
            // The test project references GraphUi, so its dll, deps.json and runtimeconfig.json are in the test output.
            var dll = typeof(Program).Assembly.Location;
            // DOTNET_HOST_PATH is the host that runs the tests; "dotnet" on the PATH otherwise.
            var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } path && File.Exists(path) ? path : "dotnet";
            var info = new ProcessStartInfo(host)
            {
                ArgumentList = { dll, "--urls", "http://127.0.0.1:0" },
                WorkingDirectory = Path.GetDirectoryName(dll)!,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            info.Environment["Store__DatabasePath"] = databasePath;
            info.Environment["Store__SeedOnEmpty"] = "false";
            info.Environment["Map__LayoutOnArrival"] = "false"; // as in TestApp: only the writes this test makes
            // This test writes as fast as the store takes it from one address; the edge's flood budget is not what it measures.
            info.Environment["Edge__RequestsPerSecond"] = "100000";
            info.Environment["Edge__RequestBurst"] = "100000";
            info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            info.Environment["Logging__LogLevel__Default"] = "Warning";
            info.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Warning";
            GraphApi.Tests.AppProcess.WithAdministrator(info);

            var address = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            var process = new Process { StartInfo = info, EnableRaisingEvents = true };
            var app = new AppProcess(process, output);
            void OnLine(object? _, DataReceivedEventArgs e)
            {
                if (e.Data is null) return;
                app._log.Enqueue(e.Data);
                const string banner = "NetworkGraph is running at ";
                if (e.Data.StartsWith(banner, StringComparison.Ordinal)) address.TrySetResult(e.Data[banner.Length..].Trim());
            }
            process.OutputDataReceived += OnLine;
            process.ErrorDataReceived += OnLine;
            process.Exited += (_, _) => address.TrySetException(new InvalidOperationException("The app exited during start."));

            try
            {
                process.Start();
                process.BeginOutputReadLine();
                process.BeginErrorReadLine();

                using var timeout = new CancellationTokenSource(StartTimeout);
                var url = await address.Task.WaitAsync(timeout.Token);
                app.Client = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(30) };
                while (true)
                {
                    timeout.Token.ThrowIfCancellationRequested();
                    try
                    {
                        using var health = await app.Client.GetAsync("/health", timeout.Token);
                        if (health.IsSuccessStatusCode) break;
                    }
                    catch (HttpRequestException) { /* not listening yet */ }
                    await Task.Delay(50, timeout.Token);
                }
                await GraphApi.Tests.AppProcess.SignInAsync(app.Client);
                return app;
            }
            catch (Exception e)
            {
                await app.DisposeAsync();
                throw new InvalidOperationException($"The app did not become healthy within {StartTimeout}: {e.Message}", e);
            }
        }

        /// <summary>Kills the process without warning (SIGKILL on Unix) and returns its exit code.</summary>
        public int Kill()
        {
            _process.Kill(entireProcessTree: true);
            if (!_process.WaitForExit(ExitTimeout))
                throw new InvalidOperationException($"The app did not die within {ExitTimeout} of the kill.");
            _process.WaitForExit(); // drains the redirected output
            return _process.ExitCode;
        }

        public ValueTask DisposeAsync()
        {
            try
            {
                if (!_process.HasExited)
                {
                    _process.Kill(entireProcessTree: true);
                    _process.WaitForExit(ExitTimeout);
                }
            }
            catch (InvalidOperationException) { /* never started, or already gone */ }
            finally
            {
                Client?.Dispose();
                foreach (var line in _log.Where(l => l.Length > 0)) _output.WriteLine($"  app: {line}");
                _process.Dispose();
            }
            return ValueTask.CompletedTask;
        }
    }
}
