namespace GraphUi.Components.Map.Diagram;

/// <summary>
/// Keeps labels readable at any zoom: when the cards' own labels would be smaller than <c>minPx</c> on screen, the map
/// switches to overview (compact cards, one floating label per node sized to be <c>minPx</c> on screen) and hides a
/// label rather than let it overlap another. Bodies come first, then actors by how connected they are; the selected
/// and focused nodes always keep theirs. Label boxes are fixed here and rendered with exactly this size, so what the
/// browser shows is what was checked.
/// </summary>
public static class LevelOfDetail
{
    /// <summary>The cards' label size in diagram units (full detail).</summary>
    public const double CardLabel = 15;
    /// <summary>The smallest label on screen, CSS px, where a room reads the map (presentation, comparison); at a desk it is <see cref="DeskLabelPx"/>.</summary>
    public const double ReadableLabelPx = 16, DeskLabelPx = 13;
    /// <summary>Width per character of a badge's text (the normal, not the narrow font) and the room around each word, in font sizes.</summary>
    private const double BadgeCharWidth = 0.62, BadgeWordPad = 0.9;
    /// <summary>Average glyph width per font size, generous for German capitals and bold text.</summary>
    private const double CharWidth = 0.5, LineHeight = 1.2; // for the narrow label font (app.css)

    /// <summary>Room at the drawing's sides, in screen px, that the map keeps free when it fits the whole drawing.</summary>
    public const double FitMarginX = 60, FitMarginY = 30;

    /// <summary>The font size, in diagram units, of what is written beside a card or a line (a comparison's mark, who has it selected): read at <paramref name="minPx"/> at least.</summary>
    public static double BadgeFont(double zoom, double minPx) => Math.Max(12, minPx * 1.02 / zoom);

