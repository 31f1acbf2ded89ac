namespace GraphApi.Analysis;

/// <summary>What a steering group reads from the metrics: the strongest brokers and one summary sentence.</summary>
public static class MetricsFindings
{
    /// <summary>The five nodes with the highest betweenness above 0, highest first.</summary>
    public static IReadOnlyList<NamedRef> Brokers(AnalysisView view, NetworkMetricsResult m) =>
        m.Nodes.Where(n => n.Betweenness > 0).OrderByDescending(n => n.Betweenness).ThenBy(n => n.Id, StringComparer.Ordinal)
            .Take(5).Select(n => view.Ref(n.Id)).ToList();

    /// <summary>"Das Netz hat 99 Knoten und 210 Verbindungen in 9 Teilen; die stärksten Vermittler … (Modularität 0,42)."</summary>
    public static string Summary(AnalysisView view, NetworkMetricsResult m, IReadOnlyList<NamedRef> brokers, Phrases t)
    {
        var modularity = m.Modularity.ToString("0.00", t.Culture);
        var (nodes, ties, parts, clusters) = t.IsGerman
            ? (t.Count(m.NodeCount, "node"), t.Count(m.EdgeCount, "tie"),
                t.Count(m.Components.Count, "partDative"), t.Count(m.Communities.Count, "cluster"))
            : ("node".ToQuantityText(m.NodeCount, t), "tie".ToQuantityText(m.EdgeCount, t),
                "part".ToQuantityText(m.Components.Count, t), "cluster".ToQuantityText(m.Communities.Count, t));
        return brokers.Count > 0
            ? t.Text("analysis.metrics.summaryBrokers", nodes, ties, parts, clusters, modularity, t.List(brokers.Select(b => view.Name(b.Id))))
            : t.Text("analysis.metrics.summary", nodes, ties, parts, clusters, modularity);
    }
}
