using GraphApi.Networks;
using GraphApi.Storage;
using GraphShape.Algorithms.Layout;
using GraphShape.Algorithms.OverlapRemoval;
using QuikGraph;

namespace GraphUi.Components.Map.Diagram;

/// <summary>
/// The map's layouts, computed in C# (GraphShape + QuikGraph): deterministic for the same network (fixed seed, start
/// positions from the sorted ids), checked for invalid numbers (GraphShape's FR returns NaN on some graphs: then
/// ISOM, then a circle), and freed of overlapping cards. Positions are the cards' top-left corners.
/// </summary>
public static class MapLayouts
{
    public const string Force = "force", Layered = "layered", Territory = "territory", Topic = "topic", Concentric = "concentric";
    public static readonly string[] All = [Force, Layered, Territory, Topic, Concentric];
    private const int Seed = 20261201;
    private const double Gap = 40;

    public static Dictionary<string, NodePosition> Compute(string layout, NetworkView view, Func<string, (double W, double H)> size)
    {
        var ids = view.Nodes.Select(n => n.Id).Order(StringComparer.Ordinal).ToList();
        if (ids.Count == 0) return [];
        var centres = layout switch
        {
            Layered => LayeredCentres(ids, view, size),
            Territory or Topic => GroupedCentres(ids, view, size, n => GroupOf(layout, n)),
            Concentric => ConcentricCentres(ids, view, size),
            _ => ForceCentres(ids, view.Edges),
        };
        return RemoveOverlaps(centres, size);
    }

    /// <summary>Whether a layout packs its nodes in groups (and the map draws each group's frame).</summary>
    public static bool IsGrouped(string layout) => layout is Territory or Topic;

    /// <summary>The group a node belongs to in a grouped layout: its first territory or topic (a territory or topic node is its own); null: none.</summary>
    public static string? GroupOf(string layout, GraphApi.Domain.Entity node) => (layout, node) switch
    {
        (Territory, GraphApi.Domain.Actor a) => a.Territories.FirstOrDefault(),
        (Territory, GraphApi.Domain.Body b) => b.Territories.FirstOrDefault(),
        (Territory, GraphApi.Domain.Measure m) => m.Territories.FirstOrDefault(),
        (Territory, GraphApi.Domain.Territory t) => t.Id,
        (Topic, GraphApi.Domain.Actor a) => a.Topics.FirstOrDefault(),
        (Topic, GraphApi.Domain.Body b) => b.Topics.FirstOrDefault(),
        (Topic, GraphApi.Domain.Measure m) => m.Topics.FirstOrDefault(),
        (Topic, GraphApi.Domain.Topic t) => t.Id,
        _ => null,
    };

    /// <summary>Force-directed (Fruchterman–Reingold); ISOM when FR gives invalid numbers, a circle when both do.</summary>
    public static Dictionary<string, (double X, double Y)> ForceCentres(IReadOnlyList<string> ids, IEnumerable<ViewEdge> edges)
    {
        var graph = new BidirectionalGraph<string, Edge<string>>(allowParallelEdges: false);
        graph.AddVertexRange(ids);
        foreach (var e in edges)
            if (graph.ContainsVertex(e.Source) && graph.ContainsVertex(e.Target) && e.Source != e.Target && !graph.ContainsEdge(e.Source, e.Target))
                graph.AddEdge(new Edge<string>(e.Source, e.Target));
        var start = Circle(ids, 60 * Math.Sqrt(ids.Count) + 100);
        var startPoints = start.ToDictionary(p => p.Key, p => new GraphShape.Point(p.Value.X, p.Value.Y));

        if (ids.Count <= 1500)
        {
            var fr = new FRLayoutAlgorithm<string, Edge<string>, BidirectionalGraph<string, Edge<string>>>(graph, new Dictionary<string, GraphShape.Point>(startPoints),
                new FreeFRLayoutParameters { IdealEdgeLength = 170, MaxIterations = ids.Count > 500 ? 120 : 300 }) { Rand = new Random(Seed) };
            fr.Compute();
            if (Valid(fr.VerticesPositions, ids)) return Spread(fr.VerticesPositions.ToDictionary(p => p.Key, p => (p.Value.X, p.Value.Y)));
        }
        var isom = new ISOMLayoutAlgorithm<string, Edge<string>, BidirectionalGraph<string, Edge<string>>>(graph, new Dictionary<string, GraphShape.Point>(startPoints),
            new ISOMLayoutParameters { Width = 260 * Math.Sqrt(ids.Count) + 400, Height = 160 * Math.Sqrt(ids.Count) + 300 }) { Rand = new Random(Seed) };
        isom.Compute();
        return Spread(Valid(isom.VerticesPositions, ids) ? isom.VerticesPositions.ToDictionary(p => p.Key, p => (p.Value.X, p.Value.Y)) : start);
    }