    /// <summary>
    /// Labels stay inside the drawing's cards plus the fit margin: a label placed further out would be cut off at the map's
    /// edge when the whole drawing is shown, so it takes another spot or hides.
    /// </summary>
    /// <param name="badges">Words written above a card (a comparison's mark, others' names), by node id: they get their place before any label, and no label covers them.</param>
    /// <param name="reserved">Boxes no label may cover (the grouped layouts' frame names), diagram units.</param>
    public static Dictionary<string, MapNodeState> Compute(IEnumerable<MapNode> nodes, double zoom, double minPx,
        IReadOnlyDictionary<string, int> degree, ISet<string> always, IReadOnlyDictionary<string, IReadOnlyList<string>>? badges = null,
        IReadOnlyList<(double X1, double Y1, double X2, double Y2)>? reserved = null)
    {
        var result = new Dictionary<string, MapNodeState>(StringComparer.Ordinal);
        var compact = zoom * CardLabel < minPx;
        var list = nodes.ToList();
        var badgeFont = BadgeFont(zoom, minPx);
        LabelBox? BadgeBox(MapNode n, bool below) => badges?.GetValueOrDefault(n.Id) is { Count: > 0 } words
            ? new LabelBox(0, below ? n.Size!.Height + 2 / zoom : -(badgeFont * LineHeight + 4 / zoom),
                words.Sum(w => (w.Length * BadgeCharWidth + BadgeWordPad) * badgeFont), badgeFont * LineHeight + 2 / zoom, 1)
            : null;
        if (!compact || list.Count == 0)
        {
            foreach (var n in list) result[n.Id] = new MapNodeState { LabelSize = CardLabel, Badge = BadgeBox(n, below: false), BadgeSize = badgeFont };
            return result;
        }
        var font = minPx * 1.02 / zoom;
        var pad = 3 / zoom;
        var placed = new List<(double X1, double Y1, double X2, double Y2)>();
        var grid = new Dictionary<(int, int), List<int>>();
        var cell = font * 12;
        var (slackX, slackY) = ((FitMarginX - 2) / zoom, (FitMarginY - 2) / zoom);
        var (minX, minY) = (list.Min(n => n.Position.X) - slackX, list.Min(n => n.Position.Y) - slackY);
        var (maxX, maxY) = (list.Max(n => n.Position.X + n.Size!.Width) + slackX, list.Max(n => n.Position.Y + n.Size!.Height) + slackY);
        void Reserve((double X1, double Y1, double X2, double Y2) box)
        {
            placed.Add(box);
            foreach (var c in Cells(box, cell))
            {
                if (!grid.TryGetValue(c, out var ids)) grid[c] = ids = [];
                ids.Add(placed.Count - 1);
            }
        }
        bool Free((double X1, double Y1, double X2, double Y2) box) =>
            Cells(box, cell).All(c => !grid.TryGetValue(c, out var ids) || ids.All(i => !Overlap(placed[i], box)));
        foreach (var box in reserved ?? []) Reserve(box);
        // Badges first, above the card (below it on the drawing's top row): a mark is what the comparison is about.
        var badgeOf = new Dictionary<string, LabelBox>(StringComparer.Ordinal);
        foreach (var n in list)
        {
            if (BadgeBox(n, below: false) is not { } above) continue;
            var chosen = above;
            if (n.Position.Y + above.Y < minY || !Free(Absolute(n, above))) chosen = BadgeBox(n, below: true)!;
            badgeOf[n.Id] = chosen;
            Reserve(Absolute(n, chosen));
        }
        var ordered = list.OrderByDescending(n => always.Contains(n.Id))
            .ThenBy(n => n.Type switch { "group" => -1, "body" => 0, "actor" => 1, _ => 2 })
            .ThenByDescending(n => degree.GetValueOrDefault(n.Id))
            .ThenBy(n => n.Id, StringComparer.Ordinal);
        foreach (var n in ordered)
        {
            var text = n.ShortName;
            // Bodies (what a steering group talks about) get two lines; the others one line, ellipsised: their short name.
            var twoLines = n.Type is "body" or "group"; // a large map's groups read like bodies
            var perLine = twoLines ? 17 : 11;
            var lines = twoLines && text.Length > perLine ? 2 : 1;
            var chars = Math.Min(text.Length, perLine);
            var w = Math.Max(2, chars) * CharWidth * font + 2 * pad;
            var h = lines * LineHeight * font;
            // Centred on the card; else just below or above it: a label moves before it hides.
            var x = n.Size!.Width / 2 - w / 2;
            var centreY = n.Size.Height / 2 - h / 2;
            var below = n.Size.Height + pad * 2;
            var above = -h - pad * 2;
            var right = n.Size.Width + pad * 2;
            var left = -w - pad * 2;
            var spots = new List<(double X, double Y, double W, double H, int Lines)> { (x, centreY, w, h, lines), (x, below, w, h, lines), (x, above, w, h, lines), (right, centreY, w, h, lines), (left, centreY, w, h, lines) };
            if (twoLines)
                spots.AddRange([(right, below, w, h, lines), (left, below, w, h, lines), (right, above, w, h, lines), (left, above, w, h, lines),
                    (x, below + h + pad * 2, w, h, lines), (x, above - h - pad * 2, w, h, lines)]);
            // When the card is large enough on screen, the label first tries the card itself, as wide as the card and on up to two
            // lines: more of the name, and a card's own box is never another label's.
            var inCard = Math.Floor((n.Size.Width - 4 * pad) / (CharWidth * font));
            if (inCard > perLine && text.Length > perLine)
            {
                var cardLines = text.Length > inCard && 2 * LineHeight * font <= n.Size.Height - 2 * pad ? 2 : 1;
                var (cw, ch) = (Math.Min(text.Length, inCard) * CharWidth * font + 2 * pad, cardLines * LineHeight * font);
                if (ch <= n.Size.Height) spots.Insert(0, (n.Size.Width / 2 - cw / 2, n.Size.Height / 2 - ch / 2, cw, ch, cardLines));
            }
            var y = centreY;
            var free = false;
            foreach (var spot in spots)
            {
                var box = (X1: n.Position.X + spot.X - pad, Y1: n.Position.Y + spot.Y - pad, X2: n.Position.X + spot.X + spot.W + pad, Y2: n.Position.Y + spot.Y + spot.H + pad);
                if (box.X1 < minX || box.X2 > maxX || box.Y1 < minY || box.Y2 > maxY) continue;
                if (!Free(box)) continue;
                free = true;
                (x, y, w, h, lines) = spot;
                Reserve(box);
                break;
            }
            result[n.Id] = new MapNodeState
            {
                Compact = true, LabelSize = font, LabelHidden = !free, Floating = new LabelBox(x, y, w, h, lines),
                Badge = badgeOf.GetValueOrDefault(n.Id), BadgeSize = badgeFont,
            };
        }
        return result;
    }

    private static (double X1, double Y1, double X2, double Y2) Absolute(MapNode n, LabelBox b) =>
        (n.Position.X + b.X, n.Position.Y + b.Y, n.Position.X + b.X + b.Width, n.Position.Y + b.Y + b.Height);

    private static IEnumerable<(int, int)> Cells((double X1, double Y1, double X2, double Y2) b, double size)
    {
        for (var i = (int)Math.Floor(b.X1 / size); i <= (int)Math.Floor(b.X2 / size); i++)
            for (var j = (int)Math.Floor(b.Y1 / size); j <= (int)Math.Floor(b.Y2 / size); j++)
                yield return (i, j);
    }

    private static bool Overlap((double X1, double Y1, double X2, double Y2) a, (double X1, double Y1, double X2, double Y2) b) =>
        a.X1 < b.X2 && b.X1 < a.X2 && a.Y1 < b.Y2 && b.Y1 < a.Y2;
}
