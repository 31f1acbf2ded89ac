using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using GraphUi.Tests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GraphUi.Tests;

/// <summary>The report for the political committee: sections, key figures, findings, a picture of the map, a clean PDF.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class ReportTests(BrowserFixture browser, MapApp app) : IClassFixture<MapApp>, IAsyncLifetime
{
    private IPage _page = null!;
    private ReportPage _report = null!;

    public async Task InitializeAsync()
    {
        _page = await browser.NewPageAsync(app.BaseUrl);
        _report = new ReportPage(_page);
    }

    public async Task DisposeAsync() => await _page.Context.CloseAsync();

    [Fact]
    public async Task TheReportShowsItsSectionsFindingsAndAPictureOfTheMap()
    {
        // Reached from the network list.
        var networks = new NetworksPage(_page);
        await networks.OpenAsync();
        await networks.Link("peine", "Bericht").ClickAsync();
        await Expect(_page).ToHaveURLAsync(new Regex("/networks/peine/report$"));
        await _report.WaitUntilInteractiveAsync();

        await Expect(_report.Title).ToHaveTextAsync("Landkreis Peine");
        await Expect(_report.Date).ToContainTextAsync("Stand:");
        foreach (var (section, title) in new[] { ("overview", "Sachverhalt"), ("key-figures", "Kennzahlen"), ("map", "Netzwerkkarte"),
                     ("overlaps", "Doppelstrukturen"), ("gaps", "Lücken") })
            await Expect(_report.SectionTitle(section)).ToContainTextAsync(title);
        await Expect(_report.Section("overview")).ToContainTextAsync("Integrationsnetzwerk des Landkreises Peine");
        await Expect(_report.Bodies.Locator("th", new() { HasText = "Koordinierungsstab Migration und Teilhabe (MuT)" })).ToHaveCountAsync(1);
        await Expect(_page.Locator("table.bodies tr[data-body=sg-integration-peine] td").Nth(1)).ToHaveTextAsync("ruhend");
        await Expect(_report.Figures).ToContainTextAsync("Personenstunden im Jahr");
        await Expect(_report.Section("key-figures").Locator("dd[data-figure=hours]")).ToHaveTextAsync(new Regex(@"^\d[\d.]*(,\d)?$")); // the costs analysis' total, German
        await Expect(_report.Section("overview")).ToContainTextAsync(new Regex(@"\d[\d.]*(,\d)? Personenstunden"));
        var overlap = _report.Overlap("koordinierungsstab-mut", "sg-uebergangsmanagement");
        await Expect(overlap).ToContainTextAsync("Alle 7 Mitglieder der Steuerungsgruppe Übergangsmanagement");
        await Expect(overlap.Locator(".saving")).ToContainTextAsync("56 Personenstunden");

        // The picture is the one SVG export, as of the report's day, bodies and actors only (persons unnamed).
        var data = await _report.MapPicture.GetAttributeAsync("src");
        Assert.Matches(@"^/api/networks/peine/export\?format=svg&layers=actor,body&asOf=\d{4}-\d{2}-\d{2}&lang=de$", data);
        await Expect(_report.MapPicture).ToHaveAttributeAsync("alt", "Netzwerkkarte Landkreis Peine");
        await Expect(_report.MapPicture).ToHaveJSPropertyAsync("complete", true);
        Assert.True(await _report.MapPicture.EvaluateAsync<int>("img => img.naturalWidth") > 0, "the SVG export is shown (the policy allows it)");
        await _page.AssertAccessibleAsync();
        await _report.ScreenshotAsync("report-peine-1280x720");
        await _report.ScreenshotAsync("report-peine-full", fullPage: true);
    }

    [Fact]
    public async Task TheReportAtFullHd()
    {
        var page = await browser.NewPageAsync(app.BaseUrl, 1920, 1080);
        var report = new ReportPage(page);
        await report.OpenAsync("dithmarschen");
        await Expect(report.Gap("composition", "sg-integration-dithmarschen")).ToContainTextAsync("keine Migrantenorganisation");
        await Expect(page.Locator(".gap-kind[data-kind=composition] h3")).ToHaveTextAsync(new Regex(@"^Lücken in der Zusammensetzung \(\d+\)$"));
        await page.AssertAccessibleAsync();
        await report.ScreenshotAsync("report-dithmarschen-1920x1080");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task TheReportPrintsToAPdfOfSeveralA4Pages()
    {
        await _report.OpenAsync("peine");
        var path = Path.Combine(Repository.Artifacts, "report-peine.pdf");
        var pdf = await _report.PdfAsync(path);

        Assert.StartsWith("%PDF", Encoding.ASCII.GetString(pdf, 0, 4));
        var text = Encoding.Latin1.GetString(pdf);
        var pages = PageObject().Matches(text).Count;
        Assert.True(pages > 1, $"the PDF has {pages} page(s)");

        // A picture of the printed pages for a person to look at, where poppler is installed; the test does not need it.
        if (Tool("pdftoppm") is { } pdftoppm)
        {
            using var process = Process.Start(pdftoppm, ["-png", "-r", "60", "-l", "3", path, Path.Combine(Repository.Artifacts, "report-peine-pdf")])!;
            await process.WaitForExitAsync();
            Assert.Equal(0, process.ExitCode);
        }
    }

    [Fact]
    public async Task TheReportIsEnglishAfterTheLanguageSwitch()
    {
        await _report.OpenAsync("peine");
        await _page.ClickAsync("[data-testid=lang-switch]");
        await Expect(_page.Locator("html")).ToHaveAttributeAsync("lang", "en"); // the new page
        await _report.WaitUntilInteractiveAsync();
        await Expect(_report.SectionTitle("overview")).ToHaveTextAsync("1. Facts");
        await Expect(_report.Date).ToContainTextAsync("As of:");
        await Expect(_report.Overlap("koordinierungsstab-mut", "sg-uebergangsmanagement"))
            .ToContainTextAsync("All 7 members of Steuerungsgruppe Übergangsmanagement also sit on");
        await Expect(_page.Locator("#print")).ToHaveTextAsync("Print / save as PDF");
        await Expect(_report.MapPicture).ToHaveAttributeAsync("alt", "Network map Landkreis Peine");
        await _page.AssertAccessibleAsync("English");
    }

    [Fact]
    public async Task TheReportShowsTheNetworkAsOfAnEarlierDay()
    {
        await _report.OpenAsync("peine", "2016-01-01");
        await Expect(_report.Date).ToContainTextAsync("01.01.2016");
        await Expect(_page.Locator("table.bodies tr[data-body=kommission-mut]")).ToHaveCountAsync(0); // founded 2019
        await Expect(_report.Overlap("koordinierungsstab-mut", "sg-uebergangsmanagement")).ToHaveCountAsync(0);
        await Expect(_report.Overlap("koordinierungsstab-mut", "sg-integration-peine")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task BadInputGivesProperErrorPages()
    {
        var response = await _report.OpenAsync("gibt-es-nicht");
        Assert.Equal(404, response!.Status);
        await Expect(_page.Locator("main h1")).ToHaveTextAsync("Nicht gefunden");
        await Expect(_page.Locator("main")).ToContainTextAsync("gibt-es-nicht");
        await _page.AssertAccessibleAsync("not found");

        response = await _report.OpenAsync("peine", "gestern");
        Assert.Equal(400, response!.Status);
        await Expect(_page.Locator("#report-as-of-error")).ToContainTextAsync("„gestern“ ist kein Datum");
        await Expect(_report.Section("overview")).ToHaveCountAsync(0);
    }

    private static string? Tool(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
        .Select(dir => Path.Combine(dir, name)).FirstOrDefault(File.Exists);

    /// <summary>A page object of the PDF (not the /Pages tree).</summary>
    [GeneratedRegex(@"/Type\s*/Page(?![s\w])")]
    private static partial Regex PageObject();
}
