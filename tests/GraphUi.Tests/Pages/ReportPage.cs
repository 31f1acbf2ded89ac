using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GraphUi.Tests.Pages;

/// <summary>The report for the political committee: its sections, its picture of the map, its print to PDF.</summary>
public sealed class ReportPage(IPage page)
{
    public IPage Page => page;

    public Task<IResponse?> OpenAsync(string networkId, string? asOf = null) =>
        page.GotoAsync($"/networks/{networkId}/report{(asOf is null ? "" : $"?asOf={Uri.EscapeDataString(asOf)}")}");

    /// <summary>Waits until the picture of the map has been drawn (or has failed to be).</summary>
    public Task WaitForMapAsync() => Expect(page.Locator("#report")).ToHaveAttributeAsync("data-map-ready", "true");

    public ILocator Title => page.Locator(".report-head h1");
    public ILocator Date => page.Locator(".report-head .report-date");
    public ILocator Section(string id) => page.Locator($"section#{id}");
    public ILocator SectionTitle(string id) => page.Locator($"#{id}-title");
    public ILocator MapImage => page.Locator("#report-map-picture img");
    public ILocator Bodies => page.Locator("table.bodies tbody tr");
    public ILocator Figures => page.Locator("dl.figures");

    public ILocator Overlap(string bodyA, string bodyB) =>
        page.Locator($"ol.report-findings li[data-bodies~=\"{bodyA}\"][data-bodies~=\"{bodyB}\"]");

    public ILocator Gap(string kind, string entityId) => page.Locator($".gap-kind[data-kind=\"{kind}\"] li[data-entities~=\"{entityId}\"]");

    /// <summary>The report as Chromium prints it: A4 from the page's own print CSS.</summary>
    public Task<byte[]> PdfAsync(string path) =>
        page.PdfAsync(new PagePdfOptions { Path = path, PreferCSSPageSize = true, PrintBackground = true });

    public async Task ScreenshotAsync(string name, bool fullPage = false) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Repository.Artifacts, $"{name}.png"), FullPage = fullPage });
}
