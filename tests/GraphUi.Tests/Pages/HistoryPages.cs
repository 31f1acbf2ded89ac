using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GraphUi.Tests.Pages;

/// <summary>The "Verlauf" panel beside the map: the sentences, undo, redo and "Diesen Stand wiederherstellen".</summary>
public sealed class HistoryPanel(IPage page)
{
    public ILocator Root => page.Locator("[data-testid=history-panel]");
    public ILocator Entries => Root.Locator("ol.history > li");
    public ILocator Newest => Entries.First;
    public ILocator NewestSentence => Newest.Locator("ul.changes li").First;
    public ILocator NewestTime => Newest.Locator("time");
    public ILocator Undo => Root.Locator("[data-testid=history-undo]");
    public ILocator Redo => Root.Locator("[data-testid=history-redo]");
    public ILocator Status => Root.Locator("[data-testid=history-status]");
    public ILocator Preview => Root.Locator("[data-testid=restore-preview] li");
    public ILocator ConfirmRestore => Root.Locator("[data-testid=confirm-restore-yes]");

    public ILocator Entry(long revision) => Root.Locator($"ol.history > li[data-revision='{revision}']");

    /// <summary>Asks to restore a revision; the panel answers with what that would change.</summary>
    public async Task AskToRestoreAsync(long revision)
    {
        await Entry(revision).Locator("button.restore").ClickAsync();
        await Expect(Root.Locator("[data-testid=confirm-restore]")).ToBeVisibleAsync();
    }
}

/// <summary>The meeting control in the map's toolbar: start (title, day), end, then the comparison and the Protokoll.</summary>
public sealed class MeetingControl(IPage page)
{
    public ILocator Root => page.Locator("[data-testid=meeting-control]");
    public ILocator Running => Root.Locator("[data-testid=meeting-running]");
    public ILocator CompareLink => Root.Locator("[data-testid=meeting-compare]");
    public ILocator ProtokollLink => Root.Locator("[data-testid=meeting-protokoll]");

    public async Task StartAsync(string title, string day)
    {
        await Root.Locator("[data-testid=meeting-start]").ClickAsync();
        await Expect(Root.Locator("[data-testid=meeting-form]")).ToBeVisibleAsync();
        await page.FillAsync("#meeting-title", title);
        await page.FillAsync("#meeting-day", day);
        await Root.Locator("[data-testid=meeting-start-confirm]").ClickAsync();
        await Expect(Running).ToBeVisibleAsync();
    }

    public async Task EndAsync()
    {
        await Root.Locator("[data-testid=meeting-end]").ClickAsync();
        await Expect(ProtokollLink).ToBeVisibleAsync();
    }
}

/// <summary>"Was hat sich geändert?": the map with its marks and the sentences.</summary>
public sealed class ComparePage(IPage page) : MapPage(page)
{
    public override string PathOf(string networkId, string? query = null) => $"/networks/{networkId}/compare{(query is null ? "" : "?" + query)}";

    public ILocator Group(string change) => Page.Locator($"[data-testid=compare-list] ul[data-group={change}] li");
    public ILocator Summary => Page.Locator("[data-testid=compare-summary]");
    public ILocator Legend => Page.Locator("[data-testid=compare-legend]");
}

/// <summary>The printable Protokoll of a meeting.</summary>
public sealed class ProtokollPage(IPage page)
{
    public ILocator Root => page.Locator("[data-testid=protokoll]");
    public ILocator Heading => Root.Locator("h1");
    public ILocator Group(string kind) => Root.Locator($"section[data-kind={kind}] li");
    public ILocator Actions => Root.Locator(".protokoll-actions");
    public ILocator Print => Root.Locator("[data-testid=protokoll-print]");
}
