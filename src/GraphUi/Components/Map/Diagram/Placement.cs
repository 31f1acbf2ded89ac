namespace GraphUi.Components.Map.Diagram;

/// <summary>
/// Where a new card goes: the nearest free place on a grid around a centre (the middle of what it connects to), never on
/// top of another card. Shared by the drawn map (<see cref="DiagramMapper"/>) and the grouped map, which places the
/// new nodes of a large network before it groups them (<see cref="MapGrouping.PlaceMissing"/>).
/// </summary>
public static class Placement
{
    public const double Gap = 32;

    /// <param name="occupied">Whether a card at (x, y) with the given size, plus <see cref="Gap"/>, touches another card.</param>
    /// <returns>The top-left corner of the card.</returns>
    public static (double X, double Y) FreeSpot(double centreX, double centreY, double width, double height, Func<double, double, bool> occupied)
    {
        // Candidate places on a half-card grid around the centre, nearest first, where a step sideways counts less than one up
        // or down (cards are wide, screens 16:9): the first free one keeps the cluster tight and about a screen's shape.
        var (stepX, stepY) = ((width + Gap) / 2, (height + Gap) / 2);
        const int reach = 40;
        var candidates = new List<(double X, double Y, double Distance)>((2 * reach + 1) * (2 * reach + 1));
        for (var i = -reach; i <= reach; i++)
            for (var j = -reach; j <= reach; j++)
            {
                var (dx, dy) = (i * stepX, j * stepY);
                candidates.Add((centreX - width / 2 + dx, centreY - height / 2 + dy, Math.Sqrt(dx / 1.8 * (dx / 1.8) + dy * dy)));
            }
        foreach (var (x, y, _) in candidates.OrderBy(c => c.Distance).ThenBy(c => c.Y).ThenBy(c => c.X))
            if (!occupied(x, y)) return (Math.Round(x), Math.Round(y));
        return (centreX, centreY + 10_000);
    }

    /// <summary>Whether two boxes (top-left, size) come closer than <paramref name="gap"/>.</summary>
    public static bool Overlaps(double x, double y, double w, double h, double ox, double oy, double ow, double oh, double gap = Gap) =>
        x < ox + ow + gap && ox < x + w + gap && y < oy + oh + gap && oy < y + h + gap;
}
