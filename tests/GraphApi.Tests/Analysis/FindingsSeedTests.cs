using GraphApi.Analysis;
using GraphApi.Api;
using GraphApi.Domain;

namespace GraphApi.Tests.Analysis;

/// <summary>The seed networks (seed/peine.json, seed/dithmarschen.json) give the findings their council papers describe.</summary>
public sealed class FindingsSeedTests
{
    [Fact]
    public async Task PeinesKoordinierungsstabAndItsTwoSteeringGroupsOverlap()
    {
        using var app = new TestApp(seed: true, language: null);
        var result = await app.Read<AnalysisApi.OverlapResponse>("/api/networks/peine/analysis/overlaps?asOf=2024-03-31");

        // The Steuerungsgruppe Übergangsmanagement sits wholly inside the Koordinierungsstab: the strongest Doppelstruktur.
        var top = result.Overlaps[0];
        Assert.Equal(("sg-uebergangsmanagement", "koordinierungsstab-mut"), (top.BodyA.Id, top.BodyB.Id));
        Assert.Equal("sg-uebergangsmanagement", top.SubsetBody?.Id);
        Assert.StartsWith("Alle 7 Mitglieder der Steuerungsgruppe Übergangsmanagement sitzen auch im Koordinierungsstab Migration und Teilhabe (MuT)",
            top.Sentence);
        // The three bodies the Integrationskonzept names overlap pairwise.
        string[] three = ["koordinierungsstab-mut", "sg-uebergangsmanagement", "sg-integration-peine"];
        var pairs = result.Overlaps.Where(o => three.Contains(o.BodyA.Id) && three.Contains(o.BodyB.Id)).ToList();
        Assert.Equal(3, pairs.Count);
        // The Caritas is in the map twice.
        Assert.Contains(result.ProbableDuplicates, d => (d.ActorA.Id, d.ActorB.Id) == ("caritas-peine", "caritas-peine-kontakt"));

        var costs = await app.Read<AnalysisApi.CostResponse>("/api/networks/peine/analysis/costs?asOf=2024-03-31");
        var merger = costs.Mergers.Single(m => m.Dropped.Id == "sg-uebergangsmanagement" && m.Into.Id == "koordinierungsstab-mut");
        Assert.True(merger.HoursSavedPerYear > 0);
        Assert.True(costs.TotalHoursPerYear > 0);
    }

    [Fact]
    public async Task PeinesDormantSteeringGroupAndUncoveredMunicipalityAreGaps()
    {
        using var app = new TestApp(seed: true, language: null);
        var gaps = (await app.Read<AnalysisApi.GapResponse>("/api/networks/peine/analysis/gaps?asOf=2024-03-31")).Gaps;

        Assert.Contains(gaps, g => g.Kind == GapKinds.DormantBody && g.Entities[0].Id == "sg-integration-peine");
        Assert.Contains(gaps, g => g.Kind == GapKinds.TerritoryWithoutActor && g.Entities[0].Id == "gebiet-hohenhameln");
        Assert.Contains(gaps, g => g.Kind == GapKinds.ArticulationPoint && g.Entities[0].Id == "referat-mut");
    }

    [Fact]
    public async Task DithmarschensSteuerungsgruppeLacksAMigrantOrganisation()
    {
        using var app = new TestApp(seed: true, language: null);
        var gaps = (await app.Read<AnalysisApi.GapResponse>("/api/networks/dithmarschen/analysis/gaps?asOf=2022-12-31&kind=composition")).Gaps;

        var gap = Assert.Single(gaps, g => g.Entities[0].Id == "sg-integration-dithmarschen");
        Assert.Equal([ActorKinds.MigrantOrganisation], gap.Missing);
        Assert.Equal("In der Steuerungsgruppe Integration sitzt keine Migrantenorganisation, obwohl die Zusammensetzungsregel für " +
                     "Steuerungsgruppen das verlangt.", gap.Sentence);

        var metrics = await app.Read<AnalysisApi.MetricsResponse>("/api/networks/dithmarschen/analysis/metrics?asOf=2022-12-31");
        Assert.NotEmpty(metrics.Brokers);
        Assert.True(metrics.Communities.Count > 1);
    }

    /// <summary>
    /// Issue 13: the seed networks carry the Datenstand of their papers, so without an as-of day their findings do not
    /// depend on the day the map is opened: only the bodies that really stopped meeting are dormant.
    /// </summary>
    [Fact]
    public async Task SeedNetworksAreJudgedOnTheirDatenstandNotOnTheClock()
    {
        using var app = new TestApp(seed: true, language: null);

        var peine = await app.Read<AnalysisApi.GapResponse>("/api/networks/peine/analysis/gaps");
        Assert.Equal(("2024-03-31", AnalysisDay.FromDataAsOf), (peine.AsOf, peine.DayFrom));
        // The Steuerungsgruppe by its status; the Integrationskonferenz (once a year) has not met since November 2019.
        Assert.Equal(["integrationskonferenz-peine", "sg-integration-peine"],
            peine.Gaps.Where(g => g.Kind == GapKinds.DormantBody).Select(g => g.Entities[0].Id).Order());
        Assert.Empty(peine.Notes!);

        var dithmarschen = await app.Read<AnalysisApi.GapResponse>("/api/networks/dithmarschen/analysis/gaps");
        Assert.Equal(("2022-12-31", AnalysisDay.FromDataAsOf), (dithmarschen.AsOf, dithmarschen.DayFrom));
        Assert.Equal(["runder-tisch-bildung"], dithmarschen.Gaps.Where(g => g.Kind == GapKinds.DormantBody).Select(g => g.Entities[0].Id));

        // Peine's planted Doppelstruktur stays first on the default day; the Fachausschuss and the Kreistag are a sub-body.
        var overlaps = await app.Read<AnalysisApi.OverlapResponse>("/api/networks/peine/analysis/overlaps");
        Assert.Equal(("sg-uebergangsmanagement", "koordinierungsstab-mut"), (overlaps.Overlaps[0].BodyA.Id, overlaps.Overlaps[0].BodyB.Id));
        Assert.DoesNotContain(overlaps.Overlaps, o => o.BodyA.Id.StartsWith("kreistag", StringComparison.Ordinal) || o.BodyB.Id.StartsWith("kreistag", StringComparison.Ordinal));
        var sub = Assert.Single(overlaps.SubBodies!);
        Assert.Equal(["ausschuss-gas-peine", "kreistag-peine"], sub.ReportingLine!.Select(r => r.Id));
        Assert.StartsWith("Der Ausschuss für Gesundheit, Arbeit und Soziales berichtet an den Kreistag des Landkreises Peine und ist damit ein Untergremium",
            sub.Sentence);
    }
}
