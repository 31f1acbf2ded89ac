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
    public static double[] Betweenness(UndirectedGraph graph, int? maxDegreeOfParallelism = null)
    {
        var n = graph.NodeCount;
        var workers = Math.Max(1, Math.Min(maxDegreeOfParallelism ?? Environment.ProcessorCount, n));
        var partials = new double[workers][];

        // Sources are dealt out round-robin (worker w takes w, w + workers, ...) rather than handed out
        // on demand: each worker sums its own sources in a fixed order, and the partial sums are added
        // in worker order, so the result is bit-for-bit the same on every run. Ties between nodes then
        // sort the same way every time. Interleaving still balances the load because cheap and costly
        // sources are spread evenly over the index range.
        Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, worker =>
        {
            var scratch = new BrandesScratch(n);
            var sum = new double[n];
            for (var source = worker; source < n; source += workers)
                scratch.AccumulateFrom(graph, source, sum);
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
        return betweenness;
    }

    /// <summary>The per-worker arrays of one Brandes pass, reused for every source and reset by what was touched.</summary>
    private sealed class BrandesScratch(int nodeCount)
    {
        private readonly int[] _distance = CreateFilled(nodeCount, -1);
        private readonly double[] _pathCount = new double[nodeCount];
        private readonly double[] _dependencyPerPath = new double[nodeCount];
        private readonly int[] _order = new int[nodeCount];

        public void AccumulateFrom(UndirectedGraph graph, int source, double[] betweenness)
        {
            var distance = _distance;
            var pathCount = _pathCount;
            var order = _order;

            // Breadth-first search counting shortest paths; _order doubles as the queue and, read
            // backwards, as the nodes by non-increasing distance.
            distance[source] = 0;
            pathCount[source] = 1;
            order[0] = source;
            int head = 0, tail = 1;
            while (head < tail)
            {
                var v = order[head++];
                var next = distance[v] + 1;
                var paths = pathCount[v];
                foreach (var w in graph.NeighborsOf(v))
                {
                    if (distance[w] < 0)
                    {
                        distance[w] = next;
                        order[tail++] = w;
                    }
                    if (distance[w] == next) pathCount[w] += paths;
                }
            }

            // Dependencies, pulled from the successors instead of pushed to predecessor lists: a
            // successor of v is a neighbour one step further away, and all of them were finished
            // earlier in this backwards walk. This needs no per-source predecessor lists at all.
            // delta(v) = sigma(v) * sum over successors w of (1 + delta(w)) / sigma(w).
            var perPath = _dependencyPerPath;
            for (var i = tail - 1; i >= 0; i--)
            {
                var v = order[i];
                var further = distance[v] + 1;
                var sum = 0.0;
                foreach (var w in graph.NeighborsOf(v))
                    if (distance[w] == further) sum += perPath[w];
                var dependency = pathCount[v] * sum;
                if (v != source) betweenness[v] += dependency;
                perPath[v] = (1.0 + dependency) / pathCount[v];
            }

            for (var i = 0; i < tail; i++)
            {
                var v = order[i];
                distance[v] = -1;
                pathCount[v] = 0;
                perPath[v] = 0;
            }
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

                if (total > 0 && n > 1)
                {
                    // Same operations in the same order as networkx, so the doubles agree exactly.
                    var value = (tail - 1.0) / total;
                    value *= (tail - 1.0) / (n - 1);
                    closeness[source] = value;
                }
                return scratch;
            },
            _ => { });
        return closeness;
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
