using GraphApi.Analysis;
using GraphApi.Domain;

namespace GraphApi.Tests.Analysis;

/// <summary>Issue 13: overlaps that mean duplication: size-aware, hierarchy-aware, territory-aware, reasons in the sentence.</summary>
public sealed class OverlapScoringTests
{
    private static readonly DateOnly Day = new(2024, 6, 30);

    private static Body Body(string id, string name, string kind, string[] topics, string[]? territories = null, string? mandate = null,
        string? reportsTo = null, string? lead = null) => new()
    {
        Id = id, Name = name, Kind = kind, Topics = topics, Territories = territories ?? ["lk"], Mandate = mandate, ReportsTo = reportsTo, Lead = lead,
    };

    private static OverlapFindings Analyse(FindingsNetwork n, double threshold = 0) =>
        Overlaps.Analyse(new AnalysisView(n.Snapshot(), Day), OverlapWeights.Default, threshold, Phrases.German);

    private static Overlap PairOf(IEnumerable<Overlap> list, string a, string b) =>
        list.Single(o => (o.BodyA.Id, o.BodyB.Id) == (a, b) || (o.BodyA.Id, o.BodyB.Id) == (b, a));

    [Fact]
    public void ContainmentOfTwoOfTwoWeighsLessThanFourOfFiveWithTheSameTopicsTerritoryAndMandate()
    {
        // Unweighted members (all weights 1): 2 of 2 inside 20, against 4 shared by two bodies of 5.
        var twoOfTwo = Overlaps.MemberPart(2, 2, 2, 20, 2, 20);
        var fourOfFive = Overlaps.MemberPart(4, 4, 5, 5, 5, 5);
        Assert.True(twoOfTwo < fourOfFive, $"2 of 2: {twoOfTwo}, 4 of 5: {fourOfFive}");
        Assert.InRange(twoOfTwo, 0.35, 0.45); // 1/3 · 1 + 2/3 · 0.1
        // Larger bodies keep more of their containment: 7 of 7 inside 9 is strong evidence.
        Assert.True(Overlaps.MemberPart(7, 7, 7, 9, 7, 9) > 0.85);
        // The same shrinkage for topics: one topic among nine is not the only topic of both.
        Assert.True(Overlaps.Shrunk(1, 1, 9, Overlaps.TopicPrior) < 0.6);
        Assert.Equal(1, Overlaps.Shrunk(1, 1, 1, Overlaps.TopicPrior));
    }

    /// <summary>
    /// The case: a Projektgruppe of two, both members also in a Steuerungsgruppe of twenty, sharing one of its topics;
    /// beside it two Arbeitskreise of five that share four members, their only topic, territory and mandate terms.
    /// </summary>
    [Fact]
    public void ASmallGroupInsideABigSteeringGroupRanksBelowTwoMidSizedBodiesThatShareMostOfTheirMembers()
    {
        var n = new FindingsNetwork().Territory("lk", "Landkreis Peine", TerritoryKinds.District);
        foreach (var t in new[] { "arbeit", "bildung", "sprache", "wohnen", "gesundheit", "ehrenamt", "teilhabe", "kjf", "ordnung" }) n.Topic(t, t);
        var sg = Enumerable.Range(0, 20).Select(i => $"s{i}").ToArray();
        foreach (var a in sg) n.Actor(a, $"Akteur {a}");
        foreach (var a in new[] { "w1", "w2", "w3", "w4", "w5", "w6" }) n.Actor(a, $"Träger {a}");
        n.Body(Body("sg", "Steuerungsgruppe Integration", BodyKinds.SteeringGroup, ["arbeit", "bildung", "sprache", "wohnen", "gesundheit", "ehrenamt", "teilhabe", "kjf", "ordnung"],
                mandate: "Strategische Entscheidungen zu allen Handlungsfeldern der Integration."), sg)
            .Body(Body("pg", "Projektgruppe Ehrenamt", BodyKinds.WorkingGroup, ["ehrenamt"], mandate: "Ehrenamtskarte vorbereiten."), "s0", "s1")
            .Body(Body("ak1", "Arbeitskreis Wohnen", BodyKinds.WorkingGroup, ["wohnen"], mandate: "Unterbringung und Wohnraum für Geflüchtete abstimmen."),
                "w1", "w2", "w3", "w4", "w5")
            .Body(Body("ak2", "Netzwerk Wohnraum", BodyKinds.Network, ["wohnen"], mandate: "Wohnraum und Unterbringung Geflüchteter koordinieren."),
                "w1", "w2", "w3", "w4", "w6");

        var found = Analyse(n).Duplicates;
        var small = PairOf(found, "pg", "sg");
        var twins = PairOf(found, "ak1", "ak2");
        Assert.Equal("pg", small.SubsetBody?.Id);
        Assert.True(twins.Score > small.Score, $"twins {twins.Score}, small group {small.Score}");
        Assert.True(small.Score < Overlaps.DefaultThreshold, $"small group {small.Score}");
        Assert.True(twins.Score >= Overlaps.DefaultThreshold, $"twins {twins.Score}");
    }

