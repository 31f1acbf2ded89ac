using GraphApi.Domain;
using GraphApi.Storage;

namespace GraphApi.Exchange.Svg;

/// <summary>
/// Lays the map out for a slide. Cards sit in a grid of slots (a body takes 2×3 slots, an actor whose name needs two
/// lines 1×2, any other card 1×1), each placed in the free slot nearest to where the map has it (its saved position,
/// else next to what it is linked to), so no two cards and no two labels ever overlap. The frame is the smallest 16:9
/// frame that holds the grid at about 80 % use and the legend; up to <see cref="MaxWidthAt16Px"/> wide a label is still
/// ≥ 16 px when the frame is scaled to 1920×1080. Actors get their two-line card in order of their number of links as
/// long as the frame has room; the others show their name on one line, cut with "…" if need be.
/// </summary>
public static class MapPictureBuilder
{
    public const double LabelFont = 17, BodyFont = 21, MetaFont = 17, TitleFont = 44, SubtitleFont = 22, LegendFont = 17;
    public const double SlotW = 206, SlotH = 36, GapX = 12, GapY = 8, Margin = 24, TopBand = 116, LegendGap = 24;
    public const double LegendRow = 25, LegendColumnWidth = 310;
    /// <summary>Frames up to this width keep 17 px labels at ≥ 16 px in a 1920 px wide PNG.</summary>
    public const double MaxWidthAt16Px = 1920 * LabelFont / 16;
    private const double Use = 0.8, TightUse = 0.9, SpreadUse = 0.55;
    private const double CardTextInset = 20, CardTextRight = 6;

    public static MapPicture Build(ExportRequest request, DateOnly today, KindLook look)
    {
        var options = PictureOptions.From(request.Options);
        var view = MapView.Of(request.Snapshot, options);
        return Build(view, request.Positions, options, today, look);
    }

    public static MapPicture Build(MapView view, IReadOnlyDictionary<string, NodePosition> positions, PictureOptions options, DateOnly today,
        KindLook look)
    {
        var theme = options.Dark ? PictureTheme.Dark : PictureTheme.Light;
        var s = view.Snapshot;
        var degree = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var e in view.Edges)
        {
            degree[e.Source] = degree.GetValueOrDefault(e.Source) + 1;
            degree[e.Target] = degree.GetValueOrDefault(e.Target) + 1;
        }

        var nodes = view.Nodes.Select(n => Describe(n, s, look)).ToList();
        var textWidth = SlotW - GapX - CardTextInset - CardTextRight;
        // Which actors would like two lines, most linked first.
        var wantsTwo = nodes.Where(n => n.Entity is Actor && TextFit.Width(n.Label, LabelFont) > textWidth)
            .OrderByDescending(n => degree.GetValueOrDefault(n.Entity.Id)).ThenBy(n => n.Entity.Id, StringComparer.Ordinal).ToList();
        var baseSlots = nodes.Sum(n => n.Entity is Body ? 6 : 1);

        var legendSections = Legend(view, theme, look);
        var (width, cols, rows, twoLineCount) = ChooseFrame(baseSlots, wantsTwo.Count, legendSections);
        var height = width * 9 / 16;
        var twoLine = wantsTwo.Take(twoLineCount).Select(n => n.Entity.Id).ToHashSet(StringComparer.Ordinal);

        var legendColumns = LayoutLegend(legendSections, width, height);
        var legendWidth = legendColumns.Count * LegendColumnWidth;
        // A small network spreads out: wider gaps between the cards, so that the links between them show.
        var (pitchX, pitchY) = (SlotW, SlotH);
        var needed = baseSlots + twoLineCount;
        var availW = width - 2 * Margin - legendWidth - LegendGap;
        var availH = height - TopBand - Margin;
        for (var extra = 120.0; extra > 0; extra -= 10)
        {
            var (px, py) = (SlotW + extra, SlotH + extra / 4);
            var (c, r) = ((int)Math.Floor((availW + extra) / px), (int)Math.Floor((availH + extra / 4) / py));
            if (c < 2 || r < 3 || c * r * SpreadUse < needed) continue;
            (pitchX, pitchY, cols, rows) = (px, py, c, r);
            break;
        }
        var (extraX, extraY) = (pitchX - SlotW, pitchY - SlotH);
        var areaW = cols * pitchX - extraX;
        var areaH = rows * pitchY - extraY;
        var left = Margin + Math.Max(0, (width - 2 * Margin - legendWidth - LegendGap - areaW) / 2);
        var top = TopBand + Math.Max(0, (height - TopBand - Margin - areaH) / 2);

