using GraphApi.Analysis.Algorithms;

namespace GraphApi.Tests.Analysis;

public sealed class GraphAlgorithmTests
{
    [Fact]
    public void SelfLoopsAndRepeatedEdgesCountOnce()
    {
        var graph = UndirectedGraph.FromEdges(4, [(0, 1), (1, 0), (2, 2), (0, 1), (3, 1), (1, 3)]);

        Assert.Equal(2, graph.EdgeCount);
        Assert.Equal([0, 3], graph.NeighborsOf(1).ToArray());
        Assert.Equal(0, graph.Degree(2));
        Assert.Equal([(0, 1), (1, 3)], graph.Edges());
        Assert.True(graph.HasEdge(3, 1));
        Assert.False(graph.HasEdge(0, 3));
    }

    [Fact]
    public void NeighboursAreAscending()
    {
        var edges = TestGraphs.Random(200, 900, seed: 9);
        var graph = UndirectedGraph.FromEdges(edges.Nodes, edges.Edges);
        for (var v = 0; v < graph.NodeCount; v++)
        {
            var neighbors = graph.NeighborsOf(v).ToArray();
            Assert.Equal(neighbors.Order(), neighbors);
        }
    }

    [Fact]
    public void AnEdgeToAMissingNodeIsRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => UndirectedGraph.FromEdges(3, [(0, 3)]));
    }

    [Fact]
    public void LongChainsNeedNoDeepRecursion()
    {
        // 200,000 nodes in a row: a recursive depth-first search would overflow the stack long before the end.
        const int n = 200_000;
        var graph = UndirectedGraph.FromEdges(n, TestGraphs.Path(n).Edges);

        var cuts = Connectivity.FindCuts(graph);

        Assert.Equal(n - 2, cuts.ArticulationPoints.Count);
        Assert.Equal(n - 1, cuts.Bridges.Count);
        Assert.Equal([n / 2, n / 2 - 1], cuts.ArticulationPoints.Single(a => a.Node == n / 2).PartSizes);
        var middle = cuts.Bridges.Single(b => b.U == n / 2);
        Assert.Equal((n / 2 + 1, n / 2 + 1, n / 2 - 1), (middle.V, middle.PartSizeU, middle.PartSizeV));
    }

    [Fact]
    public void ACutVertexJoiningThreePiecesReportsAllThree()
    {
        // 0 holds together a triangle (1, 2, 3), an edge (4–5) and a leaf (6); 7–8 is another component.
        var graph = UndirectedGraph.FromEdges(9, [(0, 1), (1, 2), (2, 3), (3, 1), (0, 4), (4, 5), (6, 0), (7, 8)]);

        var cuts = Connectivity.FindCuts(graph);

        var zero = Assert.Single(cuts.ArticulationPoints, a => a.Node == 0);
        Assert.Equal([3, 2, 1], zero.PartSizes);
        Assert.Equal([0, 1, 4], cuts.ArticulationPoints.Select(a => a.Node));
        Assert.Equal([(0, 1, 4, 3), (0, 4, 5, 2), (0, 6, 6, 1), (4, 5, 6, 1), (7, 8, 1, 1)],
            cuts.Bridges.Select(b => (b.U, b.V, b.PartSizeU, b.PartSizeV)));
    }

    [Fact]
    public void AnEmptyGraphHasNothingToReport()
    {
        var graph = UndirectedGraph.FromEdges(0, []);

        Assert.Empty(Centrality.Betweenness(graph));
        Assert.Empty(Centrality.Closeness(graph));
        Assert.Empty(Centrality.PageRank(graph));
        Assert.Empty(Centrality.Degree(graph));
        Assert.Equal(0, Connectivity.ConnectedComponents(graph).Count);
        Assert.Empty(Connectivity.FindCuts(graph).Bridges);
        Assert.Equal(0, Communities.Louvain(graph).Count);
    }
}
