using GraphApi.Domain;
using GraphApi.Networks;
using GraphApi.Storage;

namespace GraphUi.Components.Map.Diagram;

/// <summary>
/// An aggregate node of a large map: the members of one area of the layout, drawn as one card until it is expanded.
/// <see cref="X"/>, <see cref="Y"/> is the card's top-left corner, near the middle of its members; the card grows with
/// its area, so that it is something to click on with the whole map on screen.
/// </summary>
public sealed record MapGroup(string Id, IReadOnlyList<string> Members, string Title, bool ByTerritory,
    IReadOnlyDictionary<EntityKind, int> Counts, double X, double Y, double Width = GroupNode.MinWidth, double Height = GroupNode.MinHeight);

/// <summary>The links between two drawn things of which at least one is a collapsed group, summed (<see cref="Count"/> edges).</summary>
public sealed record GroupLink(string Id, string Source, string Target, int Count);

/// <summary>What a grouped map draws: some entities as themselves, the rest inside collapsed groups, and summed links.</summary>
public sealed class GroupedMap
{
    private readonly Dictionary<string, string> _groupOf;

    internal GroupedMap(int total, IReadOnlySet<string> drawn, IReadOnlyList<MapGroup> all, IReadOnlySet<string> expanded,
        IReadOnlyList<ViewEdge> edges, IReadOnlyList<GroupLink> links, Dictionary<string, string> groupOf)
    {
        (Total, Drawn, All, Expanded, Edges, Links, _groupOf) = (total, drawn, all, expanded, edges, links, groupOf);
        Groups = all.Where(g => !expanded.Contains(g.Id)).ToList();
    }

    /// <summary>Nodes in the view, grouped or not.</summary>
    public int Total { get; }
    /// <summary>Entities drawn as themselves (members of expanded groups, and nodes in no group).</summary>
    public IReadOnlySet<string> Drawn { get; }
    /// <summary>Every group, expanded or not.</summary>
    public IReadOnlyList<MapGroup> All { get; }
    /// <summary>The collapsed groups: the ones drawn as cards.</summary>
    public IReadOnlyList<MapGroup> Groups { get; }
    public IReadOnlySet<string> Expanded { get; }
    /// <summary>The view's edges between two drawn entities.</summary>
    public IReadOnlyList<ViewEdge> Edges { get; }
    public IReadOnlyList<GroupLink> Links { get; }

    /// <summary>The group an entity belongs to (expanded or not); null for an entity in no group.</summary>
    public string? GroupOf(string id) => _groupOf.GetValueOrDefault(id);

    /// <summary>Whether an entity of the view is inside a collapsed group.</summary>
    public bool IsHidden(string id) => !Drawn.Contains(id) && _groupOf.ContainsKey(id);

    /// <summary>Where an entity is on the map: itself, or the collapsed group it is in; null when the view does not hold it.</summary>
    public string? DrawnIdOf(string id) => Drawn.Contains(id) ? id : _groupOf.TryGetValue(id, out var g) && !Expanded.Contains(g) ? g : null;

    /// <summary>The given entities plus the collapsed groups that hold any of them (to highlight, mark or select on the map).</summary>
    public HashSet<string> Lift(IEnumerable<string> ids)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            result.Add(id);
            if (DrawnIdOf(id) is { } drawn) result.Add(drawn);
        }
        return result;
    }
}

/// <summary>
/// Server-side grouping of large maps (issue 8): above <see cref="DefaultThreshold"/> nodes the map does not draw every
/// node. The saved layout is cut into areas of a grid (a cell sized to hold about 80 cards at the layout's density; a
/// crowded cell is split into quarters), and each area of at least <see cref="MinMembers"/> nodes is
/// one group card at the middle of its members, named after the territory most of them share, else after its most
/// connected member. Links are summed between groups. Expanding a group draws its members where the layout put them,
/// so a group opens in place. Groups come from the positions, not from a guess: the same layout gives the same groups,
/// and a node keeps its group until it is moved.
/// </summary>
public static class MapGrouping
{
    /// <summary>Views with more nodes than this open grouped.</summary>
    public const int DefaultThreshold = 300;
    /// <summary>
    /// The grid's base cell, in diagram units: 9 × 9 cards of the layouts' spacing (280 × 150 per card). The cell used is
    /// this one scaled by a power of two so that it holds about <see cref="TargetMembers"/> nodes at the layout's density
    /// (<see cref="CellFor"/>): 2,000 nodes make a few dozen groups, few enough that their names stay readable at a
    /// projector's 1280×720 with the whole map on screen.
    /// </summary>
    public const double CellWidth = 2520, CellHeight = 1350;
    public const int TargetMembers = 80;
    /// <summary>A group card is this share of its area's width and height (at least <see cref="GroupNode.MinWidth"/> × <see cref="GroupNode.MinHeight"/>).</summary>
    public const double CardShare = 0.3;
    /// <summary>A cell with more nodes is split into quarters (a dense layout), at most <see cref="MaxDepth"/> times.</summary>
    public const int MaxMembers = 150, MaxDepth = 4;
    /// <summary>Fewer nodes in a cell are drawn as themselves: a group of two hides more than it shows.</summary>
    public const int MinMembers = 4;
    /// <summary>Between two groups only a group's strongest summed links are drawn (the rest would be a hairball again).</summary>
    public const int LinksPerGroup = 6;
    /// <summary>A group is named after a territory when at least this share of its members has it as their first.</summary>
    public const double TerritoryShare = 0.6;

