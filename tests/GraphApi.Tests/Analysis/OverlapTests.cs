using GraphApi.Analysis;
using GraphApi.Api;
using GraphApi.Domain;

namespace GraphApi.Tests.Analysis;

/// <summary>Doppelstrukturen: planted overlaps are found and ranked first, look-alikes by one big member are not.</summary>
public sealed class OverlapTests
{
    private const string Url = "/api/networks/kreis/analysis/overlaps?asOf=2024-06-30";

    /// <summary>
    /// Twelve bodies, all with the Kreisverwaltung as member and the same territory; most share a topic. Two pairs are
    /// planted: the Steuerungsgruppe Übergangsmanagement sits wholly inside the Koordinierungsstab MuT, and the
    /// Arbeitskreis Sprache and the Netzwerk Sprachförderung share three members and a similar mandate. The other eight
    /// bodies have their own members and share only the Kreisverwaltung (and topic and territory) with anyone.
    /// </summary>
    internal static FindingsNetwork Planted()
    {
        var n = new FindingsNetwork()
            .Topic("arbeit", "Arbeit").Topic("bildung", "Bildung").Topic("sprache", "Sprachförderung")
            .Territory("lk", "Landkreis Peine", TerritoryKinds.District)
            .Actor("kv", "Kreisverwaltung", ActorKinds.Administration)
            .Actor("jc", "Jobcenter Peine", ActorKinds.Jobcenter).Actor("afa", "Agentur für Arbeit Peine", ActorKinds.EmploymentAgency)
            .Actor("ihk", "IHK Braunschweig", ActorKinds.Chamber).Actor("hwk", "Handwerkskammer", ActorKinds.Chamber)
            .Actor("vhs", "Volkshochschule Peine", ActorKinds.EducationProvider).Actor("bbs", "BBS Peine", ActorKinds.EducationProvider)
            .Actor("caritas", "Caritasverband Peine", ActorKinds.WelfareAssociation).Actor("stadt", "Stadt Peine", ActorKinds.Municipality)
            .Actor("bnw", "Bildungswerk", ActorKinds.EducationProvider).Actor("jmd", "Jugendmigrationsdienst", ActorKinds.Counselling)
            .Actor("paten", "Sprachpaten", ActorKinds.Volunteering).Actor("daa", "DAA", ActorKinds.EducationProvider)
            .Actor("schule", "Schulamt", ActorKinds.Administration)
            .Body(Body("ks", "Koordinierungsstab MuT", BodyKinds.CoordinationStaff, ["arbeit", "bildung", "sprache"]),
                "kv", "jc", "afa", "ihk", "hwk", "vhs", "bbs", "caritas", "stadt")
            .Body(Body("ueb", "Steuerungsgruppe Übergangsmanagement", BodyKinds.SteeringGroup, ["arbeit", "bildung"]),
                "kv", "jc", "afa", "ihk", "hwk", "vhs", "bbs")
            .Body(Body("aks", "Arbeitskreis Sprache", BodyKinds.WorkingGroup, ["sprache"],
                    "Koordination der Sprachkurse und Integrationskurse im Landkreis, Abstimmung der Kursträger."),
                "kv", "bnw", "jmd", "paten", "schule")
            .Body(Body("nws", "Netzwerk Sprachförderung", BodyKinds.Network, ["sprache"],
                    "Abstimmung der Integrationskurse und Sprachkurse aller Kursträger im Landkreis."),
                "kv", "bnw", "jmd", "paten", "daa");
        for (var i = 1; i <= 8; i++)
        {
            string[] own = [$"x{i}a", $"x{i}b", $"x{i}c"];
            foreach (var a in own) n.Actor(a, $"Akteur {a}");
            n.Body(Body($"noise{i}", $"Arbeitsgruppe {i}", BodyKinds.WorkingGroup, i % 2 == 0 ? ["arbeit"] : ["arbeit", "sprache"]),
                ["kv", .. own]);
        }
        return n;
    }

    private static Body Body(string id, string name, string kind, string[] topics, string? mandate = null, string[]? territories = null) => new()
    {
        Id = id, Name = name, Kind = kind, Topics = topics, Territories = territories ?? ["lk"], Mandate = mandate,
        MeetingsPerYear = 4, MeetingHours = 2,
    };

    private static (string, string) Pair(Overlap o) => (o.BodyA.Id, o.BodyB.Id);

