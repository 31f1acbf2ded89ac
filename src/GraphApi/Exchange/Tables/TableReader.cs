using System.Globalization;
using System.Text;
using GraphApi.Domain;

namespace GraphApi.Exchange.Tables;

/// <summary>What a spreadsheet gives: the exchange document, every problem found while reading it, and where each entry came from.</summary>
public sealed record TableReadResult(NetworkDocument Document, IReadOnlyList<ImportProblem> Problems, TableLocator Locator);

/// <summary>Maps the JSON paths of the validator's messages ("$.memberships[3].body") back to sheet, row and column.</summary>
public sealed class TableLocator
{
    internal readonly Dictionary<string, (string Sheet, List<int> Rows)> Lists = new(StringComparer.Ordinal);

    /// <summary>Records that the document's list <paramref name="list"/> ("actors") came from these rows of <paramref name="sheet"/>, in order.</summary>
    public void Add(string list, string sheet, List<int> rows) => Lists[list] = (sheet, rows);

    /// <summary>Sheet, row and column of a path, or null when the path names nothing of the workbook.</summary>
    public (string Sheet, int? Row, string? Column)? Locate(string path)
    {
        // $.network.name | $.actors[3].kind | $.actors[3].topics[1] | $.compositionRules[0].requiredActorKinds[2]
        if (!path.StartsWith("$.", StringComparison.Ordinal)) return null;
        var rest = path[2..];
        var bracket = rest.IndexOf('[');
        var dot = rest.IndexOf('.');
        string list;
        int? index = null;
        string? field = null;
        if (bracket > 0 && (dot < 0 || bracket < dot))
        {
            list = rest[..bracket];
            var close = rest.IndexOf(']', bracket);
            if (close < 0 || !int.TryParse(rest[(bracket + 1)..close], out var i)) return null;
            index = i;
            var after = rest[(close + 1)..];
            if (after.StartsWith('.')) field = after[1..];
        }
        else if (dot > 0) (list, field) = (rest[..dot], rest[(dot + 1)..]);
        else list = rest;
        if (field is not null && field.IndexOfAny(['[', '.']) is var cut and > 0) field = field[..cut];

        if (!Lists.TryGetValue(list, out var located)) return null;
        var row = list == "network" ? located.Rows.FirstOrDefault() : index is { } n && n < located.Rows.Count ? located.Rows[n] : (int?)null;
        var column = field is null ? null : TableSchema.Find(located.Sheet)?.ColumnOfField(field)?.Header ?? field;
        return (located.Sheet, row is 0 ? null : row, column);
    }
}

/// <summary>Options that come with an import: the network's id and name when the file does not carry them (or to override it).</summary>
public sealed record ImportOptions(string? NetworkId = null, string? NetworkName = null)
{
    /// <summary>GraphML/GEXF: the node attribute that says whether a node is an actor or a body ("type" by default).</summary>
    public string? TypeAttribute { get; init; }

    /// <summary>GraphML/GEXF: the value of <see cref="TypeAttribute"/> that marks a body, besides "body", "Gremium" and the body kinds.</summary>
    public string? BodyValue { get; init; }
}

/// <summary>
/// Reads the sheets of <see cref="TableSchema"/> into an exchange document. Kinds, roles and statuses may be German words
/// (any case) or codes; dates Excel dates, TT.MM.JJJJ or JJJJ-MM-TT; references ids or exact names; entries without an id
/// get one made from their name, the same each time. Sheets and columns the schema does not know are reported as warnings.
/// </summary>
public sealed class TableReader
{
    private readonly List<ImportProblem> _problems = [];
    private readonly TableLocator _locator = new();

    // Every entry's id by kind, and names (and short names) to ids, for references by name.
    private readonly Dictionary<string, EntityKind> _kindOfId = new(StringComparer.Ordinal);
    private readonly Dictionary<(EntityKind, string), List<string>> _idsByName = [];
    private readonly Dictionary<EntityKind, List<string>> _namesOfKind = [];
    private int _suggestions;

    public static TableReadResult Read(Workbook workbook, ImportOptions? options = null) => new TableReader().Run(workbook, options ?? new());

    private sealed record Raw(TableSheet Sheet, WorkRow Row, Dictionary<string, (object? Value, string Header)> Cells)
    {
        public string Id { get; set; } = "";
        public string? Text(string field) => Cells.TryGetValue(field, out var c) ? AsText(c.Value) : null;
    }

