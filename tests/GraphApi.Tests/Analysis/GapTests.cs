using GraphApi.Analysis;
using GraphApi.Api;
using GraphApi.Domain;

namespace GraphApi.Tests.Analysis;

/// <summary>One test per gap kind, on a network that has each gap once beside its healthy counterpart.</summary>
public sealed class GapTests
{
    private const string Url = "/api/networks/kreis/analysis/gaps?asOf=2024-06-30";

    /// <summary>
    /// The Steuerungsgruppe (with Kreisverwaltung, Jobcenter, Caritas and Stadt, but no migrant organisation) reports to
    /// the Sozialausschuss. The Arbeitskreis Sprache is dormant; the Netzwerk Arbeit has not met since 2022, has no lead and
    /// reports nowhere. The Migrantenverein links the Netzwerk to two associations that hang on it alone. Gemeinde B sits only
    /// in the dormant Arbeitskreis, Gemeinde A has no actor, the Verein X nothing at all; Gesundheit has neither body nor actor.
    /// </summary>
    internal static FindingsNetwork Network() => new FindingsNetwork()
        .Topic("arbeit", "Arbeit").Topic("sprache", "Sprachförderung").Topic("gesundheit", "Gesundheit")
        .Territory("lk", "Landkreis Testkreis", TerritoryKinds.District)
        .Territory("stadt-t", "Stadt Teststadt", TerritoryKinds.City, "lk")
        .Territory("dorf-a", "Gemeinde A", TerritoryKinds.Municipality, "lk")
        .Territory("dorf-b", "Gemeinde B", TerritoryKinds.Municipality, "lk")
        .Actor("kv", "Kreisverwaltung", ActorKinds.Administration, ["lk"])
        .Actor("jc", "Jobcenter", ActorKinds.Jobcenter, ["lk"], ["arbeit"])
        .Actor("caritas", "Caritasverband", ActorKinds.WelfareAssociation, ["lk"])
        .Actor("stadt", "Stadt Teststadt", ActorKinds.Municipality, ["stadt-t"])
        .Actor("gemeinde-b", "Gemeinde B", ActorKinds.Municipality, ["dorf-b"])
        .Actor("vhs", "Volkshochschule", ActorKinds.EducationProvider, ["lk"], ["sprache"])
        .Actor("migra", "Migrantenverein", ActorKinds.MigrantOrganisation, ["stadt-t"])
        .Actor("verein-y", "Kulturverein Y", ActorKinds.MigrantOrganisation).Actor("verein-z", "Elterninitiative Z", ActorKinds.Volunteering)
        .Actor("verein-x", "Verein X")
        .Body(new Body { Id = "sg", Name = "Steuerungsgruppe Integration", Kind = BodyKinds.SteeringGroup, Topics = ["arbeit"], Lead = "kv", ReportsTo = "ausschuss" },
            "kv", "jc", "caritas", "stadt")
        .Body(new Body { Id = "ausschuss", Name = "Sozialausschuss", Kind = BodyKinds.PoliticalCommittee, Lead = "kv" }, "kv")
        .Body(new Body { Id = "ak", Name = "Arbeitskreis Sprache", Kind = BodyKinds.WorkingGroup, Topics = ["sprache"], Status = BodyStatuses.Dormant,
            Lead = "vhs", ReportsTo = "sg", LastMeeting = "2023-02-01" }, "vhs", "gemeinde-b")
        .Body(new Body { Id = "nw", Name = "Netzwerk Arbeit", Kind = BodyKinds.Network, Topics = ["arbeit"], LastMeeting = "2022-01-10" },
            "jc", "migra", "caritas")
        .Collaboration("migra", "verein-y").Collaboration("verein-y", "verein-z");

    private static async Task<IReadOnlyList<Gap>> GapsOf(string kind, FindingsNetwork? network = null, string url = Url)
    {
        using var app = await FindingsHttp.StartWith(network ?? Network());
        var result = await app.Read<AnalysisApi.GapResponse>($"{url}&kind={kind}");
        Assert.All(result.Gaps, g => Assert.Equal(kind, g.Kind));
        Assert.All(result.Gaps, g => Assert.False(string.IsNullOrWhiteSpace(g.Sentence)));
        return result.Gaps;
    }

    private static IEnumerable<string> Subjects(IEnumerable<Gap> gaps) => gaps.Select(g => g.Entities[0].Id);

    [Fact]
    public async Task ATopicOnlyDormantBodiesWorkOnHasNoActiveBody()
    {
        var gaps = await GapsOf(GapKinds.TopicWithoutActiveBody);
        Assert.Equal(["gesundheit", "sprache"], Subjects(gaps).Order());
        Assert.Equal("Zum Handlungsfeld „Sprachförderung“ arbeitet kein aktives Gremium (nur ruhende: Arbeitskreis Sprache).",
            gaps.Single(g => g.Entities[0].Id == "sprache").Sentence);
    }

