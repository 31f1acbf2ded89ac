using Microsoft.Playwright;

namespace GraphUi.Tests.Pages;

/// <summary>The list of networks: open one, create one, import a file.</summary>
public sealed class NetworksPage(IPage page)
{
    public Task OpenAsync() => page.GotoAsync("/");

    public ILocator Rows => page.Locator("table.networks tbody tr");

    public async Task ImportAsync(string fileName, string json)
    {
        await page.SetInputFilesAsync("#import-file", new FilePayload { Name = fileName, MimeType = "application/json", Buffer = System.Text.Encoding.UTF8.GetBytes(json) });
        await page.ClickAsync("#import-form button[type=submit]");
    }

    public ILocator ImportProblems => page.Locator("#import-result ul.problems li");

    public async Task CreateAsync(string name, string? id = null)
    {
        await page.FillAsync("#f-form-name", name);
        if (id is not null) await page.FillAsync("#f-form-id", id);
        await page.ClickAsync("[data-testid=create-network] button[type=submit]");
    }
}
