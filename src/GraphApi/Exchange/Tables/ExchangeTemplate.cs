namespace GraphApi.Exchange.Tables;

/// <summary>
/// The downloadable template (GET /api/exchange/template.xlsx, docs/vorlage-netzwerk.xlsx): every sheet and column of the
/// import, with a few rows typed the way a coordinator would — no ids, references by name, German words, TT.MM.JJJJ.
/// Importing it as it is gives a small working network.
/// </summary>
public static class ExchangeTemplate
{
    public static Workbook Workbook()
    {
        var rows = new Dictionary<string, object?[][]>
        {
            [TableSchema.Network] = [["beispielkreis", "Beispielkreis", "Vorlage: Zeilen ersetzen, Spalten und Blätter behalten", new DateOnly(2025, 1, 1)]],
            [TableSchema.Actors] =
            [
                [null, "Kreisverwaltung", null, "Verwaltung", null, "Landkreis", null, null],
                [null, "Amt für Migration und Integration", "AMI", "Verwaltung", "Kreisverwaltung", "Landkreis", "Arbeit; Sprachförderung", null],
                [null, "Jobcenter", null, "Jobcenter", null, "Landkreis", "Arbeit", null],
                [null, "Caritasverband", "Caritas", "Wohlfahrtsverband", null, "Kreisstadt", "Sprachförderung", "Migrationsberatung"],
            ],
            [TableSchema.Bodies] =
            [
                [null, "Steuerungsgruppe Integration", "Steuerungsgruppe", "Strategische Entscheidungen", "Arbeit; Sprachförderung", "Landkreis",
                    4, 2, new DateOnly(2022, 6, 9), "aktiv", "Amt für Migration und Integration", "Sozialausschuss", new DateOnly(2016, 3, 1), null],
                [null, "Sozialausschuss", "Politischer Ausschuss", null, null, "Landkreis", 6, 3, null, "aktiv", null, null, null, null],
            ],
            [TableSchema.Memberships] =
            [
                [null, "Amt für Migration und Integration", "Steuerungsgruppe Integration", "Vorsitz", null, new DateOnly(2016, 3, 1), null],
                [null, "Jobcenter", "Steuerungsgruppe Integration", "Mitglied", null, new DateOnly(2016, 3, 1), null],
                [null, "Leitung Referat Integration", "Steuerungsgruppe Integration", "Mitglied", "Amt für Migration und Integration", null, null],
            ],
            [TableSchema.Collaborations] = [[null, "Jobcenter", "Caritasverband", "Verweisung", "Arbeit", new DateOnly(2018, 1, 1), null, null]],
            [TableSchema.Persons] = [[null, "Leitung Referat Integration", "Referatsleitung", "Amt für Migration und Integration"]],
            [TableSchema.Topics] = [[null, "Arbeit", null], [null, "Sprachförderung", null]],
            [TableSchema.Territories] = [[null, "Landkreis", "Landkreis", null], [null, "Kreisstadt", "Stadt", "Landkreis"]],
            [TableSchema.Measures] = [[null, "Welcome-App", "Kreisverwaltung", "Sprachförderung", "Landkreis", null, null, null]],
            [TableSchema.Composition] = [["Steuerungsgruppe", "Verwaltung; Jobcenter; Migrantenorganisation"]],
        };
        return new Workbook(TableSchema.Sheets.Select(s => new WorkSheet(s.Name, s.Columns.Select(c => c.Header).ToList(),
            rows[s.Name].Select((cells, i) => new WorkRow(i + 2, cells.Select(c => c is int n ? (object)(double)n : c).ToArray())).ToList())).ToList());
    }
}
