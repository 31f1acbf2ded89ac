using GraphApi.Networks;

namespace GraphUi.Components.Map.Diagram;

/// <summary>A group of a grouped layout drawn as a frame around its cards, with its name above (null: no room for it).</summary>
public sealed record GroupFrame(string Key, string Name, double X, double Y, double Width, double Height, GroupTitle? Title);

/// <summary>A frame's name: the text as it fits the frame's width, its box and font size, in diagram units.</summary>
public sealed record GroupTitle(string Text, double X, double Y, double Width, double Height, double FontSize);

/// <summary>
/// The frames of the grouped layouts (by territory, by topic): one per group, around where its cards are now (so a frame
/// follows a drag), its name above it at a size read at the map's zoom. A name that would cover another frame or name is
/// left out rather than overlap; the groups come from the same rule as the layout (<see cref="MapLayouts.GroupOf"/>).
/// </summary>
public static class GroupFrames
{
    /// <summary>Room between a frame and its cards, diagram units.</summary>
    public const double Pad = 20;
    private const double CharWidth = 0.6, LineHeight = 1.25;

    /// <summary>The names' font size in diagram units: a little larger than the labels, so a group reads as a heading.</summary>
    public static double TitleFont(double zoom, double minPx) => LevelOfDetail.BadgeFont(zoom, minPx) * 1.15;

    /// <summary>How wide a group's name is on screen at overview zoom, CSS px (there names have a fixed screen size).</summary>
    public static double TitleWidthPx(string name, double minPx)
    {
        const double overview = 1e-3;
        return name.Length * CharWidth * TitleFont(overview, minPx) * overview;
    }

    /// <summary>How far above its cards a frame's name reaches, in screen px (the map keeps that room when it fits the drawing).</summary>
    public static double TitleRoomPx(double zoom, double minPx) => (Pad + 6 / zoom) * zoom + TitleFont(zoom, minPx) * LineHeight * zoom;

    public static IReadOnlyList<GroupFrame> Compute(string layout, NetworkView view, IReadOnlyDictionary<string, MapNode> nodes, double zoom,
        double minPx, Func<string?, string> nameOf)
    {
        if (!MapLayouts.IsGrouped(layout) || nodes.Count == 0) return [];
        var font = TitleFont(zoom, minPx);
        var height = font * LineHeight;
        var frames = view.Nodes.Where(e => nodes.ContainsKey(e.Id))
            .GroupBy(e => MapLayouts.GroupOf(layout, e) ?? "")
            .Select(g =>
            {
                var cards = g.Select(e => nodes[e.Id]).ToList();
                var (x1, y1) = (cards.Min(n => n.Position.X) - Pad, cards.Min(n => n.Position.Y) - Pad);
                var (x2, y2) = (cards.Max(n => n.Position.X + n.Size!.Width) + Pad, cards.Max(n => n.Position.Y + n.Size!.Height) + Pad);
                return (Key: g.Key, Name: nameOf(g.Key.Length == 0 ? null : g.Key), X: x1, Y: y1, W: x2 - x1, H: y2 - y1);
            })
            .OrderBy(f => f.Y).ThenBy(f => f.X).ToList();

        // A name may not cover another name or any card. It sits above its frame (reaching at most half-way into the gap to the
        // next block, whose name has the other half), else across the frame's top edge, else just inside it; or beside the
        // frame, up to the next frame on its right and never past the drawing's right edge (the fitted map ends there). Beside
        // comes first where above would cut the name: a group of one card (the layout stands those in a column with room on
        // their right) shows its whole name there instead of "Am…".
        var taken = nodes.Values.Select(n => (X: n.Position.X, Y: n.Position.Y, X2: n.Position.X + n.Size!.Width, Y2: n.Position.Y + n.Size.Height)).ToList();
        var result = new List<GroupFrame>();
        var right = frames.Max(f => f.X + f.W);
        foreach (var f in frames)
        {
            var halo = 0.15 * font; // the outline drawn around the letters (app.css) reaches a little further than the text
            var aboveText = Fit(f.Name, f.W + 4 * Pad, font);
            var room = frames.Where(g => g.X > f.X + f.W && g.Y < f.Y + f.H && g.Y + g.H > f.Y).Select(g => g.X)
                .DefaultIfEmpty(right).Min() - f.X - f.W - 2 * halo - 12 / zoom;
            var besideText = Fit(f.Name, Math.Max(0, room), font);
            var above = new[] { f.Y - height - 6 / zoom, f.Y - height / 2, f.Y + 4 / zoom }.Select(top => (Text: aboveText, X: f.X, Top: top));
            var beside = new[] { (Text: besideText, X: f.X + f.W + 6 / zoom, Top: f.Y + f.H / 2 - height / 2) };
            var places = aboveText.Length < f.Name.Length && besideText.Length > aboveText.Length ? beside.Concat(above) : above.Concat(beside);
            GroupTitle? title = null;
            foreach (var (text, x, top) in places)
            {
                if (text.Length == 0) continue;
                var width = text.Length * CharWidth * font;
                var box = (X: x - halo, Y: top, X2: x + width + halo, Y2: top + height);
                if (taken.Any(t => box.X < t.X2 && t.X < box.X2 && box.Y < t.Y2 && t.Y < box.Y2)) continue;
                title = new GroupTitle(text, box.X, box.Y, width, height, font);
                taken.Add(box);
                break;
            }
            result.Add(new GroupFrame(f.Key, f.Name, f.X, f.Y, f.W, f.H, title));
        }
        return result;
    }

    /// <summary>The name as it fits the frame's width, cut with "…" (empty when not even a letter fits).</summary>
    private static string Fit(string name, double width, double font)
    {
        var chars = (int)Math.Floor(width / (CharWidth * font));
        if (name.Length <= chars) return name;
        return chars < 2 ? "" : name[..(chars - 1)].TrimEnd() + "…";
    }
}
