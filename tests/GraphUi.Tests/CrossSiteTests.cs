using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GraphUi.Tests;

/// <summary>
/// A web page on another loopback port, opened by a staff member whose browser can reach the app: its form post to
/// "restore", its WebSockets to the live hub and the circuit, and its frame around the map are all refused.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CrossSiteTests(BrowserFixture browser, MapApp app) : IClassFixture<MapApp>, IAsyncLifetime
{
    private WebApplication _attacker = null!;
    private string _attackerUrl = "";

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        _attacker = builder.Build();
        var target = app.BaseUrl;
        var ws = target.Replace("http://", "ws://");
        _attacker.MapGet("/form", () => Results.Content($"""
            <!DOCTYPE html><html><body>
            <form id="f" method="post" action="{target}/api/networks/peine/history/1/restore"></form>
            <script>document.getElementById('f').submit();</script>
            </body></html>
            """, "text/html"));
        _attacker.MapGet("/frame", () => Results.Content($"""
            <!DOCTYPE html><html><body><iframe id="map" src="{target}/networks/peine" width="800" height="600"></iframe></body></html>
            """, "text/html"));
        _attacker.MapGet("/empty", () => Results.Content("<!DOCTYPE html><html><body>nothing here</body></html>", "text/html"));
        await _attacker.StartAsync();
        _attackerUrl = _attacker.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        _ws = ws;
    }

    private string _ws = "";

    public async Task DisposeAsync() => await _attacker.DisposeAsync();

    private async Task<long> RevisionAsync() => (await app.Services.GetRequiredService<GraphApi.Networks.NetworkService>().GetAsync("peine")).Revision;

    [Fact]
    public async Task AForeignFormPostCannotRestoreAnOldState()
    {
        var before = await RevisionAsync();
        var page = await browser.NewPageAsync(_attackerUrl, signInAt: app.BaseUrl);
        var answer = page.WaitForResponseAsync(r => r.Url.Contains("/restore", StringComparison.Ordinal));
        await page.GotoAsync("/form");
        Assert.Equal(403, (await answer).Status);
        Assert.Equal(before, await RevisionAsync());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AForeignPageCannotOpenTheLiveHubOrACircuitButTheAppsOwnPageCan()
    {
        const string open = """
            url => new Promise(done => {
              const socket = new WebSocket(url);
              socket.onopen = () => { socket.close(); done('open'); };
              socket.onerror = () => done('refused');
              setTimeout(() => done('timeout'), 10000);
            })
            """;
        var foreign = await browser.NewPageAsync(_attackerUrl, signInAt: app.BaseUrl);
        await foreign.GotoAsync("/empty");
        Assert.Equal("refused", await foreign.EvaluateAsync<string>(open, $"{_ws}/hubs/network"));
        Assert.Equal("refused", await foreign.EvaluateAsync<string>(open, $"{_ws}/_blazor"));

        // The same socket from the app's own page opens: the refusal is about the origin, not the socket.
        var own = await browser.NewPageAsync(app.BaseUrl);
        await own.GotoAsync("/");
        Assert.Equal("open", await own.EvaluateAsync<string>(open, $"{_ws}/hubs/network"));
        await own.AssertAccessibleAsync("the network list under the edge's Content-Security-Policy");
        await foreign.Context.CloseAsync();
        await own.Context.CloseAsync();
    }

    [Fact]
    public async Task AForeignPageCannotFrameTheMap()
    {
        var page = await browser.NewPageAsync(_attackerUrl, signInAt: app.BaseUrl);
        var framed = page.WaitForResponseAsync(r => r.Url.EndsWith("/networks/peine", StringComparison.Ordinal));
        await page.GotoAsync("/frame");
        var response = await framed;
        Assert.Contains("frame-ancestors 'none'", await response.HeaderValueAsync("content-security-policy") ?? "");
        await Expect(page.Locator("#map")).ToBeVisibleAsync();
        var frame = page.Frames.Single(f => f != page.MainFrame);
        // Chromium shows its error page instead of the map: nothing of the app is in the frame.
        await Task.WhenAny(frame.WaitForLoadStateAsync(LoadState.Load), Task.Delay(5000));
        Assert.Equal(0, await frame.Locator("[data-testid=map-page]").CountAsync());
        await page.Context.CloseAsync();
    }
}
