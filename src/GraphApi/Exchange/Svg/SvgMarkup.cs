using System.Globalization;
using System.Text;
using System.Xml;

namespace GraphApi.Exchange.Svg;

/// <summary>
/// Writes a <see cref="MapPicture"/> as a self-contained SVG 1.1 document: no scripts, no external references, fonts
/// named by family only. Written with <see cref="XmlWriter"/> (it escapes &lt;, &amp;, &gt; and quotes) after every text
/// went through <see cref="TextFit.Clean"/>, so the document is well-formed whatever the names contain.
/// </summary>
public static class SvgMarkup
{
    /// <summary>DejaVu Sans is what the server has (the PNG); Verdana has nearly its widths, for browsers without it.</summary>
    public const string FontFamily = "'DejaVu Sans', Verdana, 'Segoe UI', Arial, sans-serif";

    public static string Write(MapPicture picture)
    {
        var sb = new StringBuilder(64 * 1024);
        using (var w = XmlWriter.Create(sb, new XmlWriterSettings { Indent = false, OmitXmlDeclaration = true, CheckCharacters = true }))
            Write(picture, w);
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + sb + "\n";
    }

    private static void Write(MapPicture p, XmlWriter w)
    {
        const string ns = "http://www.w3.org/2000/svg";
        var t = p.Theme;
        w.WriteStartElement("svg", ns);
        w.WriteAttributeString("version", "1.1");
        w.WriteAttributeString("width", N(p.Width));
        w.WriteAttributeString("height", N(p.Height));
        w.WriteAttributeString("viewBox", $"0 0 {N(p.Width)} {N(p.Height)}");
        w.WriteAttributeString("font-family", FontFamily);
        w.WriteAttributeString("role", "img");
        w.WriteAttributeString("aria-labelledby", "map-title map-desc");
        w.WriteAttributeString("data-theme", t.Name);

        w.WriteStartElement("title");
        w.WriteAttributeString("id", "map-title");
        w.WriteString(p.Title);
        w.WriteEndElement();
        w.WriteStartElement("desc");
        w.WriteAttributeString("id", "map-desc");
        w.WriteString(p.Subtitle);
        w.WriteEndElement();

        WriteMarkers(p, w);
        Rect(w, 0, 0, p.Width, p.Height, t.Background);

        w.WriteStartElement("g");
        w.WriteAttributeString("class", "header");
        Text(w, MapPictureBuilder.Margin, 66, p.Title, MapPictureBuilder.TitleFont, t.Text, bold: true,
            maxWidth: p.Width - 2 * MapPictureBuilder.Margin);
        Text(w, MapPictureBuilder.Margin, 100, p.Subtitle, MapPictureBuilder.SubtitleFont, t.Muted,
            maxWidth: p.Width - 2 * MapPictureBuilder.Margin);
        w.WriteEndElement();

        w.WriteStartElement("g");
        w.WriteAttributeString("class", "links");
        w.WriteAttributeString("fill", "none");
        foreach (var link in p.Links)
        {
            w.WriteStartElement("line");
            w.WriteAttributeString("class", "link link-" + link.Type);
            if (link.Kind is not null) w.WriteAttributeString("data-kind", TextFit.Clean(link.Kind));
            w.WriteAttributeString("x1", N(link.X1));
            w.WriteAttributeString("y1", N(link.Y1));
            w.WriteAttributeString("x2", N(link.X2));
            w.WriteAttributeString("y2", N(link.Y2));
            Stroke(w, link.Style);
            w.WriteEndElement();
        }
        w.WriteEndElement();

        w.WriteStartElement("g");
        w.WriteAttributeString("class", "nodes");
        foreach (var card in p.Cards) WriteCard(w, card, t);
        w.WriteEndElement();

        WriteLegend(p, w);
        w.WriteEndElement();
    }

    private static void WriteMarkers(MapPicture p, XmlWriter w)
    {
        var colours = p.Links.Where(l => l.Style.Arrow).Select(l => l.Style.Colour)
            .Concat(p.Legend.SelectMany(c => c.Sections).SelectMany(s => s.Items).Where(i => i.Line?.Arrow == true).Select(i => i.Line!.Colour))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (colours.Count == 0) return;
        w.WriteStartElement("defs");
        foreach (var colour in colours)
        {
            w.WriteStartElement("marker");
            w.WriteAttributeString("id", MarkerId(colour));
            w.WriteAttributeString("viewBox", "0 0 10 10");
            w.WriteAttributeString("refX", "9");
            w.WriteAttributeString("refY", "5");
            w.WriteAttributeString("markerWidth", "4");
            w.WriteAttributeString("markerHeight", "4");
            w.WriteAttributeString("markerUnits", "strokeWidth");
            w.WriteAttributeString("orient", "auto");
            w.WriteStartElement("path");
            w.WriteAttributeString("d", "M0,0 L10,5 L0,10 z");
            w.WriteAttributeString("fill", colour);
            w.WriteEndElement();
            w.WriteEndElement();
        }
        w.WriteEndElement();
    }