    [Fact]
    public async Task ATopicNoActorListsOrOffersHasNoActor()
    {
        var gaps = await GapsOf(GapKinds.TopicWithoutActor);
        Assert.Equal(["gesundheit"], Subjects(gaps));
        Assert.Equal("Zum Handlungsfeld „Gesundheit“ ist kein Akteur eingetragen.", gaps[0].Sentence);
    }

    [Fact]
    public async Task AMunicipalityWithoutAnyActorIsAGap()
    {
        var gaps = await GapsOf(GapKinds.TerritoryWithoutActor);
        Assert.Equal(["dorf-a"], Subjects(gaps));
        Assert.Equal("In der Gemeinde A ist kein Akteur eingetragen.", gaps[0].Sentence);
    }

    [Fact]
    public async Task AMunicipalityWhoseActorsSitInNoActiveBodyIsNotRepresented()
    {
        var gaps = await GapsOf(GapKinds.TerritoryNotRepresented);
        // Gemeinde B sits only in the dormant Arbeitskreis; the Stadt sits in the Steuerungsgruppe; the district is not checked.
        Assert.Equal(["dorf-b"], Subjects(gaps));
        Assert.Equal(["dorf-b", "gemeinde-b"], gaps[0].Entities.Select(e => e.Id));
        Assert.Equal("Kein Akteur in der Gemeinde B sitzt in einem aktiven Gremium (eingetragen: Gemeinde B).", gaps[0].Sentence);
    }

    [Fact]
    public async Task ASteeringGroupWithoutAMigrantOrganisationBreaksTheDefaultCompositionRule()
    {
        var gaps = await GapsOf(GapKinds.Composition);
        Assert.Equal(["sg"], Subjects(gaps));
        Assert.Equal([ActorKinds.MigrantOrganisation], gaps[0].Missing);
        Assert.Equal("In der Steuerungsgruppe Integration sitzt keine Migrantenorganisation, obwohl die Zusammensetzungsregel für " +
                     "Steuerungsgruppen das verlangt.", gaps[0].Sentence);
    }

    [Fact]
    public async Task TheNetworksOwnCompositionRulesReplaceTheDefault()
    {
        // The network asks less of steering groups, but more of networks.
        var network = Network().Rule(BodyKinds.SteeringGroup, ActorKinds.Administration, ActorKinds.Jobcenter)
            .Rule(BodyKinds.Network, ActorKinds.Jobcenter, ActorKinds.Municipality, ActorKinds.Chamber);
        using var app = await FindingsHttp.StartWith(network);
        var result = await app.Read<AnalysisApi.GapResponse>(Url + "&kind=composition");

        var gap = Assert.Single(result.Gaps);
        Assert.Equal("nw", gap.Entities[0].Id);
        Assert.Equal([ActorKinds.Municipality, ActorKinds.Chamber], gap.Missing);
        Assert.Equal("Im Netzwerk Arbeit fehlen Akteursarten, die die Zusammensetzungsregel für Netzwerke verlangt: Kommune und Kammer.",
            gap.Sentence);
        Assert.Equal([BodyKinds.SteeringGroup, BodyKinds.Network], result.CompositionRules.Select(r => r.BodyKind));
    }

    [Fact]
    public async Task AnActorWithoutMembershipOrCollaborationIsIsolated()
    {
        var gaps = await GapsOf(GapKinds.IsolatedActor);
        Assert.Equal(["verein-x"], Subjects(gaps));
        Assert.Equal("„Verein X“ ist mit nichts verbunden: keine Mitgliedschaft in einem Gremium, keine Zusammenarbeit.", gaps[0].Sentence);
    }

    [Fact]
    public async Task ABodyIsDormantByStatusOrWhenItHasNotMetForTwoOfItsIntervals()
    {
        var gaps = await GapsOf(GapKinds.DormantBody);
        Assert.Equal(["ak", "nw"], Subjects(gaps).Order());
        Assert.Equal("Das Netzwerk Arbeit hat seit dem 10.01.2022 nicht getagt, länger als zwei Sitzungsabstände vor dem Stichtag 30.06.2024 " +
                     "(ohne erfassten Sitzungsrhythmus gilt einmal im Jahr, zwei Sitzungsabstände sind 24 Monate).",
            gaps.Single(g => g.Entities[0].Id == "nw").Sentence);
        Assert.Equal("Der Arbeitskreis Sprache ruht (Status „ruhend“); zuletzt getagt am 01.02.2023.",
            gaps.Single(g => g.Entities[0].Id == "ak").Sentence);

        // Within two intervals (no rhythm recorded: once a year, so 24 months) the Netzwerk was not dormant yet.
        var earlier = await GapsOf(GapKinds.DormantBody, url: "/api/networks/kreis/analysis/gaps?asOf=2022-12-31");
        Assert.Equal(["ak"], Subjects(earlier));
    }

