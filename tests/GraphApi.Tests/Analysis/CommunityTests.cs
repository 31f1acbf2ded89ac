using GraphApi.Analysis.Algorithms;

namespace GraphApi.Tests.Analysis;

public sealed class CommunityTests
{
    public static TheoryData<int[], double, double, int> PlantedCases => new()
    {
        { [30, 30, 30, 30], 0.5, 0.01, 1 },
        { [20, 20, 20, 20, 20, 20, 20, 20], 0.6, 0.005, 2 },
        { [12, 25, 40, 60], 0.5, 0.005, 3 },
        { [50, 50], 0.3, 0.01, 4 },
    };

    [Theory, MemberData(nameof(PlantedCases))]
    public void LouvainRecoversPlantedClustersExactly(int[] sizes, double pIn, double pOut, int seed)
    {
        var (edges, planted) = TestGraphs.Planted(sizes, pIn, pOut, seed);
        var graph = UndirectedGraph.FromEdges(edges.Nodes, edges.Edges);

        var found = Communities.Louvain(graph, seed: 7);

        Assert.Equal(sizes.Length, found.Count);
        Assert.Equal(sizes.OrderDescending(), found.Sizes);
        // The same grouping, whatever the numbering: nodes share a community exactly when they share a planted group.
        var pairs = Enumerable.Range(0, planted.Length).Select(v => (planted[v], found.CommunityOf[v])).Distinct().ToList();
        Assert.Equal(sizes.Length, pairs.Count);
        Assert.Equal(Communities.Modularity(graph, planted), found.Modularity, 1e-12);
    }

    [Fact]
    public void LouvainGivesTheSamePartitionForTheSameSeed()
    {
        var edges = TestGraphs.Random(500, 1500, seed: 5);
        var graph = UndirectedGraph.FromEdges(edges.Nodes, edges.Edges);

        var first = Communities.Louvain(graph, seed: 11);
        var second = Communities.Louvain(graph, seed: 11);

        Assert.Equal(first.CommunityOf, second.CommunityOf);
        Assert.Equal(first.Modularity, second.Modularity);
    }

    [Fact]
    public void CommunitiesAreNumberedLargestFirst()
    {
        // A triangle and a separate edge: two communities, the triangle first.
        var graph = UndirectedGraph.FromEdges(5, [(3, 4), (0, 1), (1, 2), (0, 2)]);

        var found = Communities.Louvain(graph);

        Assert.Equal([3, 2], found.Sizes);
        Assert.Equal([0, 0, 0, 1, 1], found.CommunityOf);
    }

    [Fact]
    public void ModularityOfTheWholeGraphAsOneCommunityIsZero()
    {
        var graph = UndirectedGraph.FromEdges(4, [(0, 1), (1, 2), (2, 3)]);
        Assert.Equal(0, Communities.Modularity(graph, [0, 0, 0, 0]), 1e-15);
    }
}
