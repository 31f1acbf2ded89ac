using GraphApi.Domain;

namespace GraphApi.Exchange;

/// <summary>
/// One problem in an imported file, where a person finds it: sheet, row and column of a workbook or CSV zip
/// ("Mitgliedschaften, Zeile 14, Spalte Gremium"), or the JSON path of a document. <see cref="Severity"/> "error" stops
/// the import; "warning" (an unknown column, say) is reported and the rest goes in.
/// </summary>
public sealed record ImportProblem(string Where, string Message, string Severity, string? Sheet = null, int? Row = null,
    string? Column = null, string? Path = null)
{
    public const string Error = "error", Warning = "warning";

    public bool IsError => Severity == Error;

    /// <summary>"Mitgliedschaften, Zeile 14, Spalte Gremium: „Steuerungsgrupe“ gibt es nicht …": the whole sentence.</summary>
    public override string ToString() => $"{Where}: {Message}";

    public static ImportProblem At(string? sheet, int? row, string? column, string message, string severity = Error) =>
        new(Place(sheet, row, column), message, severity, sheet, row, column);

    public static ImportProblem AtPath(string path, string message, string severity = Error) => new(path, message, severity, Path: path);

    /// <summary>"Akteure, Zeile 3, Spalte Art" / "Akteure, row 3, column Art": sheet and column names stay the file's own.</summary>
    public static string Place(string? sheet, int? row, string? column)
    {
        var parts = new List<string>();
        if (sheet is not null) parts.Add(sheet);
        if (row is not null) parts.Add(Texts.Get("exchange.row", row));
        if (column is not null) parts.Add(Texts.Get("exchange.column", column));
        return parts.Count == 0 ? Texts.Get("exchange.file") : string.Join(", ", parts);
    }
}