    private static string MarkerId(string colour) => "arrow-" + new string(colour.Where(char.IsAsciiLetterOrDigit).ToArray());

    private static void Stroke(XmlWriter w, LineStyle style)
    {
        w.WriteAttributeString("stroke", style.Colour);
        w.WriteAttributeString("stroke-width", N(style.Width));
        if (style.Dash is not null) w.WriteAttributeString("stroke-dasharray", style.Dash);
        if (style.Dash is "1 4" or "2 5" or "3 5") w.WriteAttributeString("stroke-linecap", "round");
        if (style.Arrow) w.WriteAttributeString("marker-end", $"url(#{MarkerId(style.Colour)})");
    }

    private static void WriteCard(XmlWriter w, PictureCard c, PictureTheme t)
    {
        w.WriteStartElement("g");
        w.WriteAttributeString("class", "node node-" + c.Shape.ToString().ToLowerInvariant());
        w.WriteAttributeString("data-node-id", TextFit.Clean(c.Id));
        w.WriteStartElement("title");
        w.WriteString(c.AccessibleName);
        w.WriteEndElement();

        var radius = c.Shape == CardShape.Body ? 10 : 6;
        w.WriteStartElement("rect");
        w.WriteAttributeString("x", N(c.X));
        w.WriteAttributeString("y", N(c.Y));
        w.WriteAttributeString("width", N(c.W));
        w.WriteAttributeString("height", N(c.H));
        w.WriteAttributeString("rx", N(radius));
        w.WriteAttributeString("fill", t.CardFill);
        w.WriteAttributeString("stroke", c.Shape == CardShape.Body ? t.Text : t.CardStroke);
        w.WriteAttributeString("stroke-width", c.Shape == CardShape.Body ? "3" : "1.5");
        if (c.Dashed) w.WriteAttributeString("stroke-dasharray", "10 6");
        w.WriteEndElement();

        if (c.Shape == CardShape.Body)
        {
            // A colour band along the top; name in bold, then kind and member count, the status as a badge.
            ClippedBand(w, c.X, c.Y, c.W, 10, radius, c.Colour, top: true);
            var y = c.Y + 10 + 8 + c.FontSize;
            foreach (var line in c.Lines)
            {
                Text(w, c.X + 16, y, line, c.FontSize, t.Text, bold: true, cls: "node-label");
                y += c.FontSize * 1.2;
            }
            var metaY = c.Y + c.H - 12;
            var metaWidth = c.W - 32;
            if (c.Badge is not null)
            {
                var badgeW = TextFit.Width(c.Badge, MapPictureBuilder.MetaFont, bold: true) + 20;
                var dissolved = c.BadgeDissolved;
                Rect(w, c.X + c.W - 12 - badgeW, metaY - MapPictureBuilder.MetaFont - 3, badgeW, MapPictureBuilder.MetaFont + 9,
                    dissolved ? t.DissolvedBadge : t.DormantBadge, rx: 12);
                Text(w, c.X + c.W - 12 - badgeW + 10, metaY, c.Badge, MapPictureBuilder.MetaFont, dissolved ? t.DissolvedText : t.DormantText,
                    bold: true, cls: "badge");
                metaWidth -= badgeW + 8;
            }
            if (c.Meta is not null)
                Text(w, c.X + 16, metaY, TextFit.Ellipsize(c.Meta, metaWidth, MapPictureBuilder.MetaFont), MapPictureBuilder.MetaFont, t.Muted, cls: "meta");
        }
        else
        {
            // A colour band at the left: the kind, as in the legend.
            ClippedBand(w, c.X, c.Y, 12, c.H, radius, c.Colour, top: false);
            var lineHeight = c.FontSize * 1.2;
            var block = c.FontSize + (c.Lines.Count - 1) * lineHeight;
            var y = c.Y + (c.H - block) / 2 + c.FontSize * 0.8;
            foreach (var line in c.Lines)
            {
                Text(w, c.X + 20, y, line, c.FontSize, t.Text, cls: "node-label");
                y += lineHeight;
            }
        }
        w.WriteEndElement();
    }

