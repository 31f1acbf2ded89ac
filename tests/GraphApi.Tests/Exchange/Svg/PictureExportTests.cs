using System.Buffers.Binary;
using System.Xml.Linq;
using GraphApi.Domain;
using GraphApi.Exchange;
using GraphApi.Exchange.Svg;
using GraphApi.Localization;
using GraphApi.Storage;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using SkiaSharp;
using Xunit.Abstractions;

namespace GraphApi.Tests.Exchange.Svg;

/// <summary>The map as a picture for the steering group's slides: SVG and PNG from the same drawing. German, as the endpoint speaks by default.</summary>
public sealed class PictureExportTests : IDisposable
{
    private readonly CultureInfo _culture = CultureInfo.CurrentUICulture;
    private readonly ITestOutputHelper _output;

    public PictureExportTests(ITestOutputHelper output)
    {
        _output = output;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("de");
    }

    public void Dispose() => CultureInfo.CurrentUICulture = _culture;

    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    [Fact]
    public void PeinesSvgHasTitleDateLegendAndEveryVisibleNodeWithItsName()
    {
        var peine = Picture.Peine();
        var doc = Picture.Svg(peine, ("asOf", "2024-03-31"));

        Assert.Equal("Landkreis Peine", Texts(doc, "title").First());
        Assert.Contains(Texts(doc, "text"), t => t.StartsWith("Stand: 31.03.2024", StringComparison.Ordinal));
        var legend = Texts(doc.Descendants(Svg + "g").Single(g => Class(g) == "legend"), "text").ToList();
        Assert.Contains("Gremien", legend); // the status badge "ruhend" is explained
        Assert.Contains("Gremium ruht", legend);
        Assert.Contains("Akteure", legend);
        Assert.Contains("Verbindungen", legend);
        Assert.Contains("Wohlfahrtsverband", legend);
        Assert.Contains("Vorsitz", legend);
        Assert.Contains("Gast", legend);

        var nodes = doc.Descendants(Svg + "g").Where(g => g.Attribute("data-node-id") is not null).ToDictionary(g => g.Attribute("data-node-id")!.Value);
        var asOf = GraphApi.Analysis.AsOf.Apply(peine, new DateOnly(2024, 3, 31));
        var expected = asOf.All<Actor>().Select(a => a.Id).Concat(asOf.All<Body>().Select(b => b.Id)).ToList();
        Assert.Equal(expected.Order(StringComparer.Ordinal), nodes.Keys.Order(StringComparer.Ordinal));
        Assert.DoesNotContain(asOf.All<Person>(), p => nodes.ContainsKey(p.Id)); // persons folded by default

        foreach (var actor in asOf.All<Actor>())
        {
            var label = actor.ShortName ?? actor.Name;
            var shown = Joined(nodes[actor.Id].Descendants(Svg + "text").Where(t => Class(t) == "node-label").Select(t => t.Value));
            Assert.True(shown == label || Bare(shown) == Bare(label) || (shown.EndsWith('…') && Bare(label).StartsWith(Bare(shown.TrimEnd('…')), StringComparison.Ordinal)),
                $"{actor.Id}: \"{shown}\" for \"{label}\"");
            Assert.Contains(actor.Name, nodes[actor.Id].Element(Svg + "title")!.Value);
        }
        var koordinierungsstab = nodes["koordinierungsstab-mut"];
        Assert.Equal("Koordinierungsstab Migration und Teilhabe (MuT)",
            string.Join(" ", koordinierungsstab.Descendants(Svg + "text").Where(t => Class(t) == "node-label").Select(t => t.Value)));
        Assert.Contains(koordinierungsstab.Descendants(Svg + "text"), t => t.Value.EndsWith(" Mitglieder · Koordinierungsstab", StringComparison.Ordinal));
        // The Steuerungsgruppe Integration had stopped meeting: its card says so.
        Assert.Contains(nodes["sg-integration-peine"].Descendants(Svg + "text"), t => t.Value == "ruhend");
    }