    /// <summary>
    /// Evens out the density of a force layout inside a 16:9 box (a projector's shape): each coordinate moves most of the
    /// way to its rank among all nodes, so the order (who is left of whom) stays and neighbours stay near, but a dense
    /// core no longer forces a tiny zoom while loose ends sit far out.
    /// </summary>
    private static Dictionary<string, (double X, double Y)> Spread(Dictionary<string, (double X, double Y)> centres)
    {
        var n = centres.Count;
        if (n < 3) return centres;
        const double cellWidth = 280, cellHeight = 150, keep = 0.25;
        var width = Math.Sqrt(n * cellWidth * cellHeight * 16 / 9);
        var height = width * 9 / 16;
        Dictionary<string, double> Rank(Func<(double X, double Y), double> axis) => centres.OrderBy(c => axis(c.Value)).ThenBy(c => c.Key, StringComparer.Ordinal)
            .Select((c, i) => (c.Key, i)).ToDictionary(c => c.Key, c => (double)c.i / (n - 1), StringComparer.Ordinal);
        var rx = Rank(p => p.X);
        var ry = Rank(p => p.Y);
        var (minX, maxX) = (centres.Values.Min(p => p.X), centres.Values.Max(p => p.X));
        var (minY, maxY) = (centres.Values.Min(p => p.Y), centres.Values.Max(p => p.Y));
        double Norm(double v, double lo, double hi) => hi - lo < 1e-9 ? 0.5 : (v - lo) / (hi - lo);
        return centres.ToDictionary(c => c.Key, c => (
            width * (keep * Norm(c.Value.X, minX, maxX) + (1 - keep) * rx[c.Key]),
            height * (keep * Norm(c.Value.Y, minY, maxY) + (1 - keep) * ry[c.Key])), StringComparer.Ordinal);
    }

    private static bool Valid(IDictionary<string, GraphShape.Point> positions, IReadOnlyList<string> ids) =>
        ids.All(id => positions.TryGetValue(id, out var p) && double.IsFinite(p.X) && double.IsFinite(p.Y) && Math.Abs(p.X) < 1e6 && Math.Abs(p.Y) < 1e6);

    private static Dictionary<string, (double X, double Y)> Circle(IReadOnlyList<string> ids, double radius) =>
        ids.Select((id, i) => (id, a: 2 * Math.PI * i / ids.Count))
            .ToDictionary(p => p.id, p => (radius * Math.Cos(p.a), radius * Math.Sin(p.a)), StringComparer.Ordinal);

    /// <summary>Rows by the "reports to" and "part of" hierarchy: the top of each chain first, ordered within a row by their parents' places.</summary>
    private static Dictionary<string, (double X, double Y)> LayeredCentres(IReadOnlyList<string> ids, NetworkView view, Func<string, (double W, double H)> size)
    {
        var up = view.Edges.Where(e => e.Type is "reportsTo" or "partOf").GroupBy(e => e.Source).ToDictionary(g => g.Key, g => g.Select(e => e.Target).Order(StringComparer.Ordinal).ToList());
        var depth = new Dictionary<string, int>(StringComparer.Ordinal);
        int Depth(string id, int guard)
        {
            if (depth.TryGetValue(id, out var d)) return d;
            if (guard > 50 || !up.TryGetValue(id, out var parents)) return depth[id] = 0;
            return depth[id] = 1 + parents.Max(p => Depth(p, guard + 1));
        }
        // Nodes outside the hierarchy go in the row of the body they are most linked to, else the last row.
        foreach (var id in ids) Depth(id, 0);
        var inHierarchy = up.Keys.Concat(up.Values.SelectMany(v => v)).ToHashSet(StringComparer.Ordinal);
        var maxDepth = depth.Where(d => inHierarchy.Contains(d.Key)).Select(d => d.Value).DefaultIfEmpty(0).Max();
        foreach (var id in ids.Where(i => !inHierarchy.Contains(i))) depth[id] = maxDepth + 1;

        var rows = ids.GroupBy(id => depth[id]).OrderBy(g => g.Key).ToList();
        var result = new Dictionary<string, (double X, double Y)>(StringComparer.Ordinal);
        double y = 0;
        const int perRow = 12;
        foreach (var row in rows)
        {
            var ordered = row.OrderBy(id => up.TryGetValue(id, out var ps) && ps.All(result.ContainsKey) ? ps.Average(p => result[p].X) : double.MaxValue)
                .ThenBy(id => id, StringComparer.Ordinal).ToList();
            for (var start = 0; start < ordered.Count; start += perRow)
            {
                var chunk = ordered.Skip(start).Take(perRow).ToList();
                var x = -chunk.Sum(id => size(id).W + Gap) / 2;
                var height = chunk.Max(id => size(id).H);
                foreach (var id in chunk)
                {
                    var (w, _) = size(id);
                    result[id] = (x + w / 2, y + height / 2);
                    x += w + Gap;
                }
                y += height + 2.5 * Gap;
            }
            y += 2 * Gap;
        }
        return result;
    }

