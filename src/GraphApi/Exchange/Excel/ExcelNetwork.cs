using System.Data;
using System.IO.Compression;
using System.Xml;
using GraphApi.Domain;
using GraphApi.Exchange.Json;
using GraphApi.Exchange.Tables;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;

namespace GraphApi.Exchange.Excel;

/// <summary>The network as an xlsx workbook with the German sheets of <see cref="TableSchema"/>, written by MiniExcel.</summary>
public sealed class ExcelNetworkWriter : INetworkWriter
{
    public const string MediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public string Format => "xlsx";
    public string ContentType => MediaType;
    public string Extension => ".xlsx";

    public Task WriteAsync(ExportRequest request, Stream output, CancellationToken ct) =>
        WriteAsync(TableWriter.Write(NetworkExchange.ToDocument(request.Snapshot)), output, ct);

    /// <summary>
    /// Texts are written as text cells (never formulas: a name that begins with "=" stays a name), dates as Excel dates shown
    /// TT.MM.JJJJ, numbers as numbers.
    /// </summary>
    public static async Task WriteAsync(Workbook workbook, Stream output, CancellationToken ct)
    {
        var sheets = new Dictionary<string, object>();
        var dateColumns = new HashSet<string>(StringComparer.Ordinal);
        foreach (var sheet in workbook.Sheets)
        {
            var spec = TableSchema.Find(sheet.Name);
            var table = new DataTable(sheet.Name);
            for (var i = 0; i < sheet.Headers.Count; i++)
            {
                var type = spec?.Column(sheet.Headers[i])?.Type;
                if (type == CellType.Date) dateColumns.Add(sheet.Headers[i]);
                // object columns: MiniExcel writes each cell by its value's type, so a text in a date column stays text.
                table.Columns.Add(sheet.Headers[i], typeof(object));
            }
            foreach (var row in sheet.Rows)
                table.Rows.Add(row.Cells.Select(c => c switch
                {
                    null => DBNull.Value,
                    DateOnly d => d.ToDateTime(TimeOnly.MinValue),
                    int n => (double)n,
                    _ => c,
                }).ToArray());
            sheets[sheet.Name] = table;
        }
        var configuration = new OpenXmlConfiguration
        {
            DynamicColumns = dateColumns.Select(h => new DynamicExcelColumn(h) { Format = "dd.MM.yyyy", Width = 12 }).ToArray(),
        };
        // MiniExcel writes synchronously; the endpoint hands writers a buffer, so no request thread blocks on the network.
        await output.SaveAsAsync(sheets, configuration: configuration, cancellationToken: ct);
    }
}

/// <summary>Reads an xlsx workbook into <see cref="Workbook"/> sheets; formula cells are reported, never evaluated.</summary>
public sealed class ExcelNetworkReader : INetworkReader
{
    public string Format => "xlsx";

    /// <summary>Any zip: the importer looks inside to tell a workbook from a CSV zip (see NetworkImporter).</summary>
    public bool Recognises(ReadOnlySpan<byte> head, string? contentType) => Signatures.IsZip(head);

    public Task<ImportInput> ReadAsync(Stream content, ImportOptions options, CancellationToken ct)
    {
        var workbook = Load(content);
        var read = TableReader.Read(workbook, options);
        return Task.FromResult(new ImportInput(Format, read.Document, read.Problems, read.Locator)
            { Unreadable = workbook.Problems.Any(p => p.IsError && p.Sheet is null) });
    }

