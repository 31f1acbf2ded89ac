using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace GraphApi.Analysis.Algorithms;

/// <summary>
/// Node centralities of an unweighted undirected graph. Each one follows the definition and the
/// default normalisation of networkx 3.x, so that a coordinator can check a figure with a standard
/// tool and the tests can compare against it (issue 3).
/// </summary>
public static class Centrality
{
    /// <summary>networkx <c>degree_centrality</c>: degree / (n - 1); every node is 1 when n ≤ 1.</summary>
    public static double[] Degree(UndirectedGraph graph)
    {
        var n = graph.NodeCount;
        var result = new double[n];
        if (n <= 1)
        {
            Array.Fill(result, 1.0);
            return result;
        }
        var scale = 1.0 / (n - 1.0);
        for (var v = 0; v < n; v++) result[v] = graph.Degree(v) * scale;
        return result;
    }

    /// <summary>
    /// Exact shortest-path betweenness (Brandes 2001), as networkx <c>betweenness_centrality(G)</c>:
    /// normalized, endpoints excluded, so the value is the share of the (n-1)(n-2) ordered pairs
    /// of other nodes whose shortest paths pass through the node.
    /// </summary>
    /// <param name="maxDegreeOfParallelism">Worker count; the default is one per processor.</param>
    public static double[] Betweenness(UndirectedGraph graph, int? maxDegreeOfParallelism = null) =>
        BetweennessAndCloseness(graph, maxDegreeOfParallelism).Betweenness;

    /// <summary>
    /// <see cref="Betweenness"/> and <see cref="Closeness"/> together: Brandes' breadth-first search
    /// from every node already yields the distances that closeness sums, so the pair costs no more
    /// than betweenness alone.
    /// </summary>
    public static (double[] Betweenness, double[] Closeness) BetweennessAndCloseness(UndirectedGraph graph, int? maxDegreeOfParallelism = null)
    {
        // Work on a breadth-first renumbering: neighbours then sit close together in the per-node
        // arrays, which the searches read at random. On the synthetic 13,000-node network this saves
        // about a fifth of the time; the results are mapped back below.
        var newNumber = graph.BreadthFirstNumbering();
        var (betweenness, closeness) = BetweennessAndClosenessAsNumbered(graph.Renumbered(newNumber), maxDegreeOfParallelism);
        var n = graph.NodeCount;
        var betweennessByNode = new double[n];
        var closenessByNode = new double[n];
        for (var v = 0; v < n; v++)
        {
            betweennessByNode[v] = betweenness[newNumber[v]];
            closenessByNode[v] = closeness[newNumber[v]];
        }
        return (betweennessByNode, closenessByNode);
    }

    private static (double[] Betweenness, double[] Closeness) BetweennessAndClosenessAsNumbered(UndirectedGraph graph, int? maxDegreeOfParallelism)
    {
        var n = graph.NodeCount;
        var workers = Math.Max(1, Math.Min(maxDegreeOfParallelism ?? Environment.ProcessorCount, n));
        var partials = new double[workers][];
        var closeness = new double[n];

        // Sources are dealt out round-robin (worker w takes w, w + workers, ...) rather than handed out
        // on demand: each worker sums its own sources in a fixed order, and the partial sums are added
        // in worker order, so with the same worker count the result is bit-for-bit the same. Ties then
        // sort the same way every time. Interleaving still balances the load because cheap and costly
        // sources are spread evenly over the index range.
        Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, worker =>
        {
            var scratch = new BrandesScratch(graph);
            var sum = new double[n];
            for (var source = worker; source < n; source += workers)
            {
                var (reached, distanceSum) = scratch.AccumulateFrom(source, sum);
                closeness[source] = ClosenessOf(reached, distanceSum, n); // each source has one worker: no race
            }
            partials[worker] = sum;
        });

        var betweenness = new double[n];
        foreach (var partial in partials)
            for (var v = 0; v < n; v++) betweenness[v] += partial[v];

