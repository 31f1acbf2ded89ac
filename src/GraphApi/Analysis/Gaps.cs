using GraphApi.Domain;
using Humanizer;

namespace GraphApi.Analysis;

/// <summary>
/// One gap: its <see cref="Kind"/>, the entities involved (the first is the one the gap is about) and a sentence.
/// <see cref="Missing"/> lists the missing actor kinds of a composition gap; <see cref="PartSizes"/> the sizes of the parts
/// a single point of failure would leave (largest first); <see cref="Records"/> the relationships behind a bridge.
/// </summary>
public sealed record Gap(string Kind, IReadOnlyList<NamedRef> Entities, string Sentence,
    IReadOnlyList<string>? Missing = null, IReadOnlyList<int>? PartSizes = null, IReadOnlyList<EdgeSource>? Records = null);

/// <summary>A data-quality note: not a gap in the network but in what is recorded about it.</summary>
public sealed record DataNote(string Kind, IReadOnlyList<NamedRef> Entities, string Sentence);

/// <summary>The kinds of <see cref="DataNote"/>.</summary>
public static class DataNoteKinds
{
    /// <summary>"Sitzungen nicht erfasst": a body with no recorded meeting.</summary>
    public const string MeetingsNotRecorded = "meetingsNotRecorded";

    /// <summary>The network has no Datenstand; the analysis fell back on the newest date in its data.</summary>
    public const string DataAsOfMissing = "dataAsOfMissing";
}

/// <summary>The gap kinds, in the order the report lists them.</summary>
public static class GapKinds
{
    public const string TopicWithoutActiveBody = "topicWithoutActiveBody", TopicWithoutActor = "topicWithoutActor",
        TerritoryWithoutActor = "territoryWithoutActor", TerritoryNotRepresented = "territoryNotRepresented",
        Composition = "composition", IsolatedActor = "isolatedActor", DormantBody = "dormantBody",
        BodyWithoutLead = "bodyWithoutLead", NoSteeringBody = "noSteeringBody",
        ArticulationPoint = "articulationPoint", Bridge = "bridge";

    public static readonly IReadOnlyList<string> All =
    [
        TopicWithoutActiveBody, TopicWithoutActor, TerritoryWithoutActor, TerritoryNotRepresented, Composition,
        IsolatedActor, DormantBody, BodyWithoutLead, NoSteeringBody, ArticulationPoint, Bridge,
    ];
}

/// <summary>
/// Lücken: what is missing in a network on a day. Definitions (see docs/findings.md):
/// <list type="bullet">
/// <item>An <b>active</b> body exists on the day and has status 'active'. A <b>dormant</b> body has status 'dormant' or its
/// last meeting is more than 12 months before the day; it is reported as such, but an old meeting date alone does not
/// make the topics and places of an active body gaps.</item>
/// <item>A topic has an <b>actor</b> when an actor lists it or offers a current measure on it.</item>
/// <item>Only territories of kind municipality or city are checked. One with no actor at all is
/// <c>territoryWithoutActor</c>; one whose actors sit in no active body is <c>territoryNotRepresented</c>.</item>
/// <item><b>Composition</b>: the network's composition rule for the body kind, else the default for steering groups
/// (<see cref="DefaultRules"/>); a member counts by its own actor kind (a person by the actor they stand for).</item>
/// <item>An <b>isolated</b> actor has no membership (itself or through a person standing for it), no collaboration and leads no body.</item>
/// <item>A body <b>without lead</b> has no lead and no member in the role 'chair'.</item>
/// <item><b>Steering bodies</b> are steering groups, political committees and every body one of them reports to (the
/// Kreistag). Any other body whose reports-to chain does not reach a steering body is <c>noSteeringBody</c>.</item>
/// <item><b>Single points of failure</b> come from <see cref="Resilience"/> on the analysis graph of the day (actors, bodies,
/// persons): articulation points (<c>articulationPoint</c>) and bridges (<c>bridge</c>) that cut off at least
/// <c>minimumCutOff</c> nodes (default 2, so that a member hanging on one body alone is not a finding).</item>
/// </list>
/// </summary>
public static class Gaps
{
    /// <summary>Used when the network has no composition rule for a body kind.</summary>
    public static readonly IReadOnlyList<CompositionRule> DefaultRules =
    [
        new(BodyKinds.SteeringGroup, [ActorKinds.Administration, ActorKinds.Jobcenter, ActorKinds.WelfareAssociation,
            ActorKinds.MigrantOrganisation, ActorKinds.Municipality]),
    ];

