using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GraphUi.Tests.Pages;

/// <summary>The table view of a network: the map's content as text for keyboard and screen-reader users.</summary>
public sealed class TablePage(IPage page)
{
    public IPage Page => page;

    public async Task<IResponse?> OpenAsync(string networkId, string? query = null)
    {
        var response = await page.GotoAsync($"/networks/{networkId}/table{(query is null ? "" : "?" + query)}");
        if (response?.Status == 200)
            await page.WaitUntilInteractiveAsync("table-view");
        return response;
    }

    public ILocator Filters => page.Locator("[data-testid=table-filters]");
    public ILocator BodiesTable => page.GetByRole(AriaRole.Table, new() { Name = "Gremien und ihre Mitglieder" });
    public ILocator ActorsTable => page.GetByRole(AriaRole.Table, new() { Name = "Akteure, ihre Gremien und Kooperationen" });
    public ILocator Body(string id) => page.Locator($"tr[data-body=\"{id}\"]");
    public ILocator Actor(string id) => page.Locator($"tr[data-actor=\"{id}\"]");
    public ILocator MemberOf(string bodyId, string memberId) => Body(bodyId).Locator($"li[data-member=\"{memberId}\"]");

    public Task ScreenshotAsync(string name, bool fullPage = false) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Repository.Artifacts, $"{name}.png"), FullPage = fullPage });
}
