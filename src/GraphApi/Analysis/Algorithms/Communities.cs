namespace GraphApi.Analysis.Algorithms;

/// <summary>A partition into communities: <see cref="CommunityOf"/> maps a node to its community, numbered largest first.</summary>
public sealed record Partition(int[] CommunityOf, int[] Sizes, double Modularity)
{
    public int Count => Sizes.Length;
}

/// <summary>Community detection (clusters of the map) and the modularity that judges a partition.</summary>
public static class Communities
{
    /// <summary>
    /// Modularity as networkx <c>community.modularity(G, communities)</c> with resolution 1:
    /// the sum over communities of L_c/m − (D_c / 2m)², where L_c counts the edges inside c and D_c
    /// sums its degrees. networkx fails on a graph without edges (0/0); we return 0 there, which is
    /// what every partition of an empty structure is worth.
    /// </summary>
    public static double Modularity(UndirectedGraph graph, IReadOnlyList<int> communityOf)
    {
        if (communityOf.Count != graph.NodeCount)
            throw new ArgumentException($"Expected a community for each of the {graph.NodeCount} nodes.", nameof(communityOf));
        var m = graph.EdgeCount;
        if (m == 0) return 0;

        var count = communityOf.Count == 0 ? 0 : communityOf.Max() + 1;
        var inside = new long[count];
        var degreeSum = new long[count];
        foreach (var (u, v) in graph.Edges())
            if (communityOf[u] == communityOf[v]) inside[communityOf[u]]++;
        for (var v = 0; v < graph.NodeCount; v++) degreeSum[communityOf[v]] += graph.Degree(v);

        double degreeTotal = 2L * m;
        var norm = 1 / (degreeTotal * degreeTotal);
        var modularity = 0.0;
        for (var c = 0; c < count; c++)
            modularity += inside[c] / (double)m - (double)degreeSum[c] * degreeSum[c] * norm;
        return modularity;
    }

    /// <summary>
    /// Louvain (Blondel et al. 2008): nodes move to the neighbouring community that raises modularity
    /// most until none does, then each community becomes one node of a smaller weighted graph and
    /// the moving starts again; it stops when a level gains no more than <paramref name="threshold"/>
    /// (networkx's default). The visiting order is shuffled with <paramref name="seed"/>, so the
    /// same graph and seed always give the same partition.
    /// </summary>
    public static Partition Louvain(UndirectedGraph graph, int seed = 0, double threshold = 1e-7)
    {
        var n = graph.NodeCount;
        var communityOf = new int[n];
        for (var v = 0; v < n; v++) communityOf[v] = v;
        if (graph.EdgeCount == 0) return Numbered(graph, communityOf);

        var random = new Random(seed);
        var level = WeightedGraph.From(graph);
        var modularity = level.Modularity(Identity(level.NodeCount));
        while (true)
        {
            var moved = level.MoveNodes(random);
            // Carry the moves down to the original nodes before deciding whether to go on: the last
            // level's moves count even when their gain is below the threshold (as in networkx).
            for (var v = 0; v < n; v++) communityOf[v] = moved[communityOf[v]];
            var gained = level.Modularity(moved);
            if (gained - modularity <= threshold) break;
            modularity = gained;
            level = level.Aggregate(moved);
        }
        return Numbered(graph, communityOf);
    }

    /// <summary>The least improvement, in edge-weight units, that justifies moving a node.</summary>
    private const double MinimumGain = 1e-10;

    private static int[] Identity(int count) => Enumerable.Range(0, count).ToArray();

    /// <summary>Numbers communities largest first (ties: lowest member first) and scores the partition on the original graph.</summary>
    private static Partition Numbered(UndirectedGraph graph, int[] communityOf)
    {
        var n = communityOf.Length;
        var size = new int[n];
        var lowest = Centrality.CreateFilled(n, int.MaxValue);
        for (var v = 0; v < n; v++)
        {
            size[communityOf[v]]++;
            lowest[communityOf[v]] = Math.Min(lowest[communityOf[v]], v);
        }
        var order = Enumerable.Range(0, n).Where(c => size[c] > 0)
            .OrderByDescending(c => size[c]).ThenBy(c => lowest[c]).ToArray();
        var rename = new int[n];
        for (var i = 0; i < order.Length; i++) rename[order[i]] = i;
        var renamed = communityOf.Select(c => rename[c]).ToArray();
        return new Partition(renamed, order.Select(c => size[c]).ToArray(), Modularity(graph, renamed));
    }

    /// <summary>
    /// One Louvain level: a weighted graph whose nodes are the previous level's communities. Each
    /// node keeps the weight of the edges inside it as a self-loop; <see cref="_strength"/> is its
    /// weighted degree with that loop counted twice, so the strengths always sum to 2m of the
    /// original graph.
    /// </summary>
    private sealed class WeightedGraph
    {
        private readonly int[] _offsets;
        private readonly int[] _neighbors;
        private readonly double[] _weights;
        private readonly double[] _selfLoop;
        private readonly double[] _strength;
        private readonly double _totalStrength;

        private WeightedGraph(int[] offsets, int[] neighbors, double[] weights, double[] selfLoop)
        {
            _offsets = offsets;
            _neighbors = neighbors;
            _weights = weights;
            _selfLoop = selfLoop;
            NodeCount = selfLoop.Length;
            _strength = new double[NodeCount];
            for (var v = 0; v < NodeCount; v++)
            {
                var s = 2 * selfLoop[v];
                for (var i = offsets[v]; i < offsets[v + 1]; i++) s += weights[i];
                _strength[v] = s;
                _totalStrength += s;
            }
        }

