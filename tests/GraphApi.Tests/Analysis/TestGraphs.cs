namespace GraphApi.Tests.Analysis;

/// <summary>An edge list as generated, before <c>UndirectedGraph</c> drops loops and repeats.</summary>
public sealed record EdgeList(int Nodes, IReadOnlyList<(int U, int V)> Edges);

/// <summary>The graphs the algorithms are checked on, each generated from a fixed seed.</summary>
public static class TestGraphs
{
    public static readonly IReadOnlyDictionary<string, Func<EdgeList>> ByName = new Dictionary<string, Func<EdgeList>>
    {
        // Sparse: average degree 3, so there are isolated nodes, many small components, cut vertices and bridges.
        // Loops and repeated edges are in the list on purpose; both sides must ignore them.
        ["random sparse"] = () => WithNoise(Random(400, 600, seed: 11), seed: 12),
        ["dense-ish"] = () => Random(80, 950, seed: 21),
        ["isolated nodes"] = () => WithIsolated(Random(150, 220, seed: 31), isolated: 30, seed: 32),
        ["several components"] = () => Disjoint(seed: 41, Random(60, 120, 42), Tree(40, 43), Random(25, 60, 44), Complete(6), Path(9), Star(7)),
        ["tree"] = () => Tree(300, seed: 51),
        ["star"] = () => Star(50),
        ["path"] = () => Path(60),
        ["complete"] = () => Complete(30),
        ["two nodes"] = () => new EdgeList(2, [(0, 1)]),
        ["single node"] = () => new EdgeList(1, []),
        ["no edges"] = () => new EdgeList(5, []),
    };

    public static TheoryData<string> Names => [.. ByName.Keys];

    /// <summary>m distinct edges between n nodes chosen uniformly (networkx's gnm model).</summary>
    public static EdgeList Random(int n, int m, int seed)
    {
        var random = new Random(seed);
        var seen = new HashSet<(int, int)>();
        var edges = new List<(int, int)>();
        while (edges.Count < m)
        {
            int u = random.Next(n), v = random.Next(n);
            if (u == v || !seen.Add(u < v ? (u, v) : (v, u))) continue;
            edges.Add((u, v));
        }
        return new EdgeList(n, edges);
    }

    /// <summary>A random tree: every inner node is a cut vertex and every edge a bridge.</summary>
    public static EdgeList Tree(int n, int seed)
    {
        var random = new Random(seed);
        return new EdgeList(n, [.. Enumerable.Range(1, n - 1).Select(v => (random.Next(v), v))]);
    }

    public static EdgeList Star(int n) => new(n, [.. Enumerable.Range(1, n - 1).Select(v => (0, v))]);

    public static EdgeList Path(int n) => new(n, [.. Enumerable.Range(1, n - 1).Select(v => (v - 1, v))]);

    public static EdgeList Complete(int n) =>
        new(n, [.. Enumerable.Range(0, n).SelectMany(u => Enumerable.Range(u + 1, n - u - 1).Select(v => (u, v)))]);

    /// <summary>
    /// Planted partition: groups of the given sizes, each pair inside a group linked with probability
    /// <paramref name="pIn"/>, across groups with <paramref name="pOut"/>. Returns the group of each node too.
    /// </summary>
    public static (EdgeList Graph, int[] Group) Planted(int[] sizes, double pIn, double pOut, int seed)
    {
        var random = new Random(seed);
        var group = sizes.SelectMany((size, g) => Enumerable.Repeat(g, size)).ToArray();
        var edges = new List<(int, int)>();
        for (var u = 0; u < group.Length; u++)
            for (var v = u + 1; v < group.Length; v++)
                if (random.NextDouble() < (group[u] == group[v] ? pIn : pOut)) edges.Add((u, v));
        return (new EdgeList(group.Length, edges), group);
    }

    /// <summary>The graphs side by side, with node numbers shuffled so that components interleave.</summary>
    public static EdgeList Disjoint(int seed, params EdgeList[] parts)
    {
        var n = parts.Sum(p => p.Nodes);
        var relabel = Enumerable.Range(0, n).ToArray();
        new Random(seed).Shuffle(relabel);
        var edges = new List<(int, int)>();
        var offset = 0;
        foreach (var part in parts)
        {
            edges.AddRange(part.Edges.Select(e => (relabel[e.U + offset], relabel[e.V + offset])));
            offset += part.Nodes;
        }
        return new EdgeList(n, edges);
    }

    private static EdgeList WithIsolated(EdgeList graph, int isolated, int seed) =>
        Disjoint(seed, [graph, .. Enumerable.Repeat(new EdgeList(1, []), isolated)]);

    /// <summary>Adds self-loops and reversed copies of some edges.</summary>
    private static EdgeList WithNoise(EdgeList graph, int seed)
    {
        var random = new Random(seed);
        var edges = graph.Edges.ToList();
        for (var i = 0; i < 20; i++)
        {
            var v = random.Next(graph.Nodes);
            edges.Add((v, v));
            var (a, b) = graph.Edges[random.Next(graph.Edges.Count)];
            edges.Add((b, a));
        }
        return new EdgeList(graph.Nodes, edges);
    }
}