    /// <summary>
    /// One block per group (territory or topic), blocks in rows; inside a block the force layout of its nodes. Groups of one
    /// card (a municipality with its one office) stand in a column on the left with their names beside them: above a
    /// one-card frame a name has room for a few letters only ("Am…"). The column leaves room on its right for the longest
    /// name at the size the map shows names when the whole drawing fits a desk's map.
    /// </summary>
    private static Dictionary<string, (double X, double Y)> GroupedCentres(IReadOnlyList<string> ids, NetworkView view, Func<string, (double W, double H)> size,
        Func<GraphApi.Domain.Entity, string?> groupOf)
    {
        var byId = view.Nodes.ToDictionary(n => n.Id, StringComparer.Ordinal);
        var groups = ids.GroupBy(id => groupOf(byId[id]) ?? "\uffff").OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        var singles = groups.Any(g => g.Count() > 1)
            ? groups.Where(g => g.Count() == 1).Select(g => (Id: g.Single(), Name: view.Snapshot.Find(g.Key)?.Label ?? "")).ToList()
            : [];
        var blocks = groups.Where(g => singles.Count == 0 || g.Count() > 1).Select(g =>
        {
            var members = g.ToList();
            var inner = RemoveOverlaps(ForceCentres(members, view.Edges), size);
            var minX = inner.Values.Min(p => p.X);
            var minY = inner.Values.Min(p => p.Y);
            var w = members.Max(id => inner[id].X - minX + size(id).W);
            var h = members.Max(id => inner[id].Y - minY + size(id).H);
            return new Block(members, inner, minX, minY, w, h);
        }).ToList();
        // Blocks in rows, largest first; as many per row as makes the whole (with the column) about as wide as a map on a
        // screen (3:2), so a network of many small territories is not drawn as a thin band.
        blocks = blocks.OrderByDescending(b => b.W * b.H).ThenBy(b => b.Members[0], StringComparer.Ordinal).ToList();
        var cardW = singles.Count == 0 ? 0 : singles.Max(s => size(s.Id).W);
        var cardStep = singles.Count == 0 ? 0 : singles.Max(s => size(s.Id).H) + 2 * GroupFrames.Pad + 2 * Gap;
        var longestName = singles.Count == 0 ? 0 : singles.Max(s => GroupFrames.TitleWidthPx(s.Name, LevelOfDetail.DeskLabelPx));
        (List<Block[]> Rows, double Left, double Width, double Height) Arrange(int columns)
        {
            var rows = blocks.Chunk(columns).ToList();
            var blocksWidth = rows.Max(row => row.Sum(b => b.W + 4 * Gap));
            var height = Math.Max(rows.Sum(row => row.Max(b => b.H) + 4 * Gap), cardStep * singles.Count);
            // The column's room for its names: their screen width in diagram units when the drawing fits the map beside the
            // side panels at 1280×720 (about 720 × 600 px); the drawing's width depends on that room, so a few rounds settle it.
            var left = 0.0;
            for (var round = 0; singles.Count > 0 && round < 3; round++)
                left = cardW + longestName * Math.Max((left + blocksWidth) / 720, height / 600) + 2 * GroupFrames.Pad + 2 * Gap;
            return (rows, left, left + blocksWidth, height);
        }
        var arranged = Enumerable.Range(1, blocks.Count).Select(Arrange).MinBy(a => Math.Abs(Math.Log(a.Width / a.Height / 1.5)));
        var chunks = arranged.Rows;
        var left = arranged.Left;
        // Each row leaves room above it for its groups' names (the map draws every group as a framed block with its name on
        // top): about 45 screen px when the whole drawing fits a projector's map, so the room grows with the drawing's height.
        var rowGap = Math.Max(4 * Gap, arranged.Height * 45 / 560);
        var result = new Dictionary<string, (double X, double Y)>(StringComparer.Ordinal);
        var step = singles.Count == 0 ? 0 : Math.Max(cardStep, (chunks.Sum(row => row.Max(b => b.H) + rowGap) - rowGap) / singles.Count);
        for (var i = 0; i < singles.Count; i++)
            result[singles[i].Id] = (cardW / 2, i * step + size(singles[i].Id).H / 2);

        double y = 0;
        foreach (var row in chunks)
        {
            var x = left;
            foreach (var block in row)
            {
                foreach (var id in block.Members)
                    result[id] = (x + block.Inner[id].X - block.MinX + size(id).W / 2, y + block.Inner[id].Y - block.MinY + size(id).H / 2);
                x += block.W + 4 * Gap;
            }
            y += row.Max(b => b.H) + rowGap;
        }
        return result;
    }

