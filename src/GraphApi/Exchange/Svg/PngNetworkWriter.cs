using SkiaSharp;
using Svg.Skia;

namespace GraphApi.Exchange.Svg;

/// <summary>
/// <c>?format=png</c>: the same picture as <see cref="SvgNetworkWriter"/>, rasterised on the server with Svg.Skia
/// (SkiaSharp, HarfBuzz for shaping) at slide size, 1920×1080. Text is drawn with the machine's fonts through
/// fontconfig: DejaVu Sans here (umlauts, ß, Arabic and Hebrew; no colour emoji, which show as a box).
/// </summary>
public sealed class PngNetworkWriter(SvgNetworkWriter svg) : INetworkWriter
{
    public const int Width = 1920, Height = 1080;

    public string Format => "png";
    public string ContentType => "image/png";
    public string Extension => ".png";

    public async Task WriteAsync(ExportRequest request, Stream output, CancellationToken ct)
    {
        var png = Render(svg.Render(request));
        await output.WriteAsync(png, ct);
    }

    /// <summary>An SVG document as a 1920×1080 PNG: scaled to fit, centred, on the SVG's own background.</summary>
    public static byte[] Render(string svgDocument)
    {
        try
        {
            using var svg = new SKSvg();
            using var picture = svg.FromSvg(svgDocument) ?? throw new InvalidOperationException("Svg.Skia could not read the SVG.");
            var bounds = picture.CullRect;
            using var bitmap = new SKBitmap(new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Premul));
            using (var canvas = new SKCanvas(bitmap))
            {
                canvas.Clear(SKColors.White);
                var scale = Math.Min(Width / bounds.Width, Height / bounds.Height);
                canvas.Translate((Width - bounds.Width * scale) / 2, (Height - bounds.Height * scale) / 2);
                canvas.Scale(scale);
                canvas.DrawPicture(picture);
            }
            using var image = SKImage.FromBitmap(bitmap);
            using var data = image.Encode(SKEncodedImageFormat.Png, 100);
            return data.ToArray();
        }
        catch (Exception e) when (e is DllNotFoundException or TypeInitializationException or EntryPointNotFoundException or BadImageFormatException)
        {
            throw new PngRenderingUnavailableException(e);
        }
    }
}

/// <summary>The native SkiaSharp or HarfBuzz library could not be loaded on this machine, so no PNG can be made here.</summary>
public sealed class PngRenderingUnavailableException(Exception inner)
    : Exception($"PNG rendering is not available on this server: the native graphics library could not be loaded ({inner.GetType().Name}: {inner.Message}). " +
                "The SVG export works without it.", inner);