    public static IReadOnlyList<CompositionRule> RulesFor(Network network) =>
        [.. network.CompositionRules, .. DefaultRules.Where(d => network.CompositionRules.All(r => r.BodyKind != d.BodyKind))];

    /// <summary>Below this many nodes cut off, an articulation point or bridge is not reported by default.</summary>
    public const int DefaultMinimumCutOff = 2;

    public static List<Gap> Find(AnalysisView view, Phrases t, int minimumCutOff = DefaultMinimumCutOff)
    {
        var gaps = new List<Gap>();
        Topics(view, t, gaps);
        Territories(view, t, gaps);
        Composition(view, t, gaps);
        Isolated(view, t, gaps);
        Bodies(view, t, gaps);
        SinglePointsOfFailure(view, t, minimumCutOff, gaps);
        return gaps;
    }

    private static void SinglePointsOfFailure(AnalysisView view, Phrases t, int minimumCutOff, List<Gap> gaps)
    {
        var resilience = Resilience.Compute(view.Snapshot, minimumCutOff);
        foreach (var p in resilience.ArticulationPoints)
        {
            var name = t.Quote(view.FullName(p.Node.Id));
            var sizes = t.List(p.PartSizes.Select(x => t.Number(x, 0)), max: 8);
            gaps.Add(new Gap(GapKinds.ArticulationPoint, [view.Ref(p.Node.Id)], t.Text("analysis.withoutNetworkWouldFallInto", name, NodeTypeName(p.Node.Type, t), p.PartSizes.Count, sizes, t.Count(p.CutOff, "nodeLost"), "node".ToQuantity(p.CutOff)), PartSizes: p.PartSizes));
        }
        foreach (var b in resilience.Bridges)
        {
            var (small, large) = (t.Quote(view.FullName(b.SmallerSide.Id)), t.Quote(view.FullName(b.LargerSide.Id)));
            var kinds = t.List(b.Relationships.Select(r => RelationshipName(r.Relationship, t)).Distinct());
            gaps.Add(new Gap(GapKinds.Bridge, [view.Ref(b.SmallerSide.Id), view.Ref(b.LargerSide.Id)], t.Text("analysis.tieBetweenAndIsBridge", small, large, kinds, t.Count(b.SmallerSideSize, "node"), t.Number(b.LargerSideSize, 0), "node".ToQuantity(b.SmallerSideSize), "node".ToQuantity(b.LargerSideSize)),
                PartSizes: [b.LargerSideSize, b.SmallerSideSize], Records: b.Relationships));
        }
    }

    private static string NodeTypeName(NodeType type, Phrases t) => type switch
    {
        NodeType.Actor => t.Text("analysis.actor"),
        NodeType.Body => t.Text("analysis.body"),
        _ => t.Text("analysis.person"),
    };

    private static string RelationshipName(Relationship r, Phrases t) => r switch
    {
        Relationship.Membership => t.Text("analysis.membership"),
        Relationship.Collaboration => t.Text("analysis.collaboration"),
        Relationship.PartOf => t.Text("analysis.partOf"),
        Relationship.WorksFor => t.Text("analysis.worksFor"),
        Relationship.ReportsTo => t.Text("analysis.reportsTo"),
        _ => t.Text("analysis.leads"),
    };

    private static void Topics(AnalysisView view, Phrases t, List<Gap> gaps)
    {
        var s = view.Snapshot;
        var active = view.Bodies.Where(view.IsActive).SelectMany(b => b.Topics).ToHashSet(StringComparer.Ordinal);
        var withActor = s.All<Actor>().SelectMany(a => a.Topics)
            .Concat(s.All<Measure>().Where(m => m.OfferedBy.Count > 0).SelectMany(m => m.Topics)).ToHashSet(StringComparer.Ordinal);
        foreach (var topic in s.All<Topic>())
        {
            if (!active.Contains(topic.Id))
            {
                var dormant = view.Bodies.Where(b => !view.IsActive(b) && b.Topics.Contains(topic.Id)).Select(b => b.Name).ToList();
                var also = dormant.Count == 0 ? "" : t.Text("analysis.dormantOnly", t.List(dormant));
                gaps.Add(new Gap(GapKinds.TopicWithoutActiveBody, [view.Ref(topic.Id)],
                    t.Text("analysis.noActiveBodyWorksOn", t.Quote(topic.Name), also)));
            }
            if (!withActor.Contains(topic.Id))
                gaps.Add(new Gap(GapKinds.TopicWithoutActor, [view.Ref(topic.Id)],
                    t.Text("analysis.noActorWorksOnTopic", t.Quote(topic.Name))));
        }
    }