    [Fact]
    public async Task PlantedOverlapsAreFoundRankedFirstAndNothingElseIsFlagged()
    {
        using var app = await FindingsHttp.StartWith(Planted());
        var result = await app.Read<AnalysisApi.OverlapResponse>(Url);

        // Recall: both planted pairs. Precision: no pair that shares only the Kreisverwaltung.
        Assert.Equal([("aks", "nws"), ("ueb", "ks")], result.Overlaps.Select(Pair).Order());
        Assert.Equal(2, result.Total);
        Assert.All(result.Overlaps, o => Assert.InRange(o.Score, 0.5, 1));
    }

    [Fact]
    public async Task ASingleSharedLargeMemberDoesNotMakeBodiesAlikeEvenAtALowThreshold()
    {
        using var app = await FindingsHttp.StartWith(Planted());
        var result = await app.Read<AnalysisApi.OverlapResponse>(Url + "&threshold=0.4");

        Assert.DoesNotContain(result.Overlaps, o => o.BodyA.Id.StartsWith("noise", StringComparison.Ordinal) || o.BodyB.Id.StartsWith("noise", StringComparison.Ordinal));
        // Shown directly: two noise bodies alike in topic and territory, joined only by the Kreisverwaltung, score low on members.
        var all = await app.Read<AnalysisApi.OverlapResponse>(Url + "&threshold=0&limit=1000");
        var noise = all.Overlaps.Single(o => Pair(o) == ("noise2", "noise4"));
        Assert.Equal(["kv"], noise.SharedMembers.Select(m => m.Id));
        Assert.True(noise.Parts.Members < 0.1, $"members part {noise.Parts.Members}");
        Assert.True(noise.Score < 0.4, $"score {noise.Score}");
    }

    [Fact]
    public async Task WithDefaultWeightsNoPairIsListedWithoutEvidenceFromItsMembers()
    {
        // Alike in everything but their members, which meet only in the Kreisverwaltung.
        var network = new FindingsNetwork().Topic("arbeit", "Arbeit").Territory("lk", "Landkreis", TerritoryKinds.District)
            .Actor("kv", "Kreisverwaltung", ActorKinds.Administration).Actor("a1", "Verein A").Actor("a2", "Initiative A")
            .Actor("b1", "Verein B").Actor("b2", "Initiative B").Actor("c1", "Verein C").Actor("c2", "Initiative C")
            .Body(Body("a", "Arbeitsgruppe A", BodyKinds.WorkingGroup, ["arbeit"], "Austausch der Träger zur Arbeitsmarktintegration."), "kv", "a1", "a2")
            .Body(Body("b", "Arbeitsgruppe B", BodyKinds.WorkingGroup, ["arbeit"], "Austausch der Träger zur Arbeitsmarktintegration."), "kv", "b1", "b2")
            .Body(Body("c", "Arbeitsgruppe C", BodyKinds.WorkingGroup, ["arbeit"], "Austausch der Träger zur Arbeitsmarktintegration."), "kv", "c1", "c2");
        using var app = await FindingsHttp.StartWith(network);

        Assert.Empty((await app.Read<AnalysisApi.OverlapResponse>("/api/networks/kreis/analysis/overlaps")).Overlaps);
        var all = await app.Read<AnalysisApi.OverlapResponse>("/api/networks/kreis/analysis/overlaps?threshold=0");
        Assert.Equal(3, all.Total);
        Assert.All(all.Overlaps, o => Assert.InRange(o.Score, 0.45, 0.4999));
    }