    [Fact]
    public void PeineFitsASlideWithLabelsOfAtLeast16PxAndNoTwoCardsOverlapping()
    {
        var picture = MapPictureBuilder.Build(new ExportRequest(Picture.Peine(), new Dictionary<string, NodePosition>(), Picture.Options()),
            new DateOnly(2026, 12, 1), Picture.Look);

        Assert.Equal(16.0 / 9, picture.Width / picture.Height, 3);
        var scale = PngNetworkWriter.Width / picture.Width;
        Assert.True(picture.LabelSize * scale >= 16, $"labels {picture.LabelSize * scale:0.0} px at 1920×1080 (frame {picture.Width:0} px)");
        AssertNoOverlap(picture.Cards);
        Assert.All(picture.Cards, c => Assert.True(c.X >= 0 && c.Y >= MapPictureBuilder.TopBand - 1 && c.X + c.W <= picture.Width && c.Y + c.H <= picture.Height));
        var legendLeft = picture.Legend.Min(l => l.X);
        Assert.All(picture.Cards, c => Assert.True(c.X + c.W < legendLeft, $"{c.Id} reaches into the legend"));
    }

    [Fact]
    public async Task PeineLaidOutOnTheMapKeepsItsShapeOnTheSlide()
    {
        // Positions as a force-directed layout saves them (peine-positions.json: Fruchterman–Reingold, made once).
        var positions = Picture.PeinePositions();
        var request = new ExportRequest(Picture.Peine(), positions, Picture.Options());
        var picture = MapPictureBuilder.Build(request, new DateOnly(2026, 12, 1), Picture.Look);

        AssertNoOverlap(picture.Cards);
        Assert.True(picture.LabelSize * PngNetworkWriter.Width / picture.Width >= 16);
        // Left stays left: of the pairs of bodies far apart on the map, the picture keeps the order.
        var bodies = picture.Cards.Where(c => c.Shape == CardShape.Body).ToList();
        var pairs = (from a in bodies from b in bodies where positions[b.Id].X - positions[a.Id].X > 400 select (a, b)).ToList();
        Assert.NotEmpty(pairs);
        Assert.All(pairs, p => Assert.True(p.a.CentreX <= p.b.CentreX, $"{p.a.Id} is left of {p.b.Id} on the map"));

        var svg = Picture.SvgWriter;
        Picture.Save("export-peine-laid-out.svg", System.Text.Encoding.UTF8.GetBytes(svg.Render(request)));
        // Figures for the notes, not a timed test.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var text = svg.Render(request);
        var svgMs = clock.Elapsed.TotalMilliseconds;
        PngNetworkWriter.Render(text); // the first one loads the native libraries and fonts
        clock.Restart();
        var png = PngNetworkWriter.Render(text);
        _output.WriteLine($"Peine: SVG {text.Length / 1024.0:0} KiB in {svgMs:0} ms, PNG {png.Length / 1024.0:0} KiB in {clock.Elapsed.TotalMilliseconds:0} ms; " +
                          $"frame {picture.Width:0}×{picture.Height:0}, labels {picture.LabelSize * PngNetworkWriter.Width / picture.Width:0.0} px in the PNG");
        using var light = new MemoryStream();
        await new PngNetworkWriter(svg).WriteAsync(request, light, CancellationToken.None);
        Picture.Save("export-peine-laid-out.png", light.ToArray());
        using var dark = new MemoryStream();
        await new PngNetworkWriter(svg).WriteAsync(request with { Options = Picture.Options(("theme", "dark"), ("title", "Integrationsnetzwerk Peine")) },
            dark, CancellationToken.None);
        Picture.Save("export-peine-dark.png", dark.ToArray());
    }

    [Fact]
    public void SavedPositionsAreKeptInOrderAndBrokenOnesGetAPlaceOfTheirOwn()
    {
        var snapshot = Picture.Network(
            new Actor { Id = "west", Name = "West", Kind = ActorKinds.Jobcenter },
            new Actor { Id = "east", Name = "Ost", Kind = ActorKinds.Municipality },
            new Actor { Id = "lost", Name = "Ohne Platz", Kind = ActorKinds.Other },
            new Actor { Id = "nan", Name = "NaN-Platz", Kind = ActorKinds.Other },
            new Body { Id = "b", Name = "Runder Tisch", Kind = BodyKinds.Network },
            new Membership { Id = "m1", Member = "west", Body = "b" },
            new Membership { Id = "m2", Member = "east", Body = "b", Role = MembershipRoles.Chair });
        var positions = new Dictionary<string, NodePosition>
        {
            ["west"] = new(-500, 0), ["east"] = new(500, 0), ["b"] = new(0, 0), ["nan"] = new(double.NaN, double.PositiveInfinity),
        };
        var picture = MapPictureBuilder.Build(new ExportRequest(snapshot, positions, Picture.Options()), new DateOnly(2026, 12, 1), Picture.Look);

        var card = picture.Cards.ToDictionary(c => c.Id);
        Assert.True(card["west"].CentreX < card["b"].CentreX && card["b"].CentreX < card["east"].CentreX);
        Assert.All(picture.Cards, c => Assert.True(double.IsFinite(c.X) && double.IsFinite(c.Y)));
        AssertNoOverlap(picture.Cards);
        var chair = Assert.Single(picture.Links, l => l.Kind == MembershipRoles.Chair);
        var member = Assert.Single(picture.Links, l => l.Kind == MembershipRoles.Member);
        Assert.True(chair.Style.Width > member.Style.Width, "Vorsitz is drawn stronger than Mitglied");
    }

