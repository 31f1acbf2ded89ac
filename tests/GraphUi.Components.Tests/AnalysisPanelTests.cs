using GraphUi.Components.Panels;

namespace GraphUi.Components.Tests;

public sealed class AnalysisPanelTests(SeededStore store) : ComponentTest(store)
{
    private IReadOnlyCollection<string>? _highlighted;
    private string? _selected;

    private IRenderedComponent<AnalysisPanel> Open(string networkId, DateOnly? asOf = null) =>
        Render<AnalysisPanel>(p => p
            .Add(x => x.NetworkId, networkId)
            .Add(x => x.AsOf, asOf)
            .Add(x => x.Highlight, ids => _highlighted = ids)
            .Add(x => x.SelectedIdChanged, id => _selected = id));

    [Fact]
    public void AnOverlapIsAToggleThatHighlightsBothBodiesAndTheirSharedMembers()
    {
        var cut = Open("peine");
        Assert.Equal("true", cut.Find("#tab-overlaps").GetAttribute("aria-selected"));
        var item = cut.Find("li[data-bodies~=koordinierungsstab-mut][data-bodies~=sg-uebergangsmanagement]");
        Assert.Contains("Alle 7 Mitglieder der Steuerungsgruppe Übergangsmanagement sitzen auch im Koordinierungsstab", item.TextContent);
        Assert.Equal(4, item.QuerySelectorAll("ul.parts li").Length);

        var finding = "li[data-bodies~=koordinierungsstab-mut][data-bodies~=sg-uebergangsmanagement] button.finding";
        cut.Find(finding).Click();
        Assert.Equal("true", cut.Find(finding).GetAttribute("aria-pressed"));
        Assert.NotNull(_highlighted);
        Assert.Contains("koordinierungsstab-mut", _highlighted!);
        Assert.Contains("sg-uebergangsmanagement", _highlighted!);
        Assert.Contains("jobcenter-peine", _highlighted!);
        Assert.Contains("hervorgehoben", cut.Find("[data-testid=analysis-status]").TextContent);

        cut.Find(finding).Click();
        Assert.Equal("false", cut.Find(finding).GetAttribute("aria-pressed"));
        Assert.Empty(_highlighted!);
    }

    [Fact]
    public void EscapeAndTheClearButtonTakeTheHighlightAway()
    {
        var cut = Open("dithmarschen");
        cut.Find("#tab-gaps").Click();
        var compositionGaps = cut.FindAll("details[data-kind=composition] li").Count;
        Assert.Equal($"Lücken in der Zusammensetzung ({compositionGaps})", cut.Find("details[data-kind=composition] h3").TextContent);
        var gap = "details[data-kind=composition] li[data-ids~=sg-integration-dithmarschen] button.finding";
        Assert.Contains("keine Migrantenorganisation", cut.Find("details[data-kind=composition] li[data-ids~=sg-integration-dithmarschen]").TextContent);

        cut.Find(gap).Click();
        Assert.Contains("sg-integration-dithmarschen", _highlighted!);
        cut.Find("section.analysis-panel").KeyDown("Escape");
        Assert.Equal("false", cut.Find(gap).GetAttribute("aria-pressed"));
        Assert.Empty(_highlighted!);

        cut.Find(gap).Click();
        cut.Find(".clear-highlight").Click();
        Assert.Empty(_highlighted!);
    }

    [Fact]
    public void TheMetricsTableSortsAndARowSelectsItsNode()
    {
        var cut = Open("peine");
        cut.Find("#tab-metrics").Click();
        Assert.Contains("Gruppen, die untereinander enger verbunden sind", cut.Find(".summary").TextContent);
        // Plain German on screen: the technical measures only in tooltips.
        foreach (var jargon in new[] { "Betweenness", "Louvain", "Modularität", "PageRank" })
            Assert.DoesNotContain(jargon, cut.Find("[role=tabpanel]").TextContent);
        Assert.Contains("Louvain", cut.Find("dl.facts dt[title]").GetAttribute("title"));
        Assert.Equal("Vermittler und Gruppen", cut.Find("#tab-metrics").TextContent);
        Assert.Equal(AnalysisPanel.Top, cut.FindAll("table.metrics tbody tr").Count);
        Assert.Equal("descending", cut.Find("th[data-column=betweenness]").GetAttribute("aria-sort"));
        Assert.Equal("referat-mut", cut.Find("table.metrics tbody tr").GetAttribute("data-id"));

        cut.Find("th[data-column=degree] button").Click();
        var degrees = cut.FindAll("table.metrics tbody tr td:nth-of-type(1)").Select(td => int.Parse(td.TextContent)).ToList();
        Assert.Equal(degrees.OrderDescending(), degrees);

        cut.Find("table.metrics tr[data-id=referat-mut] button.select-node").Click();
        Assert.Equal("referat-mut", _selected);

        cut.Find(".show-more").Click();
        Assert.True(cut.FindAll("table.metrics tbody tr").Count > AnalysisPanel.Top);
    }

    [Fact]
    public void TheAsOfDayChangesTheFindings()
    {
        var cut = Open("peine", new DateOnly(2016, 1, 1));
        Assert.Equal("2016-01-01", cut.Find("[role=tabpanel]").GetAttribute("data-as-of"));
        Assert.Contains("01.01.2016", cut.Find(".analysis-head p").TextContent);
        Assert.Empty(cut.FindAll("li[data-bodies~=koordinierungsstab-mut][data-bodies~=sg-uebergangsmanagement]"));
        Assert.NotEmpty(cut.FindAll("li[data-bodies~=koordinierungsstab-mut][data-bodies~=sg-integration-peine]"));
    }

    [Fact]
    public void ArrowKeysMoveBetweenTheTabs()
    {
        var cut = Open("peine");
        cut.Find("#tab-overlaps").KeyDown("ArrowRight");
        Assert.Equal("true", cut.Find("#tab-gaps").GetAttribute("aria-selected"));
        Assert.Equal("-1", cut.Find("#tab-overlaps").GetAttribute("tabindex"));
        Assert.Equal("tab-gaps", cut.Find("[role=tabpanel]").GetAttribute("aria-labelledby"));
    }
}
