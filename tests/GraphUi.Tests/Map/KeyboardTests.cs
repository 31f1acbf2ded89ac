using GraphUi.Tests.Pages;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GraphUi.Tests.Map;

/// <summary>Every node reachable without a mouse: Tab in, arrows, N, Enter, V … Enter to connect, Escape.</summary>
[Collection(BrowserCollection.Name)]
public sealed class KeyboardTests(BrowserFixture browser, MapApp app) : IClassFixture<MapApp>, IAsyncLifetime
{
    private IPage _page = null!;
    private MapPage _map = null!;

    public async Task InitializeAsync()
    {
        _page = await browser.NewPageAsync(app.BaseUrl);
        _map = new MapPage(_page);
    }

    public async Task DisposeAsync() => await _page.Context.CloseAsync();

    [Fact]
    public async Task ArrowsMoveToTheNearestNodeAndEnterOpensItsDetails()
    {
        await _map.OpenAsync("peine");
        await _map.TabIntoMapAsync();
        var first = await _map.FocusedNodeAsync();
        var visited = new HashSet<string> { first! };
        foreach (var key in new[] { "ArrowRight", "ArrowDown", "ArrowRight", "ArrowDown", "ArrowLeft" })
        {
            await _map.PressInMapAsync(key);
            visited.Add((await _map.FocusedNodeAsync())!);
        }
        Assert.True(visited.Count >= 3, "the arrows did not move between nodes");
        var focused = (await _map.FocusedNodeAsync())!;
        var name = await _map.AccessibleNameAsync(focused);
        await _map.PressAsync("Enter");
        await Expect(_map.Details.Locator("[data-testid=details-title]")).Not.ToBeEmptyAsync();
        Assert.Contains((await _map.Details.Locator("[data-testid=details-title]").TextContentAsync())!.Trim(), name);
        await _page.AssertAccessibleAsync("keyboard");
    }

    [Fact]
    public async Task NCyclesThroughTheConnectedNodes()
    {
        await _map.OpenAsync("peine", "q=Steuerungsgruppe%20Integration");
        await _map.TabIntoMapAsync();
        // Walk to the dormant steering group by search + Enter in the search field, then cycle its members.
        await _map.SearchAsync("Steuerungsgruppe Integration");
        // Enter in the search selects and focuses the first match once the filtered map has rendered; wait for it,
        // or the first N races the search's own focus move.
        await Expect(_map.NodeFocus("sg-integration-peine")).ToBeFocusedAsync();
        var seen = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            await _map.PressAsync("n");
            await Expect(_page.Locator(".diagram-node:has(.node-focus:focus)")).Not.ToHaveAttributeAsync("data-node-id", seen.LastOrDefault() ?? "sg-integration-peine");
            seen.Add((await _map.FocusedNodeAsync())!);
        }
        Assert.Equal(4, seen.Distinct().Count());
        Assert.DoesNotContain("sg-integration-peine", seen);
    }

    [Fact]
    public async Task VThenEnterOnASecondNodeConnectsThemAndNeverANodeToItself()
    {
        await _map.OpenAsync("dithmarschen", "actorKind=migrantOrganisation");
        var nodes = await _map.VisibleNodeIdsAsync();
        var network = app.Services.GetRequiredService<GraphApi.Networks.NetworkService>();
        var snapshot = await network.GetAsync("dithmarschen");
        var actor = nodes.First(id => snapshot.Find(id) is GraphApi.Domain.Actor);
        var body = nodes.First(id => snapshot.Find(id) is GraphApi.Domain.Body b &&
            !snapshot.All<GraphApi.Domain.Membership>().Any(m => m.Member == actor && m.Body == b.Id));

        await _map.TabIntoMapAsync();
        await _map.NodeFocus(actor).FocusAsync();
        await _map.PressAsync("v");
        await Expect(_map.Status).ToContainTextAsync("Verbinden ab");
        await _map.PressAsync("Enter"); // on itself: refused, still connecting
        await Expect(_map.Status).ToContainTextAsync("nicht mit sich selbst");
        await _map.NodeFocus(body).FocusAsync();
        await _map.PressAsync("Enter");
        await Expect(_map.Status).ToContainTextAsync("Verbunden");
        var after = await network.GetAsync("dithmarschen");
        Assert.Contains(after.All<GraphApi.Domain.Membership>(), m => m.Member == actor && m.Body == body);
        Assert.DoesNotContain(after.All<GraphApi.Domain.Collaboration>(), c => c.From == c.To);

        await _map.PressAsync("v");
        await _map.PressAsync("Escape");
        await Expect(_map.Status).ToContainTextAsync("abgebrochen");
        await _page.AssertAccessibleAsync("after connecting");
    }
}
