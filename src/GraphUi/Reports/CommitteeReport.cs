using GraphApi.Analysis;
using GraphApi.Domain;

namespace GraphUi.Reports;

/// <summary>One body as the report lists it: its members on the day (<see cref="Figures.MembersOf"/>) and its yearly cost (null when it has no members).</summary>
public sealed record ReportBody(Body Body, int Members, BodyCost? Cost);

/// <summary>
/// What the Mitteilungsvorlage for the political committee shows about one network on one day. Every finding comes from the
/// same analysis classes and defaults as the analysis API (overlaps, gaps, costs, metrics), every count and sum from
/// <see cref="GraphApi.Analysis.Figures"/>, in the request's language. Persons are not named: the report is read in public
/// session, so a person appears by their function ("Leitung Referat Integration") or as "eine Person".
/// </summary>
public sealed class CommitteeReport
{
    /// <summary>A committee reads the strongest overlaps; the rest are counted.</summary>
    public const int TopOverlaps = 5;

    private CommitteeReport(AnalysisView view, Phrases phrases)
    {
        View = view;
        Phrases = phrases;
        Settings = view.Snapshot.Network.Report ?? new ReportSettings();
        Overlaps = GraphApi.Analysis.Overlaps.Find(view, OverlapWeights.Default, GraphApi.Analysis.Overlaps.DefaultThreshold, phrases);
        Gaps = GraphApi.Analysis.Gaps.Find(view, phrases);
        Costs = GraphApi.Analysis.Costs.Compute(view, Overlaps, phrases);
        Figures = GraphApi.Analysis.Figures.Of(view, Costs);
        Metrics = NetworkMetrics.Compute(view.Snapshot);
        Brokers = MetricsFindings.Brokers(view, Metrics);

        var costs = Costs.Bodies.ToDictionary(c => c.Body.Id, StringComparer.Ordinal);
        Bodies = view.Bodies
            .Select(b => new ReportBody(b, Figures.MembersByBody[b.Id], costs.GetValueOrDefault(b.Id)))
            .OrderBy(b => b.Body.Name, StringComparer.Create(phrases.Culture, ignoreCase: true)).ToList();
        ActorKinds = Snapshot.All<Actor>().GroupBy(a => a.Kind).Select(g => (g.Key, g.Count()))
            .OrderByDescending(k => k.Item2).ThenBy(k => k.Key, StringComparer.Ordinal).ToList();
    }

    /// <summary>The report as of <paramref name="asOf"/>, else as of the network's Datenstand (<see cref="AnalysisDay.Of"/>); persons unnamed.</summary>
    public static CommitteeReport Build(NetworkSnapshot stored, DateOnly? asOf, Phrases phrases) =>
        new(AnalysisView.For(Unnamed(stored, phrases), asOf), phrases);

    /// <summary>The network with every person named by their function, else as "Person (actor)", else "Person".</summary>
    public static NetworkSnapshot Unnamed(NetworkSnapshot stored, Phrases phrases)
    {
        var person = phrases.Pick(Kinds.Of(EntityKind.Person).German.Singular, Kinds.Of(EntityKind.Person).English.Singular);
        var entities = stored.Everything.Select(e => e is Person p
            ? p with { Name = p.Function ?? (stored.Find<Actor>(p.Actor) is { } a ? $"{person} ({a.ShortName ?? a.Name})" : person) }
            : e);
        return NetworkSnapshot.Create(stored.Network, stored.Revision, entities);
    }

    public AnalysisView View { get; }
    public Phrases Phrases { get; }

    /// <summary>The network's report settings (the header of the paper); empty ones when none are set.</summary>
    public ReportSettings Settings { get; }

    /// <summary>The network as of the report's day, persons unnamed.</summary>
    public NetworkSnapshot Snapshot => View.Snapshot;

    public IReadOnlyList<Overlap> Overlaps { get; }
    public IReadOnlyList<Gap> Gaps { get; }
    public CostReport Costs { get; }

    /// <summary>Every count and sum the report prints: the one definition the panels and the API use.</summary>
    public NetworkFigures Figures { get; }

    public NetworkMetricsResult Metrics { get; }
    public IReadOnlyList<NamedRef> Brokers { get; }
    public IReadOnlyList<ReportBody> Bodies { get; }
    public IReadOnlyList<(string Kind, int Count)> ActorKinds { get; }

    public int ActiveBodies => Figures.ActiveBodies;

    /// <summary>The body the map section shows, when the settings choose one that exists on the day.</summary>
    public Body? Focus => Snapshot.Find<Body>(Settings.MapFocus);

    /// <summary>The gaps by kind, in the order the API lists the kinds; kinds without a gap are left out.</summary>
    public IEnumerable<(string Kind, IReadOnlyList<Gap> Gaps)> GapsByKind =>
        GapKinds.All.Select(k => (k, (IReadOnlyList<Gap>)Gaps.Where(g => g.Kind == k).ToList())).Where(g => g.Item2.Count > 0);

    /// <summary>What merging the pair would save, when the costs analysis could say.</summary>
    public MergerSaving? SavingFor(Overlap o) => Costs.Mergers.FirstOrDefault(m =>
        (m.Dropped.Id == o.BodyA.Id && m.Into.Id == o.BodyB.Id) || (m.Dropped.Id == o.BodyB.Id && m.Into.Id == o.BodyA.Id));

    /// <summary>The most a merger of the strongest overlaps would save in person-hours a year, rounded once.</summary>
    public double TopSavings => GraphApi.Analysis.Figures.Hours(Overlaps.Take(TopOverlaps).Sum(o => SavingFor(o)?.HoursSavedPerYear ?? 0));

    /// <summary>The steering bodies (steering groups and political committees) that exist on the day, largest first: the Sachverhalt describes them.</summary>
    public IReadOnlyList<ReportBody> SteeringBodies => Bodies
        .Where(b => b.Body.Kind is BodyKinds.SteeringGroup)
        .OrderByDescending(b => b.Members).ThenBy(b => b.Body.Name, StringComparer.Ordinal).Take(3).ToList();

    /// <summary>The members of a body by name (actors, and persons by function), for the Sachverhalt.</summary>
    public IReadOnlyList<string> MemberNames(string bodyId) => View.SeatsOf(bodyId).Select(NameInReport)
        .Order(StringComparer.Create(Phrases.Culture, ignoreCase: true)).ToList();

    /// <summary>
    /// How the report names an entry: persons never by their name (privacy, issue 10: the Vorlage is public and share links
    /// open it), but by their function, else by the word for a person.
    /// </summary>
    public string NameInReport(string id) => View.Snapshot.Find(id) is Person p
        ? p.Function ?? Kinds.Of(EntityKind.Person).Label
        : View.FullName(id);
}
