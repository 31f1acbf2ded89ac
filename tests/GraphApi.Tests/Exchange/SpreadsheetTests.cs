using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GraphApi.Exchange.Csv;
using GraphApi.Exchange.Excel;
using GraphApi.Exchange.Tables;
using static GraphApi.Tests.Exchange.ExchangeKit;

namespace GraphApi.Tests.Exchange;

public sealed class SpreadsheetTests : IDisposable
{
    private const string Xlsx = ExcelNetworkWriter.MediaType;
    private readonly TestApp _app = new();

    public void Dispose() => _app.Dispose();

    public static TheoryData<string, string> SeedsAndFormats()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in Directory.GetFiles(TestApp.SeedFolder, "*.json").Order())
            foreach (var format in new[] { "xlsx", "csv" }) data.Add(Path.GetFileName(file), format);
        return data;
    }

    /// <summary>Export as a workbook or CSV zip, import that into an empty store: the same network, to the byte of its JSON.</summary>
    [Theory]
    [MemberData(nameof(SeedsAndFormats))]
    public async Task ASeedNetworkExportedAndImportedAgainIsTheSameNetwork(string seed, string format)
    {
        var json = await File.ReadAllTextAsync(Path.Combine(TestApp.SeedFolder, seed));
        var id = JsonNode.Parse(json)!["network"]!["id"]!.GetValue<string>();
        (await _app.ImportAsync(json)).EnsureSuccessStatusCode();
        var file = await _app.ExportAsync(id, format);

        using var other = new TestApp();
        var response = await other.PostFileAsync(file, format == "xlsx" ? Xlsx : "application/zip");
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        Assert.Equal(json, await other.CreateClient().GetStringAsync($"/api/networks/{id}/export"));

        // And once more over the same network: nothing to change.
        var again = await (await other.PostFileAsync(file, null)).Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal((0, 0, 0), (again!["created"]!.GetValue<int>(), again["updated"]!.GetValue<int>(), again["deleted"]!.GetValue<int>()));
    }

    /// <summary>Every field of the exchange format has its column (a later issue's new field fails here until it gets one).</summary>
    [Fact]
    public void EveryFieldOfTheExchangeFormatHasAColumn()
    {
        var options = GraphApi.Exchange.NetworkExchange.DocumentOptions;
        foreach (var (list, type) in new (string, Type)[]
                 {
                     ("network", typeof(GraphApi.Exchange.NetworkHeader)), ("actors", typeof(GraphApi.Domain.Actor)), ("bodies", typeof(GraphApi.Domain.Body)),
                     ("memberships", typeof(GraphApi.Domain.Membership)), ("collaborations", typeof(GraphApi.Domain.Collaboration)),
                     ("persons", typeof(GraphApi.Domain.Person)), ("topics", typeof(GraphApi.Domain.Topic)), ("territories", typeof(GraphApi.Domain.Territory)),
                     ("measures", typeof(GraphApi.Domain.Measure)), ("compositionRules", typeof(GraphApi.Domain.CompositionRule)),
                 })
        {
            var sheet = TableSchema.Sheets.Single(s => s.List == list);
            foreach (var property in options.GetTypeInfo(type).Properties.Where(p => p.Get is not null || p.Set is not null))
                Assert.True(sheet.ColumnOfField(property.Name) is not null, $"{sheet.Name} has no column for {list}.{property.Name}");
        }
    }

    [Fact]
    public async Task AWorkbookHasTheGermanSheetsAndColumnsAndWords()
    {
        (await _app.ImportAsync(Samples.Small)).EnsureSuccessStatusCode();
        var workbook = ExcelNetworkReader.Load(new MemoryStream(await _app.ExportAsync("kreis", "xlsx")));
        Assert.Equal(["Netzwerk", "Akteure", "Gremien", "Mitgliedschaften", "Kooperationen", "Personen", "Handlungsfelder", "Gebiete",
            "Maßnahmen", "Zusammensetzung"], workbook.Sheets.Select(s => s.Name));
        var bodies = workbook.Sheets.Single(s => s.Name == "Gremien");
        Assert.Equal(["ID", "Name", "Art", "Auftrag", "Handlungsfelder", "Gebiete", "Sitzungen pro Jahr", "Sitzungsdauer (Std.)",
            "Letzte Sitzung", "Status", "Leitung", "Berichtet an", "Gegründet", "Aufgelöst"], bodies.Headers);
        var sg = bodies.Rows.Single(r => (string?)r[0] == "sg");
        Assert.Equal("Steuerungsgruppe", sg[2]);
        Assert.Equal("aktiv", sg[9]);
        Assert.Equal(new DateTime(2016, 3, 1), sg[12]); // an Excel date, shown TT.MM.JJJJ
        var chair = workbook.Sheets.Single(s => s.Name == "Mitgliedschaften").Rows.Single(r => (string?)r[1] == "amt");
        Assert.Equal(("m-amt-sg-2016-03-01", "Vorsitz"), ((string?)chair[0], (string?)chair[3]));
        Assert.Equal("Wohlfahrtsverband", workbook.Sheets.Single(s => s.Name == "Akteure").Rows.Single(r => (string?)r[0] == "caritas")[3]);
        Assert.Empty(workbook.Problems);
    }

    /// <summary>A list typed by hand: no ids, references by name, German words and dates; ids are made and written back on export.</summary>
    [Fact]
    public async Task AHandTypedWorkbookWithoutIdsImportsAndGetsIds()
    {
        var file = await XlsxAsync(Template());
        var response = await _app.PostFileAsync(file, Xlsx);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var result = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(16, result["created"]!.GetValue<int>());

        var document = JsonNode.Parse(await _app.CreateClient().GetStringAsync("/api/networks/beispielkreis/export"))!;
        var ami = document["actors"]!.AsArray().Single(a => a!["name"]!.GetValue<string>() == "Amt für Migration und Integration")!;
        Assert.Equal("amt-fuer-migration-und-integration", ami["id"]!.GetValue<string>());
        Assert.Equal("kreisverwaltung", ami["parent"]!.GetValue<string>());
        Assert.Equal(["arbeit", "sprachfoerderung"], ami["topics"]!.AsArray().Select(t => t!.GetValue<string>()));
        var sg = document["bodies"]!.AsArray().Single(b => b!["id"]!.GetValue<string>() == "steuerungsgruppe-integration")!;
        Assert.Equal(("2022-06-09", "sozialausschuss", "steeringGroup"),
            (sg["lastMeeting"]!.GetValue<string>(), sg["reportsTo"]!.GetValue<string>(), sg["kind"]!.GetValue<string>()));
        // A person gets an opaque id, never one made from the name (privacy); the membership refers to it.
        var leitung = document["persons"]!.AsArray().Single(p => p!["name"]!.GetValue<string>() == "Leitung Referat Integration")!["id"]!.GetValue<string>();
        Assert.Matches("^person-[0-9a-f]{10}$", leitung);
        var person = document["memberships"]!.AsArray().Single(m => m!["member"]!.GetValue<string>() == leitung)!;
        Assert.Equal("amt-fuer-migration-und-integration", person["representing"]!.GetValue<string>());

        // The same hand-typed file again: the made ids are the same, so nothing changes.
        var again = (await (await _app.PostFileAsync(file, Xlsx)).Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(0, again["created"]!.GetValue<int>() + again["updated"]!.GetValue<int>() + again["deleted"]!.GetValue<int>());

        // The export writes the ids into the ID columns.
        var exported = ExcelNetworkReader.Load(new MemoryStream(await _app.ExportAsync("beispielkreis", "xlsx")));
        Assert.Contains(exported.Sheets.Single(s => s.Name == "Akteure").Rows, r => (string?)r[0] == "amt-fuer-migration-und-integration");
    }

    [Fact]
    public async Task KindsAndReferencesAcceptCodesIdsAndAnyCase()
    {
        var file = await XlsxAsync(Template(s => s.Name switch
        {
            "Akteure" => s.WithCell(2, "Art", "administration").WithCell(4, "Art", "JOBCENTER").WithCell(5, "Art", "wohlfahrtsverband"),
            "Mitgliedschaften" => s.WithCell(2, "Rolle", "chair").WithCell(3, "Gremium", "steuerungsgruppe-integration"),
            "Gremien" => s.WithCell(2, "Letzte Sitzung", "2022-06-09").WithCell(3, "Status", "AKTIV"),
            _ => s,
        }));
        var response = await _app.PostFileAsync(file, Xlsx);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Twenty mistakes planted in the template: every one named by sheet, row and column (in German), nothing written.</summary>
    [Fact]
    public async Task TwentyPlantedMistakesAreAllReportedWithSheetRowAndColumnAndNothingIsWritten()
    {
        using var app = new TestApp(language: null);
        var file = await XlsxAsync(Template(s => s.Name switch
        {
            "Akteure" => s.WithCell(2, "Art", "NGO").WithCell(2, "Kurzname", new string('K', 250)).WithCell(3, "Übergeordnet", "Kreisverwaltng")
                .WithCell(4, "Gebiete", "Landkreis; Mondstadt").WithCell(5, "Handlungsfelder", "Sprachfoerderung"),
            "Gremien" => s.WithCell(2, "Art", "Lenkungskreis").WithCell(2, "Sitzungen pro Jahr", "oft").WithCell(2, "Sitzungsdauer (Std.)", 30.0)
                .WithCell(2, "Letzte Sitzung", "31.02.2022").WithCell(3, "Status", "schlafend").WithCell(3, "Berichtet an", "Sozialausschuss"),
            "Mitgliedschaften" => s.WithCell(2, "Gremium", "Steuerungsgrupe").WithCell(3, "Rolle", "Chef")
                .WithCell(4, "Seit", "01.01.2020").WithCell(4, "Bis", "01.01.2019"),
            "Kooperationen" => s.WithCell(2, "Zu", "Jobcenter"),
            "Personen" => s.WithCell(2, "Akteur", "Amt für Migration"),
            "Handlungsfelder" => s.WithCell(3, "ID", "Sprach förderung"),
            "Gebiete" => s.WithCell(3, "Art", "Dorf"),
            "Maßnahmen" => s.WithCell(2, "Seit", "gestern"),
            "Zusammensetzung" => s.WithCell(2, "Erforderliche Akteursarten", "Verwaltung; Vereine"),
            _ => s,
        }));
        var errors = await Api.ProblemAssert.Invalid(await app.PostFileAsync(file, Xlsx),
            "Akteure, Zeile 2, Spalte Art", "Akteure, Zeile 2, Spalte Kurzname", "Akteure, Zeile 3, Spalte Übergeordnet",
            "Akteure, Zeile 4, Spalte Gebiete", "Akteure, Zeile 5, Spalte Handlungsfelder",
            "Gremien, Zeile 2, Spalte Art", "Gremien, Zeile 2, Spalte Sitzungen pro Jahr", "Gremien, Zeile 2, Spalte Sitzungsdauer (Std.)",
            "Gremien, Zeile 2, Spalte Letzte Sitzung", "Gremien, Zeile 3, Spalte Status", "Gremien, Zeile 3, Spalte Berichtet an",
            "Mitgliedschaften, Zeile 2, Spalte Gremium", "Mitgliedschaften, Zeile 3, Spalte Rolle", "Mitgliedschaften, Zeile 4, Spalte Bis",
            "Kooperationen, Zeile 2, Spalte Zu", "Personen, Zeile 2, Spalte Akteur", "Handlungsfelder, Zeile 3, Spalte ID",
            "Gebiete, Zeile 3, Spalte Art", "Maßnahmen, Zeile 2, Spalte Seit", "Zusammensetzung, Zeile 2, Spalte Erforderliche Akteursarten");
        Assert.Equal("„Steuerungsgrupe“ gibt es nicht — meinten Sie „Steuerungsgruppe Integration“?", errors["Mitgliedschaften, Zeile 2, Spalte Gremium"].Single());
        Assert.Equal("„Kreisverwaltng“ gibt es nicht — meinten Sie „Kreisverwaltung“?", errors["Akteure, Zeile 3, Spalte Übergeordnet"].Single());
        Assert.Equal("„Amt für Migration“ gibt es nicht — meinten Sie „Amt für Migration und Integration“?", errors["Personen, Zeile 2, Spalte Akteur"].Single());
        Assert.StartsWith("„NGO“ ist keine Akteursart; möglich sind: Verwaltung, Jobcenter,", errors["Akteure, Zeile 2, Spalte Art"].Single());
        Assert.StartsWith("„31.02.2022“ ist kein Datum", errors["Gremien, Zeile 2, Spalte Letzte Sitzung"].Single());
        Assert.StartsWith("Das ergäbe einen Zirkelbezug", errors["Gremien, Zeile 3, Spalte Berichtet an"].Single());
        await Api.ProblemAssert.Status(await app.CreateClient().GetAsync("/api/networks/beispielkreis"), HttpStatusCode.NotFound);

        // The preview lists the same problems, each with its sheet, row and column apart, and says it cannot be imported.
        var preview = await (await app.PostFileAsync(file, Xlsx, "?dryRun=true")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(preview.GetProperty("canImport").GetBoolean());
        var problems = preview.GetProperty("problems").EnumerateArray().ToList();
        Assert.Equal(20, problems.Count);
        Assert.Contains(problems, p => p.GetProperty("sheet").GetString() == "Mitgliedschaften" && p.GetProperty("row").GetInt32() == 2
                                       && p.GetProperty("column").GetString() == "Gremium");
    }

    [Fact]
    public async Task ThePreviewCountsChangesAndAStaleConfirmationGetsANewPreview()
    {
        (await _app.ImportAsync(Samples.Small)).EnsureSuccessStatusCode();
        var workbook = ExcelNetworkReader.Load(new MemoryStream(await _app.ExportAsync("kreis", "xlsx")));
        var changed = new GraphApi.Exchange.Tables.Workbook(workbook.Sheets.Select(s => s.Name switch
        {
            "Akteure" => s.WithCell(3, "Name", "Caritasverband Peine") is var renamed ? renamed with
            {
                Rows = [.. renamed.Rows, new WorkRow(6, [null, "Caritasverband Peine e.V.", null, "Wohlfahrtsverband", null, null, null, null])],
            } : s,
            "Maßnahmen" => s with { Rows = [] },
            _ => s,
        }).ToList());
        var file = await XlsxAsync(changed);

        var preview = await (await _app.PostFileAsync(file, Xlsx, "?dryRun=true")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(preview.GetProperty("canImport").GetBoolean(), preview.ToString());
        Assert.True(preview.GetProperty("counts").GetProperty("changed").GetInt32() == 1, preview.ToString());
        Assert.Equal(1, preview.GetProperty("revision").GetInt64());
        var counts = preview.GetProperty("counts");
        Assert.Equal((1, 1, 1), (counts.GetProperty("created").GetInt32(), counts.GetProperty("changed").GetInt32(), counts.GetProperty("removed").GetInt32()));
        var duplicate = preview.GetProperty("duplicates").EnumerateArray().Single();
        Assert.Equal("caritasverband-peine-e-v", duplicate.GetProperty("incoming").GetProperty("id").GetString());
        Assert.Equal("caritas", duplicate.GetProperty("other").GetProperty("id").GetString());
        Assert.True(duplicate.GetProperty("otherExists").GetBoolean());
        Assert.Equal(1, (await _app.GetAsync<JsonObject>("/api/networks/kreis"))["revision"]!.GetValue<long>()); // nothing written

        // Someone edits the network meanwhile: the confirmation based on revision 1 is refused with the preview of revision 2.
        var jc = await _app.GetAsync<JsonObject>("/api/networks/kreis/actors/jc");
        jc["name"] = "Jobcenter Landkreis";
        (await _app.CreateClient().PutAsJsonAsync("/api/networks/kreis/actors/jc", jc)).EnsureSuccessStatusCode();
        var stale = await Api.ProblemAssert.Status(await _app.PostFileAsync(file, Xlsx, "?expectedRevision=1"), HttpStatusCode.Conflict);
        Assert.Equal(2, stale.GetProperty("preview").GetProperty("revision").GetInt64());
        Assert.Equal(2, stale.GetProperty("preview").GetProperty("counts").GetProperty("changed").GetInt32()); // Caritas, and jc back
        Assert.Equal("Jobcenter Landkreis", (await _app.GetAsync<JsonObject>("/api/networks/kreis/actors/jc"))["name"]!.GetValue<string>());

        var done = await _app.PostFileAsync(file, Xlsx, "?expectedRevision=2");
        Assert.True(done.IsSuccessStatusCode, await done.Content.ReadAsStringAsync());
        Assert.Equal("3", done.Headers.GetValues("X-Revision").Single());
    }

    [Fact]
    public async Task UnknownSheetsAndColumnsAreReportedNotDropped()
    {
        var workbook = Template(s => s.Name == "Akteure"
            ? s with { Headers = [.. s.Headers, "Farbe"], Rows = s.Rows.Select(r => r with { Cells = [.. r.Cells, "rot"] }).ToList() }
            : s);
        workbook = workbook with { Sheets = [.. workbook.Sheets, Sheet("Notizen", ["Text"], ["Bitte bis Freitag prüfen"])] };
        var file = await XlsxAsync(workbook);
        var preview = await (await _app.PostFileAsync(file, Xlsx, "?dryRun=true")).Content.ReadFromJsonAsync<JsonElement>();
        var warnings = preview.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("where").GetString()).ToList();
        Assert.Equal(["Akteure, row 1, column Farbe", "Notizen"], warnings.Order());
        Assert.True(preview.GetProperty("canImport").GetBoolean());

        var result = await (await _app.PostFileAsync(file, Xlsx)).Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal(2, result!["warnings"]!.AsArray().Count);
    }

    [Fact]
    public async Task TheNetworkSheetOrTheQueryNamesTheNetwork()
    {
        var file = await XlsxAsync(Template(s => s.Name == "Netzwerk" ? s with { Rows = [] } : s));
        var errors = await Api.ProblemAssert.Invalid(await _app.PostFileAsync(file, Xlsx), "Netzwerk");
        Assert.Contains("?network=", errors["Netzwerk"][0]);
        var response = await _app.PostFileAsync(file, Xlsx, "?network=kopie&name=Kopie%20des%20Kreises");
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        Assert.Equal("Kopie des Kreises", (await _app.GetAsync<JsonObject>("/api/networks/kopie"))["network"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task TheTemplateIsDownloadableAndImportsAsItIs()
    {
        var response = await _app.CreateClient().GetAsync("/api/exchange/template.xlsx");
        Assert.Equal(Xlsx, response.Content.Headers.ContentType?.MediaType);
        var file = await response.Content.ReadAsByteArrayAsync();
        Assert.True((await _app.PostFileAsync(file, Xlsx)).IsSuccessStatusCode);
        var inDocs = Path.Combine(TestApp.SeedFolder, "..", "docs", "vorlage-netzwerk.xlsx");
        Assert.True(File.Exists(inDocs), "docs/vorlage-netzwerk.xlsx is the template to download from the README");
        Assert.True((await _app.PostFileAsync(await File.ReadAllBytesAsync(inDocs), null)).IsSuccessStatusCode);
    }

    // ---- hostile input ----

    [Fact]
    public async Task FormulaCellsAreRefusedNeverEvaluated()
    {
        var file = await XlsxAsync(Template());
        var buffer = new MemoryStream();
        buffer.Write(file);
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.Entries.First(e => e.FullName.StartsWith("xl/worksheets/sheet2", StringComparison.Ordinal)); // Akteure
            string xml;
            using (var reader = new StreamReader(entry.Open())) xml = await reader.ReadToEndAsync();
            entry.Delete();
            var replaced = zip.CreateEntry(entry.FullName);
            await using var writer = new StreamWriter(replaced.Open());
            var cell = xml.IndexOf("<x:v>Jobcenter</x:v>", StringComparison.Ordinal); // the name; the kind word comes later in the row
            await writer.WriteAsync(xml[..cell] + "<x:f>\"Job\"&amp;\"center\"</x:f>" + xml[cell..]);
        }
        var errors = await Api.ProblemAssert.Invalid(await _app.PostFileAsync(buffer.ToArray(), Xlsx), "Akteure, row 4, column Name");
        Assert.Contains("formula", errors["Akteure, row 4, column Name"][0]);
    }

    [Fact]
    public async Task TextThatLooksLikeAFormulaStaysTextAndIsEscapedInCsv()
    {
        var doc = JsonNode.Parse(Samples.Small)!;
        doc["actors"]!.AsArray()[3]!["name"] = "=HYPERLINK(\"http://evil\";\"klick\")";
        doc["actors"]!.AsArray()[2]!["description"] = "+49 5171 4010; -Zentrale-; @jobcenter";
        (await _app.ImportAsync(doc.ToJsonString())).EnsureSuccessStatusCode();
        var original = await _app.CreateClient().GetStringAsync("/api/networks/kreis/export");

        var csv = await _app.ExportAsync("kreis", "csv");
        using (var zip = new ZipArchive(new MemoryStream(csv)))
        {
            var actors = CsvNetworkReader.Decode(await GraphApi.Exchange.ZipGuard.ReadAsync(zip.GetEntry("Akteure.csv")!, CancellationToken.None));
            Assert.Contains("\"'=HYPERLINK(\"\"http://evil\"\";\"\"klick\"\")\"", actors);
            Assert.Contains("\"'+49 5171 4010; -Zentrale-; @jobcenter\"", actors);
        }
        foreach (var format in new[] { "csv", "xlsx" })
        {
            using var other = new TestApp();
            Assert.True((await other.PostFileAsync(await _app.ExportAsync("kreis", format), null)).IsSuccessStatusCode);
            Assert.Equal(original, await other.CreateClient().GetStringAsync("/api/networks/kreis/export"));
        }
    }

    [Fact]
    public async Task ControlCharactersAreReported()
    {
        var file = await XlsxAsync(Template(s => s.Name == "Akteure" ? s.WithCell(4, "Beschreibung", "Jobcenter\u0007 Landkreis") : s));
        var errors = await Api.ProblemAssert.Invalid(await _app.PostFileAsync(file, Xlsx), "Akteure, row 4, column Beschreibung");
        Assert.Contains("U+0007", errors["Akteure, row 4, column Beschreibung"][0]);
    }

    [Fact]
    public async Task AZipBombIsRefusedBeforeItIsUnpacked()
    {
        var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            await using var stream = zip.CreateEntry("Akteure.csv", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 64; i++) await stream.WriteAsync(zeros);
        }
        Assert.True(buffer.Length < 1024 * 1024);
        var errors = await Api.ProblemAssert.Invalid(await _app.PostFileAsync(buffer.ToArray(), "application/zip"), "file");
        Assert.Contains("packed suspiciously", errors["file"][0]);
    }

    [Fact]
    public async Task AFileOverTheLimitIsRefusedWith413()
    {
        var big = new byte[26 * 1024 * 1024];
        big[0] = (byte)'P';
        big[1] = (byte)'K';
        var problem = await Api.ProblemAssert.Status(await _app.PostFileAsync(big, Xlsx), HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("larger than 25 MB", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task ACsvZipTypedInGermanExcelImports()
    {
        var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            async Task Add(string name, string text, Encoding encoding)
            {
                await using var writer = new StreamWriter(zip.CreateEntry(name).Open(), encoding);
                await writer.WriteAsync(text);
            }
            await Add("Netzwerk.csv", "ID;Name;Beschreibung\r\nkreis;Testkreis;\r\n", new UTF8Encoding(true));
            // "CSV (Trennzeichen-getrennt)" of a German Excel: Windows-1252, no BOM.
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            await Add("Akteure.csv", "ID;Name;Art\r\n;Bürgerverein Süd;Ehrenamt\r\n;\"Amt für Kinder; Jugend und Familie\";Verwaltung\r\n", Encoding.GetEncoding(1252));
            await Add("Gremien.csv", "Name;Art;Sitzungsdauer (Std.);Gegründet\r\nNetzwerk Ehrenamt;Netzwerk;1,5;01.02.2019\r\n", new UTF8Encoding(true));
            await Add("Mitgliedschaften.csv", "Mitglied;Gremium;Rolle\r\nBürgerverein Süd;Netzwerk Ehrenamt;Gast\r\n", new UTF8Encoding(true));
        }
        var response = await _app.PostFileAsync(buffer.ToArray(), "application/zip");
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var body = await _app.GetAsync<JsonObject>("/api/networks/kreis/bodies/netzwerk-ehrenamt");
        Assert.Equal((1.5, "2019-02-01"), (body["meetingHours"]!.GetValue<double>(), body["founded"]!.GetValue<string>()));
        Assert.Equal("Amt für Kinder; Jugend und Familie", (await _app.GetAsync<JsonObject>("/api/networks/kreis/actors/amt-fuer-kinder-jugend-und-familie"))["name"]!.GetValue<string>());
        Assert.Equal("guest", (await _app.GetAsync<JsonObject>("/api/networks/kreis/memberships/m-buergerverein-sued-netzwerk-ehrenamt"))["role"]!.GetValue<string>());
    }

    [Fact]
    public async Task AnUnknownExportFormatIs400NamingTheAllowedOnes()
    {
        (await _app.ImportAsync(Samples.Small)).EnsureSuccessStatusCode();
        var errors = await Api.ProblemAssert.Invalid(await _app.CreateClient().GetAsync("/api/networks/kreis/export?format=pdf"), "format");
        Assert.StartsWith("'pdf' is not allowed; use one of: json, xlsx, csv, graphml, gexf", errors["format"][0]);
    }

    [Fact]
    public async Task AFileOfNoKnownFormatIsNamedAsSuch()
    {
        var errors = await Api.ProblemAssert.Invalid(await _app.PostFileAsync("GIF89a"u8.ToArray(), "image/gif"), "file");
        Assert.Contains("not recognised", errors["file"][0]);
    }
}
