using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GraphUi.Tests.Pages;

/// <summary>The list of networks: open one, create one, import a file.</summary>
public sealed class NetworksPage(IPage page)
{
    public IPage Page => page;

    /// <summary>Opens the list and waits until the circuit is live (before that, the prerendered page ignores clicks).</summary>
    public async Task OpenAsync()
    {
        await page.GotoAsync("/");
        await WaitUntilInteractiveAsync();
    }

    public Task WaitUntilInteractiveAsync() => page.WaitUntilInteractiveAsync("network-list");

    public ILocator Rows => page.Locator("table.networks tbody tr");
    public ILocator Row(string networkId) => page.Locator($"tr[data-network=\"{networkId}\"]");
    public ILocator Link(string networkId, string text) => Row(networkId).Locator("td.actions a", new() { HasText = text });

    public async Task ImportAsync(string fileName, string json)
    {
        await page.SetInputFilesAsync("#import-file", new FilePayload { Name = fileName, MimeType = "application/json", Buffer = System.Text.Encoding.UTF8.GetBytes(json) });
        await page.ClickAsync("#import-form button[type=submit]");
    }

    public ILocator ImportResult => page.Locator("#import-result");
    public ILocator ImportProblems => page.Locator("#import-result ul.problems li");

    public ILocator NameField => page.Locator("#new-network-name");
    public ILocator IdField => page.Locator("#new-network-id");
    public ILocator NameError => page.Locator("#new-network-name-error");

    public async Task CreateAsync(string name, string? id = null)
    {
        await NameField.FillAsync(name);
        if (id is not null) await IdField.FillAsync(id);
        await page.ClickAsync("[data-testid=create-network] button[type=submit]");
    }

    // ---- priv10: deleting a network into the Papierkorb and restoring it ----

    /// <summary>A row's "Löschen", found by its accessible name as a screen reader user would.</summary>
    public ILocator DeleteButton(string networkName) => page.GetByRole(AriaRole.Button, new() { Name = $"„{networkName}“ löschen", Exact = true });

    /// <summary>The open question, found by its role and name (the dialog's title).</summary>
    public ILocator DeleteDialog(string networkName) => page.GetByRole(AriaRole.Dialog, new() { Name = $"„{networkName}“ löschen?" });

    public ILocator Status => page.GetByTestId("networks-status");

    public ILocator TrashRow(string networkId) => page.Locator($"[data-testid=trash-list] tr[data-trashed=\"{networkId}\"]");
    public ILocator TrashStatus => page.GetByTestId("trash-status");

    public ILocator RestoreButton(string networkName) => page.GetByRole(AriaRole.Button, new() { Name = $"„{networkName}“ wiederherstellen", Exact = true });

    public Task ScreenshotAsync(string name, bool fullPage = false) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Repository.Artifacts, $"{name}.png"), FullPage = fullPage });
}
