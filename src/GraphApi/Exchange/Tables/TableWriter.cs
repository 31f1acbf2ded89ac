using System.Globalization;
using GraphApi.Domain;

namespace GraphApi.Exchange.Tables;

/// <summary>
/// The exchange document as the sheets of <see cref="TableSchema"/>: references as ids (so an export reads back to the
/// same network), kinds, roles and statuses as German words, dates as dates, lists separated by "; ".
/// </summary>
public static class TableWriter
{
    public const string ListSeparator = "; ";

    public static Workbook Write(NetworkDocument d)
    {
        var sheets = new List<WorkSheet>();
        void Add(string name, IEnumerable<object?[]> rows)
        {
            var sheet = TableSchema.Sheet(name);
            sheets.Add(new WorkSheet(sheet.Name, sheet.Columns.Select(c => c.Header).ToList(),
                rows.Select((cells, i) => new WorkRow(i + 2, cells)).ToList()));
        }

        var n = d.Network;
        Add(TableSchema.Network, n is null ? [] : [[n.Id, n.Name, n.Description, Day(n.DataAsOf)]]);
        Add(TableSchema.Actors, (d.Actors ?? []).Select(a => new object?[]
            { a.Id, a.Name, a.ShortName, KindWords.Actor.Word(a.Kind), a.Parent, List(a.Territories), List(a.Topics), a.Description }));
        Add(TableSchema.Bodies, (d.Bodies ?? []).Select(b => new object?[]
        {
            b.Id, b.Name, KindWords.Body.Word(b.Kind), b.Mandate, List(b.Topics), List(b.Territories), b.MeetingsPerYear, b.MeetingHours,
            Day(b.LastMeeting), KindWords.Status.Word(b.Status), b.Lead, b.ReportsTo, Day(b.Founded), Day(b.Dissolved),
        }));
        Add(TableSchema.Memberships, (d.Memberships ?? []).Select(m => new object?[]
            { m.Id, m.Member, m.Body, KindWords.Role.Word(m.Role), m.Representing, Day(m.Since), Day(m.Until) }));
        Add(TableSchema.Collaborations, (d.Collaborations ?? []).Select(c => new object?[]
            { c.Id, c.From, c.To, KindWords.Collaboration.Word(c.Kind), List(c.Topics), Day(c.Since), Day(c.Until), c.Description }));
        Add(TableSchema.Persons, (d.Persons ?? []).Select(p => new object?[] { p.Id, p.Name, p.Function, p.Actor }));
        Add(TableSchema.Topics, (d.Topics ?? []).Select(t => new object?[] { t.Id, t.Name, t.Description }));
        Add(TableSchema.Territories, (d.Territories ?? []).Select(t => new object?[] { t.Id, t.Name, KindWords.Territory.Word(t.Kind), t.Parent }));
        Add(TableSchema.Measures, (d.Measures ?? []).Select(m => new object?[]
            { m.Id, m.Name, List(m.OfferedBy), List(m.Topics), List(m.Territories), m.Description, Day(m.Since), Day(m.Until) }));
        Add(TableSchema.Composition, (d.CompositionRules ?? []).Select(r => new object?[]
            { KindWords.Body.Word(r.BodyKind), string.Join(ListSeparator, r.RequiredActorKinds.Select(KindWords.Actor.Word)) }));
        return new Workbook(sheets);
    }

    private static string? List(IReadOnlyList<string> ids) => ids.Count == 0 ? null : string.Join(ListSeparator, ids);

    /// <summary>A stored date as a date cell; a malformed one (it cannot be stored, but be safe) stays text.</summary>
    private static object? Day(string? iso) =>
        iso is null ? null
        : DateOnly.TryParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : iso;
}
