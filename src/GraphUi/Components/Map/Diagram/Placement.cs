namespace GraphUi.Components.Map.Diagram;

/// <summary>
/// Where a new card goes: the first free place on rings around a centre (the middle of what it connects to), never on
/// top of another card. Shared by the drawn map (<see cref="DiagramMapper"/>) and the grouped map, which places the
/// new nodes of a large network before it groups them (<see cref="MapGrouping.PlaceMissing"/>).
/// </summary>
public static class Placement
{
    public const double Gap = 24;

    /// <param name="occupied">Whether a card at (x, y) with the given size, plus <see cref="Gap"/>, touches another card.</param>
    /// <returns>The top-left corner of the card.</returns>
    public static (double X, double Y) FreeSpot(double centreX, double centreY, double width, double height, Func<double, double, bool> occupied)
    {
        for (var ring = 0; ring < 60; ring++)
        {
            var radius = ring * (height + Gap);
            var steps = ring == 0 ? 1 : 8 * ring;
            for (var i = 0; i < steps; i++)
            {
                var angle = 2 * Math.PI * i / steps;
                var x = centreX - width / 2 + radius * 1.6 * Math.Cos(angle);
                var y = centreY - height / 2 + radius * Math.Sin(angle);
                if (!occupied(x, y)) return (Math.Round(x), Math.Round(y));
            }
        }
        return (centreX, centreY + 10_000);
    }

    /// <summary>Whether two boxes (top-left, size) come closer than <paramref name="gap"/>.</summary>
    public static bool Overlaps(double x, double y, double w, double h, double ox, double oy, double ow, double oh, double gap = Gap) =>
        x < ox + ow + gap && ox < x + w + gap && y < oy + oh + gap && oy < y + h + gap;
}
