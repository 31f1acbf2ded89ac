using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GraphUi.Tests.Pages;

/// <summary>The map page as a user works it: open, filter, search, select, edit, connect, undo.</summary>
public sealed class MapPage(IPage page)
{
    public IPage Page => page;

    public async Task OpenAsync(string networkId)
    {
        await page.GotoAsync($"/networks/{networkId}");
        await WaitUntilDrawnAsync();
    }

    /// <summary>Waits until the map is drawn and its layout final (a first open refines a quick draft layout).</summary>
    public Task WaitUntilDrawnAsync() => Expect(page.Locator("#map-page")).ToHaveAttributeAsync("data-settled", "true");

    /// <summary>Ids of the nodes drawn on the map now (visible, not filtered out).</summary>
    public Task<string[]> VisibleNodeIdsAsync() =>
        page.EvaluateAsync<string[]>("() => networkMap.diagram.visibleNodes().filter(n => n.visible()).map(n => n.id())");

    public Task<string[]> VisibleEdgeIdsAsync() =>
        page.EvaluateAsync<string[]>("() => networkMap.diagram.cy.edges().filter(e => e.visible()).map(e => e.id())");

    public Task<string?> NodeDataAsync(string id, string field) =>
        page.EvaluateAsync<string?>("([id, f]) => { const n = networkMap.diagram.cy.getElementById(id); return n.empty() ? null : String(n.data(f)); }",
            new[] { id, field });

    public Task<bool> IsHighlightedAsync(string id) =>
        page.EvaluateAsync<bool>("id => networkMap.diagram.cy.getElementById(id).hasClass('highlight')", id);

    public async Task FilterAsync(string filterId, string value)
    {
        await page.SelectOptionAsync($"#{filterId}", value);
    }

    public async Task SearchAsync(string text)
    {
        await page.FillAsync("#search", text);
        await page.PressAsync("#search", "Enter");
    }

    public Task<string?> SelectedIdAsync() => page.Locator("#map-page").GetAttributeAsync("data-selected");

    public ILocator DetailsTitle => page.Locator("#details-title");
    public ILocator Status => page.Locator("#status");

    /// <summary>Clicks a node where it is drawn, as a mouse would (after bringing it to the middle of the view).</summary>
    public async Task ClickNodeAsync(string id)
    {
        var point = await page.EvaluateAsync<double[]>("""
            id => {
              const cy = networkMap.diagram.cy;
              const node = cy.getElementById(id);
              cy.zoom(1.5); cy.center(node);
              const p = node.renderedPosition();
              const box = document.getElementById('diagram').getBoundingClientRect();
              return [box.left + p.x, box.top + p.y];
            }
            """, id);
        await page.Mouse.ClickAsync((float)point[0], (float)point[1]);
    }

    public async Task SelectNodeAsync(string id)
    {
        await ClickNodeAsync(id);
        await Expect(page.Locator("#map-page")).ToHaveAttributeAsync("data-selected", id);
    }

    public async Task AddActorAsync(string name, string kind)
    {
        await page.ClickAsync("#add-actor");
        await page.FillAsync("#ef-name", name);
        await page.SelectOptionAsync("#ef-kind", kind);
        await SaveAsync();
    }

    public async Task ConnectAsync(string fromId, string toId)
    {
        await page.ClickAsync("#connect");
        await ClickNodeAsync(fromId);
        await ClickNodeAsync(toId);
        await Expect(page.Locator("#edit-dialog")).ToBeVisibleAsync();
    }

    public Task FillFieldAsync(string field, string value) => page.FillAsync($"#ef-{field}", value);
    public Task ChooseAsync(string field, string value) => page.SelectOptionAsync($"#ef-{field}", value);
    /// <summary>Saves the dialog and waits until the map has caught up (or the form shows why not).</summary>
    public async Task SaveAsync()
    {
        await page.ClickAsync("#edit-save");
        await WaitIdleAsync();
    }

    public Task WaitIdleAsync() => Expect(page.Locator("#map-page")).ToHaveAttributeAsync("data-busy", "false");
    public ILocator FieldError(string field) => page.Locator($"#ef-{field}-error");
    public ILocator EditDialog => page.Locator("#edit-dialog");

    public Task EditSelectedAsync() => page.ClickAsync("#details-edit");

    public async Task DeleteSelectedAsync()
    {
        await page.ClickAsync("#details-delete");
        await page.ClickAsync("#confirm-yes");
        await WaitIdleAsync();
    }

    public async Task UndoAsync()
    {
        await page.ClickAsync("#undo");
        await WaitIdleAsync();
    }

    public async Task OpenTabAsync(string name) => await page.ClickAsync($"#tab-{name}");

    /// <summary>Opens one of the analysis tabs (overlaps, gaps, metrics) and waits until its findings are shown.</summary>
    public async Task OpenAnalysisAsync(string tab)
    {
        await OpenTabAsync(tab);
        await Expect(Pane(tab)).ToHaveAttributeAsync("data-state", "ready");
    }

    public ILocator Pane(string tab) => page.Locator($"#pane-{tab}");

    /// <summary>The Doppelstruktur finding of two bodies: the button that shows it on the map.</summary>
    public ILocator OverlapFinding(string bodyA, string bodyB) =>
        page.Locator($"#pane-overlaps li[data-bodies~=\"{bodyA}\"][data-bodies~=\"{bodyB}\"] button.finding");

    /// <summary>A gap of a kind about an entity: the button that shows it on the map.</summary>
    public ILocator GapFinding(string kind, string entityId) =>
        page.Locator($"#pane-gaps li[data-kind=\"{kind}\"][data-ids~=\"{entityId}\"] button.finding");

    /// <summary>The whole finding around its button: the sentence that says why, and its parts.</summary>
    public static ILocator FindingOf(ILocator button) => button.Locator("xpath=ancestor::li[1]");

    public ILocator MetricsRows => page.Locator("#pane-metrics table.metrics tbody tr");

    public ILocator MetricsColumn(string column) => page.Locator($"#pane-metrics table.metrics th[data-column=\"{column}\"]");

    public Task<bool> IsFadedAsync(string id) =>
        page.EvaluateAsync<bool>("id => networkMap.diagram.cy.getElementById(id).hasClass('faded')", id);

    /// <summary>Ids of the nodes selected on the diagram.</summary>
    public Task<string[]> SelectedNodeIdsAsync() =>
        page.EvaluateAsync<string[]>("() => networkMap.diagram.cy.nodes(':selected').map(n => n.id())");

    /// <summary>Sets the "Stand am" filter as a user does: types the date, which fires a change.</summary>
    public async Task SetAsOfAsync(string date)
    {
        await page.FillAsync("#filter-as-of", date);
        await page.DispatchEventAsync("#filter-as-of", "change");
    }

    public async Task ScreenshotAsync(string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Repository.Artifacts, $"{name}.png") });
}
