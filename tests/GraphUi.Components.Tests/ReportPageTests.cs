using GraphUi.Components.Report;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace GraphUi.Components.Tests;

public sealed class ReportPageTests(SeededStore store) : ComponentTest(store)
{
    private IRenderedComponent<ReportPage> Open(string networkId, string query = "")
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo($"/networks/{networkId}/report{query}");
        return Render<ReportPage>(p => p.Add(x => x.NetworkId, networkId));
    }

    [Fact]
    public async Task ShowsItsSectionsFiguresAndFindings()
    {
        var cut = Open("peine");
        Assert.Equal("Landkreis Peine", cut.Find(".report-head h1").TextContent);
        foreach (var (section, title) in new[] { ("overview", "Sachverhalt"), ("key-figures", "Kennzahlen"), ("map", "Netzwerkkarte"),
                     ("overlaps", "Doppelstrukturen"), ("gaps", "Lücken") })
            Assert.Contains(title, cut.Find($"#{section}-title").TextContent);
        Assert.Equal("ruhend", cut.Find("table.bodies tr[data-body=sg-integration-peine] td:nth-of-type(2)").TextContent);
        // One figure everywhere: the total is the costs analysis' own, for the same day the API would choose.
        var expected = GraphUi.Reports.CommitteeReport.Build(await Networks.GetAsync("peine"), null, GraphApi.Analysis.Phrases.German);
        Assert.Equal(GraphApi.Analysis.Figures.FormatHours(expected.Costs.TotalHoursPerYear, GraphApi.Analysis.Phrases.German.Culture),
            cut.Find("#key-figures dd[data-figure=hours]").TextContent);
        Assert.Contains("Akteure", cut.Find("ul.counts").TextContent);
        var overlap = cut.Find("ol.report-findings li[data-bodies~=koordinierungsstab-mut][data-bodies~=sg-uebergangsmanagement]");
        Assert.Contains("56 Personenstunden", overlap.QuerySelector(".saving")!.TextContent);
    }

    [Fact]
    public void TheMapPictureComesFromTheSvgExport()
    {
        var cut = Open("peine", "?asOf=2020-06-30");
        var picture = cut.Find("img#report-map-picture");
        Assert.Equal("/api/networks/peine/export?format=svg&layers=actor,body&asOf=2020-06-30&lang=de", picture.GetAttribute("src"));
        Assert.Equal("Netzwerkkarte Landkreis Peine", picture.GetAttribute("alt"));
    }

    [Fact]
    public void AnEarlierDayShowsThatDaysNetwork()
    {
        var cut = Open("peine", "?asOf=2016-01-01");
        Assert.Contains("01.01.2016", cut.Find(".report-date").TextContent);
        Assert.Empty(cut.FindAll("table.bodies tr[data-body=kommission-mut]"));
    }

    [Fact]
    public void ABadDateIsSaidAndNoFiguresShown()
    {
        var cut = Open("peine", "?asOf=gestern");
        Assert.Contains("„gestern“ ist kein Datum", cut.Find("[role=alert]").TextContent);
        Assert.Empty(cut.FindAll("#overview"));
    }
}
