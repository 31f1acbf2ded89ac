namespace GraphUi.Components.Map.Diagram;

/// <summary>Which node the arrow keys and N move to: the nearest on screen in that direction, and the connected nodes in turn.</summary>
public static class KeyboardNavigator
{
    public static string? Nearest(IEnumerable<MapNode> nodes, MapNode from, string key)
    {
        var (dx, dy) = key switch
        {
            "ArrowLeft" => (-1, 0), "ArrowRight" => (1, 0), "ArrowUp" => (0, -1), "ArrowDown" => (0, 1), _ => (0, 0),
        };
        if (dx == 0 && dy == 0) return null;
        var (fx, fy) = Centre(from);
        string? best = null;
        var bestScore = double.MaxValue;
        foreach (var n in nodes)
        {
            if (n == from) continue;
            var (x, y) = Centre(n);
            var along = (x - fx) * dx + (y - fy) * dy;
            if (along <= 1) continue;
            var across = Math.Abs((x - fx) * dy - (y - fy) * dx);
            // Inside the 45° cone first; beyond it only when nothing is inside.
            var score = along + 2 * across + (across > along ? 1e7 : 0);
            if (score < bestScore || (score == bestScore && string.CompareOrdinal(n.Id, best) < 0))
            {
                bestScore = score;
                best = n.Id;
            }
        }
        return best;
    }

    /// <summary>The next connected node after <paramref name="current"/> (ordered by name), wrapping around.</summary>
    public static string? NextConnected(IReadOnlyList<MapNode> connected, string? current)
    {
        if (connected.Count == 0) return null;
        var ordered = connected.OrderBy(n => n.Name, StringComparer.CurrentCulture).ThenBy(n => n.Id, StringComparer.Ordinal).ToList();
        var index = ordered.FindIndex(n => n.Id == current);
        return ordered[(index + 1) % ordered.Count].Id;
    }

    /// <summary>The first node in reading order (top left), where Tab enters the map.</summary>
    public static string? First(IEnumerable<MapNode> nodes) =>
        nodes.OrderBy(n => Math.Round(n.Position.Y / 150)).ThenBy(n => n.Position.X).Select(n => n.Id).FirstOrDefault();

    private static (double X, double Y) Centre(MapNode n) => (n.Position.X + n.Size!.Width / 2, n.Position.Y + n.Size.Height / 2);
}