    /// <summary>A group's cards as its own force layout placed them; W and H: the cards' extent.</summary>
    private sealed record Block(List<string> Members, Dictionary<string, NodePosition> Inner, double MinX, double MinY, double W, double H);

    /// <summary>Rings by degree: the most connected in the middle.</summary>
    private static Dictionary<string, (double X, double Y)> ConcentricCentres(IReadOnlyList<string> ids, NetworkView view, Func<string, (double W, double H)> size)
    {
        var degree = ids.ToDictionary(id => id, _ => 0, StringComparer.Ordinal);
        foreach (var e in view.Edges)
        {
            if (degree.ContainsKey(e.Source)) degree[e.Source]++;
            if (degree.ContainsKey(e.Target)) degree[e.Target]++;
        }
        var ordered = ids.OrderByDescending(id => degree[id]).ThenBy(id => id, StringComparer.Ordinal).ToList();
        var result = new Dictionary<string, (double X, double Y)>(StringComparer.Ordinal);
        var index = 0;
        var radius = 0.0;
        var ring = 0;
        while (index < ordered.Count)
        {
            var capacity = ring == 0 ? 1 : Math.Max(6, (int)(2 * Math.PI * radius / 280));
            var members = ordered.Skip(index).Take(capacity).ToList();
            for (var i = 0; i < members.Count; i++)
            {
                var angle = 2 * Math.PI * i / members.Count + ring * 0.3;
                result[members[i]] = (radius * 1.4 * Math.Cos(angle), radius * Math.Sin(angle));
            }
            index += members.Count;
            ring++;
            radius += 170;
        }
        return result;
    }

    /// <summary>Top-left positions from centres, with GraphShape's overlap removal (FSA) over the cards' boxes plus a gap.</summary>
    public static Dictionary<string, NodePosition> RemoveOverlaps(Dictionary<string, (double X, double Y)> centres, Func<string, (double W, double H)> size)
    {
        var rects = centres.ToDictionary(c => c.Key, c =>
        {
            var (w, h) = size(c.Key);
            return new GraphShape.Rect(c.Value.X - w / 2, c.Value.Y - h / 2, w, h);
        }, StringComparer.Ordinal);
        var fsa = new FSAAlgorithm<string>(rects, new OverlapRemovalParameters { HorizontalGap = (float)Gap, VerticalGap = (float)Gap });
        fsa.Compute();
        var result = new Dictionary<string, NodePosition>(StringComparer.Ordinal);
        foreach (var (id, r) in fsa.Rectangles)
        {
            var ok = double.IsFinite(r.X) && double.IsFinite(r.Y);
            var fallback = rects[id];
            result[id] = new NodePosition(Math.Round(ok ? r.X : fallback.X), Math.Round(ok ? r.Y : fallback.Y));
        }
        return result;
    }
}
