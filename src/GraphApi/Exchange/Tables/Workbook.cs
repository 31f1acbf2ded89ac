namespace GraphApi.Exchange.Tables;

/// <summary>
/// A spreadsheet as read or to be written, independent of xlsx or CSV: sheets of rows of cells. A cell is null, a
/// string, a double, a DateTime (an Excel date) or, when written, an int or a DateOnly.
/// </summary>
public sealed record Workbook(IReadOnlyList<WorkSheet> Sheets)
{
    /// <summary>Problems the file format itself raised (a formula cell, a file that is no table), with sheet, row and column.</summary>
    public List<ImportProblem> Problems { get; init; } = [];
}

/// <summary>One sheet: its name as in the file, the header row and the data rows.</summary>
public sealed record WorkSheet(string Name, IReadOnlyList<string> Headers, IReadOnlyList<WorkRow> Rows);

/// <summary>A data row and its number as the spreadsheet shows it (the header is row 1).</summary>
public sealed record WorkRow(int Number, IReadOnlyList<object?> Cells)
{
    public object? this[int column] => column < Cells.Count ? Cells[column] : null;

    public bool IsBlank => Cells.All(c => c is null || c is string s && string.IsNullOrWhiteSpace(s));
}
