namespace GraphApi.Analysis.Algorithms;

/// <summary>
/// A simple undirected graph over the nodes 0..n-1, stored as compressed sparse rows (CSR): the
/// neighbours of node v are <c>Neighbors[Offsets[v]..Offsets[v + 1]]</c>, in ascending order.
/// Two flat arrays instead of per-node lists keep a 100k-edge graph in a few hundred kilobytes and
/// make the breadth-first searches of the centralities walk memory in order.
/// </summary>
public sealed class UndirectedGraph
{
    private readonly int[] _offsets;
    private readonly int[] _neighbors;

    private UndirectedGraph(int nodeCount, int[] offsets, int[] neighbors)
    {
        NodeCount = nodeCount;
        _offsets = offsets;
        _neighbors = neighbors;
    }

    public int NodeCount { get; }

    /// <summary>The raw CSR arrays, for the inner loops that cannot afford a span per node.</summary>
    internal int[] Offsets => _offsets;
    internal int[] AdjacencyArray => _neighbors;

    /// <summary>The number of distinct edges (each undirected edge once).</summary>
    public int EdgeCount => _neighbors.Length / 2;

    public int Degree(int node) => _offsets[node + 1] - _offsets[node];

    /// <summary>The neighbours of a node, ascending.</summary>
    public ReadOnlySpan<int> NeighborsOf(int node) => _neighbors.AsSpan(_offsets[node], _offsets[node + 1] - _offsets[node]);

    public bool HasEdge(int u, int v) => NeighborsOf(u).BinarySearch(v) >= 0;

    /// <summary>Each edge once, as (smaller, larger), in ascending order.</summary>
    public IEnumerable<(int U, int V)> Edges()
    {
        for (var u = 0; u < NodeCount; u++)
            for (var i = _offsets[u]; i < _offsets[u + 1]; i++)
                if (_neighbors[i] > u) yield return (u, _neighbors[i]);
    }

    /// <summary>
    /// A breadth-first numbering: each component from its highest-degree node, so that a node's
    /// neighbours get nearby numbers. Returned as the new number of each node.
    /// </summary>
    internal int[] BreadthFirstNumbering()
    {
        var newNumber = new int[NodeCount];
        Array.Fill(newNumber, -1);
        var queue = new int[NodeCount];
        var next = 0;
        foreach (var start in Enumerable.Range(0, NodeCount).OrderByDescending(Degree))
        {
            if (newNumber[start] >= 0) continue;
            int head = next, tail = next;
            newNumber[start] = next++;
            queue[tail++] = start;
            while (head < tail)
                foreach (var w in NeighborsOf(queue[head++]))
                    if (newNumber[w] < 0)
                    {
                        newNumber[w] = next++;
                        queue[tail++] = w;
                    }
        }
        return newNumber;
    }

    /// <summary>The same graph with node v renamed to <paramref name="newNumber"/>[v] (a permutation).</summary>
    internal UndirectedGraph Renumbered(int[] newNumber)
    {
        var offsets = new int[NodeCount + 1];
        var oldNumber = new int[NodeCount];
        for (var v = 0; v < NodeCount; v++) oldNumber[newNumber[v]] = v;
        for (var v = 0; v < NodeCount; v++) offsets[v + 1] = offsets[v] + Degree(oldNumber[v]);
        var neighbors = new int[_neighbors.Length];
        for (var v = 0; v < NodeCount; v++)
        {
            var slice = neighbors.AsSpan(offsets[v], offsets[v + 1] - offsets[v]);
            var old = NeighborsOf(oldNumber[v]);
            for (var i = 0; i < old.Length; i++) slice[i] = newNumber[old[i]];
            slice.Sort();
        }
        return new UndirectedGraph(NodeCount, offsets, neighbors);
    }

    /// <summary>
    /// Builds the graph from an edge list in either direction. Self-loops are dropped and repeated
    /// edges (also u–v given as v–u) count once: the analyses are defined on simple graphs, and a
    /// membership plus a lead between the same actor and body is still one tie.
    /// </summary>
    public static UndirectedGraph FromEdges(int nodeCount, IEnumerable<(int U, int V)> edges)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(nodeCount);
        // One 64-bit key per edge, (smaller << 32) | larger: sorting the keys orders the edges and
        // puts duplicates side by side, without a hash set.
        var keys = new List<long>();
        foreach (var (u, v) in edges)
        {
            if ((uint)u >= (uint)nodeCount || (uint)v >= (uint)nodeCount)
                throw new ArgumentOutOfRangeException(nameof(edges), $"Edge ({u}, {v}) names a node outside 0..{nodeCount - 1}.");
            if (u == v) continue;
            var (low, high) = u < v ? (u, v) : (v, u);
            keys.Add(((long)low << 32) | (uint)high);
        }
        keys.Sort();

        var degree = new int[nodeCount];
        var distinct = 0;
        for (var i = 0; i < keys.Count; i++)
        {
            if (i > 0 && keys[i] == keys[i - 1]) continue;
            keys[distinct++] = keys[i];
            degree[(int)(keys[i] >> 32)]++;
            degree[(int)(keys[i] & 0xFFFFFFFF)]++;
        }

        var offsets = new int[nodeCount + 1];
        for (var v = 0; v < nodeCount; v++) offsets[v + 1] = offsets[v] + degree[v];
        var next = offsets[..nodeCount];
        var neighbors = new int[offsets[nodeCount]];
        // Edges arrive sorted by (low, high), so every node's list fills in ascending order: first the
        // smaller neighbours (while their own edges are visited), then the larger ones.
        for (var i = 0; i < distinct; i++)
        {
            var low = (int)(keys[i] >> 32);
            var high = (int)(keys[i] & 0xFFFFFFFF);
            neighbors[next[low]++] = high;
            neighbors[next[high]++] = low;
        }
        return new UndirectedGraph(nodeCount, offsets, neighbors);
    }
}