    [Theory]
    [InlineData("<script>alert(1)</script> & Co. ]]> \"'")]
    [InlineData("Steuerung\u0000\u0001\u0007\u000B\u000C\u001F\u001B-gruppe\tmit\r\nUmbruch")]
    [InlineData("جمعية الجالية العربية בית הקהילה")]
    [InlineData("Flüchtlingshilfe 🤝🏽 Ümläüt ß 👨‍👩‍👧")]
    [InlineData("Donaudampfschifffahrtselektrizitätenhauptbetriebswerkbauunterbeamtengesellschaft-Kreisverband Übergangsmanagement und Migration, Teilhabe, Integration und Antidiskriminierung im Landkreis")]
    [InlineData("\uD800 lone surrogate \uDFFF and \uFFFE\uFFFF")]
    public void AnyNameGivesWellFormedSvgThatShowsIt(string hostile)
    {
        var snapshot = Picture.Network(
            new Actor { Id = "a<&>\"1", Name = hostile, Kind = "kind<&>" },
            new Actor { Id = "a2", Name = "Zweiter", ShortName = hostile, Kind = ActorKinds.Counselling },
            new Body { Id = "b1", Name = hostile, Kind = BodyKinds.WorkingGroup, Status = BodyStatuses.Dissolved },
            new Person { Id = "p1", Name = hostile, Actor = "a2" },
            new Membership { Id = "m1", Member = "a<&>\"1", Body = "b1", Role = MembershipRoles.Guest },
            new Membership { Id = "m2", Member = "p1", Body = "b1" },
            new Collaboration { Id = "c1", From = "a<&>\"1", To = "a2", Kind = CollaborationKinds.Referral });
        var network = snapshot.Network with { Name = hostile };
        snapshot = NetworkSnapshot.Create(network, 1, snapshot.Everything.Where(e => e is not Network));

        foreach (var layers in new[] { "actor,body", "actor,body,person" })
        {
            var text = Picture.SvgText(snapshot, ("layers", layers), ("title", null), ("theme", "dark"));
            var doc = XDocument.Parse(text); // throws if not well-formed
            var clean = TextFit.Clean(hostile);
            Assert.Equal(clean, doc.Root!.Element(Svg + "title")!.Value);
            var labels = doc.Descendants(Svg + "text").Where(t => Class(t) == "node-label").Select(t => t.Value).ToList();
            var firstWord = clean.Split(' ')[0];
            Assert.Contains(labels, l => l.StartsWith(firstWord[..Math.Min(firstWord.Length, 4)], StringComparison.Ordinal));
            Assert.DoesNotContain(text, c => c < ' ' && c is not '\n');
            Assert.Contains(doc.Descendants(Svg + "g"), g => g.Attribute("data-node-id")?.Value == "a<&>\"1");
        }
    }

    [Fact]
    public void TheAsOfDayDecidesWhichBodiesAreDrawnAndTheDateShown()
    {
        var peine = Picture.Peine();
        var before = Picture.Svg(peine, ("asOf", "2020-06-30"));
        var after = Picture.Svg(peine, ("asOf", "2024-03-31"));
        const string dissolved = "Ausschuss für Gleichstellung, Arbeit und Soziales";
        var dissolvedId = peine.All<Body>().Single(b => b.Name == dissolved).Id;

        Assert.Contains(Nodes(before), id => id == dissolvedId);
        Assert.DoesNotContain(Nodes(after), id => id == dissolvedId);
        Assert.Contains(Texts(before, "text"), t => t.StartsWith("Stand: 30.06.2020", StringComparison.Ordinal));

        var today = Picture.Svg(peine);
        Assert.Contains(Texts(today, "text"), t => t.StartsWith("Stand: 02.12.2026", StringComparison.Ordinal)); // 23:30 UTC is already the 2nd in Berlin
    }

