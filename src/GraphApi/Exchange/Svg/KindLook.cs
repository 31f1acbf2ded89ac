using GraphApi.Domain;

namespace GraphApi.Exchange.Svg;

/// <summary>
/// The colour and German word of a kind, as the export draws it.
/// TODO(registry): read Kinds.Actor[code].Colour/.Label etc. from GraphApi.Domain.Kinds once the lead has committed the
/// registry to main; the values below are the map's (styles.js) and the UI's words (Texts.cs), so nothing changes then.
/// </summary>
internal static class KindLook
{
    private static readonly Dictionary<string, (string Colour, string Word)> ActorKinds = new(StringComparer.Ordinal)
    {
        ["administration"] = ("#1f5fa8", "Verwaltung"),
        ["jobcenter"] = ("#c62828", "Jobcenter"),
        ["employmentAgency"] = ("#e0701b", "Agentur für Arbeit"),
        ["municipality"] = ("#2e7d32", "Kommune"),
        ["welfareAssociation"] = ("#7b3fa0", "Wohlfahrtsverband"),
        ["migrantOrganisation"] = ("#c2185b", "Migrantenorganisation"),
        ["educationProvider"] = ("#795548", "Bildungsträger"),
        ["chamber"] = ("#546e7a", "Kammer"),
        ["counselling"] = ("#00838f", "Beratung"),
        ["politics"] = ("#9e9d24", "Politik"),
        ["volunteering"] = ("#d4a017", "Ehrenamt"),
        ["state"] = ("#263238", "Land / Bund"),
        ["research"] = ("#5e35b1", "Wissenschaft"),
        ["other"] = ("#8d99a6", "Sonstige"),
    };

    private static readonly Dictionary<string, (string Colour, string Word)> BodyKinds = new(StringComparer.Ordinal)
    {
        ["steeringGroup"] = ("#37474f", "Steuerungsgruppe"),
        ["coordinationStaff"] = ("#37474f", "Koordinierungsstab"),
        ["network"] = ("#37474f", "Netzwerk"),
        ["workingGroup"] = ("#37474f", "Arbeitskreis"),
        ["commission"] = ("#37474f", "Kommission"),
        ["politicalCommittee"] = ("#37474f", "Politischer Ausschuss"),
        ["conference"] = ("#37474f", "Konferenz"),
        ["other"] = ("#37474f", "Sonstiges Gremium"),
    };

    private static readonly Dictionary<string, string> Words = new(StringComparer.Ordinal)
    {
        ["status.dormant"] = "ruhend",
        ["status.dissolved"] = "aufgelöst",
        ["role.chair"] = "Vorsitz",
        ["role.management"] = "Geschäftsführung",
        ["role.member"] = "Mitglied",
        ["role.guest"] = "Gast",
        ["role.advisory"] = "beratend",
        ["collaboration.agreement"] = "Kooperationsvereinbarung",
        ["collaboration.referral"] = "Verweisung",
        ["collaboration.funding"] = "Förderung",
        ["collaboration.informal"] = "informell",
    };

    private static readonly Dictionary<string, string> TypeColours = new(StringComparer.Ordinal)
    {
        ["person"] = "#90a4ae", ["topic"] = "#f9a825", ["territory"] = "#66bb6a", ["measure"] = "#ab47bc",
        ["agreement"] = "#1565c0", ["referral"] = "#ef6c00", ["funding"] = "#2e7d32", ["informal"] = "#78909c",
    };

    public static string ActorColour(string kind) => ActorKinds.TryGetValue(kind, out var v) ? v.Colour : "#8d99a6";
    public static string ActorWord(string kind) => ActorKinds.TryGetValue(kind, out var v) ? v.Word : kind;
    public static string BodyColour(string kind) => BodyKinds.TryGetValue(kind, out var v) ? v.Colour : "#37474f";
    public static string BodyWord(string kind) => BodyKinds.TryGetValue(kind, out var v) ? v.Word : kind;
    public static string Word(string vocabulary, string? code) =>
        code is not null && Words.TryGetValue($"{vocabulary}.{code}", out var w) ? w : code ?? "";
    public static string Colour(string code) => TypeColours.GetValueOrDefault(code, "#8d99a6");

    public static string EntityWord(EntityKind kind) => kind switch
    {
        EntityKind.Actor => "Akteur",
        EntityKind.Body => "Gremium",
        EntityKind.Person => "Person",
        EntityKind.Topic => "Handlungsfeld",
        EntityKind.Territory => "Gebiet",
        EntityKind.Measure => "Maßnahme",
        _ => kind.ToString(),
    };
}
