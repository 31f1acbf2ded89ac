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
        await new NetworksPage(_page).OpenAsync();
        await _page.ClickAsync("tr[data-network=peine] a[href$='/report']");
        await Expect(_page).ToHaveURLAsync(new Regex("/networks/peine/report$"));

        await Expect(_report.Title).ToHaveTextAsync("Landkreis Peine");
        await Expect(_report.Date).ToContainTextAsync("Stand:");
        foreach (var (section, title) in new[] { ("overview", "Überblick"), ("key-figures", "Kennzahlen"), ("map", "Netzwerkkarte"),
                     ("overlaps", "Doppelstrukturen"), ("gaps", "Lücken") })
            await Expect(_report.SectionTitle(section)).ToContainTextAsync(title);
        await Expect(_report.Section("overview")).ToContainTextAsync("Integrationsnetzwerk des Landkreises Peine");
        await Expect(_report.Bodies.Locator("th", new() { HasText = "Koordinierungsstab Migration und Teilhabe (MuT)" })).ToHaveCountAsync(1);
        await Expect(_page.Locator("table.bodies tr[data-body=sg-integration-peine] td").Nth(1)).ToHaveTextAsync("ruhend");
        await Expect(_report.Figures).ToContainTextAsync("Personenstunden im Jahr");
        await Expect(_report.Section("key-figures")).ToContainTextAsync("1.330 Personenstunden"); // the costs analysis' total
        await Expect(_report.Section("key-figures")).ToContainTextAsync("Louvain findet");

        var overlap = _report.Overlap("koordinierungsstab-mut", "sg-uebergangsmanagement");
        await Expect(overlap).ToContainTextAsync("Alle 7 Mitglieder der Steuerungsgruppe Übergangsmanagement");
        await Expect(overlap.Locator(".saving")).ToContainTextAsync("56 Personenstunden");

        await _report.WaitForMapAsync();
        var source = await _report.MapImage.GetAttributeAsync("src");
        Assert.StartsWith("data:image/png;base64,", source);
        Assert.True(source!.Length > 50_000, $"the map picture is only {source.Length} characters");
        Assert.True(await _report.MapImage.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 800"));
        await Expect(_page.Locator("ul.report-legend li").First).ToBeVisibleAsync();
        await _report.ScreenshotAsync("report-peine-1280x720");
        await _report.ScreenshotAsync("report-peine-full", fullPage: true);
    }

    [Fact]
    public async Task TheMapToolbarLinksToTheReport()
    {
        var map = new MapPage(_page);
        await map.OpenAsync("dithmarschen");
        await _page.ClickAsync(".toolbar a[href$='/report']");
        await Expect(_report.Title).ToHaveTextAsync("Kreis Dithmarschen");
        await Expect(_report.Gap("composition", "sg-integration-dithmarschen")).ToContainTextAsync("keine Migrantenorganisation");
        await Expect(_page.Locator(".gap-kind[data-kind=composition] h3")).ToHaveTextAsync("Lücken in der Zusammensetzung (1)");
    }

    [Fact]
    public async Task TheReportPrintsToAPdfOfSeveralCleanPages()
    {
        await _report.OpenAsync("peine");
        await _report.WaitForMapAsync();
        var path = Path.Combine(Repository.Artifacts, "report-peine.pdf");
        var pdf = await _report.PdfAsync(path);

        Assert.StartsWith("%PDF", Encoding.ASCII.GetString(pdf, 0, 4));
        var pages = PageObject().Matches(Encoding.Latin1.GetString(pdf)).Count;
        Assert.True(pages > 1, $"the PDF has {pages} page(s)");
        Assert.True(pdf.Length > 100_000, $"the PDF is only {pdf.Length} bytes: is the map picture in it?");

        // A picture of the printed pages for a person to look at, where poppler is installed; the test does not need it.
        if (Tool("pdftoppm") is { } pdftoppm)
        {
            using var process = Process.Start(pdftoppm, ["-png", "-r", "70", path, Path.Combine(Repository.Artifacts, "report-peine-pdf")])!;
            await process.WaitForExitAsync();
            Assert.Equal(0, process.ExitCode);
        }
    }

    [Fact]
    public async Task TheReportIsEnglishAfterTheLanguageSwitch()
    {
        await _report.OpenAsync("peine");
        await _page.ClickAsync("[data-testid=lang-switch]");
        await Expect(_report.SectionTitle("overview")).ToHaveTextAsync("1. Overview");
        Assert.Equal("en", await _page.Locator("html").GetAttributeAsync("lang"));
        await Expect(_report.Date).ToContainTextAsync("As of:");
        await Expect(_report.Overlap("koordinierungsstab-mut", "sg-uebergangsmanagement"))
            .ToContainTextAsync("All 7 members of Steuerungsgruppe Übergangsmanagement also sit on");
        await Expect(_report.Section("key-figures")).ToContainTextAsync("Louvain finds");
        await Expect(_page.Locator("#print")).ToHaveTextAsync("Print / save as PDF");
        await _report.WaitForMapAsync();
        await Expect(_report.MapImage).ToHaveAttributeAsync("alt", "Network map Landkreis Peine");
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

        response = await _report.OpenAsync("peine", "gestern");
        Assert.Equal(400, response!.Status);
        await Expect(_page.Locator("[role=alert]")).ToContainTextAsync("„gestern“ ist kein Datum");
        await Expect(_report.Section("overview")).ToHaveCountAsync(0);
    }

    private static string? Tool(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
        .Select(dir => Path.Combine(dir, name)).FirstOrDefault(File.Exists);

    /// <summary>A page object of the PDF (not the /Pages tree).</summary>
    [GeneratedRegex(@"/Type\s*/Page(?![s\w])")]
    private static partial Regex PageObject();
}