    private TableReadResult Run(Workbook workbook, ImportOptions options)
    {
        _problems.AddRange(workbook.Problems);
        // Not a workbook at all (or a zip bomb): that is all there is to say.
        if (workbook.Problems.Any(p => p.IsError && p.Sheet is null)) return new TableReadResult(new NetworkDocument(), _problems, _locator);
        var sheets = new Dictionary<string, List<Raw>>(StringComparer.Ordinal);
        foreach (var sheet in workbook.Sheets)
        {
            var known = TableSchema.Find(sheet.Name);
            if (known is null)
            {
                if (sheet.Rows.Any(r => !r.IsBlank) || sheet.Headers.Any(h => h.Length > 0))
                    Warn(sheet.Name, null, null, Texts.Get("exchange.templateHasNoSuchSheet", string.Join(", ", TableSchema.Sheets.Select(s => s.Name))));
                continue;
            }
            if (sheets.ContainsKey(known.Name))
            {
                Error(sheet.Name, null, null, Texts.Get("exchange.sheetAppearsTwice", known.Name));
                continue;
            }
            sheets[known.Name] = ReadRows(known, sheet);
        }

        // First pass: ids, given or made from the name, so that references may point forwards and by name.
        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var raw in sheets.Values.SelectMany(r => r).Where(r => r.Sheet.ColumnOfField("id") is not null))
            if (raw.Text("id") is { } id) taken.Add(id);
        foreach (var (name, rows) in sheets)
        {
            var kind = KindOf(name);
            if (kind is null) continue;
            foreach (var raw in rows)
            {
                raw.Id = raw.Text("id") ?? (kind is EntityKind.Membership or EntityKind.Collaboration ? "" : NewId(raw, kind.Value, taken));
                if (raw.Id.Length == 0) continue;
                _kindOfId.TryAdd(raw.Id, kind.Value);
                foreach (var label in new[] { raw.Text("name"), raw.Text("shortName") }.OfType<string>().Distinct())
                {
                    if (!_idsByName.TryGetValue((kind.Value, label), out var ids)) _idsByName[(kind.Value, label)] = ids = [];
                    ids.Add(raw.Id);
                }
                if (raw.Text("name") is { } n)
                {
                    if (!_namesOfKind.TryGetValue(kind.Value, out var names)) _namesOfKind[kind.Value] = names = [];
                    names.Add(n);
                }
            }
        }