    public const string GroupPrefix = "~g", LinkPrefix = "~l";

    public static bool Applies(NetworkView view, int threshold = DefaultThreshold) => view.Nodes.Count > threshold;

    /// <summary>
    /// Groups a view. <paramref name="expanded"/>: groups the person opened; <paramref name="reveal"/>: entities that must be
    /// drawn (the selection, the focus, a search's choice): their groups open too.
    /// </summary>
    public static GroupedMap Group(NetworkView view, IReadOnlyDictionary<string, NodePosition> positions, Func<string, (double W, double H)> size,
        IEnumerable<string> expanded, IEnumerable<string?> reveal)
    {
        var centres = new Dictionary<string, (double X, double Y)>(StringComparer.Ordinal);
        foreach (var node in view.Nodes)
            if (positions.TryGetValue(node.Id, out var p) && double.IsFinite(p.X) && double.IsFinite(p.Y))
            {
                var (w, h) = size(node.Id);
                centres[node.Id] = (p.X + w / 2, p.Y + h / 2);
            }

        // Areas: cells of a grid anchored at the origin, crowded ones split into quarters.
        var (scale, cellWidth, cellHeight) = CellFor(centres.Values);
        var cells = new List<(string Key, List<string> Members, double W, double H)>();
        foreach (var cell in centres.Keys.Order(StringComparer.Ordinal)
                     .GroupBy(id => ((int)Math.Floor(centres[id].X / cellWidth), (int)Math.Floor(centres[id].Y / cellHeight)))
                     .OrderBy(g => g.Key.Item2).ThenBy(g => g.Key.Item1))
            Split($"{scale}_{cell.Key.Item1}_{cell.Key.Item2}", cell.ToList(), cell.Key.Item1 * cellWidth, cell.Key.Item2 * cellHeight, cellWidth, cellHeight, 0);

        void Split(string key, List<string> members, double x, double y, double w, double h, int depth)
        {
            if (members.Count <= MaxMembers || depth >= MaxDepth)
            {
                cells.Add((key, members, w, h));
                return;
            }
            var (mx, my) = (x + w / 2, y + h / 2);
            for (var q = 0; q < 4; q++)
            {
                var (right, lower) = (q % 2 == 1, q >= 2);
                var part = members.Where(id => centres[id].X >= mx == right && centres[id].Y >= my == lower).ToList();
                if (part.Count > 0) Split($"{key}_{q}", part, right ? mx : x, lower ? my : y, w / 2, h / 2, depth + 1);
            }
        }

        var degree = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var e in view.Edges)
        {
            degree[e.Source] = degree.GetValueOrDefault(e.Source) + 1;
            degree[e.Target] = degree.GetValueOrDefault(e.Target) + 1;
        }
        var byId = view.Nodes.ToDictionary(n => n.Id, StringComparer.Ordinal);
        var wanted = new HashSet<string>(expanded, StringComparer.Ordinal);
        var revealed = reveal.OfType<string>().ToHashSet(StringComparer.Ordinal);
        var groupOf = new Dictionary<string, string>(StringComparer.Ordinal);
        var groups = new List<MapGroup>();
        var open = new HashSet<string>(StringComparer.Ordinal);
        var collapsedCentres = new Dictionary<string, (double X, double Y)>(StringComparer.Ordinal);
        foreach (var (key, members, w, h) in cells.Where(c => c.Members.Count >= MinMembers))
        {
            var id = GroupPrefix + key;
            foreach (var m in members) groupOf[m] = id;
            if (wanted.Contains(id) || members.Any(revealed.Contains)) open.Add(id);
            else collapsedCentres[id] = (members.Average(m => centres[m].X), members.Average(m => centres[m].Y));
            var (title, byTerritory) = Title(members, byId, view.Snapshot, degree);
            var counts = members.GroupBy(m => byId[m].EntityKind).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Count());
            groups.Add(new MapGroup(id, members, title, byTerritory, counts, 0, 0,
                Math.Round(Math.Max(GroupNode.MinWidth, w * CardShare)), Math.Round(Math.Max(GroupNode.MinHeight, h * CardShare))));
        }

        // Group cards where their members are, pushed apart where two would touch (deterministic, as the layouts).
        var sizes = groups.ToDictionary(g => g.Id, g => (g.Width, g.Height), StringComparer.Ordinal);
        var places = collapsedCentres.Count == 0 ? new Dictionary<string, NodePosition>() : MapLayouts.RemoveOverlaps(collapsedCentres, id => sizes[id]);
        groups = groups.Select(g => places.TryGetValue(g.Id, out var p) ? g with { X = p.X, Y = p.Y } : g).ToList();

        var drawn = view.Nodes.Select(n => n.Id).Where(id => !groupOf.TryGetValue(id, out var g) || open.Contains(g)).ToHashSet(StringComparer.Ordinal);
        string At(string id) => drawn.Contains(id) ? id : groupOf[id];

        var edges = new List<ViewEdge>();
        var sums = new Dictionary<(string, string), int>();
        foreach (var e in view.Edges)
        {
            if (!byId.ContainsKey(e.Source) || !byId.ContainsKey(e.Target)) continue;
            if (drawn.Contains(e.Source) && drawn.Contains(e.Target))
            {
                edges.Add(e);
                continue;
            }
            var (a, b) = (At(e.Source), At(e.Target));
            if (a == b) continue;
            var pair = string.CompareOrdinal(a, b) < 0 ? (a, b) : (b, a);
            sums[pair] = sums.GetValueOrDefault(pair) + 1;
        }
        var links = SummedLinks(sums, drawn);
        return new GroupedMap(view.Nodes.Count, drawn, groups, open, edges, links, groupOf);
    }

    /// <summary>
    /// The grid cell for a layout: the base cell times 2^k, k chosen so that a cell holds about <see cref="TargetMembers"/>
    /// nodes at the layout's average density (layouts differ: the overlap removal spreads a large force layout out about
    /// threefold). Powers of two keep the cell, and so the groups, the same when a few nodes come or go.
    /// </summary>
    public static (int Scale, double Width, double Height) CellFor(IEnumerable<(double X, double Y)> centres)
    {
        var list = centres.ToList();
        if (list.Count < 2) return (0, CellWidth, CellHeight);
        var width = Math.Max(CellWidth / 8, list.Max(c => c.X) - list.Min(c => c.X));
        var height = Math.Max(CellHeight / 8, list.Max(c => c.Y) - list.Min(c => c.Y));
        var area = TargetMembers * width * height / list.Count;
        var k = Math.Clamp((int)Math.Round(Math.Log2(Math.Sqrt(area / (CellWidth * CellHeight)))), -3, 8);
        return (k, CellWidth * Math.Pow(2, k), CellHeight * Math.Pow(2, k));
    }

    /// <summary>All links that touch a drawn entity; between two groups each group's strongest few.</summary>
    private static List<GroupLink> SummedLinks(Dictionary<(string A, string B), int> sums, IReadOnlySet<string> drawn)
    {
        var strongest = new HashSet<(string, string)>();
        foreach (var end in sums.Where(s => !drawn.Contains(s.Key.A) && !drawn.Contains(s.Key.B))
                     .SelectMany(s => new[] { (End: s.Key.A, s.Key, s.Value), (End: s.Key.B, s.Key, s.Value) })
                     .GroupBy(x => x.End))
            foreach (var x in end.OrderByDescending(x => x.Value).ThenBy(x => x.Key.Item1, StringComparer.Ordinal)
                         .ThenBy(x => x.Key.Item2, StringComparer.Ordinal).Take(LinksPerGroup))
                strongest.Add(x.Key);
        return sums.Where(s => drawn.Contains(s.Key.A) || drawn.Contains(s.Key.B) || strongest.Contains(s.Key))
            .OrderBy(s => s.Key.A, StringComparer.Ordinal).ThenBy(s => s.Key.B, StringComparer.Ordinal)
            .Select(s => new GroupLink($"{LinkPrefix}{s.Key.A}|{s.Key.B}", s.Key.A, s.Key.B, s.Value)).ToList();
    }

    /// <summary>The territory most members share (when enough do), else the most connected member's name.</summary>
    private static (string Title, bool ByTerritory) Title(IReadOnlyList<string> members, Dictionary<string, Entity> byId, NetworkSnapshot snapshot,
        Dictionary<string, int> degree)
    {
        var territory = members.Select(m => byId[m] switch
            {
                Actor a => a.Territories.FirstOrDefault(),
                Body b => b.Territories.FirstOrDefault(),
                Measure x => x.Territories.FirstOrDefault(),
                _ => null,
            }).OfType<string>().GroupBy(t => t).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).FirstOrDefault();
        if (territory is not null && territory.Count() >= TerritoryShare * members.Count && snapshot.Find<Territory>(territory.Key) is { } t)
            return (t.Name, true);
        var anchor = members.OrderByDescending(m => degree.GetValueOrDefault(m)).ThenBy(m => byId[m] is Body ? 0 : 1)
            .ThenBy(m => m, StringComparer.Ordinal).First();
        return (byId[anchor].Label, false);
    }

    /// <summary>
    /// Places the nodes of a view that have no saved position (added since the layout was saved) next to what they connect
    /// to, never on top of another card: the grouped map needs every node's place before it groups.
    /// </summary>
    public static Dictionary<string, NodePosition> PlaceMissing(NetworkView view, IReadOnlyDictionary<string, NodePosition> positions,
        Func<string, (double W, double H)> size)
    {
        var missing = view.Nodes.Where(n => !positions.ContainsKey(n.Id)).Select(n => n.Id).ToList();
        var placed = new Dictionary<string, NodePosition>(StringComparer.Ordinal);
        if (missing.Count == 0) return placed;
        var all = new Dictionary<string, NodePosition>(positions, StringComparer.Ordinal);
        const double cell = 400;
        var grid = new Dictionary<(int, int), List<(double X, double Y, double W, double H)>>();
        IEnumerable<(int, int)> Cells(double x, double y, double w, double h)
        {
            for (var i = (int)Math.Floor((x - Placement.Gap) / cell); i <= (int)Math.Floor((x + w + Placement.Gap) / cell); i++)
                for (var j = (int)Math.Floor((y - Placement.Gap) / cell); j <= (int)Math.Floor((y + h + Placement.Gap) / cell); j++)
                    yield return (i, j);
        }
        void Occupy(double x, double y, double w, double h)
        {
            foreach (var c in Cells(x, y, w, h))
            {
                if (!grid.TryGetValue(c, out var list)) grid[c] = list = [];
                list.Add((x, y, w, h));
            }
        }
        foreach (var node in view.Nodes)
            if (all.TryGetValue(node.Id, out var p))
            {
                var (w, h) = size(node.Id);
                Occupy(p.X, p.Y, w, h);
            }
        var wanted = missing.ToHashSet(StringComparer.Ordinal);
        var neighbours = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Neighbour(string id, string other)
        {
            if (!wanted.Contains(id)) return;
            if (!neighbours.TryGetValue(id, out var list)) neighbours[id] = list = [];
            list.Add(other);
        }
        foreach (var e in view.Edges)
        {
            Neighbour(e.Source, e.Target);
            Neighbour(e.Target, e.Source);
        }
        foreach (var id in missing)
        {
            var (w, h) = size(id);
            var anchors = neighbours.GetValueOrDefault(id, []).Where(all.ContainsKey).Select(n => (P: all[n], S: size(n))).ToList();
            (double X, double Y) centre = anchors.Count > 0
                ? (anchors.Average(a => a.P.X + a.S.W / 2), anchors.Average(a => a.P.Y + a.S.H / 2))
                : all.Count > 0 ? (all.Values.Max(p => p.X) + 2 * w, all.Values.Min(p => p.Y) + h) : (0, 0);
            var (x, y) = Placement.FreeSpot(centre.X, centre.Y, w, h, (px, py) => Cells(px, py, w, h)
                .Any(c => grid.TryGetValue(c, out var list) && list.Any(o => Placement.Overlaps(px, py, w, h, o.X, o.Y, o.W, o.H))));
            all[id] = placed[id] = new NodePosition(x, y);
            Occupy(x, y, w, h);
        }
        return placed;
    }
}
