using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using System.Threading.Channels;
using GraphApi.Domain;
using GraphApi.Tests.Storage.Neo4j;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace GraphApi.Tests.MultiInstance;

/// <summary>One running app process (dotnet GraphUi.dll) on a free loopback port, for tests with several instances.</summary>
public sealed class AppInstance : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _log = new();

    private AppInstance(Process process, string url)
    {
        _process = process;
        Url = url;
        Client = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(60) };
        Client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
    }

    public string Url { get; }
    public HttpClient Client { get; }
    /// <summary>The administrator's bearer token (the client sends it; hub clients need it too).</summary>
    public string Token { get; private set; } = "";
    public string Log => string.Join('\n', _log);

    /// <summary>Starts an instance; <paramref name="settings"/> become environment variables (Store__Provider=Neo4j, ...).</summary>
    public static async Task<AppInstance> StartAsync(string databasePath, IReadOnlyDictionary<string, string>? settings = null)
    {
        var url = $"http://127.0.0.1:{Neo4jServer.FreePort()}";
        var info = AppProcess.StartInfo(databasePath, "--urls", url);
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (name, value) in settings ?? new Dictionary<string, string>()) info.Environment[name] = value;
        var process = new Process { StartInfo = info };
        process.Start();
        var instance = new AppInstance(process, url);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) instance._log.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) instance._log.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow + StartTimeout;
        while (true)
        {
            if (process.HasExited) throw new InvalidOperationException($"The app exited at start:\n{instance.Log}");
            try
            {
                using var health = await instance.Client.GetAsync("/health");
                if (health.IsSuccessStatusCode)
                {
                    instance.Token = await AppProcess.SignInAsync(instance.Client);
                    return instance;
                }
            }
            catch (HttpRequestException) { /* not listening yet */ }
            if (DateTime.UtcNow > deadline)
            {
                await instance.DisposeAsync();
                throw new InvalidOperationException($"The app did not become healthy within {StartTimeout}:\n{instance.Log}");
            }
            await Task.Delay(100);
        }
    }

    /// <summary>A hub client (the .NET SignalR client) that records every message it receives.</summary>
    public async Task<HubClient> ConnectAsync() => await HubClient.ConnectAsync(Url + "/hubs/network", Token);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}

/// <summary>A live client: what it received, by event name, to wait for.</summary>
public sealed class HubClient : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Channel<(JsonElement Payload, DateTime At)>> _received = new();

    private HubClient(HubConnection connection) => Connection = connection;

    public HubConnection Connection { get; }

    public static async Task<HubClient> ConnectAsync(string url, string? token = null)
    {
        var connection = new HubConnectionBuilder().WithUrl(url, o => o.AccessTokenProvider = () => Task.FromResult(token)).AddJsonProtocol(o => GraphJson.Configure(o.PayloadSerializerOptions)).Build();
        return await StartAsync(connection);
    }

    /// <summary>A client of an app in this test process (<see cref="TestApp"/>'s test server, long polling), with a bearer token or a cookie.</summary>
    public static async Task<HubClient> ConnectAsync(TestApp app, string? token, string? cookie = null)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(app.Server.BaseAddress, "hubs/network?lang=en"), o =>
            {
                o.HttpMessageHandlerFactory = _ => app.Server.CreateHandler();
                o.Transports = Microsoft.AspNetCore.Http.Connections.HttpTransportType.LongPolling;
                if (token is not null) o.AccessTokenProvider = () => Task.FromResult<string?>(token);
                if (cookie is not null) o.Headers["Cookie"] = cookie;
            })
            .AddJsonProtocol(o => GraphJson.Configure(o.PayloadSerializerOptions)).Build();
        return await StartAsync(connection);
    }

    private static async Task<HubClient> StartAsync(HubConnection connection)
    {
        var client = new HubClient(connection);
        foreach (var name in new[] { "changed", "presence", "moved", "follow", "deleted" })
            connection.On<JsonElement>(name, payload => client.Channel(name).Writer.TryWrite((payload, DateTime.UtcNow)));
        await connection.StartAsync();
        return client;
    }

    private Channel<(JsonElement Payload, DateTime At)> Channel(string name) =>
        _received.GetOrAdd(name, _ => System.Threading.Channels.Channel.CreateUnbounded<(JsonElement Payload, DateTime At)>());

    public Task<JsonElement> JoinAsync(string networkId, string name) =>
        Connection.InvokeAsync<JsonElement>("Join", networkId, name, "#336699");

    /// <summary>The first message of that name that satisfies <paramref name="match"/>, with when it arrived; fails after <paramref name="within"/>.</summary>
    public async Task<(JsonElement Payload, DateTime At)> WaitForAsync(string name, Func<JsonElement, bool> match, TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        try
        {
            while (true)
            {
                var item = await Channel(name).Reader.ReadAsync(timeout.Token);
                if (match(item.Payload)) return item;
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"No matching '{name}' message within {within}.");
        }
    }

    public ValueTask DisposeAsync() => Connection.DisposeAsync();
}