    [Fact]
    public void TheSameNetworkGivesTheSameBytes()
    {
        var peine = Picture.Peine();
        Assert.Equal(Picture.SvgText(peine), Picture.SvgText(peine));
    }

    [Fact]
    public async Task PngIsASlideOf1920By1080WithTheMapOnIt()
    {
        var writer = new PngNetworkWriter(Picture.SvgWriter);
        using var output = new MemoryStream();
        await writer.WriteAsync(new ExportRequest(Picture.Peine(), new Dictionary<string, NodePosition>(), Picture.Options(("asOf", "2024-03-31"))),
            output, CancellationToken.None);
        var png = output.ToArray();
        Picture.Save("export-peine.png", png);

        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
        Assert.Equal(1920, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)));
        Assert.Equal(1080, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)));

        using var bitmap = SKBitmap.Decode(png);
        var colours = new HashSet<SKColor>();
        for (var x = 0; x < bitmap.Width; x += 7)
            for (var y = 0; y < bitmap.Height; y += 7)
                colours.Add(bitmap.GetPixel(x, y));
        Assert.True(colours.Count > 50, $"only {colours.Count} colours: the picture is blank");
        // Dark text on the title line, white background in the corner.
        Assert.Equal(SKColors.White, bitmap.GetPixel(2, bitmap.Height - 2));
        Assert.Contains(Enumerable.Range(30, 400), x => Enumerable.Range(30, 50).Any(y => bitmap.GetPixel(x, y).Red < 80));
    }

    [Fact]
    public async Task DarkThemePngIsDarkAndHostileNamesRender()
    {
        var snapshot = Picture.Network(
            new Actor { Id = "a1", Name = "Jüdische Gemeinde Peine <&> ]]> קהילה", Kind = ActorKinds.MigrantOrganisation },
            new Actor { Id = "a2", Name = "Verein 🤝 der Völkerverständigung\u0001", Kind = ActorKinds.Volunteering },
            new Body { Id = "b1", Name = "Runder Tisch Übergänge", Kind = BodyKinds.Network, Status = BodyStatuses.Dormant },
            new Membership { Id = "m1", Member = "a1", Body = "b1", Role = MembershipRoles.Chair },
            new Membership { Id = "m2", Member = "a2", Body = "b1", Role = MembershipRoles.Guest });
        var writer = new PngNetworkWriter(Picture.SvgWriter);
        using var output = new MemoryStream();
        await writer.WriteAsync(new ExportRequest(snapshot, new Dictionary<string, NodePosition>(), Picture.Options(("theme", "dark"))), output, CancellationToken.None);
        Picture.Save("export-hostile-dark.png", output.ToArray());

        using var bitmap = SKBitmap.Decode(output.ToArray());
        Assert.Equal((1920, 1080), (bitmap.Width, bitmap.Height));
        Assert.True(bitmap.GetPixel(2, 1078).Red < 30, "dark background");

        // This machine has no emoji font: the PNG leaves emoji out rather than drawing empty boxes; umlauts and Hebrew stay.
        var svg = Picture.SvgText(snapshot);
        Assert.Contains("🤝", svg);
        var forPng = PngNetworkWriter.WithoutMissingGlyphs(svg);
        Assert.DoesNotContain("🤝", forPng);
        Assert.Contains("Völker", forPng);
        Assert.Contains("קהילה", forPng);
    }

    [Fact]
    public void AnEnglishRequestGetsAnEnglishPicture()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
        var doc = Picture.Svg(Picture.Peine(), ("asOf", "2024-03-31"));
        var texts = Texts(doc, "text").ToList();
        Assert.Contains(texts, t => t.StartsWith("As of 31 Mar 2024 · 11 Bodies, 71 Actors", StringComparison.Ordinal));
        Assert.Contains("Welfare association", texts);
        Assert.Contains("Chair", texts);
        Assert.Contains("dormant", texts);
    }

    [Fact]
    public void AddSvgExportRegistersTheSvgAndPngWriters()
    {
        var services = new ServiceCollection().AddLogging().AddSvgExport().AddSvgExport().BuildServiceProvider();
        var writers = services.GetServices<INetworkWriter>().ToList();
        Assert.Equal(["png", "svg"], writers.Select(w => w.Format).Order());
        Assert.Equal("image/svg+xml", writers.Single(w => w.Format == "svg").ContentType);
        Assert.Equal(".png", writers.Single(w => w.Format == "png").Extension);
    }

    private static void AssertNoOverlap(IReadOnlyList<PictureCard> cards)
    {
        for (var i = 0; i < cards.Count; i++)
            for (var j = i + 1; j < cards.Count; j++)
            {
                var (a, b) = (cards[i], cards[j]);
                var apart = a.X + a.W <= b.X || b.X + b.W <= a.X || a.Y + a.H <= b.Y || b.Y + b.H <= a.Y;
                Assert.True(apart, $"{a.Id} overlaps {b.Id}");
            }
    }

    /// <summary>A card's lines as one text: a line broken after a hyphen joins without a space.</summary>
    private static string Joined(IEnumerable<string> lines) =>
        lines.Aggregate("", (text, line) => text.Length == 0 ? line : text.EndsWith('-') ? text + line : text + " " + line);

    /// <summary>The letters of a label without spaces and hyphens: a word broken at the end of a line gets a hyphen.</summary>
    private static string Bare(string s) => new(s.Where(c => c is not ' ' and not '-').ToArray());
    private static string? Class(XElement e) => e.Attribute("class")?.Value;
    private static IEnumerable<string> Texts(XContainer doc, string element) => doc.Descendants(Svg + element).Select(e => e.Value);
    private static IEnumerable<string> Nodes(XDocument doc) =>
        doc.Descendants(Svg + "g").Select(g => g.Attribute("data-node-id")?.Value).OfType<string>();
}