    private static void Territories(AnalysisView view, Phrases t, List<Gap> gaps)
    {
        var s = view.Snapshot;
        var actorsIn = new Dictionary<string, List<Actor>>(StringComparer.Ordinal);
        foreach (var a in s.All<Actor>())
            foreach (var territory in a.Territories)
            {
                if (!actorsIn.TryGetValue(territory, out var list)) actorsIn[territory] = list = [];
                list.Add(a);
            }
        var seated = view.Bodies.Where(view.IsActive).SelectMany(b => view.MembersOf(b.Id)).ToHashSet(StringComparer.Ordinal);
        foreach (var territory in s.All<Territory>().Where(x => x.Kind is TerritoryKinds.Municipality or TerritoryKinds.City))
        {
            var place = t.IsGerman ? GermanNames.InPlace(territory.Name) : "in " + territory.Name;
            if (!actorsIn.TryGetValue(territory.Id, out var actors))
            {
                gaps.Add(new Gap(GapKinds.TerritoryWithoutActor, [view.Ref(territory.Id)],
                    t.Text("analysis.noActorIsRecorded", GermanNames.Capitalise(place), place)));
                continue;
            }
            if (actors.Any(a => seated.Contains(a.Id))) continue;
            var names = actors.Select(a => a.Name).ToList();
            gaps.Add(new Gap(GapKinds.TerritoryNotRepresented, [view.Ref(territory.Id), .. actors.Select(a => view.Ref(a.Id))],
                t.Text("analysis.noActorSitsOnActive", place, t.List(names))));
        }
    }

    private static void Composition(AnalysisView view, Phrases t, List<Gap> gaps)
    {
        var rules = RulesFor(view.Snapshot.Network);
        foreach (var body in view.Bodies)
        {
            var rule = rules.FirstOrDefault(r => r.BodyKind == body.Kind);
            if (rule is null) continue;
            var kinds = view.MembersOf(body.Id).Select(a => view.Snapshot.Find<Actor>(a)?.Kind).OfType<string>().ToHashSet(StringComparer.Ordinal);
            var missing = rule.RequiredActorKinds.Where(k => !kinds.Contains(k)).ToList();
            if (missing.Count == 0) continue;
            var kindName = t.BodyKindPlural(body.Kind);
            var sentence = missing.Count == 1
                ? t.Text("analysis.hasNoAmongItsMembers", GermanNames.Capitalise(GermanNames.In(body.Name)), Phrases.GermanNone(missing[0]), kindName, body.Name, t.ActorKind(missing[0]))
                : t.Text("analysis.lacksActorKindsThatComposition", GermanNames.Capitalise(GermanNames.In(body.Name)), kindName, t.List(missing.Select(t.ActorKind)), body.Name);
            gaps.Add(new Gap(GapKinds.Composition, [view.Ref(body.Id)], sentence, Missing: missing));
        }
    }

    private static void Isolated(AnalysisView view, Phrases t, List<Gap> gaps)
    {
        var s = view.Snapshot;
        var connected = new HashSet<string>(StringComparer.Ordinal);
        foreach (var body in view.Bodies)
        {
            connected.UnionWith(view.MembersOf(body.Id));
            if (body.Lead is not null) connected.Add(body.Lead);
        }
        foreach (var c in s.All<Collaboration>())
        {
            connected.Add(c.From);
            connected.Add(c.To);
        }
        foreach (var actor in s.All<Actor>().Where(a => !connected.Contains(a.Id)))
            gaps.Add(new Gap(GapKinds.IsolatedActor, [view.Ref(actor.Id)],
                t.Text("analysis.isConnectedToNothingNo", t.Quote(actor.Name))));
    }