    public static Workbook Load(Stream content)
    {
        var formulas = new List<(string Sheet, string Cell, int? Row, int Column)>();
        try
        {
            using (var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true))
            {
                if (ZipGuard.Check(zip) is { } bomb) return Failed(bomb);
                if (zip.GetEntry("xl/workbook.xml") is null)
                    return Failed(Texts.Get("exchange.fileIsNotExcelWorkbook"));
                formulas.AddRange(Formulas(zip));
            }
            content.Position = 0;
            var sheets = new List<WorkSheet>();
            foreach (var name in content.GetSheetNames())
            {
                content.Position = 0;
                var headers = new List<string>();
                var rows = new List<WorkRow>();
                var number = 0;
                foreach (IDictionary<string, object?> cells in content.Query(useHeaderRow: false, sheetName: name))
                {
                    number++;
                    var values = new object?[cells.Count];
                    var i = 0;
                    foreach (var cell in cells.Values) values[i++] = cell;
                    if (number == 1) headers.AddRange(values.Select(v => TableReader.AsText(v) ?? ""));
                    else rows.Add(new WorkRow(number, values));
                }
                sheets.Add(new WorkSheet(name, headers, rows));
            }
            return new Workbook(sheets)
            {
                Problems = formulas.Select(f =>
                {
                    var headers = sheets.FirstOrDefault(s => s.Name == f.Sheet)?.Headers;
                    var header = headers is not null && f.Column < headers.Count && headers[f.Column].Length > 0 ? headers[f.Column] : f.Cell;
                    return ImportProblem.At(f.Sheet, f.Row, header, Texts.Get("exchange.cellHoldsFormulaFormulasAre", f.Cell));
                }).ToList(),
            };
        }
        catch (Exception e) when (e is InvalidDataException or XmlException or InvalidOperationException or NotSupportedException
                                      or IndexOutOfRangeException or ArgumentException or FormatException)
        {
            return Failed(Texts.Get("exchange.excelWorkbookCannotBeRead", e.Message));
        }
    }

    private static Workbook Failed(string message) => new([]) { Problems = [ImportProblem.At(null, null, null, message)] };

    /// <summary>Every cell that holds a formula, by sheet name and cell: its cached value would be a guess, so it is refused.</summary>
    private static IEnumerable<(string Sheet, string Cell, int? Row, int Column)> Formulas(ZipArchive zip)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal); // relationship id → sheet name
        using (var reader = XmlReader.Create(zip.GetEntry("xl/workbook.xml")!.Open(), Safe))
            while (reader.Read())
                if (reader is { NodeType: XmlNodeType.Element, LocalName: "sheet" })
                    names[reader.GetAttribute("id", "http://schemas.openxmlformats.org/officeDocument/2006/relationships") ?? ""] = reader.GetAttribute("name") ?? "";
        var targets = new Dictionary<string, string>(StringComparer.Ordinal);
        if (zip.GetEntry("xl/_rels/workbook.xml.rels") is { } rels)
            using (var reader = XmlReader.Create(rels.Open(), Safe))
                while (reader.Read())
                    if (reader is { NodeType: XmlNodeType.Element, LocalName: "Relationship" } && reader.GetAttribute("Id") is { } id)
                        targets[id] = reader.GetAttribute("Target") ?? "";
        var found = new List<(string, string, int?, int)>();
        foreach (var (id, sheet) in names)
        {
            if (!targets.TryGetValue(id, out var target)) continue;
            var path = target.StartsWith('/') ? target[1..] : "xl/" + target;
            if (zip.GetEntry(path) is not { } entry) continue;
            using var reader = XmlReader.Create(entry.Open(), Safe);
            string? cell = null;
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element) continue;
                if (reader.LocalName == "c") cell = reader.GetAttribute("r");
                else if (reader.LocalName == "f" && found.Count < 200)
                {
                    var (column, row) = Split(cell);
                    found.Add((sheet, cell ?? "?", row, column));
                }
            }
        }
        return found;
    }

    /// <summary>"C14" → (column index 2, row 14).</summary>
    private static (int Column, int? Row) Split(string? cell)
    {
        if (cell is null) return (-1, null);
        var digits = cell.IndexOfAny("0123456789".ToCharArray());
        if (digits <= 0) return (-1, null);
        var column = 0;
        foreach (var ch in cell[..digits]) column = column * 26 + (char.ToUpperInvariant(ch) - 'A' + 1);
        return (column - 1, int.TryParse(cell[digits..], out var row) ? row : null);
    }

    private static readonly XmlReaderSettings Safe = new() { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
}
