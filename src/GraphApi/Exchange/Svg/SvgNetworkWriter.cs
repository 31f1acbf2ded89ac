using System.Text;
using GraphApi.Localization;
using Microsoft.Extensions.Localization;

namespace GraphApi.Exchange.Svg;

/// <summary>
/// <c>?format=svg</c>: the map as a slide-shaped, self-contained SVG (title, date, legend, cards, links), always
/// well-formed XML whatever the names contain. Options: <c>asOf=YYYY-MM-DD</c>, <c>theme=light|dark</c>, <c>title</c>,
/// <c>layers=actor,body,person,…</c>.
/// </summary>
public sealed class SvgNetworkWriter(TimeProvider time, IStringLocalizer<Strings> texts) : INetworkWriter
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
    public string Render(ExportRequest request) => SvgMarkup.Write(MapPictureBuilder.Build(request, Dates.DayInBerlin(time.GetUtcNow()), new KindLook(texts)));
}
