namespace GraphApi.Exchange.Tables;

/// <summary>How a column's cells are read and written.</summary>
public enum CellType
{
    Text,
    /// <summary>One reference by id or exact name.</summary>
    Ref,
    /// <summary>References separated by semicolons.</summary>
    RefList,
    /// <summary>A kind, role or status: the German word as the UI shows it, or the code.</summary>
    Word,
    /// <summary>Kind words separated by semicolons.</summary>
    WordList,
    /// <summary>An Excel date or TT.MM.JJJJ (also JJJJ-MM-TT).</summary>
    Date,
    Integer,
    Number,
}

/// <summary>One column: its German header, the exchange format's field it holds, and how its cells read.</summary>
public sealed record TableColumn(string Header, string Field, CellType Type = CellType.Text);

/// <summary>One sheet (one CSV file): its German name, the exchange document's list it holds, and its columns in order.</summary>
public sealed record TableSheet(string Name, string List, IReadOnlyList<TableColumn> Columns)
{
    public TableColumn? Column(string header) =>
        Columns.FirstOrDefault(c => string.Equals(c.Header, header.Trim(), StringComparison.OrdinalIgnoreCase)
                                    || string.Equals(c.Field, header.Trim(), StringComparison.OrdinalIgnoreCase));

    public TableColumn? ColumnOfField(string field) => Columns.FirstOrDefault(c => c.Field == field);
}

/// <summary>
/// The spreadsheet form of the exchange format (issue 12): one sheet per list of the JSON document, German sheet and
/// column names, every field of the format in a column. Excel workbooks and CSV zips share it.
/// </summary>
public static class TableSchema
{
    public const string Network = "Netzwerk", Actors = "Akteure", Bodies = "Gremien", Memberships = "Mitgliedschaften",
        Collaborations = "Kooperationen", Persons = "Personen", Topics = "Handlungsfelder", Territories = "Gebiete",
        Measures = "Maßnahmen", Composition = "Zusammensetzung";

    /// <summary>In the order a workbook shows them: the network, what people list first, then the reference lists.</summary>
    public static readonly IReadOnlyList<TableSheet> Sheets =
    [
        new(Network, "network", [new("ID", "id"), new("Name", "name"), new("Beschreibung", "description"), new("Datenstand", "dataAsOf", CellType.Date)]),
        new(Actors, "actors",
        [
            new("ID", "id"), new("Name", "name"), new("Kurzname", "shortName"), new("Art", "kind", CellType.Word),
            new("Übergeordnet", "parent", CellType.Ref), new("Gebiete", "territories", CellType.RefList),
            new("Handlungsfelder", "topics", CellType.RefList), new("Beschreibung", "description"),
        ]),
        new(Bodies, "bodies",
        [
            new("ID", "id"), new("Name", "name"), new("Art", "kind", CellType.Word), new("Auftrag", "mandate"),
            new("Handlungsfelder", "topics", CellType.RefList), new("Gebiete", "territories", CellType.RefList),
            new("Sitzungen pro Jahr", "meetingsPerYear", CellType.Integer), new("Sitzungsdauer (Std.)", "meetingHours", CellType.Number),
            new("Letzte Sitzung", "lastMeeting", CellType.Date), new("Status", "status", CellType.Word),
            new("Leitung", "lead", CellType.Ref), new("Berichtet an", "reportsTo", CellType.Ref),
            new("Gegründet", "founded", CellType.Date), new("Aufgelöst", "dissolved", CellType.Date),
        ]),
        new(Memberships, "memberships",
        [
            new("ID", "id"), new("Mitglied", "member", CellType.Ref), new("Gremium", "body", CellType.Ref),
            new("Rolle", "role", CellType.Word), new("Vertritt", "representing", CellType.Ref),
            new("Seit", "since", CellType.Date), new("Bis", "until", CellType.Date),
        ]),
        new(Collaborations, "collaborations",
        [
            new("ID", "id"), new("Von", "from", CellType.Ref), new("Zu", "to", CellType.Ref), new("Art", "kind", CellType.Word),
            new("Handlungsfelder", "topics", CellType.RefList), new("Seit", "since", CellType.Date), new("Bis", "until", CellType.Date),
            new("Beschreibung", "description"),
        ]),
        new(Persons, "persons", [new("ID", "id"), new("Name", "name"), new("Funktion", "function"), new("Akteur", "actor", CellType.Ref),
            new("Aufbewahren bis", "retainUntil", CellType.Date)]),
        new(Topics, "topics", [new("ID", "id"), new("Name", "name"), new("Beschreibung", "description")]),
        new(Territories, "territories",
            [new("ID", "id"), new("Name", "name"), new("Art", "kind", CellType.Word), new("Übergeordnet", "parent", CellType.Ref)]),
        new(Measures, "measures",
        [
            new("ID", "id"), new("Name", "name"), new("Angeboten von", "offeredBy", CellType.RefList),
            new("Handlungsfelder", "topics", CellType.RefList), new("Gebiete", "territories", CellType.RefList),
            new("Beschreibung", "description"), new("Seit", "since", CellType.Date), new("Bis", "until", CellType.Date),
        ]),
        new(Composition, "compositionRules",
            [new("Gremienart", "bodyKind", CellType.Word), new("Erforderliche Akteursarten", "requiredActorKinds", CellType.WordList)]),
    ];

    public static TableSheet Sheet(string name) => Sheets.First(s => s.Name == name);

    /// <summary>A sheet by its German name (any case) or by the document's list name ("actors"); CSV files may add ".csv".</summary>
    public static TableSheet? Find(string name)
    {
        var n = name.Trim();
        if (n.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)) n = n[..^4];
        return Sheets.FirstOrDefault(s => string.Equals(s.Name, n, StringComparison.OrdinalIgnoreCase)
                                          || string.Equals(s.List, n, StringComparison.OrdinalIgnoreCase)
                                          || string.Equals(Ascii(s.Name), n, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>"Maßnahmen" → "Massnahmen": the CSV file names, safe in any zip tool.</summary>
    public static string Ascii(string name) => name.Replace("ß", "ss").Replace("ä", "ae").Replace("ö", "oe").Replace("ü", "ue")
        .Replace("Ä", "Ae").Replace("Ö", "Oe").Replace("Ü", "Ue");
}