        var desired = DesiredPlaces(view, positions, areaW, areaH, degree);
        var grid = new bool[cols, rows];
        var cards = new List<PictureCard>();
        var order = nodes.OrderBy(n => n.Entity is Body ? 0 : n.Entity is Actor ? 1 : 2)
            .ThenByDescending(n => n.Entity is Body ? s.MembershipCount(n.Entity.Id) : degree.GetValueOrDefault(n.Entity.Id))
            .ThenBy(n => n.Entity.Id, StringComparer.Ordinal);
        foreach (var node in order)
        {
            var (spanC, spanR) = node.Entity is Body ? (2, 3) : twoLine.Contains(node.Entity.Id) ? (1, 2) : (1, 1);
            var (x, y) = desired[node.Entity.Id];
            var slot = NearestFree(grid, spanC, spanR, x, y, pitchX, pitchY) ?? throw new InvalidOperationException("The frame has no room left; the frame choice is wrong.");
            for (var c = slot.C; c < slot.C + spanC; c++)
                for (var r = slot.R; r < slot.R + spanR; r++)
                    grid[c, r] = true;
            cards.Add(Card(node, left + slot.C * pitchX + GapX / 2, top + slot.R * pitchY + GapY / 2,
                spanC * pitchX - GapX - extraX, spanR * pitchY - GapY - extraY, spanR, look));
        }

        var byId = cards.ToDictionary(c => c.Id, StringComparer.Ordinal);
        var links = new List<PictureLink>();
        var memberPairs = view.Edges.Where(e => e.Type == "membership").Select(e => (e.Source, e.Target)).ToHashSet();
        foreach (var e in view.Edges.OrderBy(e => Layer(e)).ThenBy(e => e.Source, StringComparer.Ordinal).ThenBy(e => e.Target, StringComparer.Ordinal))
        {
            if (!byId.TryGetValue(e.Source, out var a) || !byId.TryGetValue(e.Target, out var b)) continue;
            if (e.Type == "leads" && memberPairs.Contains((e.Source, e.Target))) continue; // the membership line says it already
            var (x1, y1) = Clip(a, b.CentreX, b.CentreY);
            var (x2, y2) = Clip(b, a.CentreX, a.CentreY);
            links.Add(new PictureLink(e.Type, e.Kind, x1, y1, x2, y2, Style(e.Type, e.Kind, theme)));
        }

