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
    /// <summary>Average glyph width per font size, generous for German capitals and bold text.</summary>
    private const double CharWidth = 0.5, LineHeight = 1.2; // for the narrow label font (app.css)

    /// <summary>Room at the drawing's sides, in screen px, that the map keeps free when it fits the whole drawing.</summary>
    public const double FitMarginX = 60, FitMarginY = 30;

    /// <summary>
    /// Labels stay inside the drawing's cards plus the fit margin: a label placed further out would be cut off at the map's
    /// edge when the whole drawing is shown, so it takes another spot or hides.
    /// </summary>
    public static Dictionary<string, MapNodeState> Compute(IEnumerable<MapNode> nodes, double zoom, double minPx,
        IReadOnlyDictionary<string, int> degree, ISet<string> always)
    {
        var result = new Dictionary<string, MapNodeState>(StringComparer.Ordinal);
        var compact = zoom * CardLabel < minPx;
        var list = nodes.ToList();
        if (!compact || list.Count == 0)
        {
            foreach (var n in list) result[n.Id] = new MapNodeState { LabelSize = CardLabel };
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
            var spots = new List<(double X, double Y)> { (x, centreY), (x, below), (x, above), (right, centreY), (left, centreY) };
            if (twoLines)
                spots.AddRange([(right, below), (left, below), (right, above), (left, above), (x, below + h + pad * 2), (x, above - h - pad * 2)]);
            var y = centreY;
            var free = false;
            foreach (var (cx, candidate) in spots)
            {
                var box = (X1: n.Position.X + cx - pad, Y1: n.Position.Y + candidate - pad, X2: n.Position.X + cx + w + pad, Y2: n.Position.Y + candidate + h + pad);
                if (box.X1 < minX || box.X2 > maxX || box.Y1 < minY || box.Y2 > maxY) continue;
                var cells = Cells(box, cell).ToList();
                if (!cells.All(c => !grid.TryGetValue(c, out var ids) || ids.All(i => !Overlap(placed[i], box)))) continue;
                free = true;
                y = candidate;
                x = cx;
                placed.Add(box);
                foreach (var c in cells)
                {
                    if (!grid.TryGetValue(c, out var ids)) grid[c] = ids = [];
                    ids.Add(placed.Count - 1);
                }
                break;
            }
            result[n.Id] = new MapNodeState
            {
                Compact = true, LabelSize = font, LabelHidden = !free, Floating = new LabelBox(x, y, w, h, lines),
            };
        }
        return result;
    }

    private static IEnumerable<(int, int)> Cells((double X1, double Y1, double X2, double Y2) b, double size)
    {
        for (var i = (int)Math.Floor(b.X1 / size); i <= (int)Math.Floor(b.X2 / size); i++)
            for (var j = (int)Math.Floor(b.Y1 / size); j <= (int)Math.Floor(b.Y2 / size); j++)
                yield return (i, j);
    }

    private static bool Overlap((double X1, double Y1, double X2, double Y2) a, (double X1, double Y1, double X2, double Y2) b) =>
        a.X1 < b.X2 && b.X1 < a.X2 && a.Y1 < b.Y2 && b.Y1 < a.Y2;
}
