using GraphUi.Tests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GraphUi.Tests;

/// <summary>The analysis panels beside the map: Doppelstrukturen, Lücken and Kennzahlen, each finding shown on the map.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AnalysisPanelTests(BrowserFixture browser, MapApp app) : IClassFixture<MapApp>, IAsyncLifetime
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
    public async Task ClickingAnOverlapHighlightsBothBodiesAndTheirSharedMembers()
    {
        await _map.OpenAsync("peine");
        await _map.OpenAnalysisAsync("overlaps");
        var finding = _map.OverlapFinding("koordinierungsstab-mut", "sg-uebergangsmanagement");
        await Expect(finding).ToContainTextAsync("65"); // 7 of 7 inside 24, shrunk towards Jaccard (issue 13)
        var item = MapPage.FindingOf(finding);
        await Expect(item).ToContainTextAsync("Alle 7 Mitglieder der Steuerungsgruppe Übergangsmanagement sitzen auch im Koordinierungsstab");
        await Expect(item.Locator("ul.parts li")).ToHaveCountAsync(4);

        await finding.ClickAsync();
        await Expect(finding).ToHaveAttributeAsync("aria-pressed", "true");
        Assert.True(await _map.IsHighlightedAsync("koordinierungsstab-mut"));
        Assert.True(await _map.IsHighlightedAsync("sg-uebergangsmanagement"));
        Assert.True(await _map.IsHighlightedAsync("jobcenter-peine")); // a shared member
        Assert.True(await _map.IsFadedAsync("kommission-mut"));
        Assert.False(await _map.IsHighlightedAsync("kommission-mut"));
        await Expect(_map.Status).ToContainTextAsync("hervorgehoben");
        await _map.ScreenshotAsync("analysis-overlaps-1280x720");

        // The same button again takes the highlight away.
        await finding.ClickAsync();
        await Expect(finding).ToHaveAttributeAsync("aria-pressed", "false");
        Assert.False(await _map.IsHighlightedAsync("koordinierungsstab-mut"));
        Assert.False(await _map.IsFadedAsync("kommission-mut"));
    }

    [Fact]
    public async Task TheDataQualityListsShowDuplicateRecordsOnTheMap()
    {
        await _map.OpenAsync("peine");
        await _map.OpenAnalysisAsync("overlaps");
        var duplicate = _page.Locator("#pane-overlaps li[data-ids~=\"caritas-peine\"][data-ids~=\"caritas-peine-kontakt\"] button.finding");
        await Expect(duplicate).ToContainTextAsync("Caritas Peine");
        await duplicate.ClickAsync();
        Assert.True(await _map.IsHighlightedAsync("caritas-peine"));
        Assert.True(await _map.IsHighlightedAsync("caritas-peine-kontakt"));
        Assert.True(await _map.IsFadedAsync("koordinierungsstab-mut"));
    }

    [Fact]
    public async Task TheGapsListTheCompositionGapOfDithmarschenAndTheKeyboardShowsIt()
    {
        await _map.OpenAsync("dithmarschen");
        await _map.OpenAnalysisAsync("gaps");
        await Expect(_page.Locator("#pane-gaps details[data-kind=composition] h3")).ToHaveTextAsync("Lücken in der Zusammensetzung (1)");
        var gap = _map.GapFinding("composition", "sg-integration-dithmarschen");
        var item = MapPage.FindingOf(gap);
        await Expect(item).ToContainTextAsync("keine Migrantenorganisation");

        await gap.FocusAsync();
        await _page.Keyboard.PressAsync("Enter");
        await Expect(gap).ToHaveAttributeAsync("aria-pressed", "true");
        Assert.True(await _map.IsHighlightedAsync("sg-integration-dithmarschen"));
        Assert.True(await _map.IsFadedAsync("ak-wohnen"));
        await _map.ScreenshotAsync("analysis-gaps-1280x720");

        await _page.ClickAsync("#pane-gaps .clear-highlight");
        Assert.False(await _map.IsHighlightedAsync("sg-integration-dithmarschen"));
        await Expect(gap).ToHaveAttributeAsync("aria-pressed", "false");

        // Escape takes a highlight away as well.
        await gap.PressAsync("Enter");
        Assert.True(await _map.IsHighlightedAsync("sg-integration-dithmarschen"));
        await _page.Keyboard.PressAsync("Escape");
        await Expect(gap).ToHaveAttributeAsync("aria-pressed", "false");
        Assert.False(await _map.IsHighlightedAsync("sg-integration-dithmarschen"));
    }

    [Fact]
    public async Task TheMetricsTableSortsAndARowSelectsItsNode()
    {
        await _map.OpenAsync("peine");
        await _map.OpenAnalysisAsync("metrics");
        await Expect(_page.Locator("#pane-metrics .summary")).ToContainTextAsync("Louvain findet");
        await Expect(_map.MetricsRows).ToHaveCountAsync(20);
        await Expect(_map.MetricsColumn("betweenness")).ToHaveAttributeAsync("aria-sort", "descending");
        await Expect(_map.MetricsRows.First).ToHaveAttributeAsync("data-id", "referat-mut"); // the strongest broker
        await _map.ScreenshotAsync("analysis-metrics-top-1280x720");

        await _map.MetricsColumn("degree").Locator("button").ClickAsync();
        await Expect(_map.MetricsColumn("degree")).ToHaveAttributeAsync("aria-sort", "descending");
        var degrees = await _map.MetricsRows.Locator("td:nth-child(2)").AllTextContentsAsync();
        Assert.Equal(degrees.Select(int.Parse).OrderDescending(), degrees.Select(int.Parse));
        await _map.MetricsColumn("label").Locator("button").ClickAsync();
        await Expect(_map.MetricsColumn("label")).ToHaveAttributeAsync("aria-sort", "ascending");

        var row = _page.Locator("#pane-metrics tbody tr[data-id=\"koordinierungsstab-mut\"]");
        await _page.ClickAsync("#pane-metrics .show-more");
        await Expect(_map.MetricsRows).ToHaveCountAsync(await _page.EvaluateAsync<int>(
            "() => fetch('/api/networks/peine/analysis/metrics').then(r => r.json()).then(m => m.nodes.length)"));
        await row.ClickAsync();
        Assert.Equal(["koordinierungsstab-mut"], await _map.SelectedNodeIdsAsync());
        await Expect(row).ToHaveAttributeAsync("aria-current", "true");
        await _map.ScreenshotAsync("analysis-metrics-1280x720");
    }

    [Fact]
    public async Task TheAsOfDateChangesTheFindings()
    {
        await _map.OpenAsync("peine");
        await _map.OpenAnalysisAsync("overlaps");
        await Expect(_map.OverlapFinding("koordinierungsstab-mut", "sg-uebergangsmanagement")).ToHaveCountAsync(1);

        // In 2016 the Steuerungsgruppe Übergangsmanagement had not been founded.
        await _map.SetAsOfAsync("2016-01-01");
        await Expect(_map.Pane("overlaps")).ToHaveAttributeAsync("data-as-of", "2016-01-01");
        await Expect(_map.Pane("overlaps")).ToHaveAttributeAsync("data-state", "ready");
        await Expect(_map.OverlapFinding("koordinierungsstab-mut", "sg-uebergangsmanagement")).ToHaveCountAsync(0);
        await Expect(_map.OverlapFinding("koordinierungsstab-mut", "sg-integration-peine")).ToHaveCountAsync(1);
        await Expect(_map.Pane("overlaps").Locator(".analysis-head p")).ToContainTextAsync("01.01.2016");

        // A tab opened later asks for the same day; resetting the filters goes back to today.
        await _map.OpenAnalysisAsync("metrics");
        await Expect(_map.Pane("metrics")).ToHaveAttributeAsync("data-as-of", "2016-01-01");
        await _page.ClickAsync("#tab-overlaps");
        await _page.ClickAsync("#reset-filters");
        await Expect(_map.OverlapFinding("koordinierungsstab-mut", "sg-uebergangsmanagement")).ToHaveCountAsync(1);
        await Expect(_map.Pane("overlaps")).Not.ToHaveAttributeAsync("data-as-of", "2016-01-01");
    }

    [Fact]
    public async Task ThePanelsSpeakEnglishAfterTheLanguageSwitch()
    {
        await _map.OpenAsync("peine");
        await _page.ClickAsync("[data-testid=lang-switch]");
        await _map.WaitUntilDrawnAsync();
        await _map.OpenAnalysisAsync("overlaps");
        await Expect(_map.Pane("overlaps").Locator("h2")).ToHaveTextAsync("Duplicate structures");
        var item = MapPage.FindingOf(_map.OverlapFinding("koordinierungsstab-mut", "sg-uebergangsmanagement"));
        await Expect(item).ToContainTextAsync("All 7 members of Steuerungsgruppe Übergangsmanagement also sit on");
        await Expect(item.Locator("ul.parts")).ToContainTextAsync("Members");
        await _map.OpenAnalysisAsync("gaps");
        await Expect(_map.Pane("gaps").Locator("h2")).ToHaveTextAsync("Gaps");
    }
}