    [Fact]
    public async Task AnOverlapSaysWhyInOneSentenceAndNamesWhatIsShared()
    {
        using var app = await FindingsHttp.StartWith(Planted());
        var top = (await app.Read<AnalysisApi.OverlapResponse>(Url)).Overlaps.Single(o => Pair(o) == ("ueb", "ks"));

        Assert.Equal("Alle 7 Mitglieder der Steuerungsgruppe Übergangsmanagement sitzen auch im Koordinierungsstab MuT; " +
                     "beide arbeiten zu Arbeit und Bildung im Landkreis Peine.", top.Sentence);
        Assert.Equal("ueb", top.SubsetBody?.Id);
        Assert.False(top.SameMembers);
        Assert.Equal((7, 9), (top.MembersA, top.MembersB));
        Assert.Equal(["afa", "bbs", "hwk", "ihk", "jc", "kv", "vhs"], top.SharedMembers.Select(m => m.Id).Order());
        Assert.Equal(["arbeit", "bildung"], top.SharedTopics.Select(t => t.Id));
        Assert.Equal([new NamedRef("lk", "Landkreis Peine", "territory")], top.SharedTerritories);
        // Seven of seven is strong evidence even after the shrinkage towards Jaccard (7 of 9); two of three topics likewise.
        Assert.InRange(top.Parts.Members, 0.85, 0.99);
        Assert.InRange(top.Parts.Topics, 0.75, 0.9);
        Assert.Equal((1, 0), (top.Parts.Territories, top.Parts.Mandate));
        Assert.InRange(top.Score, 0.75, 0.85);

        var second = (await app.Read<AnalysisApi.OverlapResponse>(Url)).Overlaps.Single(o => Pair(o) == ("aks", "nws"));
        Assert.Null(second.SubsetBody);
        Assert.StartsWith("Der Arbeitskreis Sprache und das Netzwerk Sprachförderung haben 4 Mitglieder gemeinsam: Bildungswerk, " +
                          "Jugendmigrationsdienst, Kreisverwaltung und Sprachpaten; beide arbeiten zu Sprachförderung im Landkreis Peine; " +
                          "ihre Aufträge ähneln sich (", second.Sentence);
        Assert.True(second.Parts.Mandate > 0.3, $"mandate part {second.Parts.Mandate}");
        Assert.Contains("Integrationskurse", second.SharedMandateTerms);
    }

