namespace GraphUi.Components.Map.Diagram;

/// <summary>
/// How the map's view follows a network that grows while it is open (a network built from nothing, a meeting's new
/// entries). While nobody has moved the view (it shows the whole drawing), it keeps showing the whole drawing. Once the
/// person has zoomed or panned on purpose, the view stays theirs: only their own new node is brought on screen, by the
/// smallest pan, never by a zoom.
/// </summary>
public static class ViewFollow
{
    /// <summary>A card's box in diagram units.</summary>
    public readonly record struct Box(double X, double Y, double W, double H);

    /// <summary>The room kept free at the map's edges when a node is panned on screen, in screen px.</summary>
    public const double Margin = 24;

    /// <summary>
    /// The smallest pan (screen px) that brings <paramref name="wanted"/> on screen at the current zoom: all of them when they fit
    /// together (a new node and its neighbours), else the first (the new node) alone; null when it is on screen already.
    /// </summary>
    public static (double Dx, double Dy)? PanToShow(IReadOnlyList<Box> wanted, double zoom, double panX, double panY, double width, double height)
    {
        if (wanted.Count == 0 || zoom <= 0 || width <= 2 * Margin || height <= 2 * Margin) return null;
        var all = Union(wanted);
        var target = all.W * zoom <= width - 2 * Margin && all.H * zoom <= height - 2 * Margin ? all : wanted[0];
        var (x1, y1) = (target.X * zoom + panX, target.Y * zoom + panY);
        var (x2, y2) = (x1 + target.W * zoom, y1 + target.H * zoom);
        var dx = Shift(x1, x2, width);
        var dy = Shift(y1, y2, height);
        return dx == 0 && dy == 0 ? null : (dx, dy);
    }

    /// <summary>Whether a box is wholly inside the visible part of the map.</summary>
    public static bool OnScreen(Box box, double zoom, double panX, double panY, double width, double height)
    {
        var (x1, y1) = (box.X * zoom + panX, box.Y * zoom + panY);
        return x1 >= 0 && y1 >= 0 && x1 + box.W * zoom <= width && y1 + box.H * zoom <= height;
    }

    private static Box Union(IReadOnlyList<Box> boxes)
    {
        var (x1, y1) = (boxes.Min(b => b.X), boxes.Min(b => b.Y));
        var (x2, y2) = (boxes.Max(b => b.X + b.W), boxes.Max(b => b.Y + b.H));
        return new Box(x1, y1, x2 - x1, y2 - y1);
    }

    /// <summary>Along one axis: how far to move [a, b] so that it lies inside [Margin, size − Margin]; a box too large keeps its start visible.</summary>
    private static double Shift(double a, double b, double size)
    {
        if (a < Margin) return Margin - a;
        if (b > size - Margin) return Math.Max(size - Margin - b, Margin - a);
        return 0;
    }
}
