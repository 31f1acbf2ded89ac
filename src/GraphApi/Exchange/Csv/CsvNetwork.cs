using System.Globalization;
using System.IO.Compression;
using System.Text;
using GraphApi.Domain;
using GraphApi.Exchange.Json;
using GraphApi.Exchange.Tables;

namespace GraphApi.Exchange.Csv;

/// <summary>
/// The sheets of <see cref="TableSchema"/> as CSV files in one zip, as German Excel writes them: UTF-8 with BOM, semicolons,
/// CRLF, dates TT.MM.JJJJ, decimal commas. A text that begins with =, +, -, @ (or a tab or CR) gets a leading "'", so no
/// spreadsheet takes it for a formula (CSV injection); the reader removes it again.
/// </summary>
public sealed class CsvNetworkWriter : INetworkWriter
{
    public string Format => "csv";
    public string ContentType => "application/zip";
    public string Extension => ".csv.zip";

    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    public Task WriteAsync(ExportRequest request, Stream output, CancellationToken ct) =>
        WriteAsync(TableWriter.Write(NetworkExchange.ToDocument(request.Snapshot)), output, ct);

    public static async Task WriteAsync(Workbook workbook, Stream output, CancellationToken ct)
    {
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var sheet in workbook.Sheets)
        {
            var entry = zip.CreateEntry(TableSchema.Ascii(sheet.Name) + ".csv", CompressionLevel.Fastest);
            entry.LastWriteTime = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero); // the same content, the same bytes
            await using var stream = entry.Open();
            await using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 65536);
            writer.NewLine = "\r\n";
            await writer.WriteLineAsync(string.Join(';', sheet.Headers.Select(h => Field(h))));
            var line = new StringBuilder();
            foreach (var row in sheet.Rows)
            {
                ct.ThrowIfCancellationRequested();
                line.Clear();
                for (var i = 0; i < sheet.Headers.Count; i++)
                {
                    if (i > 0) line.Append(';');
                    line.Append(Field(row[i]));
                }
                await writer.WriteLineAsync(line);
            }
        }
    }

    public static string Field(object? value)
    {
        var text = value switch
        {
            null => "",
            DateOnly d => d.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture),
            DateTime t => t.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture),
            double n => n.ToString("0.################", German),
            int n => n.ToString(CultureInfo.InvariantCulture),
            string s when s.Length > 0 && s[0] is '=' or '+' or '-' or '@' or '\t' or '\r' => "'" + s,
            _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
        };
        return text.IndexOfAny([';', '"', '\n', '\r']) >= 0 || text != text.Trim() ? "\"" + text.Replace("\"", "\"\"") + "\"" : text;
    }
}

/// <summary>Reads a zip of CSV files named like the sheets ("Akteure.csv", "Massnahmen.csv"); UTF-8 (with or without BOM) or Windows-1252.</summary>
public sealed class CsvNetworkReader : INetworkReader
{
    public string Format => "csv";

    public bool Recognises(ReadOnlySpan<byte> head, string? contentType) => Signatures.IsZip(head);

    public async Task<ImportInput> ReadAsync(Stream content, ImportOptions options, CancellationToken ct)
    {
        var workbook = await LoadAsync(content, ct);
        var read = TableReader.Read(workbook, options);
        return new ImportInput(Format, read.Document, read.Problems, read.Locator)
            { Unreadable = workbook.Problems.Any(p => p.IsError && p.Sheet is null) };
    }

    public static async Task<Workbook> LoadAsync(Stream content, CancellationToken ct)
    {
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            if (ZipGuard.Check(zip) is { } bomb) return Failed(bomb);
            var sheets = new List<WorkSheet>();
            var problems = new List<ImportProblem>();
            foreach (var entry in zip.Entries.OrderBy(e => e.FullName, StringComparer.Ordinal))
            {
                if (entry.FullName.EndsWith('/') || entry.FullName.StartsWith("__MACOSX/", StringComparison.Ordinal)) continue;
                var name = Path.GetFileName(entry.FullName);
                if (!name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
                {
                    problems.Add(ImportProblem.At(name, null, null, Texts.Get("exchange.notCsvFileItWas"), ImportProblem.Warning));
                    continue;
                }
                var rows = Parse(Decode(await ZipGuard.ReadAsync(entry, ct)));
                var sheetName = TableSchema.Find(name)?.Name ?? name[..^4];
                sheets.Add(new WorkSheet(sheetName, rows.FirstOrDefault()?.Select(c => c as string ?? "").ToList() ?? [],
                    rows.Skip(1).Select((cells, i) => new WorkRow(i + 2, cells)).ToList()));
            }
            return new Workbook(sheets) { Problems = problems };
        }
        catch (InvalidDataException e)
        {
            return Failed(Texts.Get("exchange.zipArchiveCannotBeRead", e.Message));
        }
    }

    private static Workbook Failed(string message) => new([]) { Problems = [ImportProblem.At(null, null, null, message)] };

    /// <summary>UTF-8 when the bytes are valid UTF-8 (a BOM or not); otherwise Windows-1252, what German Excel writes as "CSV (Trennzeichen-getrennt)".</summary>
    public static string Decode(byte[] bytes)
    {
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding(1252).GetString(bytes);
        }
    }

    /// <summary>RFC 4180 with the separator of the header line (semicolon, else comma or tab); quoted fields may hold separators and line breaks.</summary>
    public static List<object?[]> Parse(string text)
    {
        var firstLine = text.AsSpan(0, Math.Max(0, text.IndexOfAny(['\r', '\n']) is var end and >= 0 ? end : text.Length));
        var separator = firstLine.Contains(';') ? ';' : firstLine.Contains('\t') ? '\t' : firstLine.Contains(',') ? ',' : ';';
        var rows = new List<object?[]>();
        var row = new List<object?>();
        var field = new StringBuilder();
        var quoted = false;
        var wasQuoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (quoted)
            {
                if (ch == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                    else quoted = false;
                }
                else field.Append(ch);
                continue;
            }
            if (ch == '"' && field.Length == 0 && !wasQuoted) { quoted = wasQuoted = true; continue; }
            if (ch == separator) { row.Add(Cell(field, wasQuoted)); field.Clear(); wasQuoted = false; continue; }
            if (ch is '\r' or '\n')
            {
                if (ch == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                row.Add(Cell(field, wasQuoted));
                field.Clear();
                wasQuoted = false;
                rows.Add(row.ToArray());
                row.Clear();
                continue;
            }
            field.Append(ch);
        }
        if (field.Length > 0 || row.Count > 0 || wasQuoted)
        {
            row.Add(Cell(field, wasQuoted));
            rows.Add(row.ToArray());
        }
        return rows;
    }

    private static string? Cell(StringBuilder field, bool quoted) => field.Length == 0 && !quoted ? null : field.ToString();
}
