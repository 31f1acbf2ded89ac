using System.Text;

namespace GraphApi.Exchange.Svg;

/// <summary>
/// <c>?format=svg</c>: the map as a slide-shaped, self-contained SVG (title, date, legend, cards, links), always
/// well-formed XML whatever the names contain. Options: <c>asOf=YYYY-MM-DD</c>, <c>theme=light|dark</c>, <c>title</c>,
/// <c>layers=actor,body,person,…</c>.
/// </summary>
public sealed class SvgNetworkWriter(TimeProvider time) : INetworkWriter
{
    public string Format => "svg";
    public string ContentType => "image/svg+xml";
    public string Extension => ".svg";

    public async Task WriteAsync(ExportRequest request, Stream output, CancellationToken ct)
    {
        var svg = Render(request);
        await output.WriteAsync(new UTF8Encoding(false).GetBytes(svg), ct);
    }

    /// <summary>The SVG document as text.</summary>
    public string Render(ExportRequest request) => SvgMarkup.Write(MapPictureBuilder.Build(request, Today(time)));

    /// <summary>Today in Berlin: the "Stand" of a picture without <c>asOf</c>.</summary>
    internal static DateOnly Today(TimeProvider time) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), BerlinZone).DateTime);

    // TODO(registry): GraphApi.Localization.Dates.Berlin once main has it.
    private static readonly TimeZoneInfo BerlinZone = FindBerlin();

    private static TimeZoneInfo FindBerlin()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.Utc;
        }
    }
}