        List<Raw> Rows(string sheet) => sheets.GetValueOrDefault(sheet) ?? [];
        var network = ReadNetwork(Rows(TableSchema.Network), options);
        var document = new NetworkDocument
        {
            Network = network,
            Topics = Rows(TableSchema.Topics).Select(r => new Topic { Id = r.Id, Name = r.Text("name") ?? "", Description = r.Text("description") }).ToList(),
            Territories = Rows(TableSchema.Territories).Select(r => new Territory
            {
                Id = r.Id, Name = r.Text("name") ?? "", Kind = Word(r, "kind", KindWords.Territory) ?? "", Parent = Ref(r, "parent", EntityKind.Territory),
            }).ToList(),
            Actors = Rows(TableSchema.Actors).Select(r => new Actor
            {
                Id = r.Id, Name = r.Text("name") ?? "", ShortName = r.Text("shortName"), Kind = Word(r, "kind", KindWords.Actor) ?? "",
                Parent = Ref(r, "parent", EntityKind.Actor), Territories = Refs(r, "territories", EntityKind.Territory),
                Topics = Refs(r, "topics", EntityKind.Topic), Description = r.Text("description"),
            }).ToList(),
            Bodies = Rows(TableSchema.Bodies).Select(r => new Body
            {
                Id = r.Id, Name = r.Text("name") ?? "", Kind = Word(r, "kind", KindWords.Body) ?? "", Mandate = r.Text("mandate"),
                Topics = Refs(r, "topics", EntityKind.Topic), Territories = Refs(r, "territories", EntityKind.Territory),
                MeetingsPerYear = Integer(r, "meetingsPerYear"), MeetingHours = Number(r, "meetingHours"), LastMeeting = Date(r, "lastMeeting"),
                Status = Word(r, "status", KindWords.Status) ?? BodyStatuses.Active, Lead = Ref(r, "lead", EntityKind.Actor),
                ReportsTo = Ref(r, "reportsTo", EntityKind.Body), Founded = Date(r, "founded"), Dissolved = Date(r, "dissolved"),
            }).ToList(),
            Persons = Rows(TableSchema.Persons).Select(r => new Person
                { Id = r.Id, Name = r.Text("name") ?? "", Function = r.Text("function"), Actor = Ref(r, "actor", EntityKind.Actor) }).ToList(),
            Memberships = Rows(TableSchema.Memberships).Select(r => new Membership
            {
                Id = r.Id, Member = Ref(r, "member", EntityKind.Actor, EntityKind.Person) ?? "", Body = Ref(r, "body", EntityKind.Body) ?? "",
                Role = Word(r, "role", KindWords.Role) ?? MembershipRoles.Member, Representing = Ref(r, "representing", EntityKind.Actor),
                Since = Date(r, "since"), Until = Date(r, "until"),
            }).ToList(),
            Collaborations = Rows(TableSchema.Collaborations).Select(r => new Collaboration
            {
                Id = r.Id, From = Ref(r, "from", EntityKind.Actor) ?? "", To = Ref(r, "to", EntityKind.Actor) ?? "",
                Kind = Word(r, "kind", KindWords.Collaboration) ?? CollaborationKinds.Informal, Topics = Refs(r, "topics", EntityKind.Topic),
                Since = Date(r, "since"), Until = Date(r, "until"), Description = r.Text("description"),
            }).ToList(),
            Measures = Rows(TableSchema.Measures).Select(r => new Measure
            {
                Id = r.Id, Name = r.Text("name") ?? "", OfferedBy = Refs(r, "offeredBy", EntityKind.Actor), Topics = Refs(r, "topics", EntityKind.Topic),
                Territories = Refs(r, "territories", EntityKind.Territory), Description = r.Text("description"),
                Since = Date(r, "since"), Until = Date(r, "until"),
            }).ToList(),
            CompositionRules = Rows(TableSchema.Composition).Select(r => new CompositionRule(
                Word(r, "bodyKind", KindWords.Body) ?? "", Words(r, "requiredActorKinds", KindWords.Actor))).ToList(),
        };
        foreach (var (name, rows) in sheets)
            _locator.Lists[TableSchema.Sheet(name).List] = (name, rows.Select(r => r.Row.Number).ToList());
        if (!sheets.ContainsKey(TableSchema.Network)) _locator.Lists["network"] = (TableSchema.Network, []);
        return new TableReadResult(document, _problems, _locator);
    }

    private NetworkHeader ReadNetwork(List<Raw> rows, ImportOptions options)
    {
        if (rows.Count > 1)
            Error(TableSchema.Network, rows[1].Row.Number, null, Texts.Get("exchange.sheetNetzwerkHasExactlyOne"));
        var row = rows.FirstOrDefault();
        var name = options.NetworkName ?? row?.Text("name");
        var id = options.NetworkId ?? row?.Text("id") ?? (name is null ? null : Slug(name));
        if (id is null)
            Error(TableSchema.Network, null, null, Texts.Get("exchange.networkSIdAndName"));
        return new NetworkHeader
        {
            Id = id ?? "", Name = name ?? "", Description = row?.Text("description"), DataAsOf = row is null ? null : Date(row, "dataAsOf"),
        };
    }

    private List<Raw> ReadRows(TableSheet sheet, WorkSheet input)
    {
        var columns = new List<(int Index, TableColumn Column, string Header)>();
        for (var i = 0; i < input.Headers.Count; i++)
        {
            var header = input.Headers[i].Trim();
            if (header.Length == 0)
            {
                if (input.Rows.Any(r => AsText(r[i]) is not null))
                    Warn(input.Name, 1, ColumnLetter(i), Texts.Get("exchange.thisColumnHasNoHeader"));
                continue;
            }
            var column = sheet.Column(header);
            if (column is null)
                Warn(input.Name, 1, header, Texts.Get("exchange.templateHasNoSuchColumn", string.Join(", ", sheet.Columns.Select(c => c.Header))));
            else if (columns.Any(c => c.Column == column))
                Error(input.Name, 1, header, Texts.Get("exchange.columnAppearsTwice", column.Header));
            else columns.Add((i, column, column.Header));
        }
        foreach (var required in Required(sheet).Where(f => columns.All(c => c.Column.Field != f)))
            Error(input.Name, 1, null, Texts.Get("exchange.columnIsMissing", sheet.ColumnOfField(required)!.Header));

        var rows = new List<Raw>();
        foreach (var row in input.Rows)
        {
            if (columns.All(c => AsText(row[c.Index]) is null)) continue;
            var cells = new Dictionary<string, (object?, string)>(StringComparer.Ordinal);
            foreach (var (index, column, header) in columns)
            {
                var value = row[index];
                if (value is string s && ControlCharacter(s) is { } bad)
                {
                    Error(input.Name, row.Number, header, Texts.Get("exchange.containsInvisibleControlCharacterU", (int)bad));
                    value = new string(s.Where(ch => ch >= ' ' || ch is '\n' or '\t').ToArray());
                }
                cells[column.Field] = (value, header);
            }
            rows.Add(new Raw(sheet, row, cells));
        }
        return rows;
    }

    private static IEnumerable<string> Required(TableSheet sheet) => sheet.List switch
    {
        "network" => [],
        "memberships" => ["member", "body"],
        "collaborations" => ["from", "to"],
        "compositionRules" => ["bodyKind"],
        "actors" or "bodies" or "territories" => ["name", "kind"],
        _ => ["name"],
    };

    private static char? ControlCharacter(string s)
    {
        foreach (var ch in s)
            if (ch < ' ' && ch is not ('\n' or '\r' or '\t') || ch is '\uFFFE' or '\uFFFF' || char.IsSurrogate(ch) && !char.IsSurrogatePair(s, s.IndexOf(ch)))
                return ch;
        return null;
    }

    private static EntityKind? KindOf(string sheet) => sheet switch
    {
        TableSchema.Actors => EntityKind.Actor,
        TableSchema.Bodies => EntityKind.Body,
        TableSchema.Persons => EntityKind.Person,
        TableSchema.Topics => EntityKind.Topic,
        TableSchema.Territories => EntityKind.Territory,
        TableSchema.Measures => EntityKind.Measure,
        TableSchema.Memberships => EntityKind.Membership,
        TableSchema.Collaborations => EntityKind.Collaboration,
        _ => null,
    };

    /// <summary>
    /// An id made from the name ("Amt für Migration" → "amt-fuer-migration"), unique in the file, the same on every import.
    /// Never for a person: a name is personal data and an id outlives its erasure, so a person gets an opaque random id.
    /// </summary>
    private static string NewId(Raw raw, EntityKind kind, HashSet<string> taken)
    {
        if (kind == EntityKind.Person) return OpaqueId("person", taken);
        var stem = raw.Text("name") is { } name ? Slug(name) : "";
        if (stem.Length == 0) stem = $"{kind.ToString().ToLowerInvariant()}-{raw.Row.Number}";
        var id = stem;
        for (var n = 2; !taken.Add(id); n++) id = $"{stem}-{n}";
        return id;
    }

    /// <summary>A random id that says nothing about what it names ("person-3f9a0c12d4"), unique among <paramref name="taken"/>.</summary>
    public static string OpaqueId(string prefix, HashSet<string> taken)
    {
        string id;
        do id = $"{prefix}-{Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(5))}";
        while (!taken.Add(id));
        return id;
    }

    public static string Slug(string name)
    {
        var folded = name.Trim().ToLowerInvariant().Replace("ä", "ae").Replace("ö", "oe").Replace("ü", "ue").Replace("ß", "ss")
            .Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder();
        foreach (var ch in folded)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark) continue;
            if (ch is >= 'a' and <= 'z' or >= '0' and <= '9') sb.Append(ch);
            else if (sb.Length > 0 && sb[^1] != '-') sb.Append('-');
            if (sb.Length >= 60) break;
        }
        return sb.ToString().Trim('-');
    }

    // ---- cells ----

    /// <summary>A cell as text: trimmed, empty as null; numbers as they read ("4", "1.5"); a leading "'" that guarded a formula character is dropped.</summary>
    internal static string? AsText(object? value)
    {
        var text = value switch
        {
            null => null,
            string s => s,
            double d => d.ToString("R", CultureInfo.InvariantCulture),
            DateTime t => t.TimeOfDay == TimeSpan.Zero ? t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : t.ToString("s", CultureInfo.InvariantCulture),
            bool b => b ? "true" : "false",
            _ => Convert.ToString(value, CultureInfo.InvariantCulture),
        };
        text = text?.Trim();
        if (string.IsNullOrEmpty(text)) return null;
        return text.Length > 1 && text[0] == '\'' && text[1] is '=' or '+' or '-' or '@' ? text[1..] : text;
    }

    private string? Word(Raw r, string field, KindWords words)
    {
        var text = r.Text(field);
        if (text is null) return null;
        if (words.TryParse(text, out var code)) return code;
        Error(r, field, Texts.Get("exchange.isNotAllowedHereUse", text, words.NotOne, words.Offer(), string.Join(", ", words.Codes)));
        return text;
    }

    private List<string> Words(Raw r, string field, KindWords words) =>
        Split(r.Text(field)).Select(text =>
        {
            if (words.TryParse(text, out var code)) return code;
            Error(r, field, Texts.Get("exchange.isNotAllowedHereUse2", text, words.NotOne, words.Offer()));
            return text;
        }).ToList();

    private static IEnumerable<string> Split(string? text) =>
        text is null ? [] : text.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    private string? Ref(Raw r, string field, params EntityKind[] kinds) => r.Text(field) is { } text ? Resolve(r, field, text, kinds) : null;

    private List<string> Refs(Raw r, string field, params EntityKind[] kinds) => Split(r.Text(field)).Select(t => Resolve(r, field, t, kinds)).ToList();

    /// <summary>An id of the wanted kind, else an exact name (or short name) of one; else the problem, with the closest name offered.</summary>
    private string Resolve(Raw r, string field, string text, EntityKind[] kinds)
    {
        if (_kindOfId.TryGetValue(text, out var kind) && kinds.Contains(kind)) return text;
        var matches = kinds.SelectMany(k => _idsByName.GetValueOrDefault((k, text)) ?? []).Distinct().ToList();
        if (matches.Count == 1) return matches[0];
        if (matches.Count > 1)
        {
            Error(r, field, Texts.Get("exchange.isAmbiguousEntriesHaveThat", text, matches.Count, string.Join(", ", matches)));
            return text;
        }
        if (_kindOfId.ContainsKey(text)) return text; // an id of another kind: the validator says what it is and what is wanted
        var suggestion = _suggestions++ < 500 ? Suggestions.Closest(text, kinds.SelectMany(k => _namesOfKind.GetValueOrDefault(k) ?? [])) : null;
        var wanted = string.Join(Texts.Get("exchange.or"), kinds.Select(k => Texts.Of(k).Name));
        Error(r, field, suggestion is null
            ? Texts.Get("exchange.doesNotExistLookedFor", text, wanted)
            : Texts.Get("exchange.doesNotExistDidYou", text, suggestion));
        return text;
    }

    private string? Date(Raw r, string field)
    {
        if (!r.Cells.TryGetValue(field, out var cell) || cell.Value is null) return null;
        switch (cell.Value)
        {
            case DateTime t: return t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            case double d when d is >= 1 and < 2958466 && Math.Abs(d - Math.Round(d)) < 1e-9:
                return DateTime.FromOADate(d).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }
        var text = AsText(cell.Value);
        if (text is null) return null;
        string[] formats = ["dd.MM.yyyy", "d.M.yyyy", "yyyy-MM-dd", "dd.MM.yyyy HH:mm:ss", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm:ss"];
        if (DateTime.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Error(r, field, Texts.Get("exchange.isNotDateExpectedDd", text));
        return null;
    }

    private double? Number(Raw r, string field)
    {
        if (!r.Cells.TryGetValue(field, out var cell) || cell.Value is null) return null;
        if (cell.Value is double d) return d;
        var text = AsText(cell.Value);
        if (text is null) return null;
        if (double.TryParse(text.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && double.IsFinite(n)) return n;
        Error(r, field, Texts.Get("exchange.isNotNumber", text));
        return null;
    }

    private int? Integer(Raw r, string field)
    {
        var n = Number(r, field);
        if (n is null) return null;
        if (n == Math.Round(n.Value) && n is >= int.MinValue and <= int.MaxValue) return (int)n.Value;
        Error(r, field, Texts.Get("exchange.isNotWholeNumber", n.Value.ToString(CultureInfo.GetCultureInfo("de-DE")), n.Value.ToString(CultureInfo.InvariantCulture)));
        return null;
    }

    private void Error(Raw r, string field, string message) =>
        _problems.Add(ImportProblem.At(r.Row.Number == 0 ? null : r.Sheet.Name, r.Row.Number, r.Cells.GetValueOrDefault(field).Header ?? r.Sheet.ColumnOfField(field)?.Header, message));

    private void Error(string sheet, int? row, string? column, string message) => _problems.Add(ImportProblem.At(sheet, row, column, message));

    private void Warn(string sheet, int? row, string? column, string message) =>
        _problems.Add(ImportProblem.At(sheet, row, column, message, ImportProblem.Warning));

    private static string ColumnLetter(int index)
    {
        var s = "";
        for (index++; index > 0; index = (index - 1) / 26) s = (char)('A' + (index - 1) % 26) + s;
        return s;
    }
}