        var title = TextFit.Clean(options.Title ?? s.Network.Name);
        if (title.Length == 0) title = look.EntityWord(EntityKind.Network);
        var day = options.AsOf ?? today;
        var bodies = nodes.Count(n => n.Entity is Body);
        var actors = nodes.Count(n => n.Entity is Actor);
        var subtitle = $"{look.Text("export.asOf", look.Day(day))} · {look.Count(bodies, EntityKind.Body)}, {look.Count(actors, EntityKind.Actor)}"
                       + (options.Layers.Contains("person") ? "" : " · " + look.Text("export.folded"));
        return new MapPicture(width, height, theme, title, subtitle, cards, links, legendColumns);
    }

    private sealed record Node(Entity Entity, string Label, string Colour, string? Meta, string? Badge, bool Dashed, string AccessibleName);

    private static Node Describe(Entity e, NetworkSnapshot s, KindLook look)
    {
        switch (e)
        {
            case Body b:
            {
                var members = s.MembershipCount(b.Id);
                // The count first: with a status badge beside it, the kind is what gets cut.
                var meta = $"{look.Members(members)} · {look.BodyWord(b.Kind)}";
                var badge = b.Status is BodyStatuses.Dormant or BodyStatuses.Dissolved ? b.Status : null;
                var name = TextFit.Clean(b.Name);
                return new Node(b, name, look.BodyColour(b.Kind), meta, badge, b.Status == BodyStatuses.Dormant,
                    $"{look.BodyWord(b.Kind)} {name}, {look.Members(members)}{(badge is null ? "" : ", " + look.StatusWord(badge))}");
            }
            case Actor a:
            {
                var label = TextFit.Clean(string.IsNullOrWhiteSpace(a.ShortName) ? a.Name : a.ShortName);
                return new Node(a, label, look.ActorColour(a.Kind), null, null, false,
                    $"{look.ActorWord(a.Kind)} {TextFit.Clean(a.Name)}");
            }
            default:
            {
                var label = TextFit.Clean(e.Label);
                return new Node(e, label, look.EntityColour(e.EntityKind), null, null, false, $"{look.EntityWord(e.EntityKind)} {label}");
            }
        }
    }

    private static PictureCard Card(Node n, double x, double y, double w, double h, int spanR, KindLook look)
    {
        var textWidth = w - CardTextInset - CardTextRight;
        if (n.Entity is Body)
        {
            var lines = TextFit.Wrap(n.Label, w - 2 * 16, BodyFont, 2, bold: true);
            return new PictureCard(n.Entity.Id, CardShape.Body, x, y, w, h, n.Colour, lines, BodyFont, n.Meta,
                n.Badge is null ? null : look.StatusWord(n.Badge), n.Dashed, n.AccessibleName, n.Badge == BodyStatuses.Dissolved);
        }
        var shape = spanR == 2 ? CardShape.Actor : CardShape.Compact;
        const double font = LabelFont;
        var text = TextFit.Wrap(n.Label, textWidth, font, spanR == 2 ? 2 : 1);
        return new PictureCard(n.Entity.Id, shape, x, y, w, h, n.Colour, text, font, null, null, false, n.AccessibleName);
    }

    /// <summary>The smallest 16:9 frame (from 1280 px wide up) that holds the cards and the legend; as many two-line cards as fit up to <see cref="MaxWidthAt16Px"/>.</summary>
    private static (double Width, int Cols, int Rows, int TwoLine) ChooseFrame(int baseSlots, int wantTwo, IReadOnlyList<LegendSection> legend)
    {
        (int Cols, int Rows)? Grid(double w)
        {
            var h = w * 9 / 16;
            var columns = LayoutLegend(legend, w, h).Count;
            var cols = (int)Math.Floor((w - 2 * Margin - columns * LegendColumnWidth - LegendGap) / SlotW);
            var rows = (int)Math.Floor((h - TopBand - Margin) / SlotH);
            return cols >= 2 && rows >= 3 ? (cols, rows) : null;
        }
        int Room(int cols, int rows) => (int)Math.Floor(cols * rows * Use);

        var widths = new List<double> { 1280, 1440, 1600, 1760, 1920, MaxWidthAt16Px };
        for (var w = MaxWidthAt16Px * 1.08; w < 40_000; w *= 1.08) widths.Add(Math.Round(w));
        // First the smallest frame with room for every card at its full size, as long as labels stay ≥ 16 px…
        foreach (var w in widths.Where(w => w <= MaxWidthAt16Px))
            if (Grid(w) is { } g && Room(g.Cols, g.Rows) >= baseSlots + wantTwo) return (w, g.Cols, g.Rows, wantTwo);
        // …else, while labels stay ≥ 16 px, the frame with room for the most two-line cards, packed tighter…
        int TwoLine(int cols, int rows) => Math.Clamp((int)Math.Floor(cols * rows * TightUse) - baseSlots, 0, wantTwo);
        var readable = widths.Where(w => w <= MaxWidthAt16Px).Select(w => (W: w, G: Grid(w)))
            .Where(x => x.G is { } g && Room(g.Cols, g.Rows) >= baseSlots)
            .Select(x => (x.W, x.G!.Value.Cols, x.G!.Value.Rows, Two: TwoLine(x.G!.Value.Cols, x.G!.Value.Rows))).ToList();
        if (readable.Count > 0)
        {
            var best = readable.MaxBy(x => x.Two);
            return readable.First(x => x.Two == best.Two);
        }
        // …else the smallest frame that holds them at all.
        foreach (var w in widths)
            if (Grid(w) is { } g && Room(g.Cols, g.Rows) >= baseSlots)
                return (w, g.Cols, g.Rows, Math.Clamp((int)Math.Floor(g.Cols * g.Rows * TightUse) - baseSlots, 0, wantTwo));
        throw new InvalidOperationException("The network is too large for one picture.");
    }

    /// <summary>Where each node would like to be, in px of the card area: its saved place, scaled to the area; else next to what it is linked to.</summary>
    private static Dictionary<string, (double X, double Y)> DesiredPlaces(MapView view, IReadOnlyDictionary<string, NodePosition> positions,
        double areaW, double areaH, Dictionary<string, int> degree)
    {
        var places = new Dictionary<string, (double X, double Y)>(StringComparer.Ordinal);
        var saved = view.Nodes.Where(n => positions.TryGetValue(n.Id, out var p) && double.IsFinite(p.X) && double.IsFinite(p.Y))
            .ToDictionary(n => n.Id, n => positions[n.Id], StringComparer.Ordinal);
        if (saved.Count > 0)
        {
            double minX = saved.Values.Min(p => p.X), maxX = saved.Values.Max(p => p.X);
            double minY = saved.Values.Min(p => p.Y), maxY = saved.Values.Max(p => p.Y);
            double Scale(double v, double min, double max, double size) =>
                max - min < 1e-9 ? size / 2 : size * 0.06 + (v - min) / (max - min) * size * 0.88;
            foreach (var (id, p) in saved) places[id] = (Scale(p.X, minX, maxX, areaW), Scale(p.Y, minY, maxY, areaH));
        }

        var neighbours = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var e in view.Edges)
        {
            (neighbours.TryGetValue(e.Source, out var a) ? a : neighbours[e.Source] = []).Add(e.Target);
            (neighbours.TryGetValue(e.Target, out var b) ? b : neighbours[e.Target] = []).Add(e.Source);
        }

        // Bodies without a place on an ellipse around the middle, the largest first.
        var loneBodies = view.Nodes.OfType<Body>().Where(b => !places.ContainsKey(b.Id))
            .OrderByDescending(b => view.Snapshot.MembershipCount(b.Id)).ThenBy(b => b.Id, StringComparer.Ordinal).ToList();
        for (var i = 0; i < loneBodies.Count; i++)
        {
            var angle = -Math.PI / 2 + 2 * Math.PI * i / loneBodies.Count;
            var r = loneBodies.Count == 1 ? 0 : 0.3;
            places[loneBodies[i].Id] = (areaW / 2 + r * areaW * Math.Cos(angle), areaH / 2 + r * areaH * Math.Sin(angle));
        }

        // Other nodes: at the middle of their placed neighbours, most linked first; pulled a little outwards so that
        // an actor in one body sits around it rather than on it.
        var rest = view.Nodes.Where(n => !places.ContainsKey(n.Id))
            .OrderByDescending(n => degree.GetValueOrDefault(n.Id)).ThenBy(n => n.Id, StringComparer.Ordinal).ToList();
        var unplaced = new List<Entity>();
        foreach (var n in rest)
        {
            var anchors = neighbours.GetValueOrDefault(n.Id)?.Where(places.ContainsKey).Select(id => places[id]).ToList() ?? [];
            if (anchors.Count == 0)
            {
                unplaced.Add(n);
                continue;
            }
            var (x, y) = (anchors.Average(p => p.X), anchors.Average(p => p.Y));
            var (dx, dy) = (x - areaW / 2, y - areaH / 2);
            places[n.Id] = (areaW / 2 + dx * 1.15, areaH / 2 + dy * 1.15);
        }
        // Unlinked nodes along the bottom and right edges, grouped by kind.
        var lonely = unplaced.OrderBy(n => n is Actor a ? a.Kind : n.EntityKind.ToString(), StringComparer.Ordinal)
            .ThenBy(n => n.Id, StringComparer.Ordinal).ToList();
        for (var i = 0; i < lonely.Count; i++)
        {
            var t = (i + 0.5) / lonely.Count;
            places[lonely[i].Id] = (areaW * t, areaH);
        }
        return places;
    }

    private static (int C, int R)? NearestFree(bool[,] grid, int spanC, int spanR, double x, double y, double pitchX, double pitchY)
    {
        var cols = grid.GetLength(0);
        var rows = grid.GetLength(1);
        (int, int)? best = null;
        var bestDistance = double.MaxValue;
        for (var c = 0; c + spanC <= cols; c++)
        {
            for (var r = 0; r + spanR <= rows; r++)
            {
                var dx = (c + spanC / 2.0) * pitchX - x;
                var dy = (r + spanR / 2.0) * pitchY - y;
                var d = dx * dx + dy * dy;
                if (d >= bestDistance || !Free(grid, c, r, spanC, spanR)) continue;
                bestDistance = d;
                best = (c, r);
            }
        }
        return best;
    }

    private static bool Free(bool[,] grid, int c0, int r0, int spanC, int spanR)
    {
        for (var c = c0; c < c0 + spanC; c++)
            for (var r = r0; r < r0 + spanR; r++)
                if (grid[c, r]) return false;
        return true;
    }

    /// <summary>Where the line from the card's centre towards (x, y) leaves the card.</summary>
    private static (double X, double Y) Clip(PictureCard card, double x, double y)
    {
        var (cx, cy) = (card.CentreX, card.CentreY);
        var (dx, dy) = (x - cx, y - cy);
        if (Math.Abs(dx) < 1e-9 && Math.Abs(dy) < 1e-9) return (cx, cy);
        var halfW = card.W / 2 + 2;
        var halfH = card.H / 2 + 2;
        var t = Math.Min(Math.Abs(dx) < 1e-9 ? double.MaxValue : halfW / Math.Abs(dx), Math.Abs(dy) < 1e-9 ? double.MaxValue : halfH / Math.Abs(dy));
        t = Math.Min(t, 1);
        return (Math.Round(cx + dx * t, 1), Math.Round(cy + dy * t, 1));
    }

    private static int Layer(MapEdge e) => e.Type switch
    {
        "worksFor" or "worksOn" or "activeIn" or "offers" or "within" => 0,
        "partOf" => 1,
        "membership" => e.Kind is MembershipRoles.Chair or MembershipRoles.Management ? 3 : 2,
        "collaboration" => 4,
        "leads" => 5,
        _ => 6,
    };

    /// <summary>A relationship's line in a theme, from the one table the map draws with too (<see cref="LineLook"/>).</summary>
    public static LineStyle Style(string type, string? kind, PictureTheme theme)
    {
        var look = LineLook.Of(type, kind);
        return new LineStyle(look.Stroke(theme), look.Width, look.Dash, look.Arrow);
    }

    private static readonly (string Type, string? Kind)[] LinkLegend =
    [
        ("membership", MembershipRoles.Chair), ("membership", MembershipRoles.Management), ("membership", MembershipRoles.Member),
        ("membership", MembershipRoles.Advisory), ("membership", MembershipRoles.Guest),
        ("collaboration", CollaborationKinds.Agreement), ("collaboration", CollaborationKinds.Referral),
        ("collaboration", CollaborationKinds.Funding), ("collaboration", CollaborationKinds.Informal),
        ("reportsTo", null), ("leads", null), ("partOf", null),
    ];

    private static string LinkWord(string type, string? kind, KindLook look) => (type, kind) switch
    {
        ("membership", _) => look.RoleWord(kind!),
        ("collaboration", CollaborationKinds.Informal) => look.Text("export.informal"),
        ("collaboration", _) => look.CollaborationWord(kind!),
        _ => look.RelationWord(type),
    };

    /// <summary>The kinds and link styles the picture shows, in German.</summary>
    private static IReadOnlyList<LegendSection> Legend(MapView view, PictureTheme theme, KindLook look)
    {
        var sections = new List<LegendSection>();
        var bodies = view.Nodes.OfType<Body>().ToList();
        if (bodies.Count > 0)
        {
            // Body cards name their kind in words, so the legend spends no room on body kinds; only the status badges.
            var items = new List<LegendItem>();
            if (bodies.Any(b => b.Status == BodyStatuses.Dormant))
                items.Add(new LegendItem(look.Text("export.dormant"), Badge: look.StatusWord(BodyStatuses.Dormant)));
            if (bodies.Any(b => b.Status == BodyStatuses.Dissolved))
                items.Add(new LegendItem(look.Text("export.dissolved"), Badge: look.StatusWord(BodyStatuses.Dissolved), BadgeDissolved: true));
            if (items.Count > 0) sections.Add(new LegendSection(look.EntityPlural(EntityKind.Body), items));
        }
        var actorKinds = view.Nodes.OfType<Actor>().Select(a => a.Kind).Distinct().OrderBy(look.ActorWord, StringComparer.CurrentCulture).ToList();
        if (actorKinds.Count > 0)
            sections.Add(new LegendSection(look.EntityPlural(EntityKind.Actor),
                actorKinds.Select(k => new LegendItem(look.ActorWord(k), Swatch: look.ActorColour(k))).ToList()));
        var others = view.Nodes.Where(n => n is not Actor and not Body).Select(n => n.EntityKind).Distinct().Order().ToList();
        if (others.Count > 0)
            sections.Add(new LegendSection(look.Text("export.others"),
                others.Select(k => new LegendItem(look.EntityPlural(k), Swatch: look.EntityColour(k))).ToList()));
        var shown = view.Edges.Select(e => (e.Type, Kind: e.Type is "membership" or "collaboration" ? e.Kind : null)).ToHashSet();
        var lines = LinkLegend.Where(shown.Contains)
            .Select(l => new LegendItem(LinkWord(l.Type, l.Kind, look), Line: Style(l.Type, l.Kind, theme))).ToList();
        if (lines.Count > 0) sections.Add(new LegendSection(look.Text("export.links"), lines));
        return sections;
    }

    /// <summary>The legend in as many columns at the right edge as its height needs.</summary>
    private static IReadOnlyList<LegendColumn> LayoutLegend(IReadOnlyList<LegendSection> sections, double width, double height)
    {
        var columns = new List<List<LegendSection>>();
        var available = height - TopBand - Margin;
        var used = double.MaxValue;
        foreach (var section in sections)
        {
            var items = section.Items.ToList();
            var heading = section.Heading;
            while (items.Count > 0)
            {
                if (used + 2 * LegendRow > available)
                {
                    columns.Add([]);
                    used = 0;
                }
                var fit = Math.Max(1, (int)((available - used - LegendRow * 1.3) / LegendRow));
                var part = items.Take(fit).ToList();
                items.RemoveRange(0, part.Count);
                columns[^1].Add(new LegendSection(heading, part));
                used += LegendRow * 1.3 + part.Count * LegendRow + LegendRow * 0.6;
                heading = section.Heading;
            }
        }
        var left = width - Margin - columns.Count * LegendColumnWidth;
        return columns.Select((c, i) => new LegendColumn(left + i * LegendColumnWidth, TopBand, c)).ToList();
    }
}
