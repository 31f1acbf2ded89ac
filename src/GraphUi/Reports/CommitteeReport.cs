using GraphApi.Analysis;
using GraphApi.Domain;

namespace GraphUi.Reports;

/// <summary>One body as the report lists it: its members on the day and its yearly cost (null when it has no members).</summary>
public sealed record ReportBody(Body Body, int Members, BodyCost? Cost);

/// <summary>
/// What the report for the political committee shows about one network on one day. Every finding comes from the same
/// analysis classes and defaults as the analysis API (overlaps, gaps, costs, metrics), in the request's language.
/// </summary>
public sealed class CommitteeReport
{
    /// <summary>A committee reads the strongest overlaps; the rest are counted.</summary>
    public const int TopOverlaps = 10;

    private CommitteeReport(AnalysisView view, Phrases phrases)
    {
        View = view;
        Phrases = phrases;
        Overlaps = GraphApi.Analysis.Overlaps.Find(view, OverlapWeights.Default, GraphApi.Analysis.Overlaps.DefaultThreshold, phrases);
        Gaps = GraphApi.Analysis.Gaps.Find(view, phrases);
        Costs = GraphApi.Analysis.Costs.Compute(view, Overlaps, phrases);
        Metrics = NetworkMetrics.Compute(view.Snapshot);
        var brokers = MetricsFindings.Brokers(view, Metrics);
        MetricsSummary = MetricsFindings.Summary(view, Metrics, brokers, phrases);

        var costs = Costs.Bodies.ToDictionary(c => c.Body.Id, StringComparer.Ordinal);
        Bodies = view.Bodies
            .Select(b => new ReportBody(b, view.SeatsOf(b.Id).Count, costs.GetValueOrDefault(b.Id)))
            .OrderBy(b => b.Body.Name, StringComparer.Create(phrases.Culture, ignoreCase: true)).ToList();
        ActorKinds = Snapshot.All<Actor>().GroupBy(a => a.Kind).Select(g => (g.Key, g.Count()))
            .OrderByDescending(k => k.Item2).ThenBy(k => k.Key, StringComparer.Ordinal).ToList();
    }

    /// <summary>The report as of <paramref name="asOf"/>, else as of the network's Datenstand (<see cref="AnalysisDay.Of"/>).</summary>
    public static CommitteeReport Build(NetworkSnapshot stored, DateOnly? asOf, Phrases phrases) => new(AnalysisView.For(stored, asOf), phrases);

    public AnalysisView View { get; }
    public Phrases Phrases { get; }

    /// <summary>The network as of the report's day.</summary>
    public NetworkSnapshot Snapshot => View.Snapshot;

    public IReadOnlyList<Overlap> Overlaps { get; }
    public IReadOnlyList<Gap> Gaps { get; }
    public CostReport Costs { get; }
    public NetworkMetricsResult Metrics { get; }
    public string MetricsSummary { get; }
    public IReadOnlyList<ReportBody> Bodies { get; }
    public IReadOnlyList<(string Kind, int Count)> ActorKinds { get; }

    public int ActiveBodies => Bodies.Count(b => View.IsActive(b.Body)); // the one dormancy rule (Dormancy.Of), as the gaps

    /// <summary>The gaps by kind, in the order the API lists the kinds; kinds without a gap are left out.</summary>
    public IEnumerable<(string Kind, IReadOnlyList<Gap> Gaps)> GapsByKind =>
        GapKinds.All.Select(k => (k, (IReadOnlyList<Gap>)Gaps.Where(g => g.Kind == k).ToList())).Where(g => g.Item2.Count > 0);

    /// <summary>What merging the pair would save, when the costs analysis could say.</summary>
    public MergerSaving? SavingFor(Overlap o) => Costs.Mergers.FirstOrDefault(m =>
        (m.Dropped.Id == o.BodyA.Id && m.Into.Id == o.BodyB.Id) || (m.Dropped.Id == o.BodyB.Id && m.Into.Id == o.BodyA.Id));
}
