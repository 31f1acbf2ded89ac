using GraphUi.Tests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GraphUi.Tests.Map;

/// <summary>Looking at a seed map: cards, filters in the query string, persons folded, search, layouts, languages.</summary>
[Collection(BrowserCollection.Name)]
public sealed class MapTests(BrowserFixture browser, MapApp app) : IClassFixture<MapApp>, IAsyncLifetime
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
    public async Task TheSeedMapIsDrawnAsCardsWithNamesKindsAndStatus()
    {
        await _map.OpenAsync("peine");
        var nodes = await _map.VisibleNodeIdsAsync();
        Assert.True(nodes.Length >= 80, $"only {nodes.Length} nodes drawn");
        Assert.Contains("koordinierungsstab-mut", nodes);
        Assert.Contains("jobcenter-peine", nodes);
        Assert.DoesNotContain("arbeit", nodes); // topics are a layer that starts hidden
        Assert.DoesNotContain("p-dezernatsleitung-soziales", nodes); // persons are folded into their actor
        Assert.True(await _map.LinkCountAsync() > 100);
        await Expect(_page.Locator("h1.network-name")).ToHaveTextAsync("Landkreis Peine");
        await Expect(_map.Details).ToBeVisibleAsync();

        Assert.Equal("Gremium Steuerungsgruppe Integration, 20 Mitglieder, ruhend", await _map.AccessibleNameAsync("sg-integration-peine"));
        Assert.StartsWith("Akteur ", await _map.AccessibleNameAsync("jobcenter-peine"));
        await _map.ScreenshotAsync("map-peine-1280x720");
        await _page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task AtFullHdTheMapShowsWholeCardsAndAScreenshotForTheReadme()
    {
        var page = await browser.NewPageAsync(app.BaseUrl, 1920, 1080);
        var map = new MapPage(page);
        await map.OpenAsync("peine");
        await map.ScreenshotAsync("map-peine-1920x1080");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Repository.Root, "docs", "screenshots", "map.png") });
        await page.AssertAccessibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task FiltersLiveInTheQueryStringSoAViewCanBeShared()
    {
        await _map.OpenAsync("peine");
        var all = (await _map.VisibleNodeIdsAsync()).Length;

        await _map.FilterAsync("filter-actor-kind", "welfareAssociation");
        await Expect(_page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("actorKind=welfareAssociation"));
        await Expect(_map.Node("jobcenter-peine")).ToHaveCountAsync(0);
        await Expect(_map.Node("awo-peine")).ToHaveCountAsync(1);
        await Expect(_map.Node("koordinierungsstab-mut")).ToHaveCountAsync(1); // bodies stay

        // The same address in a new tab shows the same view.
        var shared = _page.Url;
        var other = await browser.NewPageAsync(app.BaseUrl);
        var otherMap = new MapPage(other);
        await other.GotoAsync(shared);
        await otherMap.WaitUntilDrawnAsync();
        Assert.Equal((await _map.VisibleNodeIdsAsync()).Order(), (await otherMap.VisibleNodeIdsAsync()).Order());
        await other.Context.CloseAsync();

        await _map.FilterAsync("filter-status", "dormant");
        await Expect(_map.Node("sg-integration-peine")).ToHaveCountAsync(1);
        await Expect(_map.Node("koordinierungsstab-mut")).ToHaveCountAsync(0);
        await _page.AssertAccessibleAsync("filtered");

        await _page.ClickAsync("text=Filter zurücksetzen");
        await _map.WaitForNodeCountAsync(all);
    }

    [Fact]
    public async Task TheMapAsOfADayShowsTheBodiesOfThatDay()
    {
        await _map.OpenAsync("peine", "asOf=2018-01-01");
        await Expect(_map.Node("ausschuss-gas-2016")).ToHaveCountAsync(1);   // dissolved in 2021, at work in 2018
        await Expect(_map.Node("ausschuss-gas-peine")).ToHaveCountAsync(0);  // founded in 2021
        await Expect(_map.Node("kommission-mut")).ToHaveCountAsync(0);       // founded in 2019
        await Expect(_page.Locator("#filter-as-of")).ToHaveValueAsync("01.01.2018"); // German, whatever the browser speaks
    }

    [Fact]
    public async Task TheDayIsTypedTheGermanWayInAnEnglishBrowser()
    {
        var page = await browser.NewPageAsync(app.BaseUrl, language: "en");
        try
        {
            var map = new MapPage(page);
            await map.OpenAsync("peine");
            var day = page.Locator("#filter-as-of");
            await day.FillAsync("1.1.2018");
            await day.PressAsync("Enter");
            await Expect(map.Node("ausschuss-gas-peine")).ToHaveCountAsync(0);
            await Expect(map.Node("ausschuss-gas-2016")).ToHaveCountAsync(1);
            Assert.Contains("asOf=2018-01-01", page.Url);
            await Expect(day).ToHaveValueAsync("01.01.2018");

            await day.FillAsync("31.02.2018");
            await day.PressAsync("Enter");
            await Expect(page.Locator("#filter-as-of-error")).ToContainTextAsync("„31.02.2018“ ist kein Tag");
            await Expect(day).ToHaveValueAsync("31.02.2018"); // what was typed stays
            Assert.Contains("asOf=2018-01-01", page.Url);
            await page.AssertAccessibleAsync("a mistyped day");
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task PersonsAppearAsChipsWhenTheirLayerIsOn()
    {
        await _map.OpenAsync("peine");
        await Expect(_map.Node("p-dezernatsleitung-soziales")).ToHaveCountAsync(0);
        await _map.SetLayerAsync("Person", true);
        await Expect(_map.Node("p-dezernatsleitung-soziales")).ToHaveCountAsync(1);
        await Expect(_page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("layers=actor%2Cbody%2Cperson|layers=actor,body,person"));
        await _map.SetLayerAsync("Handlungsfeld", true);
        await Expect(_map.Node("arbeit")).ToHaveCountAsync(1);
        await _page.AssertAccessibleAsync("with persons and topics");
    }

    [Fact]
    public async Task SearchSelectsTheFirstMatchAndShowsItsDetails()
    {
        await _map.OpenAsync("peine");
        await _map.SearchAsync("Jobcenter");
        await Expect(_map.Details.Locator("[data-testid=details-title]")).ToContainTextAsync("Jobcenter");
        await Expect(_map.Node("jobcenter-peine").Locator(".node-card.matched")).ToHaveCountAsync(1);
        await _page.AssertAccessibleAsync("search");
    }

    [Fact]
    public async Task TheSidePanelsCanBeHiddenForMoreMap()
    {
        await _map.OpenAsync("peine");
        await _page.GetByRole(AriaRole.Button, new() { Name = "Seitenleiste ausblenden" }).ClickAsync();
        await Expect(_map.Details).ToBeHiddenAsync();
        await _page.GetByRole(AriaRole.Button, new() { Name = "Seitenleiste einblenden" }).ClickAsync();
        await Expect(_map.Details).ToBeVisibleAsync();
    }

    [Fact]
    public async Task EveryLayoutPlacesEveryCardWithoutOverlapAndTidyingUpCanBeUndone()
    {
        foreach (var layout in new[] { "layered", "concentric", "territory", "topic" })
        {
            await _map.OpenAsync("dithmarschen", $"layout={layout}");
            await Expect(_map.Map).ToHaveAttributeAsync("data-lod", "done");
            await _map.ScreenshotAsync($"layout-{layout}-dithmarschen"); // before the checks, so a failure has its picture
            await AssertNoCardsOverlapAsync();
            await AssertNoLabelIsCutAtTheEdgeAsync(layout);
            if (layout is "territory" or "topic") await AssertGroupFramesAsync(layout);
        }
        await _map.OpenAsync("dithmarschen");
        await _page.GetByRole(AriaRole.Button, new() { Name = "Aufräumen", Exact = true }).ClickAsync();
        await Expect(_page.GetByRole(AriaRole.Button, new() { Name = "Aufräumen rückgängig" })).ToBeVisibleAsync();
        await AssertNoCardsOverlapAsync();
        await _page.GetByRole(AriaRole.Button, new() { Name = "Aufräumen rückgängig" }).ClickAsync();
        await Expect(_page.GetByRole(AriaRole.Button, new() { Name = "Aufräumen rückgängig" })).ToHaveCountAsync(0);
        await _page.AssertAccessibleAsync();
    }

    /// <summary>At fit zoom the whole drawing is on screen: a label half outside the map would be cut off.</summary>
    private async Task AssertNoLabelIsCutAtTheEdgeAsync(string layout)
    {
        var area = (await _page.Locator("[data-testid=map]").BoundingBoxAsync())!;
        var cut = (await _map.VisibleLabelsAsync())
            .Where(l => l.X < area.X - 0.5 || l.Y < area.Y - 0.5 || l.X + l.Width > area.X + area.Width + 0.5 || l.Y + l.Height > area.Y + area.Height + 0.5)
            .Select(l => l.Id).ToList();
        Assert.True(cut.Count == 0, $"{layout}: labels cut at the map's edge: {string.Join(", ", cut)}");
    }

    private async Task AssertNoCardsOverlapAsync() => Assert.Empty(await _map.OverlappingCardsAsync());

    /// <summary>The grouped layouts draw each group as a frame with its name: every card inside a frame, every name on screen, readable, on nothing else.</summary>
    private async Task AssertGroupFramesAsync(string layout)
    {
        await Expect(_map.Map).ToHaveAttributeAsync("data-lod", "done");
        var frames = await _map.TextBoxesAsync("rect.group-frame");
        Assert.True(frames.Length >= 2, $"{layout}: {frames.Length} frames");
        var names = await _map.TextBoxesAsync("text.group-label");
        // A name that would cover another name or a card is left out (a group of one card at overview zoom): most keep theirs.
        Assert.True(names.Length >= 0.8 * frames.Length, $"{layout}: {names.Length} names for {frames.Length} frames");
        Assert.All(names, n => Assert.True(n.FontPx >= 13 - 0.01, $"{layout}: the name of {n.Id} is {n.FontPx:F1} px"));
        // Whole names, not "Am…": a group of one card stands in a column with its name beside it.
        var texts = await _page.Locator("[data-testid=map] text.group-label").AllTextContentsAsync();
        var cut = texts.Where(t => t.EndsWith('…')).ToList();
        Assert.True(cut.Count <= texts.Count / 5 && cut.All(t => t.Length >= 12), $"{layout}: names cut: {string.Join(", ", cut)}");
        var area = (await _page.Locator("[data-testid=map]").BoundingBoxAsync())!;
        Assert.All(names, n => Assert.True(n.X >= area.X - 0.5 && n.Y >= area.Y - 0.5 && n.X + n.Width <= area.X + area.Width + 0.5,
            $"{layout}: the name of {n.Id} is cut at the map's edge"));
        var labels = await _map.VisibleLabelsAsync();
        var clashes = names.SelectMany((a, i) => names.Skip(i + 1).Where(a.Overlaps).Concat(labels.Where(a.Overlaps)).Select(b => $"{a.Id} × {b.Id}")).ToList();
        Assert.True(clashes.Count == 0, $"{layout}: group names on other texts: {string.Join(", ", clashes)}");
        var outside = await _page.EvaluateAsync<string[]>("""
            () => { const frames = [...document.querySelectorAll('[data-testid=map] rect.group-frame')].map(f => f.getBoundingClientRect());
              return [...document.querySelectorAll('[data-testid=map] .node-card')].filter(c => { const r = c.getBoundingClientRect();
                return !frames.some(f => r.left >= f.left - 0.5 && r.top >= f.top - 0.5 && r.right <= f.right + 0.5 && r.bottom <= f.bottom + 0.5); })
                .map(c => c.closest('.diagram-node').dataset.nodeId); }
            """);
        Assert.True(outside.Length == 0, $"{layout}: cards outside every frame: {string.Join(", ", outside)}");
    }

    [Fact]
    public async Task TheMapSpeaksEnglishAfterTheSwitch()
    {
        await _map.OpenAsync("peine");
        await _page.ClickAsync("[data-testid=lang-switch]");
        await _map.WaitUntilDrawnAsync();
        await Expect(_page.Locator("#filters-title")).ToHaveTextAsync("Filters");
        Assert.Equal("Body Steuerungsgruppe Integration, 20 members, dormant", await _map.AccessibleNameAsync("sg-integration-peine"));
        await _page.AssertAccessibleAsync("English");
    }
}
