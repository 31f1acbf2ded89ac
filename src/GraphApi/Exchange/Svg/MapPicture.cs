namespace GraphApi.Exchange.Svg;

/// <summary>
/// The drawing model of an exported map, in px of the picture (a 16:9 frame; the PNG scales it to 1920×1080):
/// what the SVG writer writes, element by element. Built by <see cref="MapPictureBuilder"/>.
/// </summary>
public sealed record MapPicture(
    double Width,
    double Height,
    PictureTheme Theme,
    string Title,
    string Subtitle,
    IReadOnlyList<PictureCard> Cards,
    IReadOnlyList<PictureLink> Links,
    IReadOnlyList<LegendColumn> Legend)
{
    /// <summary>The smallest font size of a node's label, in px of the picture.</summary>
    public double LabelSize => Cards.Count == 0 ? MapPictureBuilder.LabelFont : Cards.Min(c => c.FontSize);
}

public enum CardShape { Body, Actor, Compact }

/// <summary>A node as a card: a body (large, kind and member count, status badge) or an actor (colour band, name in up to two lines) or a one-line card.</summary>
public sealed record PictureCard(
    string Id,
    CardShape Shape,
    double X,
    double Y,
    double W,
    double H,
    string Colour,
    IReadOnlyList<string> Lines,
    double FontSize,
    string? Meta,
    string? Badge,
    bool Dashed,
    string AccessibleName,
    bool BadgeDissolved = false)
{
    public double CentreX => X + W / 2;
    public double CentreY => Y + H / 2;
}

public sealed record LineStyle(string Colour, double Width, string? Dash, bool Arrow);

public sealed record PictureLink(string Type, string? Kind, double X1, double Y1, double X2, double Y2, LineStyle Style);

public sealed record LegendItem(string Label, string? Swatch = null, LineStyle? Line = null, string? Badge = null, bool BadgeDissolved = false);

public sealed record LegendSection(string Heading, IReadOnlyList<LegendItem> Items);

public sealed record LegendColumn(double X, double Y, IReadOnlyList<LegendSection> Sections);

/// <summary>The projector themes: light, and dark with high contrast.</summary>
public sealed record PictureTheme(string Name, string Background, string Text, string Muted, string CardFill, string CardStroke, string Link,
    string DormantBadge, string DormantText, string DissolvedBadge, string DissolvedText)
{
    public static readonly PictureTheme Light = new("light", "#ffffff", "#111820", "#3d4654", "#ffffff", "#4b5563", "#5f6b7c",
        "#ffd180", "#3e2700", "#cfd8dc", "#263238");

    /// <summary>A line colour as this theme draws it: on the dark background, dark colours are lightened until they stand out.</summary>
    public string Line(string colour)
    {
        if (Name != "dark" || colour.Length != 7 || colour[0] != '#') return colour;
        var rgb = Enumerable.Range(0, 3).Select(i => Convert.ToInt32(colour.Substring(1 + 2 * i, 2), 16)).ToArray();
        var luminance = (0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2]) / 255;
        if (luminance >= 0.35) return colour;
        var mix = Math.Min(0.6, 0.35 - luminance + 0.25);
        return "#" + string.Concat(rgb.Select(c => ((int)Math.Round(c + (255 - c) * mix)).ToString("x2")));
    }

    public static readonly PictureTheme Dark = new("dark", "#0b0f14", "#f5f7fa", "#d0d6e0", "#1a2029", "#c7ced9", "#a7b1c2",
        "#ffb300", "#1d1400", "#78909c", "#0b0f14");
}
