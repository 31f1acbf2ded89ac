namespace GraphApi.Analysis.Algorithms;

/// <summary>The connected components: <see cref="ComponentOf"/> maps a node to its component; <see cref="Sizes"/> are by component.</summary>
/// <remarks>Components are numbered by size, largest first (ties: the one with the smaller lowest node first), so component 0 is the main network.</remarks>
public sealed record Components(int[] ComponentOf, int[] Sizes)
{
    public int Count => Sizes.Length;
}

/// <summary>A node whose removal splits its component; <see cref="PartSizes"/> are the parts left, largest first (they sum to the component's size minus one).</summary>
public sealed record CutVertex(int Node, int[] PartSizes);

/// <summary>An edge whose removal splits its component into a part holding <see cref="U"/> and a part holding <see cref="V"/>.</summary>
public sealed record CutEdge(int U, int V, int PartSizeU, int PartSizeV);

/// <summary>The single points of failure of a graph: articulation points and bridges, each in ascending node order.</summary>
public sealed record Cuts(IReadOnlyList<CutVertex> ArticulationPoints, IReadOnlyList<CutEdge> Bridges);

/// <summary>Components and cuts. Everything is iterative: the graphs have tens of thousands of nodes and a path-like chain would overflow the call stack.</summary>
public static class Connectivity
{
    public static Components ConnectedComponents(UndirectedGraph graph)
    {
        var n = graph.NodeCount;
        var label = Centrality.CreateFilled(n, -1);
        var queue = new int[n];
        var sizes = new List<int>();
        for (var start = 0; start < n; start++)
        {
            if (label[start] >= 0) continue;
            var index = sizes.Count;
            label[start] = index;
            queue[0] = start;
            int head = 0, tail = 1;
            while (head < tail)
                foreach (var w in graph.NeighborsOf(queue[head++]))
                    if (label[w] < 0)
                    {
                        label[w] = index;
                        queue[tail++] = w;
                    }
            sizes.Add(tail);
        }

        // Found in order of their lowest node; renumber largest first (a stable sort keeps that order for ties).
        var bySize = Enumerable.Range(0, sizes.Count).OrderByDescending(c => sizes[c]).ToArray();
        var rename = new int[bySize.Length];
        for (var i = 0; i < bySize.Length; i++) rename[bySize[i]] = i;
        for (var v = 0; v < n; v++) label[v] = rename[label[v]];
        return new Components(label, bySize.Select(c => sizes[c]).ToArray());
    }

    /// <summary>
    /// Articulation points and bridges in one depth-first search (Hopcroft–Tarjan low points), with
    /// the sizes of the parts each one's removal would leave inside its component.
    /// </summary>
    public static Cuts FindCuts(UndirectedGraph graph)
    {
        var n = graph.NodeCount;
        var discovery = Centrality.CreateFilled(n, -1); // DFS discovery time, -1 = unvisited
        var low = new int[n];       // lowest discovery time reachable through the subtree plus one back edge
        var subtree = new int[n];   // nodes in the DFS subtree
        var parent = new int[n];
        var nextNeighbor = new int[n]; // how far each node on the stack has got through its neighbours
        // Per node: the sizes of child subtrees that removing it would cut off.
        var separated = new List<int>?[n];
        var rootOf = new int[n];       // the DFS root of each node's component
        var stack = new int[n];
        var bridges = new List<CutEdge>();
        var articulation = new List<CutVertex>();
        var time = 0;

        for (var root = 0; root < n; root++)
        {
            if (discovery[root] >= 0) continue;
            var componentStart = time;
            var firstBridge = bridges.Count;
            var depth = 0;
            stack[depth++] = root;
            parent[root] = -1;
            rootOf[root] = root;
            discovery[root] = low[root] = time++;
            subtree[root] = 1;
            var rootChildren = new List<int>();

            while (depth > 0)
            {
                var v = stack[depth - 1];
                var neighbors = graph.NeighborsOf(v);
                if (nextNeighbor[v] < neighbors.Length)
                {
                    var w = neighbors[nextNeighbor[v]++];
                    if (discovery[w] < 0)
                    {
                        parent[w] = v;
                        rootOf[w] = root;
                        discovery[w] = low[w] = time++;
                        subtree[w] = 1;
                        stack[depth++] = w;
                    }
                    else if (w != parent[v])
                    {
                        // A back edge (simple graph: the only edge to the parent is the tree edge).
                        low[v] = Math.Min(low[v], discovery[w]);
                    }
                    continue;
                }

                // v is finished: report to its parent.
                depth--;
                var p = parent[v];
                if (p < 0) continue;
                subtree[p] += subtree[v];
                low[p] = Math.Min(low[p], low[v]);
                if (low[v] > discovery[p]) bridges.Add(new CutEdge(p, v, 0, subtree[v])); // p's side is filled in below
                if (low[v] >= discovery[p])
                {
                    if (p == root) rootChildren.Add(subtree[v]);
                    else (separated[p] ??= []).Add(subtree[v]);
                }
            }

            // The component is now complete: its size is known, so the remaining parts can be sized.
            var componentSize = time - componentStart;
            for (var i = firstBridge; i < bridges.Count; i++)
                bridges[i] = bridges[i] with { PartSizeU = componentSize - bridges[i].PartSizeV };
            if (rootChildren.Count >= 2)
                articulation.Add(new CutVertex(root, [.. rootChildren.OrderDescending()]));
        }

        // A non-root node v with cut-off children also leaves the rest of its component, which holds its parent.
        for (var v = 0; v < n; v++)
        {
            if (separated[v] is not { } parts) continue;
            // The root's subtree is the whole component.
            var rest = subtree[rootOf[v]] - 1 - parts.Sum();
            parts.Add(rest);
            articulation.Add(new CutVertex(v, [.. parts.OrderDescending()]));
        }

        return new Cuts(
            [.. articulation.OrderBy(a => a.Node)],
            [.. bridges.Select(b => b.U < b.V ? b : new CutEdge(b.V, b.U, b.PartSizeV, b.PartSizeU)).OrderBy(b => b.U).ThenBy(b => b.V)]);
    }
}