        public int NodeCount { get; }

        public static WeightedGraph From(UndirectedGraph graph)
        {
            var n = graph.NodeCount;
            var offsets = new int[n + 1];
            for (var v = 0; v < n; v++) offsets[v + 1] = offsets[v] + graph.Degree(v);
            var neighbors = new int[offsets[n]];
            for (var v = 0; v < n; v++) graph.NeighborsOf(v).CopyTo(neighbors.AsSpan(offsets[v]));
            var weights = new double[neighbors.Length];
            Array.Fill(weights, 1.0);
            return new WeightedGraph(offsets, neighbors, weights, new double[n]);
        }

        /// <summary>
        /// The local moving phase. Returns each node's community, numbered 0..k-1 in order of first
        /// appearance so that the next level's nodes are dense.
        /// </summary>
        public int[] MoveNodes(Random random)
        {
            var n = NodeCount;
            var community = Identity(n);
            var communityStrength = (double[])_strength.Clone();
            var weightTo = new double[n];       // weight from the current node to each community
            var touched = new List<int>();
            var order = Identity(n);
            random.Shuffle(order);
            var twiceM = _totalStrength;

            bool anyMove;
            do
            {
                anyMove = false;
                foreach (var v in order)
                {
                    for (var i = _offsets[v]; i < _offsets[v + 1]; i++)
                    {
                        var c = community[_neighbors[i]];
                        if (weightTo[c] == 0) touched.Add(c);
                        weightTo[c] += _weights[i];
                    }

                    // Take v out of its community, then put it where it adds most. Adding v to c
                    // changes modularity by (weightTo[c] − strength(v)·Σ(c)/2m)/m; the common factor
                    // 1/m does not change the choice. Staying is the baseline: a move must beat it
                    // by more than rounding noise, or two near-equal options could swap forever.
                    var own = community[v];
                    var strength = _strength[v];
                    communityStrength[own] -= strength;
                    var stayGain = weightTo[own] - strength * communityStrength[own] / twiceM;
                    var best = own;
                    var bestGain = stayGain;
                    foreach (var c in touched)
                    {
                        var gain = weightTo[c] - strength * communityStrength[c] / twiceM;
                        if (gain > bestGain)
                        {
                            bestGain = gain;
                            best = c;
                        }
                    }
                    if (bestGain - stayGain <= MinimumGain) best = own;
                    communityStrength[best] += strength;
                    if (best != own)
                    {
                        community[v] = best;
                        anyMove = true;
                    }

                    foreach (var c in touched) weightTo[c] = 0;
                    touched.Clear();
                }
            } while (anyMove);

            var dense = Centrality.CreateFilled(n, -1);
            var next = 0;
            for (var v = 0; v < n; v++)
            {
                if (dense[community[v]] < 0) dense[community[v]] = next++;
                community[v] = dense[community[v]];
            }
            return community;
        }

        /// <summary>Modularity of a partition of this level's nodes (equal to that of the induced partition of the original graph).</summary>
        public double Modularity(int[] community)
        {
            var count = community.Length == 0 ? 0 : community.Max() + 1;
            var inside = new double[count];
            var strength = new double[count];
            for (var v = 0; v < NodeCount; v++)
            {
                var c = community[v];
                inside[c] += _selfLoop[v];
                strength[c] += _strength[v];
                for (var i = _offsets[v]; i < _offsets[v + 1]; i++)
                    if (_neighbors[i] > v && community[_neighbors[i]] == c) inside[c] += _weights[i];
            }
            var m = _totalStrength / 2;
            var modularity = 0.0;
            for (var c = 0; c < count; c++)
                modularity += inside[c] / m - strength[c] / _totalStrength * (strength[c] / _totalStrength);
            return modularity;
        }

        /// <summary>The next level: one node per community, edge weights summed, inside weight kept as a self-loop.</summary>
        public WeightedGraph Aggregate(int[] community)
        {
            var count = community.Max() + 1;
            var selfLoop = new double[count];
            var edges = new Dictionary<long, double>();
            for (var v = 0; v < NodeCount; v++)
            {
                var cv = community[v];
                selfLoop[cv] += _selfLoop[v];
                for (var i = _offsets[v]; i < _offsets[v + 1]; i++)
                {
                    var w = _neighbors[i];
                    if (w < v) continue; // each edge once
                    var cw = community[w];
                    if (cv == cw) selfLoop[cv] += _weights[i];
                    else
                    {
                        var key = cv < cw ? ((long)cv << 32) | (uint)cw : ((long)cw << 32) | (uint)cv;
                        edges[key] = edges.GetValueOrDefault(key) + _weights[i];
                    }
                }
            }

            var degree = new int[count];
            foreach (var key in edges.Keys)
            {
                degree[(int)(key >> 32)]++;
                degree[(int)(key & 0xFFFFFFFF)]++;
            }
            var offsets = new int[count + 1];
            for (var c = 0; c < count; c++) offsets[c + 1] = offsets[c] + degree[c];
            var next = offsets[..count];
            var neighbors = new int[offsets[count]];
            var weights = new double[neighbors.Length];
            foreach (var (key, weight) in edges)
            {
                var a = (int)(key >> 32);
                var b = (int)(key & 0xFFFFFFFF);
                neighbors[next[a]] = b;
                weights[next[a]++] = weight;
                neighbors[next[b]] = a;
                weights[next[b]++] = weight;
            }
            return new WeightedGraph(offsets, neighbors, weights, selfLoop);
        }
    }
}
