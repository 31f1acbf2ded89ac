using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using GraphApi.Domain;
using GraphApi.Live;
using Microsoft.AspNetCore.SignalR.Client;

namespace GraphBench;

/// <summary>
/// A meeting's load on the live hub: 50 clients (the .NET SignalR client) joined to one network while an editor writes
/// 10 entries a second through the HTTP API; each client records when each entry's change arrives. Latency runs from
/// just before the editor's request to the arrival, so it includes validation, the durable commit and the broadcast.
/// </summary>
public static class LiveBenchmark
{
    private const string Title = "Live session: 50 hub clients, 10 edits/s through the API";
    private const int Clients = 50, EditsPerSecond = 10;
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(30);
    private const double P95TargetMs = 100;

    public static async Task<ResultTable> RunAsync(BenchOptions options)
    {
        var table = new ResultTable(Title);
        await using var app = await RunningApp.StartAsync(options.Synchronous);
        const string networkId = "live-bench";
        (await app.Client.PostAsJsonAsync("/api/networks", new Network { Id = networkId, Name = "Live-Benchmark" }, GraphJson.Options))
            .EnsureSuccessStatusCode();

        var sent = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        var arrivals = new ConcurrentBag<(int Client, string Id, long At)>();
        var connections = new List<HubConnection>();
        for (var i = 0; i < Clients; i++)
        {
            var client = i;
            var connection = new HubConnectionBuilder()
                .WithUrl(new Uri(app.Client.BaseAddress!, NetworkHub.Path), o => o.AccessTokenProvider = app.AccessTokenAsync)
                .Build();
            connection.On<JsonElement>(ClientEvents.Changed, set =>
            {
                var at = Stopwatch.GetTimestamp();
                foreach (var change in set.GetProperty("changes").EnumerateArray()) arrivals.Add((client, change.GetProperty("id").GetString()!, at));
            });
            await connection.StartAsync();
            await connection.InvokeAsync<JoinResult>("Join", networkId, $"Teilnehmer {i + 1}", $"#{i * 5:x2}6699");
            connections.Add(connection);
        }

        var writes = new Latencies();
        var failed = 0;
        var interval = TimeSpan.FromSeconds(1.0 / EditsPerSecond);
        var started = Stopwatch.GetTimestamp();
        using var timer = new PeriodicTimer(interval);
        var edits = (int)(Duration / interval);
        var pending = new List<Task>();
        for (var n = 0; n < edits; n++)
        {
            await timer.WaitForNextTickAsync();
            var id = $"akteur-{n:D4}";
            pending.Add(WriteAsync(id));
        }
        await Task.WhenAll(pending);
        // Give the last broadcasts their time before counting what arrived.
        var deadline = Stopwatch.GetTimestamp() + Stopwatch.Frequency * 5;
        while (arrivals.Count < (edits - failed) * Clients && Stopwatch.GetTimestamp() < deadline) await Task.Delay(50);
        foreach (var connection in connections) await connection.DisposeAsync();

        var latencies = new Latencies();
        foreach (var (_, id, at) in arrivals)
            if (sent.TryGetValue(id, out var before)) latencies.Add(Stopwatch.GetElapsedTime(before, at));
        var expected = (edits - failed) * Clients;
        var distinct = arrivals.Select(a => (a.Client, a.Id)).Distinct().Count();
        var (lost, duplicated) = (expected - distinct, arrivals.Count - distinct);
        table.Add("Edits sent / failed", $"{edits} / {failed}");
        table.Add($"Deliveries ({Clients} clients × {edits - failed} edits)", $"{arrivals.Count:N0} of {expected:N0}");
        table.Add("Lost / duplicated deliveries", $"{lost} / {duplicated}", "0 lost", lost == 0);
        table.Add("Single write through the API, p50", Ms(writes.Percentile(50)));
        table.Add("Single write through the API, p99", Ms(writes.Percentile(99)));
        table.Add("Edit → arrival at a client, p50", Ms(latencies.Percentile(50)));
        table.Add("Edit → arrival at a client, p95", Ms(latencies.Percentile(95)), "< 100 ms", latencies.Percentile(95) < P95TargetMs);
        table.Add("Edit → arrival at a client, p99", Ms(latencies.Percentile(99)));
        table.Add("Edit → arrival at a client, max", Ms(latencies.Max));
        table.Note($"Run for {Stopwatch.GetElapsedTime(started).TotalSeconds:F0} s, Store:Synchronous={options.Synchronous}, loopback only.");
        return table;

        async Task WriteAsync(string id)
        {
            var before = Stopwatch.GetTimestamp();
            sent[id] = before;
            var response = await app.Client.PostAsJsonAsync($"/api/networks/{networkId}/actors",
                new Actor { Id = id, Name = $"Träger {id}", Kind = ActorKinds.Other }, GraphJson.Options);
            lock (writes) writes.Add(Stopwatch.GetElapsedTime(before));
            if (!response.IsSuccessStatusCode) Interlocked.Increment(ref failed);
        }
    }

    private static string Ms(double ms) => string.Create(CultureInfo.InvariantCulture, $"{ms:F1} ms");
}