    /// <summary>A band along one edge of a rounded card: a path with the card's rounded corners on that side.</summary>
    private static void ClippedBand(XmlWriter w, double x, double y, double width, double height, double r, string colour, bool top)
    {
        w.WriteStartElement("path");
        var d = top
            ? $"M{N(x)},{N(y + height)} L{N(x)},{N(y + r)} Q{N(x)},{N(y)} {N(x + r)},{N(y)} L{N(x + width - r)},{N(y)} Q{N(x + width)},{N(y)} {N(x + width)},{N(y + r)} L{N(x + width)},{N(y + height)} Z"
            : $"M{N(x + width)},{N(y)} L{N(x + r)},{N(y)} Q{N(x)},{N(y)} {N(x)},{N(y + r)} L{N(x)},{N(y + height - r)} Q{N(x)},{N(y + height)} {N(x + r)},{N(y + height)} L{N(x + width)},{N(y + height)} Z";
        w.WriteAttributeString("d", d);
        w.WriteAttributeString("fill", colour);
        w.WriteEndElement();
    }

    private static void WriteLegend(MapPicture p, XmlWriter w)
    {
        if (p.Legend.Count == 0) return;
        var t = p.Theme;
        w.WriteStartElement("g");
        w.WriteAttributeString("class", "legend");
        const double row = MapPictureBuilder.LegendRow, font = MapPictureBuilder.LegendFont;
        foreach (var column in p.Legend)
        {
            var y = column.Y;
            foreach (var section in column.Sections)
            {
                Text(w, column.X, y + font + 2, section.Heading, font + 2, t.Text, bold: true, cls: "legend-heading");
                y += row * 1.3;
                foreach (var item in section.Items)
                {
                    var mid = y + row / 2;
                    var textX = column.X + 58;
                    if (item.Swatch is not null)
                    {
                        Rect(w, column.X, mid - 10, 44, 20, item.Swatch, rx: 4);
                        // An outline, so that a dark kind colour still shows on the dark theme.
                        w.WriteStartElement("rect");
                        foreach (var (name, value) in new[] { ("x", N(column.X)), ("y", N(mid - 10)), ("width", "44"), ("height", "20"), ("rx", "4"),
                                     ("fill", "none"), ("stroke", t.CardStroke), ("stroke-width", "1") })
                            w.WriteAttributeString(name, value);
                        w.WriteEndElement();
                    }
                    else if (item.Line is not null)
                    {
                        w.WriteStartElement("line");
                        w.WriteAttributeString("x1", N(column.X));
                        w.WriteAttributeString("y1", N(mid));
                        w.WriteAttributeString("x2", N(column.X + 44));
                        w.WriteAttributeString("y2", N(mid));
                        Stroke(w, item.Line);
                        w.WriteEndElement();
                    }
                    else if (item.Badge is not null)
                    {
                        var dissolved = item.BadgeDissolved;
                        var word = item.Badge;
                        var badgeW = TextFit.Width(word, font - 2, bold: true) + 14;
                        Rect(w, column.X, mid - 11, badgeW, 22, dissolved ? t.DissolvedBadge : t.DormantBadge, rx: 11);
                        Text(w, column.X + 7, mid + 5.5, word, font - 2, dissolved ? t.DissolvedText : t.DormantText, bold: true);
                        textX = column.X + Math.Max(58, badgeW + 12);
                    }
                    Text(w, textX, mid + font * 0.35, TextFit.Ellipsize(item.Label, MapPictureBuilder.LegendColumnWidth - (textX - column.X) - 12, font),
                        font, t.Text, cls: "legend-label");
                    y += row;
                }
                y += row * 0.6;
            }
        }
        w.WriteEndElement();
    }

    private static void Rect(XmlWriter w, double x, double y, double width, double height, string fill, double rx = 0)
    {
        w.WriteStartElement("rect");
        w.WriteAttributeString("x", N(x));
        w.WriteAttributeString("y", N(y));
        w.WriteAttributeString("width", N(width));
        w.WriteAttributeString("height", N(height));
        if (rx > 0) w.WriteAttributeString("rx", N(rx));
        w.WriteAttributeString("fill", fill);
        w.WriteEndElement();
    }

    private static void Text(XmlWriter w, double x, double y, string text, double size, string fill, bool bold = false, string? cls = null,
        double? maxWidth = null)
    {
        text = TextFit.Clean(text);
        if (maxWidth is { } max) text = TextFit.Ellipsize(text, max, size, bold);
        w.WriteStartElement("text");
        if (cls is not null) w.WriteAttributeString("class", cls);
        w.WriteAttributeString("x", N(x));
        w.WriteAttributeString("y", N(y));
        w.WriteAttributeString("font-size", N(size));
        if (bold) w.WriteAttributeString("font-weight", "bold");
        w.WriteAttributeString("fill", fill);
        w.WriteString(text);
        w.WriteEndElement();
    }

    private static string N(double v) => Math.Round(v, 1).ToString("0.#", CultureInfo.InvariantCulture);
}