    private static void Bodies(AnalysisView view, Phrases t, List<Gap> gaps)
    {
        var s = view.Snapshot;
        var dormant = new List<Gap>();
        var withoutLead = new List<Gap>();
        var unreported = new List<Gap>();
        var chairs = s.All<Membership>().Where(m => m.Role == MembershipRoles.Chair).Select(m => m.Body).ToHashSet(StringComparer.Ordinal);
        var steering = SteeringBodies(view);

        foreach (var body in view.Bodies)
        {
            var nominative = GermanNames.Capitalise(GermanNames.Nominative(body.Name));
            var activity = view.Activity(body);
            if (activity.IsDormant) dormant.Add(new Gap(GapKinds.DormantBody, [view.Ref(body.Id)], DormantSentence(body, activity, view, t)));
            if (body.Lead is null && !chairs.Contains(body.Id))
                withoutLead.Add(new Gap(GapKinds.BodyWithoutLead, [view.Ref(body.Id)],
                    t.Text("analysis.hasNeitherLeadNorChair", nominative, body.Name)));
            if (!steering.Contains(body.Id))
            {
                var chain = new List<string> { body.Id };
                for (var next = body.ReportsTo; next is not null && !chain.Contains(next); next = s.Find<Body>(next)?.ReportsTo)
                {
                    chain.Add(next);
                    if (steering.Contains(next) || s.Find<Body>(next) is null) break;
                }
                if (chain.Count > 1 && steering.Contains(chain[^1])) continue;
                var line = chain.Count > 1
                    ? t.Text("analysis.reportingLine", string.Join(" → ", chain.Select(view.FullName)))
                    : "";
                unreported.Add(new Gap(GapKinds.NoSteeringBody, chain.Select(view.Ref).ToList(),
                    t.Text("analysis.reportsToNoSteeringGroup", nominative, line, body.Name)));
            }
        }
        gaps.AddRange(dormant);
        gaps.AddRange(withoutLead);
        gaps.AddRange(unreported);
    }

    /// <summary>
    /// "Der Arbeitskreis ruht (Status „ruhend“); zuletzt getagt am …" or "Das Netzwerk Arbeit hat seit dem 10.01.2022 nicht
    /// getagt; bei 4 Sitzungen im Jahr sind zwei Sitzungsabstände 6 Monate, der Datenstand ist der 30.06.2024."
    /// </summary>
    public static string DormantSentence(Body body, BodyActivity a, AnalysisView view, Phrases t)
    {
        var nominative = GermanNames.Capitalise(GermanNames.Nominative(body.Name));
        if (a.Reason == "status")
        {
            var since = a.LastMeeting is null ? "" : t.Text("analysis.lastMetOn", t.Date(a.LastMeeting));
            return t.Text("analysis.isDormantStatusDormant", nominative, since, body.Name);
        }
        var months = t.Number(a.AllowedGapMonths);
        var rhythm = a.RhythmAssumed
            ? t.Text("analysis.withNoMeetingRhythmRecorded", months)
            : t.Text("analysis.atYearTwoIntervalsAre", t.Count(a.MeetingsPerYear, "meeting"), months, "meeting".ToQuantity(a.MeetingsPerYear));
        return t.Text("analysis.hasNotMetSinceLonger", nominative, t.Date(a.LastMeeting), DayName(view, t), rhythm, body.Name);
    }

    /// <summary>"Datenstand 31.03.2024" / "Stichtag 30.06.2024": the day the analysis judges on and where it came from.</summary>
    public static string DayName(AnalysisView view, Phrases t) => view.DayFrom switch
    {
        AnalysisDay.FromDataAsOf => t.Text("analysis.dataSDate", t.Date(view.DayText)),
        AnalysisDay.FromAsOf => t.Text("analysis.chosenDay", t.Date(view.DayText)),
        _ => t.Text("analysis.latestRecordedDate", t.Date(view.DayText)),
    };

    /// <summary>
    /// Data-quality notes that go with the gaps but are not gaps: bodies whose meetings are not recorded ("Sitzungen nicht
    /// erfasst": nothing can be said about whether they still meet), and a network without a Datenstand.
    /// </summary>
    public static List<DataNote> Notes(AnalysisView view, Phrases t)
    {
        var notes = new List<DataNote>();
        if (view.DayFrom is AnalysisDay.FromLatestRecordedDate or AnalysisDay.FromLastChange)
            notes.Add(new DataNote(DataNoteKinds.DataAsOfMissing, [view.Ref(view.Snapshot.Network.Id)], t.Text("analysis.networkHasNoDataDate", DayName(view, t))));
        foreach (var body in view.Bodies.Where(b => view.Activity(b).State == BodyActivityStates.MeetingsNotRecorded))
            notes.Add(new DataNote(DataNoteKinds.MeetingsNotRecorded, [view.Ref(body.Id)], t.Text("analysis.meetingsNotRecordedHasNo", GermanNames.Capitalise(GermanNames.Nominative(body.Name)), body.Name)));
        return notes;
    }

    /// <summary>Steering groups, political committees and, upwards, every body they report to.</summary>
    public static HashSet<string> SteeringBodies(AnalysisView view)
    {
        var steering = new HashSet<string>(StringComparer.Ordinal);
        foreach (var body in view.Bodies.Where(b => b.Kind is BodyKinds.SteeringGroup or BodyKinds.PoliticalCommittee))
            for (Body? b = body; b is not null && steering.Add(b.Id); b = view.Snapshot.Find<Body>(b.ReportsTo)) { }
        return steering;
    }
}
