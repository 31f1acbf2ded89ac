using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using GraphApi.Domain;
using GraphApi.Live;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Playwright;

namespace GraphBench;

/// <summary>
/// Issue 8's "50 open maps in one meeting": Peine open in 5 real browser pages (Blazor circuits) and in 45 other live
/// clients (the .NET SignalR client on /hubs/network, as other apps use it), while an editor commits 2 entries a second
/// through the API. The circuits' figure is measured on the server: each open map logs, per commit, the time from the
/// change feed's report of the commit to the end of its render (MapMetrics; its batch is then on its way to the
/// browser), and the benchmark takes per commit the last of the 5 circuits. 45 more browsers on 2 cores would measure
/// the browsers, not the server; the hub clients carry the other 45 maps' share of the server's work (one broadcast each).
/// </summary>
public static partial class UiMeeting
{
    private const string Network = "peine";
    private const int Pages = 5, HubClients = 45, Commits = 40;
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);

    public static async Task RunAsync(ResultTable table, IBrowser browser, GraphUiProcess app)
    {
        var renders = new ConcurrentBag<(long Revision, double Milliseconds)>();
        void OnOutput(string line)
        {
            if (Rendered().Match(line) is { Success: true } m && m.Groups[2].Value == Network)
                renders.Add((long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), long.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture) / 1000.0));
        }
        app.Output += OnOutput;
        var contexts = new List<IBrowserContext>();
        var connections = new List<HubConnection>();
        try
        {
            for (var i = 0; i < Pages; i++)
            {
                var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 720 } });
                contexts.Add(context);
                await BenchAdmin.SignInAsync(context, app.BaseUrl);
                var page = await context.NewPageAsync();
                await page.GotoAsync($"{app.BaseUrl}/networks/{Network}");
                await page.WaitForSelectorAsync("[data-testid=map][data-ready=true]", new() { Timeout = 180_000 });
            }

            var token = app.Client.DefaultRequestHeaders.Authorization?.Parameter;
            var sent = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
            var arrivals = new Latencies();
            for (var i = 0; i < HubClients; i++)
            {
                var connection = new HubConnectionBuilder()
                    .WithUrl(new Uri(new Uri(app.BaseUrl), NetworkHub.Path), o => o.AccessTokenProvider = () => Task.FromResult(token))
                    .Build();
                connection.On<JsonElement>(ClientEvents.Changed, set =>
                {
                    var at = Stopwatch.GetTimestamp();
                    foreach (var change in set.GetProperty("changes").EnumerateArray())
                        if (sent.TryGetValue(change.GetProperty("id").GetString()!, out var before))
                            lock (arrivals) arrivals.Add(Stopwatch.GetElapsedTime(before, at));
                });
                await connection.StartAsync();
                await connection.InvokeAsync<JoinResult>("Join", Network, $"Teilnehmer {i + 1}", $"#{i * 5:x2}6699");
                connections.Add(connection);
            }

            renders.Clear();
            using var timer = new PeriodicTimer(Interval);
            var failed = 0;
            var writes = new List<Task>();
            var stamp = DateTime.UtcNow.Ticks;
            for (var n = 0; n < Commits; n++)
            {
                await timer.WaitForNextTickAsync();
                var id = $"sitzung-{stamp}-{n:D3}";
                sent[id] = Stopwatch.GetTimestamp();
                writes.Add(Write(id));
            }
            await Task.WhenAll(writes);
            // Until every circuit has rendered every commit (or a minute has passed).
            var deadline = Stopwatch.GetTimestamp() + Stopwatch.Frequency * 60;
            while (Complete() < Commits - failed && Stopwatch.GetTimestamp() < deadline) await Task.Delay(100);

            var last = new Latencies();
            foreach (var commit in renders.GroupBy(r => r.Revision).Where(g => g.Count() >= Pages))
                last.Add(TimeSpan.FromMilliseconds(commit.Max(r => r.Milliseconds)));
            var all = new Latencies();
            foreach (var r in renders) all.Add(TimeSpan.FromMilliseconds(r.Milliseconds));
            table.Add($"Meeting: {Network} open in {Pages} browser pages + {HubClients} hub clients, commits seen by all {Pages} circuits",
                $"{last.Count} of {Commits - failed}", "", last.Count == Commits - failed);
            table.Add("Meeting: commit → last circuit's render batch on the server, p50", Ms(last.Percentile(50)));
            table.Add("Meeting: commit → last circuit's render batch on the server, p95", Ms(last.Percentile(95)), "< 100 ms", last.Percentile(95) < 100);
            table.Add("Meeting: commit → a circuit's render batch, p95 over every circuit and commit", Ms(all.Percentile(95)));
            table.Add($"Meeting: editor's request → change at the {HubClients} hub clients, p95", Ms(arrivals.Percentile(95)));
            table.Note($"Meeting: {Commits} entries added through the API at {1 / Interval.TotalSeconds:0.#}/s; each circuit logs its commit → render time (MapMetrics, meter {GraphUi.Components.Map.MapMetrics.MeterName}).");

            int Complete() => renders.GroupBy(r => r.Revision).Count(g => g.Count() >= Pages);

            async Task Write(string id)
            {
                using var response = await app.Client.PostAsJsonAsync($"/api/networks/{Network}/actors",
                    new Actor { Id = id, Name = $"Sitzungsgast {id[^3..]}", Kind = ActorKinds.Other }, GraphJson.Options);
                if (!response.IsSuccessStatusCode) Interlocked.Increment(ref failed);
            }
        }
        finally
        {
            app.Output -= OnOutput;
            foreach (var connection in connections) await connection.DisposeAsync();
            foreach (var context in contexts) await context.CloseAsync();
        }
    }

    private static string Ms(double ms) => string.Create(CultureInfo.InvariantCulture, $"{ms:F1} ms");

    [GeneratedRegex(@"Commit (\d+) of (\S+) rendered after (\d+) us")]
    private static partial Regex Rendered();
}
