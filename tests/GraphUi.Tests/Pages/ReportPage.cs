using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GraphUi.Tests.Pages;

/// <summary>The report for the political committee: its sections, its picture of the map, its print to PDF.</summary>
public sealed class ReportPage(IPage page)
{
    public IPage Page => page;

    public async Task<IResponse?> OpenAsync(string networkId, string? asOf = null)
    {
        var response = await page.GotoAsync($"/networks/{networkId}/report{(asOf is null ? "" : $"?asOf={Uri.EscapeDataString(asOf)}")}");
        if (response?.Status == 200) await WaitUntilInteractiveAsync();
        return response;
    }

    public Task WaitUntilInteractiveAsync() => page.WaitUntilInteractiveAsync("report");

    public ILocator Title => page.Locator(".report-head h1");
    public ILocator Date => page.Locator(".report-head .report-date");
    public ILocator Section(string id) => page.Locator($"section#{id}");
    public ILocator SectionTitle(string id) => page.Locator($"#{id}-title");
    public ILocator MapPicture => page.Locator("img#report-map-picture");
    public ILocator Bodies => page.Locator("table.bodies tbody tr");
    public ILocator Figures => page.Locator("dl.figures");

    public ILocator Overlap(string bodyA, string bodyB) =>
        page.Locator($"ol.report-findings li[data-bodies~=\"{bodyA}\"][data-bodies~=\"{bodyB}\"]");

    public ILocator Gap(string kind, string entityId) => page.Locator($".gap-kind[data-kind=\"{kind}\"] li[data-entities~=\"{entityId}\"]");

    // The paper's head and its settings form (issue 9).
    public ILocator Head => page.Locator("[data-testid=report-head]");
    public ILocator HeadField(string field) => Head.Locator($"[data-field={field}]");
    public ILocator Settings => page.Locator("[data-testid=report-settings]");
    public ILocator SettingsStatus => page.Locator("#rs-status");
    public ILocator Figure(string name) => page.Locator($"#key-figures dd[data-figure={name}]");

    public async Task OpenSettingsAsync()
    {
        await Settings.Locator("summary").ClickAsync();
        await Expect(page.Locator("#rs-unit")).ToBeVisibleAsync();
    }

    /// <summary>Fills the header fields the way a coordinator types them (German dates) and saves; waits for "Gespeichert."</summary>
    public async Task SaveSettingsAsync(string unit, string date, string number, string meeting, string committee)
    {
        await page.Locator("#rs-unit").FillAsync(unit);
        await page.Locator("#rs-date").FillAsync(date);
        await page.Locator("#rs-number").FillAsync(number);
        await page.Locator("#rs-meeting").FillAsync(meeting);
        await page.Locator("button.add-consultation").ClickAsync();
        await Expect(page.Locator("#rs-c-body-0")).ToBeVisibleAsync();
        await page.Locator("#rs-c-body-0").FillAsync(committee);
        await page.Locator("#rs-c-date-0").FillAsync(meeting);
        await page.Locator("#rs-save").ClickAsync();
        await Expect(SettingsStatus).ToHaveTextAsync("Gespeichert.");
    }

    /// <summary>The report as Chromium prints it: A4 from the page's own print CSS.</summary>
    public Task<byte[]> PdfAsync(string path) =>
        page.PdfAsync(new PagePdfOptions { Path = path, PreferCSSPageSize = true, PrintBackground = true });

    public Task ScreenshotAsync(string name, bool fullPage = false) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Repository.Artifacts, $"{name}.png"), FullPage = fullPage });
}