        // Every unordered pair {s, t} was counted from both ends, which the denominator (ordered pairs)
        // already expects: networkx divides the same sums by (n-1)(n-2) for undirected graphs too.
        if (n > 2)
        {
            var scale = 1.0 / ((n - 1.0) * (n - 2.0));
            for (var v = 0; v < n; v++) betweenness[v] *= scale;
        }
        return (betweenness, closeness);
    }

    /// <summary>The per-worker arrays of one Brandes pass, reused for every source and reset by what was touched.</summary>
    private sealed class BrandesScratch(UndirectedGraph graph)
    {
        private readonly int[] _distance = CreateFilled(graph.NodeCount, -1);
        private readonly double[] _pathCount = new double[graph.NodeCount];
        private readonly double[] _dependencyPerPath = new double[graph.NodeCount];
        private readonly int[] _order = new int[graph.NodeCount];
        // The successors of v on shortest paths from the current source (neighbours one step further
        // away), written into v's own slice of the adjacency layout so no allocation is needed.
        private readonly int[] _successors = new int[graph.AdjacencyArray.Length];
        private readonly int[] _successorCount = new int[graph.NodeCount];

        /// <summary>Adds the source's dependencies to <paramref name="betweenness"/>; returns how many nodes it reaches (itself included) and their distance sum.</summary>
        public (int Reached, long DistanceSum) AccumulateFrom(int source, double[] betweenness)
        {
            // This loop runs about 2m times per source, n times over: array accesses go through refs
            // without bounds checks (every index is a node number or a CSR position, valid by construction).
            ref var offsets = ref MemoryMarshal.GetArrayDataReference(graph.Offsets);
            ref var adjacency = ref MemoryMarshal.GetArrayDataReference(graph.AdjacencyArray);
            ref var distance = ref MemoryMarshal.GetArrayDataReference(_distance);
            ref var pathCount = ref MemoryMarshal.GetArrayDataReference(_pathCount);
            ref var order = ref MemoryMarshal.GetArrayDataReference(_order);
            ref var successors = ref MemoryMarshal.GetArrayDataReference(_successors);
            ref var successorCount = ref MemoryMarshal.GetArrayDataReference(_successorCount);
            ref var perPath = ref MemoryMarshal.GetArrayDataReference(_dependencyPerPath);

            // Breadth-first search counting shortest paths (sigma); _order doubles as the queue and,
            // read backwards, lists the nodes by non-increasing distance.
            Unsafe.Add(ref distance, source) = 0;
            Unsafe.Add(ref pathCount, source) = 1;
            order = source;
            int head = 0, tail = 1;
            long distanceSum = 0;
            while (head < tail)
            {
                var v = Unsafe.Add(ref order, head++);
                var next = Unsafe.Add(ref distance, v) + 1;
                var paths = Unsafe.Add(ref pathCount, v);
                int first = Unsafe.Add(ref offsets, v), end = Unsafe.Add(ref offsets, v + 1), found = first;
                for (var i = first; i < end; i++)
                {
                    var w = Unsafe.Add(ref adjacency, i);
                    ref var distanceW = ref Unsafe.Add(ref distance, w);
                    if (distanceW < 0)
                    {
                        distanceW = next;
                        distanceSum += next;
                        Unsafe.Add(ref order, tail++) = w;
                    }
                    else if (distanceW != next) continue;
                    Unsafe.Add(ref pathCount, w) += paths;
                    Unsafe.Add(ref successors, found++) = w;
                }
                Unsafe.Add(ref successorCount, v) = found - first;
            }

            // Dependencies, pulled from the recorded successors, which this backwards walk finished
            // before v: delta(v) = sigma(v) * sum over successors w of (1 + delta(w)) / sigma(w).
            // Pulling means each node is written once, and the walk reads only DAG edges, not every neighbour.
            for (var i = tail - 1; i >= 0; i--)
            {
                var v = Unsafe.Add(ref order, i);
                var first = Unsafe.Add(ref offsets, v);
                var end = first + Unsafe.Add(ref successorCount, v);
                var sum = 0.0;
                for (var j = first; j < end; j++) sum += Unsafe.Add(ref perPath, Unsafe.Add(ref successors, j));
                var sigma = Unsafe.Add(ref pathCount, v);
                var dependency = sigma * sum;
                if (v != source) betweenness[v] += dependency;
                Unsafe.Add(ref perPath, v) = (1.0 + dependency) / sigma;
            }

            for (var i = 0; i < tail; i++)
            {
                var v = Unsafe.Add(ref order, i);
                Unsafe.Add(ref distance, v) = -1;
                Unsafe.Add(ref pathCount, v) = 0;
            }
            return (tail, distanceSum);
        }
    }

    /// <summary>
    /// networkx <c>closeness_centrality(G)</c> with its default <c>wf_improved=True</c>: (r-1)/total
    /// distance to the r-1 reachable nodes, scaled by (r-1)/(n-1) so that nodes in small components
    /// do not look central (Wasserman and Faust). An isolated node scores 0.
    /// </summary>
    public static double[] Closeness(UndirectedGraph graph, int? maxDegreeOfParallelism = null)
    {
        var n = graph.NodeCount;
        var closeness = new double[n];
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, maxDegreeOfParallelism ?? Environment.ProcessorCount) };
        // Each source writes only its own slot and sums integers, so scheduling cannot change a bit.
        Parallel.For(0, n, options,
            () => (Distance: CreateFilled(n, -1), Queue: new int[n]),
            (source, _, scratch) =>
            {
                var (distance, queue) = scratch;
                distance[source] = 0;
                queue[0] = source;
                int head = 0, tail = 1;
                long total = 0;
                while (head < tail)
                {
                    var v = queue[head++];
                    var next = distance[v] + 1;
                    foreach (var w in graph.NeighborsOf(v))
                    {
                        if (distance[w] >= 0) continue;
                        distance[w] = next;
                        total += next;
                        queue[tail++] = w;
                    }
                }
                for (var i = 0; i < tail; i++) distance[queue[i]] = -1;

                closeness[source] = ClosenessOf(tail, total, n);
                return scratch;
            },
            _ => { });
        return closeness;
    }

    /// <summary>Closeness of a node that reaches <paramref name="reached"/> nodes (itself included) at a total distance of <paramref name="distanceSum"/>.</summary>
    private static double ClosenessOf(int reached, long distanceSum, int n)
    {
        if (distanceSum == 0 || n <= 1) return 0;
        // Same operations in the same order as networkx, so the doubles agree exactly.
        var value = (reached - 1.0) / distanceSum;
        value *= (reached - 1.0) / (n - 1);
        return value;
    }

    /// <summary>
    /// PageRank as networkx <c>pagerank(G)</c> computes it by default: the undirected graph read as
    /// a directed one with both directions, damping <paramref name="alpha"/>, uniform teleport,
    /// dangling (isolated) nodes spreading their rank uniformly, power iteration from the uniform
    /// vector until the L1 change drops below n·<paramref name="tolerance"/>. The result is not
    /// renormalised afterwards, exactly like networkx.
    /// </summary>
    /// <remarks>
    /// networkx raises an error when <paramref name="maxIterations"/> pass without convergence; with
    /// the defaults that cannot happen here (the change shrinks at least by alpha per step, and
    /// 2·0.85^100 &lt; 1e-6), so with other settings we return the last iterate instead.
    /// </remarks>
    public static double[] PageRank(UndirectedGraph graph, double alpha = 0.85, int maxIterations = 100, double tolerance = 1e-6)
    {
        var n = graph.NodeCount;
        if (n == 0) return [];

        var uniform = 1.0 / n;
        var inverseDegree = new double[n];
        var dangling = new List<int>();
        for (var v = 0; v < n; v++)
        {
            var degree = graph.Degree(v);
            if (degree == 0) dangling.Add(v);
            else inverseDegree[v] = 1.0 / degree;
        }

        var rank = new double[n];
        Array.Fill(rank, uniform);
        var previous = new double[n];
        for (var iteration = 0; iteration < maxIterations; iteration++)
        {
            (previous, rank) = (rank, previous);
            var danglingSum = 0.0;
            foreach (var v in dangling) danglingSum += previous[v];

            var change = 0.0;
            for (var v = 0; v < n; v++)
            {
                // Incoming rank: every neighbour u passes on previous[u] / degree(u).
                var incoming = 0.0;
                foreach (var u in graph.NeighborsOf(v)) incoming += previous[u] * inverseDegree[u];
                rank[v] = alpha * (incoming + danglingSum * uniform) + (1 - alpha) * uniform;
                change += Math.Abs(rank[v] - previous[v]);
            }
            if (change < n * tolerance) break;
        }
        return rank;
    }

    internal static int[] CreateFilled(int length, int value)
    {
        var array = new int[length];
        Array.Fill(array, value);
        return array;
    }
}
