using GraphUi.Tests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GraphUi.Tests;

/// <summary>
/// The panels beside the map (ui-pages' DetailsPanel, AnalysisPanel, HistoryPanel composed by the map page): a finding
/// highlights its nodes, the details edit with the service's rules, the history undoes one's own change.
/// </summary>
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

    private ILocator Finding(string selector) => _page.Locator($"[data-testid=analysis-panel] {selector} button.finding");

    [Fact]
    public async Task AnOverlapHighlightsBothBodiesAndTheirSharedMembersAndFadesTheRest()
    {
        await _map.OpenAsync("peine");
        await _map.ShowPanelAsync("analysis");
        await _page.ClickAsync("#tab-overlaps");
        var finding = Finding("li[data-bodies~=koordinierungsstab-mut][data-bodies~=sg-uebergangsmanagement]");
        await Expect(finding).ToContainTextAsync("65");
        await finding.ClickAsync();
        await Expect(finding).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(_map.NodeCard("koordinierungsstab-mut")).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex("dimmed"));
        await Expect(_map.NodeCard("kommission-mut")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("dimmed"));
        await _page.AssertAccessibleAsync("overlap highlighted");
        await _map.ScreenshotAsync("panel-overlaps-1280x720");

        await _page.Keyboard.PressAsync("Escape");
        await Expect(finding).ToHaveAttributeAsync("aria-pressed", "false");
        await Expect(_map.NodeCard("kommission-mut")).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex("dimmed"));
    }

    [Fact]
    public async Task TheGapsAndTheMetricsSpeakPlainGermanAndARowSelectsItsNode()
    {
        await _map.OpenAsync("dithmarschen");
        await _map.ShowPanelAsync("analysis");
        await _page.ClickAsync("#tab-gaps");
        await Expect(_page.Locator("details[data-kind=composition] h3")).ToHaveTextAsync("Lücken in der Zusammensetzung (2)");
        await _page.ClickAsync("#tab-metrics");
        await Expect(_page.Locator("[data-testid=analysis-panel] .summary")).ToContainTextAsync("Gruppen, die untereinander enger verbunden sind");
        var row = _page.Locator("table.metrics tbody tr").First;
        var id = await row.GetAttributeAsync("data-id");
        await row.Locator("button.select-node").ClickAsync();
        await _map.ShowPanelAsync("details");
        await Expect(_map.Details).ToHaveAttributeAsync("data-selected", id!);
        await _page.AssertAccessibleAsync("metrics");
    }

    [Fact]
    public async Task TheDetailsEditWithTheServicesMessagesAndTheHistoryUndoesIt()
    {
        await _map.OpenAsync("dithmarschen");
        await _map.Node("sg-integration-dithmarschen").ClickAsync();
        await Expect(_map.Details.Locator("#details-title")).ToHaveTextAsync("Steuerungsgruppe Integration");
        await _map.Details.GetByRole(AriaRole.Button, new() { Name = "Bearbeiten", Exact = true }).ClickAsync();
        await _page.FillAsync("#edit-name", "");
        await _page.ClickAsync("[data-testid=editor-save]");
        await Expect(_page.Locator("#edit-name-error")).ToHaveTextAsync("Darf nicht leer sein.");
        await _page.AssertAccessibleAsync("editor with a message");

        await _page.FillAsync("#edit-name", "Steuerungsgruppe Integration und Teilhabe");
        await _page.ClickAsync("[data-testid=editor-save]");
        await Expect(_map.Details.Locator("#details-title")).ToHaveTextAsync("Steuerungsgruppe Integration und Teilhabe");

        await _map.ShowPanelAsync("history");
        var history = _page.Locator("[data-testid=history-panel]");
        await Expect(history.Locator("ol.history > li").First).ToContainTextAsync("hat das Gremium „Steuerungsgruppe Integration“ in „Steuerungsgruppe Integration und Teilhabe“ umbenannt");
        await history.Locator("[data-testid=history-undo]").ClickAsync();
        await _map.ShowPanelAsync("details");
        await Expect(_map.Details.Locator("#details-title")).ToHaveTextAsync("Steuerungsgruppe Integration");
        await _page.AssertAccessibleAsync("history");
    }
}
