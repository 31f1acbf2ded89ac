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
        var low = new int[n];          // lowest discovery time reachable from the subtree by one back edge
        var subtree = new int[n];      // nodes in the DFS subtree
        var parent = new int[n];
        var rootOf = new int[n];       // the DFS root of each node's component; its subtree is the component
        var nextNeighbor = new int[n]; // how far each node on the stack has got through its neighbours
        var stack = new int[n];
        // Flat lists instead of a list per node: a path of 200,000 nodes has 199,998 cut vertices.
        var separations = new List<(int Node, int Size)>(); // a child subtree that removing Node cuts off
        var treeBridges = new List<(int Parent, int Child)>();
        var time = 0;

        for (var root = 0; root < n; root++)
        {
            if (discovery[root] >= 0) continue;
            var depth = 0;
            stack[depth++] = root;
            parent[root] = -1;
            rootOf[root] = root;
            discovery[root] = low[root] = time++;
            subtree[root] = 1;

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
                // Nothing in v's subtree reaches above p: removing p cuts the subtree off; and if
                // nothing reaches p itself either, the edge p–v alone holds it.
                if (low[v] >= discovery[p]) separations.Add((p, subtree[v]));
                if (low[v] > discovery[p]) treeBridges.Add((p, v));
            }
        }

        return new Cuts(ArticulationPoints(), Bridges());

        List<CutVertex> ArticulationPoints()
        {
            // Group the separations by node (counting sort), which also yields the nodes in ascending order.
            var offsets = new int[n + 1];
            foreach (var (node, _) in separations) offsets[node + 1]++;
            for (var v = 0; v < n; v++) offsets[v + 1] += offsets[v];
            var sizes = new int[separations.Count];
            var fill = offsets[..n];
            foreach (var (node, size) in separations) sizes[fill[node]++] = size;

            var points = new List<CutVertex>();
            for (var v = 0; v < n; v++)
            {
                var cutOff = offsets[v + 1] - offsets[v];
                var isRoot = parent[v] < 0;
                // Every child of a DFS root is cut off from the others; the root is a cut vertex only with two or more.
                if (cutOff == 0 || (isRoot && cutOff < 2)) continue;
                var parts = new int[isRoot ? cutOff : cutOff + 1];
                var inCutOff = 0;
                for (var i = 0; i < cutOff; i++) inCutOff += parts[i] = sizes[offsets[v] + i];
                // Below a non-root node, the rest of the component (holding its parent) is one more part.
                if (!isRoot) parts[cutOff] = subtree[rootOf[v]] - 1 - inCutOff;
                Array.Sort(parts, (a, b) => b.CompareTo(a));
                points.Add(new CutVertex(v, parts));
            }
            return points;
        }

        List<CutEdge> Bridges()
        {
            var bridges = new List<CutEdge>(treeBridges.Count);
            foreach (var (p, child) in treeBridges)
            {
                var below = subtree[child];
                var above = subtree[rootOf[p]] - below;
                bridges.Add(p < child ? new CutEdge(p, child, above, below) : new CutEdge(child, p, below, above));
            }
            bridges.Sort((a, b) => a.U != b.U ? a.U.CompareTo(b.U) : a.V.CompareTo(b.V));
            return bridges;
        }
    }
}