    [Fact]
    public void ABodyReportingToTheOtherDirectlyOrThroughOthersIsASubBodyWithItsOwnSentence()
    {
        var n = new FindingsNetwork().Territory("lk", "Landkreis", TerritoryKinds.District).Topic("arbeit", "Arbeit")
            .Actor("a", "Verein A").Actor("b", "Verein B").Actor("c", "Verein C").Actor("d", "Verein D").Actor("e", "Verein E")
            .Body(Body("sg", "Steuerungsgruppe Integration", BodyKinds.SteeringGroup, ["arbeit"]), "a", "b", "c", "d", "e")
            .Body(Body("stab", "Koordinierungsstab", BodyKinds.CoordinationStaff, ["arbeit"], reportsTo: "sg"), "a", "b", "c", "d")
            .Body(Body("ag", "Arbeitsgruppe Arbeit", BodyKinds.WorkingGroup, ["arbeit"], reportsTo: "stab"), "a", "b", "c");

        var found = Analyse(n, Overlaps.DefaultThreshold);
        Assert.Empty(found.Duplicates);
        var direct = PairOf(found.SubBodies, "ag", "stab");
        Assert.Equal(["ag", "stab"], direct.ReportingLine!.Select(r => r.Id));
        Assert.Equal("Die Arbeitsgruppe Arbeit berichtet an den Koordinierungsstab und ist damit ein Untergremium, keine Doppelstruktur; " +
                     "alle 3 Mitglieder der Arbeitsgruppe Arbeit sitzen auch im Koordinierungsstab; beide arbeiten zu Arbeit im Landkreis.", direct.Sentence);
        var through = PairOf(found.SubBodies, "ag", "sg");
        Assert.Equal(["ag", "stab", "sg"], through.ReportingLine!.Select(r => r.Id));
        Assert.StartsWith("Die Arbeitsgruppe Arbeit berichtet über den Koordinierungsstab an die Steuerungsgruppe Integration und ist damit ein Untergremium",
            through.Sentence);
    }

    [Fact]
    public void ASharedLeadIsNotAReportingLine()
    {
        var n = new FindingsNetwork().Territory("lk", "Landkreis", TerritoryKinds.District).Topic("arbeit", "Arbeit")
            .Actor("ref", "Referat Migration und Teilhabe", ActorKinds.Administration).Actor("a", "Verein A").Actor("b", "Verein B").Actor("c", "Verein C")
            .Body(Body("x", "Arbeitskreis Arbeit", BodyKinds.WorkingGroup, ["arbeit"], lead: "ref"), "ref", "a", "b", "c")
            .Body(Body("y", "Netzwerk Arbeit", BodyKinds.Network, ["arbeit"], lead: "ref"), "ref", "a", "b", "c");

        var found = Analyse(n, Overlaps.DefaultThreshold);
        Assert.Empty(found.SubBodies);
        var pair = Assert.Single(found.Duplicates);
        Assert.Equal(OverlapRelations.Duplicate, pair.Relation);
        Assert.Null(pair.ReportingLine);
        Assert.Equal("ref", pair.SharedLead?.Id);
        Assert.EndsWith("; beide haben dieselbe Leitung (Referat Migration und Teilhabe).", pair.Sentence);
    }

    [Fact]
    public void ATerritoryInsideTheOthersCountsAndIsSaidInItsOwnWords()
    {
        var n = new FindingsNetwork().Topic("sprache", "Sprachförderung")
            .Territory("lk", "Landkreis Peine", TerritoryKinds.District).Territory("stadt", "Stadt Peine", TerritoryKinds.City, "lk")
            .Territory("ilsede", "Gemeinde Ilsede", TerritoryKinds.Municipality, "lk")
            .Actor("a", "Verein A").Actor("b", "Verein B").Actor("c", "Verein C").Actor("d", "Verein D")
            .Body(Body("stadt-rt", "Runder Tisch Sprache", BodyKinds.Network, ["sprache"], ["stadt"]), "a", "b", "c", "d")
            .Body(Body("kreis-nw", "Netzwerk Sprachförderung", BodyKinds.Network, ["sprache"], ["lk"]), "a", "b", "c", "d")
            .Body(Body("ilsede-rt", "Arbeitskreis Sprache Ilsede", BodyKinds.WorkingGroup, ["sprache"], ["ilsede"]), "a", "b", "c", "d");

        var found = Analyse(n).Duplicates;
        var nested = PairOf(found, "stadt-rt", "kreis-nw");
        Assert.Equal(Overlaps.NestedTerritoryFactor, nested.Parts.Territories);
        var c = Assert.Single(nested.NestedTerritories);
        Assert.Equal(("stadt", "lk"), (c.Inner.Id, c.Outer.Id));
        Assert.Contains("ihre Gebiete überschneiden sich: die Stadt Peine (Runder Tisch Sprache) liegt im Landkreis Peine (Netzwerk Sprachförderung)",
            nested.Sentence);
        // Two places side by side in the district do not overlap.
        var siblings = PairOf(found, "stadt-rt", "ilsede-rt");
        Assert.Equal(0, siblings.Parts.Territories);
        Assert.Empty(siblings.NestedTerritories);
        Assert.True(nested.Score > siblings.Score);
    }
}
