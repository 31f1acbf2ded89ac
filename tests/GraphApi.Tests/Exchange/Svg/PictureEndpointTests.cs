using System.Net;
using System.Xml.Linq;

namespace GraphApi.Tests.Exchange.Svg;

/// <summary>The pictures through the one export endpoint, as a browser or a script downloads them.</summary>
public sealed class PictureEndpointTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public async Task ExportAsSvgAndPngGivesTheSlideForTheDay()
    {
        using var app = new TestApp(seed: true, language: null);
        var client = app.CreateClient();

        var svg = await client.GetAsync("/api/networks/peine/export?format=svg&asOf=2024-03-31&theme=dark");
        Assert.Equal(HttpStatusCode.OK, svg.StatusCode);
        Assert.Equal("image/svg+xml", svg.Content.Headers.ContentType?.MediaType);
        Assert.Equal("peine.svg", svg.Content.Headers.ContentDisposition?.FileNameStar ?? svg.Content.Headers.ContentDisposition?.FileName);
        var doc = XDocument.Parse(await svg.Content.ReadAsStringAsync());
        Assert.Equal("Landkreis Peine", doc.Root!.Element(Svg + "title")!.Value);
        Assert.Equal("dark", doc.Root.Attribute("data-theme")?.Value);
        Assert.Contains(doc.Descendants(Svg + "text"), t => t.Value.StartsWith("Stand: 31.03.2024", StringComparison.Ordinal)); // German by default

        var png = await client.GetAsync("/api/networks/peine/export?format=png&lang=en");
        Assert.Equal(HttpStatusCode.OK, png.StatusCode);
        Assert.Equal("image/png", png.Content.Headers.ContentType?.MediaType);
        var bytes = await png.Content.ReadAsByteArrayAsync();
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
        Assert.Equal(1920, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16, 4)));
        Assert.Equal(1080, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20, 4)));
    }
}
