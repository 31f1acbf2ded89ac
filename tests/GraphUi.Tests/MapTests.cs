using GraphUi.Tests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GraphUi.Tests;

/// <summary>Looking at a seed map: drawing, filters, search, languages, sizes, keyboard.</summary>
[Collection(BrowserCollection.Name)]
public sealed class MapTests(BrowserFixture browser, MapApp app) : IClassFixture<MapApp>, IAsyncLifetime
{
    private readonly MapApp _app = app;
    private IPage _page = null!;
    private MapPage _map = null!;

    public async Task InitializeAsync()
    {
        _page = await browser.NewPageAsync(_app.BaseUrl);
        _map = new MapPage(_page);
    }

    public async Task DisposeAsync() => await _page.Context.CloseAsync();

    [Fact]
    public async Task TheSeedMapIsDrawnWithItsActorsAndBodies()
    {
        await _map.OpenAsync("peine");
        var visible = await _map.VisibleNodeIdsAsync();
        Assert.True(visible.Length > 80, $"only {visible.Length} nodes drawn");
        Assert.Contains("koordinierungsstab-mut", visible);
        Assert.Contains("jobcenter-peine", visible);
        Assert.DoesNotContain("arbeit", visible); // topics are a layer that starts hidden
        Assert.NotEmpty(await _map.VisibleEdgeIdsAsync());
        await Expect(_page.Locator("#legend li").First).ToBeVisibleAsync();
        await Expect(_page.Locator("h1.network-name")).ToHaveTextAsync("Landkreis Peine");
        await _map.ScreenshotAsync("map-peine-1280x720");
        // The README shows this picture.
        await _page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Repository.Root, "docs", "screenshots", "map.png") });
    }

    [Fact]
    public async Task FiltersNarrowTheMapAndResetBringsEverythingBack()
    {
        await _map.OpenAsync("peine");
        var all = await _map.VisibleNodeIdsAsync();

        await _map.FilterAsync("filter-actor-kind", "welfareAssociation");
        var kinds = await _page.EvaluateAsync<string[]>(
            "() => networkMap.diagram.visibleNodes().filter(n => n.visible() && n.data('type') === 'actor').map(n => n.data('kind'))");
        Assert.NotEmpty(kinds);
        Assert.All(kinds, k => Assert.Equal("welfareAssociation", k));
        Assert.Contains("koordinierungsstab-mut", await _map.VisibleNodeIdsAsync()); // bodies stay

        await _map.FilterAsync("filter-status", "dormant");
        var bodies = await _page.EvaluateAsync<string[]>(
            "() => networkMap.diagram.visibleNodes().filter(n => n.visible() && n.data('type') === 'body').map(n => n.id())");
        Assert.Equal(["sg-integration-peine"], bodies);

        await _page.ClickAsync("#reset-filters");
        Assert.Equal(all.Length, (await _map.VisibleNodeIdsAsync()).Length);

        // As of 2016-01-01, bodies founded later are not on the map.
        await _page.FillAsync("#filter-as-of", "2016-01-01");
        await _page.DispatchEventAsync("#filter-as-of", "change");
        var early = await _map.VisibleNodeIdsAsync();
        Assert.True(early.Length < all.Length);
        Assert.DoesNotContain("kommission-mut", early);
    }

    [Fact]
    public async Task SearchFocusesTheFoundNodeAndShowsItsDetails()
    {
        await _map.OpenAsync("peine");
        await _map.SearchAsync("Koordinierungsstab");
        await Expect(_page.Locator("#map-page")).ToHaveAttributeAsync("data-selected", "koordinierungsstab-mut");
        await Expect(_map.DetailsTitle).ToContainTextAsync("Koordinierungsstab");
        await Expect(_page.Locator("#pane-details .relations li").First).ToBeVisibleAsync();

        await _map.SearchAsync("gibt es nicht");
        await Expect(_map.Status).ToContainTextAsync("Nichts gefunden");
    }

    [Fact]
    public async Task ClickingANodeSelectsIt()
    {
        await _map.OpenAsync("dithmarschen");
        await _map.SelectNodeAsync("sg-integration-dithmarschen");
        await Expect(_map.DetailsTitle).ToHaveTextAsync("Steuerungsgruppe Integration");
    }

    [Fact]
    public async Task TheLanguageSwitchTurnsThePageEnglishAndBack()
    {
        await _map.OpenAsync("peine");
        await Expect(_page.Locator("label[for=search]")).ToHaveTextAsync("Suche");
        await _page.ClickAsync("[data-testid=lang-switch]");
        await _map.WaitUntilDrawnAsync();
        await Expect(_page.Locator("label[for=search]")).ToHaveTextAsync("Search");
        await Expect(_page.Locator("#tab-overlaps")).ToHaveTextAsync("Duplicate structures");
        Assert.Equal("en", await _page.Locator("html").GetAttributeAsync("lang"));
        await _page.ClickAsync("[data-testid=lang-switch]");
        await Expect(_page.Locator("label[for=search]")).ToHaveTextAsync("Suche");
    }

    [Fact]
    public async Task AnUnknownNetworkGivesAProper404Page()
    {
        var response = await _page.GotoAsync("/networks/gibt-es-nicht");
        Assert.Equal(404, response!.Status);
        await Expect(_page.Locator("main h1")).ToHaveTextAsync("Nicht gefunden");
        await Expect(_page.Locator("main")).ToContainTextAsync("gibt-es-nicht");
        Assert.Equal(404, (await _page.GotoAsync("/no/such/page"))!.Status);
    }

    [Theory]
    [InlineData(1280, 720)]
    [InlineData(1920, 1080)]
    public async Task NothingOverflowsAtProjectorAndDesktopSizes(int width, int height)
    {
        var page = await browser.NewPageAsync(_app.BaseUrl, width, height);
        var map = new MapPage(page);
        await map.OpenAsync("peine");
        var overflow = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth - innerWidth, document.documentElement.scrollHeight - innerHeight]");
        Assert.True(overflow[0] <= 0 && overflow[1] <= 0, $"page overflows by {overflow[0]}×{overflow[1]} px");
        var diagram = await page.Locator("#diagram").BoundingBoxAsync();
        Assert.True(diagram!.Width > width * 0.4 && diagram.Height > height * 0.5, $"diagram only {diagram.Width}×{diagram.Height}");
        await map.ScreenshotAsync($"map-peine-{width}x{height}");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task TheKeyboardReachesTheControlsAndEscapeClosesDialogs()
    {
        await _map.OpenAsync("peine");
        await _page.Keyboard.PressAsync("Tab"); // skip link
        await _page.Keyboard.PressAsync("Tab");
        await _page.Keyboard.PressAsync("Tab");
        var focused = await _page.EvaluateAsync<string>("() => document.activeElement.id || document.activeElement.textContent");
        Assert.False(string.IsNullOrWhiteSpace(focused));

        await _page.FocusAsync("#add-actor");
        await _page.Keyboard.PressAsync("Enter");
        await Expect(_map.EditDialog).ToBeVisibleAsync();
        await Expect(_page.Locator("#ef-name")).ToBeFocusedAsync();
        await _page.Keyboard.PressAsync("Escape");
        await Expect(_map.EditDialog).ToBeHiddenAsync();

        // Every form control has a label.
        var unlabelled = await _page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('input, select, textarea')]
              .filter(e => e.type !== 'hidden' && !e.labels?.length && !e.getAttribute('aria-label') && !e.closest('label'))
              .map(e => e.id || e.name)
            """);
        Assert.Empty(unlabelled);
    }

    [Fact]
    public async Task LayoutsSizesAndNeighbourhoodChangeWhatTheUserSees()
    {
        await _map.OpenAsync("dithmarschen");

        // Grouped by territory: one labelled group per territory, the Steuerungsgruppe with the others of its Gebiet.
        await _page.SelectOptionAsync("#layout", "territory");
        var groups = await _page.EvaluateAsync<string[]>("() => networkMap.diagram.cy.nodes('.group-label').map(n => n.data('label'))");
        Assert.Contains("Heide", string.Join("|", groups));
        Assert.True(groups.Length >= 3, $"only {groups.Length} groups");

        // Concentric by degree: the best connected node sits in the middle.
        await _page.SelectOptionAsync("#layout", "concentric");
        var centre = await _page.EvaluateAsync<double>("""
            () => { const cy = networkMap.diagram.cy; const nodes = networkMap.diagram.visibleNodes();
              const top = nodes.max(n => n.degree(false)).ele; const bb = nodes.boundingBox();
              const mid = { x: (bb.x1 + bb.x2) / 2, y: (bb.y1 + bb.y2) / 2 };
              return Math.hypot(top.position('x') - mid.x, top.position('y') - mid.y) / Math.max(bb.w, bb.h); }
            """);
        Assert.True(centre < 0.1, $"the best connected node is {centre:P0} of the map away from the middle");

        // Size by betweenness (from the analysis API): sizes differ, the largest is a broker.
        await _page.SelectOptionAsync("#size-by", "betweenness");
        await _page.WaitForFunctionAsync("() => new Set(networkMap.diagram.visibleNodes().map(n => Math.round(n.data('size')))).size > 5");

        // Neighbourhood: everything but the node and its neighbours fades.
        await _map.SelectNodeAsync("sg-integration-dithmarschen");
        await _page.ClickAsync("#neighbourhood");
        var (faded, near) = (await _page.EvaluateAsync<int[]>("""
            () => { const n = networkMap.diagram.cy.getElementById('sg-integration-dithmarschen');
              return [networkMap.diagram.cy.nodes('.faded').length, n.closedNeighborhood('node').filter(m => m.visible() && m.hasClass('faded')).length]; }
            """)) switch { var r => (r[0], r[1]) };
        Assert.True(faded > 20, $"only {faded} nodes faded");
        Assert.Equal(0, near);
        await _map.ScreenshotAsync("neighbourhood");
    }

    [Fact]
    public async Task TheViewExportsAsPngAndSvg()
    {
        await _map.OpenAsync("dithmarschen");
        var png = await _page.RunAndWaitForDownloadAsync(() => _page.ClickAsync("#export-png"));
        Assert.Equal("dithmarschen.png", png.SuggestedFilename);
        var pngPath = Path.Combine(Repository.Artifacts, "export.png");
        await png.SaveAsAsync(pngPath);
        Assert.Equal([0x89, 0x50, 0x4E, 0x47], (await File.ReadAllBytesAsync(pngPath))[..4]);

        var svg = await _page.RunAndWaitForDownloadAsync(() => _page.ClickAsync("#export-svg"));
        var svgPath = Path.Combine(Repository.Artifacts, "export.svg");
        await svg.SaveAsAsync(svgPath);
        var text = await File.ReadAllTextAsync(svgPath);
        Assert.Contains("<svg", text);
        Assert.Contains("Steuerungsgruppe Integration", text);
        Assert.True(System.Text.RegularExpressions.Regex.Count(text, "<circle") > 20);
    }
}
