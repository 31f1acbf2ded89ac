using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GraphUi.Tests.Pages;

/// <summary>The analysis panel beside the map: its tabs, findings and marks.</summary>
public sealed class AnalysisPanelPage(IPage page)
{
    public ILocator Panel => page.Locator("[data-testid=analysis-panel]");
    public ILocator Pane => Panel.Locator("[role=tabpanel]");

    public async Task OpenTabAsync(string tab)
    {
        await page.ClickAsync($"#tab-{tab}");
        await Expect(page.Locator($"#tab-{tab}")).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(Panel.Locator($"#pane-{tab}")).ToBeVisibleAsync();
    }

    public ILocator Item(string selector) => Pane.Locator(selector);
    public ILocator Finding(string selector) => Item(selector).Locator("button.finding");

    /// <summary>Marks the finding in <paramref name="selector"/> with a state and a note, and waits until the mark is shown.</summary>
    public async Task MarkAsync(string selector, string state, string note)
    {
        var item = Item(selector);
        await item.Locator("button.open-mark").ClickAsync();
        await Expect(item.Locator("form.mark-form")).ToBeVisibleAsync();
        await item.Locator("form.mark-form select").SelectOptionAsync(state);
        await item.Locator("form.mark-form input[type=text]").FillAsync(note);
        await item.Locator("button.save-mark").ClickAsync();
        await Expect(item.Locator("p.mark")).ToBeVisibleAsync();
    }
}
