using System.Net;
using System.Net.Http.Json;
using GraphApi.Edge;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace GraphApi.Tests.Api;

/// <summary>
/// The edge over the real pipeline: a foreign origin can neither change data nor open the live hub, unknown host
/// names are refused, every answer carries the browser's protections, and one client's budget is shared by all of its
/// connections.
/// </summary>
public sealed class EdgeTests : IDisposable
{
    private readonly TestApp _app = new(seed: true, settings: new Dictionary<string, string>
    {
        ["Edge:LiveCallsPerSecond"] = "10", ["Edge:LiveBurst"] = "30", ["Edge:RequestBurst"] = "400",
    });

    public void Dispose() => _app.Dispose();

    private HttpRequestMessage NewActor(string? origin, string? fetchSite = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/networks/peine/actors")
        {
            Content = JsonContent.Create(new { id = "von-fremd", name = "Von fremder Seite", kind = "other" }),
        };
        if (origin is not null) request.Headers.Add("Origin", origin);
        if (fetchSite is not null) request.Headers.Add("Sec-Fetch-Site", fetchSite);
        return request;
    }

    [Fact]
    public async Task AForeignOriginCannotChangeDataButTheAppsOwnPagesAndScriptsCan()
    {
        var client = _app.CreateClient();
        var foreign = await ProblemAssert.Status(await client.SendAsync(NewActor("http://127.0.0.1:6666")), HttpStatusCode.Forbidden);
        Assert.Contains("http://127.0.0.1:6666", foreign.GetProperty("detail").GetString());
        await ProblemAssert.Status(await client.SendAsync(NewActor("null")), HttpStatusCode.Forbidden); // a sandboxed frame
        await ProblemAssert.Status(await client.SendAsync(NewActor(null, "cross-site")), HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/networks/peine/actors/von-fremd")).StatusCode);

        // Reading is not refused (a link from elsewhere opens the app), and the app's own origin and a script may write.
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/networks") { Headers = { { "Origin", "http://evil.example" } } })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await client.SendAsync(NewActor($"http://{client.BaseAddress!.Authority}", "same-origin"))).StatusCode);
    }

    [Fact]
    public async Task TheLiveHubRefusesAForeignOrigin()
    {
        var client = _app.CreateClient();
        var negotiate = new HttpRequestMessage(HttpMethod.Post, "/hubs/network/negotiate?negotiateVersion=1") { Headers = { { "Origin", "http://evil.example" } } };
        await ProblemAssert.Status(await client.SendAsync(negotiate), HttpStatusCode.Forbidden);
        var circuit = new HttpRequestMessage(HttpMethod.Post, "/_blazor/negotiate?negotiateVersion=1") { Headers = { { "Origin", "http://evil.example" } } };
        await ProblemAssert.Status(await client.SendAsync(circuit), HttpStatusCode.Forbidden);
        // The .NET client sends no Origin: it is not a browser page, and passes.
        await using var hub = Connect();
        await hub.StartAsync();
        Assert.Equal(HubConnectionState.Connected, hub.State);
    }

    [Fact]
    public async Task AnUnknownHostNameIsRefused()
    {
        var client = _app.CreateClient();
        var rebound = new HttpRequestMessage(HttpMethod.Get, "/api/networks") { Headers = { Host = "attacker.example" } };
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(rebound)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/networks")).StatusCode); // localhost
    }

    [Fact]
    public async Task EveryAnswerCarriesTheBrowsersProtections()
    {
        var client = _app.CreateClient();
        // The map page itself is checked in the browser (CrossSiteTests): its prerendering needs a real server.
        foreach (var path in new[] { "/", "/networks/nowhere", "/api/networks", "/api/networks/nowhere" })
        {
            var response = await client.GetAsync(path);
            var csp = string.Join("; ", response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("script-src 'self';", csp);
            Assert.DoesNotContain("'unsafe-eval'", csp);
            Assert.Contains("frame-ancestors 'none'", csp);
            Assert.DoesNotContain("frame-ancestors 'self'", csp);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
            Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
        }
    }

    [Fact]
    public async Task TwentyConnectionsShareOneBudgetOfLiveCalls()
    {
        var connections = new List<HubConnection>();
        try
        {
            for (var i = 0; i < 20; i++)
            {
                var hub = Connect();
                await hub.StartAsync();
                await hub.InvokeAsync<GraphApi.Live.JoinResult>("Join", "peine", $"Flut {i}", "#123456");
                connections.Add(hub);
            }
            var started = DateTime.UtcNow;
            var moves = connections.SelectMany(hub => Enumerable.Range(0, 100).Select(async k =>
            {
                try
                {
                    await hub.InvokeAsync("Move", new Dictionary<string, object> { ["jobcenter-peine"] = new { x = k, y = k } });
                    return true;
                }
                catch (HubException e) when (e.Message.Contains("Zu viele Aufrufe", StringComparison.Ordinal)) { return false; }
            })).ToList();
            var through = (await Task.WhenAll(moves)).Count(ok => ok);
            var seconds = (DateTime.UtcNow - started).TotalSeconds;
            // One client (one address): the burst plus what the budget refills while the flood lasts, never 2,000 of 2,000.
            var allowed = 30 + 10 * (seconds + 1);
            Assert.True(through <= allowed, $"{through} of 2000 moves got through in {seconds:F1} s; the budget allows about {allowed:F0}");
            Assert.True(through >= 10, $"only {through} moves got through: the burst was not honoured");
        }
        finally
        {
            foreach (var hub in connections) await hub.DisposeAsync();
        }
    }

    [Fact]
    public async Task AFloodOfRequestsIsAnsweredWith429AndTheSameProblemShape()
    {
        using var app = new TestApp(settings: new Dictionary<string, string> { ["Edge:RequestsPerSecond"] = "1", ["Edge:RequestBurst"] = "5" });
        var client = app.CreateClient();
        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 12; i++) answers.Add(await client.GetAsync("/api/networks"));
        var refused = answers.First(a => a.StatusCode == HttpStatusCode.TooManyRequests);
        await ProblemAssert.Status(refused, HttpStatusCode.TooManyRequests);
        Assert.True(refused.Headers.RetryAfter is not null, "no Retry-After");
        Assert.InRange(answers.Count(a => a.StatusCode == HttpStatusCode.OK), 5, 7);
        // Pages and static files are not charged to the API's budget.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
    }

    private HubConnection Connect() => new HubConnectionBuilder()
        .WithUrl(new Uri(_app.Server.BaseAddress, "hubs/network"), o =>
        {
            o.HttpMessageHandlerFactory = _ => _app.Server.CreateHandler();
            o.Transports = HttpTransportType.LongPolling;
            o.AccessTokenProvider = () => Task.FromResult<string?>(_app.AdminToken);
        })
        .Build();
}
