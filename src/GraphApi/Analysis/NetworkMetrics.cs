using GraphApi.Analysis.Algorithms;
using GraphApi.Domain;

namespace GraphApi.Analysis;

/// <summary>How the metrics are computed; the defaults suit the endpoint.</summary>
public sealed record MetricsOptions
{
    /// <summary>Seeds Louvain's visiting order, so the same network always shows the same clusters.</summary>
    public int CommunitySeed { get; init; } = 1;

    /// <summary>Threads for betweenness and closeness; null means one per processor.</summary>
    public int? MaxDegreeOfParallelism { get; init; }
}

/// <summary>
/// The figures of one node. <see cref="Degree"/> is the number of distinct neighbours;
/// <see cref="DegreeCentrality"/>, <see cref="Betweenness"/>, <see cref="Closeness"/> and
/// <see cref="PageRank"/> are networkx's default definitions (see <see cref="Centrality"/>).
/// </summary>
public sealed record NodeMetrics(
    string Id, NodeType Type, string Label,
    int Degree, double DegreeCentrality, double Betweenness, double Closeness, double PageRank,
    int Component, int Community);

/// <summary>A connected component; index 0 is the largest.</summary>
public sealed record ComponentSummary(int Index, int Size);

/// <summary>A Louvain community; index 0 is the largest. Members are ids in graph order (actors, bodies, persons).</summary>
public sealed record CommunitySummary(int Index, int Size, IReadOnlyList<string> Members);

public sealed record NetworkMetricsResult(
    int NodeCount, int EdgeCount,
    IReadOnlyList<NodeMetrics> Nodes,
    IReadOnlyList<ComponentSummary> Components,
    IReadOnlyList<CommunitySummary> Communities,
    double Modularity);

/// <summary>
/// Brokers and clusters (issue 3, "metrics"): centralities, components and communities of the
/// network's <see cref="AnalysisGraph"/> (actors, bodies and persons; topics, territories and
/// measures are not nodes, see there). The caller passes the snapshot it wants analysed, already
/// filtered to a date when the request asks "as of".
/// </summary>
public static class NetworkMetrics
{
    public static NetworkMetricsResult Compute(NetworkSnapshot snapshot, MetricsOptions? options = null) =>
        Compute(AnalysisGraph.From(snapshot), options);

    public static NetworkMetricsResult Compute(AnalysisGraph analysis, MetricsOptions? options = null)
    {
        options ??= new MetricsOptions();
        var graph = analysis.Graph;
        var degree = Centrality.Degree(graph);
        var (betweenness, closeness) = Centrality.BetweennessAndCloseness(graph, options.MaxDegreeOfParallelism);
        var pageRank = Centrality.PageRank(graph);
        var components = Connectivity.ConnectedComponents(graph);
        var partition = Communities.Louvain(graph, options.CommunitySeed);

        var nodes = new NodeMetrics[graph.NodeCount];
        var members = Enumerable.Range(0, partition.Count).Select(_ => new List<string>()).ToArray();
        for (var v = 0; v < graph.NodeCount; v++)
        {
            var node = analysis.Nodes[v];
            nodes[v] = new NodeMetrics(node.Id, node.Type, node.Label, graph.Degree(v), degree[v], betweenness[v],
                closeness[v], pageRank[v], components.ComponentOf[v], partition.CommunityOf[v]);
            members[partition.CommunityOf[v]].Add(node.Id);
        }

        return new NetworkMetricsResult(
            graph.NodeCount, graph.EdgeCount, nodes,
            [.. components.Sizes.Select((size, index) => new ComponentSummary(index, size))],
            [.. members.Select((ids, index) => new CommunitySummary(index, ids.Count, ids))],
            partition.Modularity);
    }
}