    [Fact]
    public async Task ABodyWithNeitherLeadNorChairHasNoLead()
    {
        var gaps = await GapsOf(GapKinds.BodyWithoutLead);
        Assert.Equal(["nw"], Subjects(gaps));
        Assert.Equal("Das Netzwerk Arbeit hat weder eine leitende Stelle noch einen Vorsitz.", gaps[0].Sentence);

        // A member in the chair counts as a lead.
        var chaired = Network().Member("nw", "kv", role: MembershipRoles.Chair);
        Assert.Empty(await GapsOf(GapKinds.BodyWithoutLead, chaired));
    }

    [Fact]
    public async Task ABodyWhoseReportingLineReachesNoSteeringBodyIsAGap()
    {
        var gaps = await GapsOf(GapKinds.NoSteeringBody);
        // The Arbeitskreis reports to the Steuerungsgruppe, which reports to the Sozialausschuss; the Netzwerk reports nowhere.
        Assert.Equal(["nw"], Subjects(gaps));
        Assert.Equal("Das Netzwerk Arbeit berichtet an keine Steuerungsgruppe und keinen politischen Ausschuss.", gaps[0].Sentence);

        // A line that ends at a body that no longer exists is broken too, and the sentence shows it.
        var withLine = new FindingsNetwork().Add(new Body { Id = "alt", Name = "Arbeitsgruppe Alt", Kind = BodyKinds.WorkingGroup,
                Status = BodyStatuses.Dissolved, Founded = "2015-01-01", Dissolved = "2020-12-31" })
            .Add(new Body { Id = "rest", Name = "Arbeitskreis Rest", Kind = BodyKinds.WorkingGroup, ReportsTo = "alt" })
            .Add(new Body { Id = "sg", Name = "Steuerungsgruppe", Kind = BodyKinds.SteeringGroup });
        var restGaps = await GapsOf(GapKinds.NoSteeringBody, withLine);
        var rest = Assert.Single(restGaps);
        Assert.Equal(["rest", "alt"], rest.Entities.Select(e => e.Id));
        Assert.Equal("Der Arbeitskreis Rest berichtet an keine Steuerungsgruppe und keinen politischen Ausschuss (Berichtslinie: Arbeitskreis Rest → alt).",
            rest.Sentence);
    }

    [Fact]
    public async Task AnActorWhoseLossSplitsTheNetworkIsAnArticulationPoint()
    {
        var gaps = await GapsOf(GapKinds.ArticulationPoint);
        // Without the Migrantenverein, Kulturverein Y and Elterninitiative Z are cut off from the other ten nodes.
        var gap = gaps.Single(g => g.Entities[0].Id == "migra");
        Assert.Equal([10, 2], gap.PartSizes);
        Assert.Equal("Ohne „Migrantenverein“ (Akteur) zerfiele das Netz in 2 Teile (10 und 2 Knoten); 2 Knoten verlören die Verbindung " +
                     "zum größten Teil.", gap.Sentence);
        // The Jobcenter sits in two bodies that are linked otherwise too: its loss splits nothing.
        Assert.DoesNotContain(gaps, g => g.Entities[0].Id == "jc");
        // Kulturverein Y cuts off Elterninitiative Z alone: one node, below the default minimum of two.
        Assert.DoesNotContain(gaps, g => g.Entities[0].Id == "verein-y");
        var all = await GapsOf(GapKinds.ArticulationPoint, url: Url + "&minCutOff=1");
        Assert.Equal([11, 1], all.Single(g => g.Entities[0].Id == "verein-y").PartSizes);
    }

    [Fact]
    public async Task ATieWhoseLossSplitsTheNetworkIsABridge()
    {
        var gaps = await GapsOf(GapKinds.Bridge);
        var gap = gaps.Single(g => g.Entities[0].Id == "verein-y");
        Assert.Equal(["verein-y", "migra"], gap.Entities.Select(e => e.Id));
        Assert.Equal([11, 2], gap.PartSizes);
        Assert.Equal([Collaboration.DerivedId("migra", "verein-y", CollaborationKinds.Informal)], gap.Records!.Select(r => r.EntityId));
        Assert.Equal("Die Verbindung zwischen „Kulturverein Y“ und „Migrantenverein“ (Zusammenarbeit) ist eine Brücke: reißt sie ab, " +
                     "sind 2 Knoten vom übrigen Netz (11 Knoten) getrennt.", gap.Sentence);
        // The Jobcenter's two memberships are not bridges: the Caritas sits in both bodies too.
        Assert.DoesNotContain(gaps, g => g.Entities.Any(e => e.Id == "jc"));
    }

    [Fact]
    public async Task TheResponseCountsEveryKindAndAHealthyNetworkHasFewGaps()
    {
        using var app = await FindingsHttp.StartWith(Network());
        var result = await app.Read<AnalysisApi.GapResponse>(Url);

        Assert.Equal(GapKinds.All, result.Counts.Keys);
        Assert.All(GapKinds.All, kind => Assert.True(result.Counts[kind] >= 1, $"no gap of kind {kind}"));
        Assert.Equal(result.Gaps.Count, result.Counts.Values.Sum());
        Assert.Equal("2024-06-30", result.AsOf);
    }
}
