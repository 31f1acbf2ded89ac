using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using GraphUi.Tests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GraphUi.Tests;

/// <summary>
/// Issue 9 in the browser: the steering group's questions answered through the analysis panel in plain German, the
/// Mitteilungsvorlage's header set on the page and printed to an A4 PDF with the API's figures, a re-import that asks
/// first, a marked finding.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class VorlageTests(BrowserFixture browser, MapApp app) : IClassFixture<MapApp>, IAsyncLifetime
{
    private IPage _page = null!;

    public async Task InitializeAsync() => _page = await browser.NewPageAsync(app.BaseUrl);

    public async Task DisposeAsync() => await _page.Context.CloseAsync();

    private async Task<JsonElement> ApiAsync(string url)
    {
        var response = await _page.APIRequest.GetAsync(url);
        Assert.True(response.Ok, $"GET {url}: {response.Status}");
        return JsonDocument.Parse(await response.TextAsync()).RootElement;
    }

    /// <summary>Peine's Koordinierungsstab and Steuerungsgruppe Übergangsmanagement: the council paper's Doppelstruktur.</summary>
    private const string Pair = "li[data-bodies~=koordinierungsstab-mut][data-bodies~=sg-uebergangsmanagement]";

    /// <summary>The map of a network with the analysis panel open on its Doppelstrukturen.</summary>
    private async Task<(MapPage Map, AnalysisPanelPage Panel)> OpenOverlapsAsync(string networkId)
    {
        var map = new MapPage(_page);
        var panel = new AnalysisPanelPage(_page);
        await map.OpenAsync(networkId);
        await map.ShowPanelAsync("analysis");
        await panel.OpenTabAsync("overlaps");
        return (map, panel);
    }

    private static string German(double hours) => hours.ToString("#,##0.#", System.Globalization.CultureInfo.GetCultureInfo("de-DE"));

    [Fact]
    public async Task TheSteeringGroupsQuestionsAreAnsweredInThePanelInPlainGerman()
    {
        // 1. Which bodies overlap so much that one could go, and why.
        var (map, panel) = await OpenOverlapsAsync("peine");
        await Expect(panel.Item(Pair)).ToContainTextAsync("Alle 7 Mitglieder der Steuerungsgruppe Übergangsmanagement");
        await panel.Finding(Pair).ClickAsync();
        await Expect(map.NodeCard("kommission-mut")).ToHaveClassAsync(new Regex("dimmed"));
        await Expect(map.NodeCard("koordinierungsstab-mut")).Not.ToHaveClassAsync(new Regex("dimmed"));
        var overlaps = await ApiAsync("/api/networks/peine/analysis/overlaps");
        var pair = overlaps.GetProperty("overlaps").EnumerateArray().Single(o =>
            new[] { o.GetProperty("bodyA").GetProperty("id").GetString(), o.GetProperty("bodyB").GetProperty("id").GetString() }
                .Order().SequenceEqual(["koordinierungsstab-mut", "sg-uebergangsmanagement"]));
        await Expect(panel.Item(Pair).Locator("details.shared summary")).ToHaveTextAsync($"Gemeinsame Mitglieder ({pair.GetProperty("sharedMembers").GetArrayLength()})");
        foreach (var o in overlaps.GetProperty("overlaps").EnumerateArray()) // every pair the API names is on screen
            await Expect(panel.Pane.Locator($"li[data-bodies~={o.GetProperty("bodyA").GetProperty("id").GetString()}][data-bodies~={o.GetProperty("bodyB").GetProperty("id").GetString()}]")).ToHaveCountAsync(1);
        await _page.AssertAccessibleAsync("overlaps and why");

        // 2. Where are the gaps: each kind with the API's count.
        await panel.OpenTabAsync("gaps");
        await Expect(panel.Pane.Locator("details[data-kind=composition]")).ToBeVisibleAsync();
        var gaps = await ApiAsync("/api/networks/peine/analysis/gaps");
        foreach (var kind in gaps.GetProperty("counts").EnumerateObject().Where(k => k.Value.GetInt32() > 0))
            await Expect(panel.Pane.Locator($"details[data-kind={kind.Name}] li[data-kind={kind.Name}]")).ToHaveCountAsync(kind.Value.GetInt32());
        await _page.AssertAccessibleAsync("gaps");

        // 3. Who are the brokers, which groups exist: no jargon on screen, the measure in a tooltip.
        await panel.OpenTabAsync("metrics");
        await Expect(_page.Locator("#tab-metrics")).ToHaveTextAsync("Vermittler und Gruppen");
        await Expect(panel.Pane.Locator("ol.brokers li").First).ToBeVisibleAsync();
        foreach (var jargon in new[] { "Betweenness", "Louvain", "Modularität" })
            await Expect(panel.Pane).Not.ToContainTextAsync(jargon);
        await Expect(panel.Pane.Locator("dl.facts dt[title*=Louvain]")).ToHaveCountAsync(1);
        var broker = panel.Pane.Locator("ol.brokers li").First;
        await broker.Locator("button.finding").ClickAsync();
        await Expect(broker.Locator("button.finding")).ToHaveAttributeAsync("aria-pressed", "true");
        await _page.AssertAccessibleAsync("brokers and groups");

        // 4. What do our structures cost: the API's figure.
        await panel.OpenTabAsync("costs");
        var figures = await ApiAsync("/api/networks/peine/analysis/figures");
        await Expect(panel.Pane.Locator("dd[data-figure=total]")).ToHaveTextAsync(German(figures.GetProperty("hoursPerYear").GetDouble()));
        await Expect(panel.Pane.Locator("dd[data-figure=memberships]")).ToHaveTextAsync(figures.GetProperty("memberships").GetInt32().ToString());
        await Expect(panel.Pane.Locator("ol.mergers li").First).ToContainTextAsync("Personenstunden");
        await _page.AssertAccessibleAsync("costs");
        await map.ScreenshotAsync("panel-costs-1280x720");

        // 5. How did the network change: the comparison of two days on the map and in sentences, as the diff API says.
        var compare = new ComparePage(_page);
        await compare.OpenAsync("peine", "from=2017-01-01&to=2022-12-31");
        var diff = await ApiAsync("/api/networks/peine/diff?from=2017-01-01&to=2022-12-31");
        var bodies = diff.GetProperty("bodies");
        string[] Ids(string change) => bodies.GetProperty(change).EnumerateArray().Select(e => e.GetProperty("id").GetString()!).ToArray();
        Assert.Contains("kommission-mut", Ids("appeared"));
        Assert.Contains("ausschuss-gas-2016", Ids("ended"));
        foreach (var id in Ids("appeared")) await Expect(compare.NodeCard(id)).ToHaveAttributeAsync("data-mark", "new");
        foreach (var id in Ids("ended")) await Expect(compare.NodeCard(id)).ToHaveAttributeAsync("data-mark", "ended");
        await Expect(compare.Group("appeared").Filter(new() { HasText = "Kommission" })).Not.ToHaveCountAsync(0);
        await Expect(compare.Legend).ToContainTextAsync("beendet/entfernt");
        await _page.AssertAccessibleAsync("what changed between two days");
        await compare.ScreenshotAsync("compare-days-1280x720");
    }

    [Fact]
    public async Task TheHeaderIsSetOnThePageAndThePrintedPaperShowsItAndTheApisFigures()
    {
        var report = new ReportPage(_page);
        await report.OpenAsync("dithmarschen");
        await report.OpenSettingsAsync();
        await report.SaveSettingsAsync("Amt für Migration und Integration", "16.09.2022", "2022/248", "26.09.2022", "Sozialausschuss");
        await Expect(report.HeadField("number")).ToHaveTextAsync("2022/248");
        await Expect(report.HeadField("date")).ToHaveTextAsync("16.09.2022");
        await Expect(report.HeadField("meetingDate")).ToHaveTextAsync("26.09.2022");
        await Expect(report.Head.Locator("tr[data-field=consultation]")).ToContainTextAsync("Sozialausschuss");
        await _page.AssertAccessibleAsync("report with its header");

        // Kept with the network: the API has it.
        var network = await ApiAsync("/api/networks/dithmarschen");
        Assert.Equal("2022/248", network.GetProperty("network").GetProperty("report").GetProperty("number").GetString());

        // The printed page: the header, the figures of the API, no form.
        await _page.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(report.Settings).ToBeHiddenAsync();
        await Expect(report.HeadField("unit")).ToHaveTextAsync("Amt für Migration und Integration");
        // The printed header (the DOM in print media that Chromium's PDF is made from) is the API's, day by day in German:
        // Organisationseinheit, Datum, Drucksachen-Nr., Beratungsfolge, Sitzungstermin.
        var kept = network.GetProperty("network").GetProperty("report");
        static string Day(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd").ToString("dd.MM.yyyy");
        await Expect(report.HeadField("unit")).ToHaveTextAsync(kept.GetProperty("unit").GetString()!);
        await Expect(report.HeadField("date")).ToHaveTextAsync(Day(kept.GetProperty("date").GetString()!));
        await Expect(report.HeadField("number")).ToHaveTextAsync(kept.GetProperty("number").GetString()!);
        var consultation = kept.GetProperty("consultations")[0];
        await Expect(report.Head.Locator("tr[data-field=consultation] td").First).ToHaveTextAsync(consultation.GetProperty("body").GetString()!);
        await Expect(report.Head.Locator("tr[data-field=consultation] td").Last).ToHaveTextAsync(Day(consultation.GetProperty("date").GetString()!));
        await Expect(report.HeadField("meetingDate")).ToHaveTextAsync(Day(kept.GetProperty("meetingDate").GetString()!));
        await Expect(report.HeadField("meetingDate")).ToBeVisibleAsync();
        var figures = await ApiAsync("/api/networks/dithmarschen/analysis/figures");
        var summary = network.GetProperty("counts");
        await Expect(report.Figure("bodies")).ToHaveTextAsync(new Regex($"^{summary.GetProperty("bodies").GetInt32()} "));
        await Expect(report.Figure("collaborations")).ToHaveTextAsync(summary.GetProperty("collaborations").GetInt32().ToString());
        await Expect(report.Figure("memberships")).ToHaveTextAsync(figures.GetProperty("memberships").GetInt32().ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("de-DE")));
        await Expect(report.Figure("hours")).ToHaveTextAsync(German(figures.GetProperty("hoursPerYear").GetDouble()));
        await Expect(report.Figure("actors")).ToHaveTextAsync(figures.GetProperty("actors").GetInt32().ToString());
        await Expect(_page.Locator("#proposal-title")).ToContainTextAsync("Zur Kenntnisnahme");

        var pdf = await report.PdfAsync(Path.Combine(Repository.Artifacts, "vorlage-dithmarschen.pdf"));
        var text = Encoding.Latin1.GetString(pdf);
        Assert.StartsWith("%PDF", text);
        Assert.Matches(@"/MediaBox \[0 0 59[45](\.\d+)? 84[12](\.\d+)?\]", text); // A4: 210 × 297 mm in points
        await _page.EmulateMediaAsync(new() { Media = Media.Screen });
    }

    [Fact]
    public async Task AReImportShowsWhatWouldChangeAndReplacesOnlyAfterConfirmation()
    {
        var networks = new NetworksPage(_page);
        var exported = JsonNode.Parse(await (await _page.APIRequest.GetAsync("/api/networks/peine/export?format=json")).TextAsync())!;
        exported["network"]!["id"] = "peine-kopie";
        exported["network"]!["name"] = "Peine (Kopie)";
        var first = exported.ToJsonString();
        await networks.OpenAsync();
        await networks.ImportAsync("peine-kopie.json", first);
        await _page.WaitForURLAsync("**/networks/peine-kopie"); // new: no question

        // The same file again: nothing would change, and it says so.
        await networks.OpenAsync();
        await networks.ImportAsync("peine-kopie.json", first);
        var preview = _page.Locator("[data-testid=import-preview]");
        await Expect(preview.Locator("[data-testid=import-unchanged]")).ToBeVisibleAsync();
        await preview.Locator("button.close-preview").ClickAsync();
        await Expect(preview).ToHaveCountAsync(0);

        // One collaboration less and one actor renamed: the counts, then the confirmation.
        var collaborations = exported["collaborations"]!.AsArray();
        collaborations.RemoveAt(collaborations.Count - 1);
        var actors = exported["actors"]!.AsArray();
        actors[0]!["name"] = actors[0]!["name"]!.GetValue<string>() + " (neu)";
        var second = exported.ToJsonString();
        await networks.OpenAsync(); // a fresh form: its button waits for the file the browser has sent
        await networks.ImportAsync("peine-kopie.json", second);
        await Expect(preview.Locator("tr[data-kind=actor] td").Nth(1)).ToHaveTextAsync("1");
        await Expect(preview.Locator("tr[data-kind=collaboration] td").Nth(2)).ToHaveTextAsync("1");
        await _page.AssertAccessibleAsync("import preview");

        // The network moves before the confirmation: refused, with the new preview.
        // Someone else's script (a bearer token: a change with the browser's cookie would need the antiforgery header).
        using var script = await app.ApiClientAsync();
        var change = await script.PostAsJsonAsync("/api/networks/peine-kopie/topics", new { id = "neues-thema", name = "Neues Thema" });
        Assert.True(change.IsSuccessStatusCode, $"{change.StatusCode} {await change.Content.ReadAsStringAsync()}");
        var revision = await preview.GetAttributeAsync("data-revision");
        await preview.Locator("button.confirm-import").ClickAsync();
        await Expect(preview.Locator("[data-testid=import-stale]")).ToBeVisibleAsync();
        await Expect(preview).Not.ToHaveAttributeAsync("data-revision", revision!);
        await Expect(preview.Locator("tr[data-kind=topic] td").Nth(2)).ToHaveTextAsync("1"); // the new topic would go

        await preview.Locator("button.confirm-import").ClickAsync();
        await _page.WaitForURLAsync("**/networks/peine-kopie");
        var summary = await ApiAsync("/api/networks/peine-kopie");
        Assert.Equal(exported["topics"]!.AsArray().Count, summary.GetProperty("counts").GetProperty("topics").GetInt32());
        // counts are the figures of the analysis day (one figure everywhere); every record of the file is stored.
        Assert.Equal(summary.GetProperty("figures").GetProperty("collaborations").GetInt32(), summary.GetProperty("counts").GetProperty("collaborations").GetInt32());
        var stored = await ApiAsync("/api/networks/peine-kopie/collaborations?limit=1000");
        Assert.Equal(collaborations.Count, stored.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task AFindingIsMarkedAndTheMarkIsShownWithIt()
    {
        var (_, panel) = await OpenOverlapsAsync("peine");
        await panel.MarkAsync(Pair, "inProgress", "Zusammenlegung in der Sitzung am 12.03. besprechen");
        var mark = panel.Item(Pair).Locator("p.mark");
        await Expect(mark).ToHaveAttributeAsync("data-applies", "true");
        await Expect(mark).ToContainTextAsync("In Bearbeitung: Zusammenlegung in der Sitzung am 12.03. besprechen");
        await _page.AssertAccessibleAsync("marked finding");

        var marks = await ApiAsync("/api/networks/peine/analysis/marks");
        Assert.Equal("overlap:koordinierungsstab-mut|sg-uebergangsmanagement", marks.GetProperty("marks")[0].GetProperty("key").GetString());
        Assert.True(marks.GetProperty("marks")[0].GetProperty("applies").GetBoolean());
    }
}
