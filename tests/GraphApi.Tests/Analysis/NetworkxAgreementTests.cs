using GraphApi.Analysis.Algorithms;

namespace GraphApi.Tests.Analysis;

/// <summary>
/// The product promises networkx's definitions (issue 3), so every figure is compared with what
/// networkx 3.x computes on the same graph, through the committed <c>reference.py</c>.
/// </summary>
public sealed class NetworkxAgreementTests
{
    private const double Tolerance = 1e-9;
    private const int LouvainSeed = 3;

    private static (UndirectedGraph Graph, Partition Ours, NetworkxResult Networkx) Case(string name)
    {
        var edges = TestGraphs.ByName[name]();
        var graph = UndirectedGraph.FromEdges(edges.Nodes, edges.Edges);
        var ours = Communities.Louvain(graph, LouvainSeed);
        var networkx = NetworkxReference.For(name, () => NetworkxReference.Run(edges, LouvainSeed, ours.CommunityOf));
        return (graph, ours, networkx);
    }

    [Theory, MemberData(nameof(TestGraphs.Names), MemberType = typeof(TestGraphs))]
    public void DegreeCentralityMatchesNetworkx(string graphName)
    {
        var (graph, _, networkx) = Case(graphName);
        AssertClose(networkx.Degree, Centrality.Degree(graph));
    }

    [Theory, MemberData(nameof(TestGraphs.Names), MemberType = typeof(TestGraphs))]
    public void BetweennessMatchesNetworkx(string graphName)
    {
        var (graph, _, networkx) = Case(graphName);
        AssertClose(networkx.Betweenness, Centrality.Betweenness(graph));
        // A single worker sums in another order: the figures must not depend on the thread count.
        AssertClose(networkx.Betweenness, Centrality.Betweenness(graph, maxDegreeOfParallelism: 1));
    }

    [Theory, MemberData(nameof(TestGraphs.Names), MemberType = typeof(TestGraphs))]
    public void ClosenessMatchesNetworkx(string graphName)
    {
        var (graph, _, networkx) = Case(graphName);
        AssertClose(networkx.Closeness, Centrality.Closeness(graph));
    }

    [Theory, MemberData(nameof(TestGraphs.Names), MemberType = typeof(TestGraphs))]
    public void BetweennessAndClosenessTogetherMatchNetworkx(string graphName)
    {
        var (graph, _, networkx) = Case(graphName);
        var (betweenness, closeness) = Centrality.BetweennessAndCloseness(graph);
        AssertClose(networkx.Betweenness, betweenness);
        AssertClose(networkx.Closeness, closeness);
    }

    [Theory, MemberData(nameof(TestGraphs.Names), MemberType = typeof(TestGraphs))]
    public void PageRankMatchesNetworkx(string graphName)
    {
        var (graph, _, networkx) = Case(graphName);
        AssertClose(networkx.Pagerank, Centrality.PageRank(graph));
    }

    [Theory, MemberData(nameof(TestGraphs.Names), MemberType = typeof(TestGraphs))]
    public void ComponentsMatchNetworkx(string graphName)
    {
        var (graph, _, networkx) = Case(graphName);
        var components = Connectivity.ConnectedComponents(graph);
        var ours = Enumerable.Range(0, components.Count)
            .Select(c => Enumerable.Range(0, graph.NodeCount).Where(v => components.ComponentOf[v] == c).ToArray())
            .ToList();
        Assert.Equal(networkx.Components.Select(Key).Order(), ours.Select(Key).Order());
        Assert.Equal(ours.Select(c => c.Length), components.Sizes);
        Assert.Equal(components.Sizes.OrderDescending(), components.Sizes); // largest first

        static string Key(int[] nodes) => string.Join(",", nodes);
    }

    [Theory, MemberData(nameof(TestGraphs.Names), MemberType = typeof(TestGraphs))]
    public void ArticulationPointsAndTheirPartsMatchNetworkx(string graphName)
    {
        var (graph, _, networkx) = Case(graphName);
        var ours = Connectivity.FindCuts(graph).ArticulationPoints;
        Assert.Equal(networkx.ArticulationPoints.Select(a => a.Node), ours.Select(a => a.Node));
        Assert.Equal(networkx.ArticulationPoints.Select(a => string.Join(",", a.Parts)), ours.Select(a => string.Join(",", a.PartSizes)));
    }

    [Theory, MemberData(nameof(TestGraphs.Names), MemberType = typeof(TestGraphs))]
    public void BridgesAndTheirPartsMatchNetworkx(string graphName)
    {
        var (graph, _, networkx) = Case(graphName);
        var ours = Connectivity.FindCuts(graph).Bridges;
        Assert.Equal(networkx.Bridges.Select(b => (b.U, b.V, b.PartU, b.PartV)), ours.Select(b => (b.U, b.V, b.PartSizeU, b.PartSizeV)));
    }

    [Theory, MemberData(nameof(TestGraphs.Names), MemberType = typeof(TestGraphs))]
    public void LouvainModularityIsNetworkxModularityOfTheSamePartition(string graphName)
    {
        var (graph, ours, networkx) = Case(graphName);
        if (graph.EdgeCount == 0)
        {
            // networkx divides by zero here; we report 0 and keep every node on its own.
            Assert.Equal(0, ours.Modularity);
            Assert.Equal(graph.NodeCount, ours.Count);
            return;
        }
        Assert.Equal(networkx.PartitionModularity!.Value, ours.Modularity, Tolerance);
    }

    [Theory, MemberData(nameof(TestGraphs.Names), MemberType = typeof(TestGraphs))]
    public void LouvainFindsAtLeastAlmostAsMuchModularityAsNetworkx(string graphName)
    {
        var (_, ours, networkx) = Case(graphName);
        if (networkx.LouvainModularity is not { } theirs) return; // no edges: nothing to optimise
        Assert.True(ours.Modularity >= 0.97 * theirs - Tolerance,
            $"Our Louvain reached {ours.Modularity:F6}, networkx {theirs:F6}.");
    }

    private static void AssertClose(double[] expected, double[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var v = 0; v < expected.Length; v++)
            Assert.True(Math.Abs(expected[v] - actual[v]) <= Tolerance,
                $"Node {v}: networkx {expected[v]:R}, ours {actual[v]:R}.");
    }
}