/// <summary>Networks to draw and the writers' calls, for the picture tests.</summary>
internal static class Picture
{
    private static readonly TimeProvider Clock = new FixedClock(new DateTimeOffset(2026, 12, 1, 23, 30, 0, TimeSpan.Zero));
    private static NetworkSnapshot? _peine;

    public static NetworkSnapshot Peine()
    {
        if (_peine is not null) return _peine;
        var document = NetworkExchange.Parse(File.ReadAllText(Path.Combine(TestApp.SeedFolder, "peine.json")));
        var entities = new List<Entity>();
        entities.AddRange(document.Topics ?? []);
        entities.AddRange(document.Territories ?? []);
        entities.AddRange(document.Actors ?? []);
        entities.AddRange(document.Bodies ?? []);
        entities.AddRange(document.Persons ?? []);
        entities.AddRange((document.Memberships ?? []).Select(m => m.Id.Length > 0 ? m : m with { Id = Membership.DerivedId(m.Member, m.Body, m.Since) }));
        entities.AddRange((document.Collaborations ?? []).Select(c => c.Id.Length > 0 ? c : c with { Id = Collaboration.DerivedId(c.From, c.To, c.Kind) }));
        entities.AddRange(document.Measures ?? []);
        var network = new Network { Id = document.Network!.Id!, Name = document.Network.Name! };
        return _peine = NetworkSnapshot.Create(network, 1, entities);
    }

    public static readonly IStringLocalizer<Strings> Texts =
        new ServiceCollection().AddLogging().AddGraphLocalization().BuildServiceProvider().GetRequiredService<IStringLocalizer<Strings>>();

    public static KindLook Look => new(Texts);

    public static SvgNetworkWriter SvgWriter => new(Clock, Texts);

    public static IReadOnlyDictionary<string, NodePosition> PeinePositions()
    {
        var file = Path.Combine(AppContext.BaseDirectory, "Exchange", "Svg", "peine-positions.json");
        return System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, NodePosition>>(File.ReadAllText(file),
            new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web))!;
    }

    public static NetworkSnapshot Network(params Entity[] entities) =>
        NetworkSnapshot.Create(new Network { Id = "test", Name = "Testnetz" }, 1, entities);

    public static IReadOnlyDictionary<string, string?> Options(params (string Key, string? Value)[] options) =>
        options.ToDictionary(o => o.Key, o => o.Value);

    public static string SvgText(NetworkSnapshot snapshot, params (string Key, string? Value)[] options) =>
        SvgWriter.Render(new ExportRequest(snapshot, new Dictionary<string, NodePosition>(), Options(options)));

    public static XDocument Svg(NetworkSnapshot snapshot, params (string Key, string? Value)[] options) => XDocument.Parse(SvgText(snapshot, options));

    /// <summary>With GRAPH_EXPORT_SAMPLES set to a folder, the tests leave their pictures there to be looked at.</summary>
    public static void Save(string name, byte[] bytes)
    {
        if (Environment.GetEnvironmentVariable("GRAPH_EXPORT_SAMPLES") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            File.WriteAllBytes(Path.Combine(folder, name), bytes);
        }
    }
}

internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