    [Fact]
    public async Task WeightsAndThresholdChangeTheRanking()
    {
        using var app = await FindingsHttp.StartWith(Planted());

        // Topics alone: every pair with the same topic set is a perfect match, the member evidence no longer counts.
        var topicsOnly = await app.Read<AnalysisApi.OverlapResponse>(Url + "&wMembers=0&wTopics=1&wTerritories=0&wMandate=0&threshold=1&limit=1000");
        Assert.Equal(new OverlapWeights(0, 1, 0, 0), topicsOnly.Weights);
        Assert.Contains(topicsOnly.Overlaps, o => Pair(o) == ("noise2", "noise4"));
        Assert.All(topicsOnly.Overlaps, o => Assert.Equal(1, o.Score));

        // Weights are normalised: doubling all of them changes nothing.
        var halved = await app.Read<AnalysisApi.OverlapResponse>(Url + "&wMembers=0.275&wTopics=0.1&wTerritories=0.05&wMandate=0.075");
        Assert.Equal(OverlapWeights.Default.Members, halved.Weights.Members, 1e-12);
        Assert.Equal(OverlapWeights.Default.Mandate, halved.Weights.Mandate, 1e-12);
        Assert.Equal([("aks", "nws"), ("ueb", "ks")], halved.Overlaps.Select(Pair).Order());

        // A threshold between the two pairs' scores keeps only the first.
        var between = Math.Round((halved.Overlaps[0].Score + halved.Overlaps[1].Score) / 2, 4);
        var strict = await app.Read<AnalysisApi.OverlapResponse>(Url + "&threshold=" + between.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal([Pair(halved.Overlaps[0])], strict.Overlaps.Select(Pair));
        Assert.Equal(between, strict.Threshold);
    }

    [Fact]
    public async Task APersonCountsAsTheActorTheyRepresent()
    {
        var network = new FindingsNetwork().Topic("arbeit", "Arbeit")
            .Actor("jc", "Jobcenter", ActorKinds.Jobcenter).Actor("afa", "Agentur für Arbeit", ActorKinds.EmploymentAgency)
            .Actor("ihk", "IHK").Actor("other", "Anderer Träger")
            .Add(new Person { Id = "anna", Name = "Anna Beispiel", Actor = "other" })
            .Body(Body("a", "Arbeitskreis Arbeit", BodyKinds.WorkingGroup, ["arbeit"], territories: []), "afa", "ihk")
            .Member("a", "anna", representing: "jc")
            .Body(Body("b", "Netzwerk Arbeit", BodyKinds.Network, ["arbeit"], territories: []), "jc", "afa", "ihk", "other");
        using var app = await FindingsHttp.StartWith(network);

        var top = (await app.Read<AnalysisApi.OverlapResponse>("/api/networks/kreis/analysis/overlaps")).Overlaps.Single();
        Assert.Equal(["afa", "ihk", "jc"], top.SharedMembers.Select(m => m.Id).Order());
        Assert.Equal("a", top.SubsetBody?.Id);
        Assert.Equal("Alle 3 Mitglieder des Arbeitskreises Arbeit sitzen auch im Netzwerk Arbeit; beide arbeiten zu Arbeit.", top.Sentence);
    }

    [Fact]
    public async Task BodiesInOneReportingLineAreNotDoppelstrukturen()
    {
        var network = new FindingsNetwork().Topic("soziales", "Soziales")
            .Actor("cdu", "CDU-Fraktion", ActorKinds.Politics).Actor("spd", "SPD-Fraktion", ActorKinds.Politics).Actor("gruene", "Grüne", ActorKinds.Politics)
            .Body(Body("kreistag", "Kreistag", BodyKinds.Other, ["soziales"], territories: []), "cdu", "spd", "gruene")
            .Body(Body("ausschuss", "Sozialausschuss", BodyKinds.PoliticalCommittee, ["soziales"], territories: []) with { ReportsTo = "kreistag" },
                "cdu", "spd", "gruene")
            .Body(Body("beirat", "Beirat Soziales", BodyKinds.WorkingGroup, ["soziales"], territories: []), "cdu", "spd", "gruene");
        using var app = await FindingsHttp.StartWith(network);

        var result = await app.Read<AnalysisApi.OverlapResponse>("/api/networks/kreis/analysis/overlaps");
        var pairs = result.Overlaps.Select(Pair).ToList();
        Assert.DoesNotContain(pairs, p => p is ("ausschuss", "kreistag") or ("kreistag", "ausschuss"));
        // The committee is listed apart, as a sub-body, with its own sentence.
        var sub = Assert.Single(result.SubBodies!);
        Assert.Equal(OverlapRelations.SubBody, sub.Relation);
        Assert.Equal(["ausschuss", "kreistag"], sub.ReportingLine!.Select(r => r.Id));
        Assert.StartsWith("Der Sozialausschuss berichtet an den Kreistag und ist damit ein Untergremium, keine Doppelstruktur; ", sub.Sentence);
        Assert.Contains(pairs, p => p is ("ausschuss", "beirat") or ("beirat", "ausschuss"));
        var same = (await app.Read<AnalysisApi.OverlapResponse>("/api/networks/kreis/analysis/overlaps")).Overlaps
            .Single(o => (o.BodyA.Id, o.BodyB.Id) is ("beirat", "kreistag") or ("kreistag", "beirat"));
        Assert.True(same.SameMembers);
        Assert.Equal(1, same.Parts.Members);
        Assert.Matches("^(Der Beirat Soziales und der Kreistag|Der Kreistag und der Beirat Soziales) haben dieselben 3 Mitglieder; ", same.Sentence);
    }

    [Fact]
    public async Task DuplicateMeasuresAreTheSameOfferByDifferentActorsInOnePlace()
    {
        var network = new FindingsNetwork().Topic("sprache", "Sprachförderung").Topic("arbeit", "Arbeit")
            .Territory("lk", "Landkreis", TerritoryKinds.District).Territory("heide", "Heide", TerritoryKinds.City)
            .Actor("vhs", "Volkshochschule").Actor("daa", "DAA").Actor("kv", "Kreisverwaltung")
            .Add(
                new Measure { Id = "kurs-vhs", Name = "Integrationskurs", OfferedBy = ["vhs"], Topics = ["sprache"], Territories = ["lk"] },
                new Measure { Id = "kurs-daa", Name = "Deutschkurs", OfferedBy = ["daa"], Topics = ["sprache"], Territories = ["lk"] },
                new Measure { Id = "kurs-vhs-2", Name = "Abendkurs", OfferedBy = ["vhs"], Topics = ["sprache"], Territories = ["lk"] },
                new Measure { Id = "kurs-heide", Name = "Kurs in Heide", OfferedBy = ["kv"], Topics = ["sprache"], Territories = ["heide"] },
                new Measure { Id = "konzept", Name = "Integrationskonzept", OfferedBy = ["kv"], Topics = ["sprache", "arbeit"], Territories = ["lk"],
                    Until = "2020-12-31" });
        using var app = await FindingsHttp.StartWith(network);

        var result = await app.Read<AnalysisApi.OverlapResponse>("/api/networks/kreis/analysis/overlaps?asOf=2024-01-01");
        // Same offerer (vhs twice), another territory (Heide) and the ended Integrationskonzept are not duplicates.
        Assert.Equal([("kurs-daa", "kurs-vhs"), ("kurs-daa", "kurs-vhs-2")],
            result.DuplicateMeasures.Select(d => (d.MeasureA.Id, d.MeasureB.Id)).OrderBy(p => p.Item2, StringComparer.Ordinal));
        Assert.Equal("Die Maßnahmen „Deutschkurs“ (DAA) und „Integrationskurs“ (Volkshochschule) decken beide Sprachförderung im Landkreis ab.",
            result.DuplicateMeasures.Single(d => d.MeasureB.Id == "kurs-vhs").Sentence);

        var before = await app.Read<AnalysisApi.OverlapResponse>("/api/networks/kreis/analysis/overlaps?asOf=2019-01-01");
        Assert.Contains(before.DuplicateMeasures, d => (d.MeasureA.Id, d.MeasureB.Id) == ("konzept", "kurs-vhs") || (d.MeasureA.Id, d.MeasureB.Id) == ("kurs-daa", "konzept"));
    }

    [Fact]
    public async Task ProbableDuplicateActorsHaveNearlyTheSameNameOrTheSameShortName()
    {
        var network = new FindingsNetwork()
            .Actor("caritas", "Caritasverband Peine e.V.", shortName: "Caritas").Actor("caritas-2", "Caritas Peine")
            .Actor("awo", "AWO Kreisverband Peine e.V.").Actor("awo-2", "AWO Peine gGmbH")
            .Actor("drk", "DRK Kreisverband Peine").Actor("drk-typo", "DRK Kreisverband Piene")
            .Actor("fsa-ilsede", "Flüchtlingssozialarbeit Ilsede").Actor("fsa-lengede", "Flüchtlingssozialarbeit Lengede")
            .Actor("cdu", "CDU-Kreistagsfraktion Peine").Actor("spd", "SPD-Kreistagsfraktion Peine")
            .Actor("vhs-heide", "Volkshochschule Heide").Actor("vhs-meldorf", "Volkshochschule Meldorf")
            .Actor("bamf-1", "Bundesamt für Migration und Flüchtlinge – Außenstelle Braunschweig", shortName: "BAMF")
            .Actor("bamf-2", "Bundesamt für Migration und Flüchtlinge – Regionalkoordination", shortName: "BAMF");
        using var app = await FindingsHttp.StartWith(network);

        var found = (await app.Read<AnalysisApi.OverlapResponse>("/api/networks/kreis/analysis/overlaps")).ProbableDuplicates;
        Assert.Equal(
            [("awo", "awo-2", "sameName"), ("bamf-1", "bamf-2", "sameShortName"), ("caritas", "caritas-2", "sameName"), ("drk", "drk-typo", "similarName")],
            found.Select(d => (d.ActorA.Id, d.ActorB.Id, d.Reason)).OrderBy(x => x.Item1, StringComparer.Ordinal));
        Assert.Equal("„Caritasverband Peine e.V.“ und „Caritas Peine“ heißen fast gleich; ist es dieselbe Organisation, zweimal erfasst?",
            found.Single(d => d.ActorA.Id == "caritas").Sentence);
    }

    [Fact]
    public async Task ManyBodiesJoinedOnlyByOneHubGiveNoOverlapAtAll()
    {
        // 300 bodies, each with the hub and two members of its own: the inverted index never pairs them by the hub.
        var network = new FindingsNetwork().Actor("hub", "Kreisverwaltung", ActorKinds.Administration);
        for (var i = 0; i < 300; i++)
        {
            network.Actor($"a{i}", $"Verein {i}").Actor($"b{i}", $"Initiative {i}")
                .Body(new Body { Id = $"g{i}", Name = $"Gremium {i}", Kind = BodyKinds.WorkingGroup }, "hub", $"a{i}", $"b{i}");
        }
        using var app = await FindingsHttp.StartWith(network);

        var result = await app.Read<AnalysisApi.OverlapResponse>("/api/networks/kreis/analysis/overlaps?threshold=0.2");
        Assert.Empty(result.Overlaps);
    }
}
