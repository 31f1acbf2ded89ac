using GraphApi.Domain;
using GraphUi.Localization;

namespace GraphUi.Components.Map.Diagram;

/// <summary>
/// Words, colours and icons of kinds for the map and its legend.
/// TODO(kind registry): read Kinds.Actor[code].Colour / .Icon / .Label once main has src/GraphApi/Domain/Kinds/.
/// </summary>
public static class MapStyle
{
    private static readonly Dictionary<string, (string Colour, string Icon)> Actors = new(StringComparer.Ordinal)
    {
        [ActorKinds.Administration] = ("#1f5fa8", "Vw"), [ActorKinds.Jobcenter] = ("#c62828", "JC"),
        [ActorKinds.EmploymentAgency] = ("#a04e0c", "AA"), [ActorKinds.Municipality] = ("#2e7d32", "Ge"),
        [ActorKinds.WelfareAssociation] = ("#7b3fa0", "WV"), [ActorKinds.MigrantOrganisation] = ("#c2185b", "MO"),
        [ActorKinds.EducationProvider] = ("#795548", "Bi"), [ActorKinds.Chamber] = ("#546e7a", "Ka"),
        [ActorKinds.Counselling] = ("#006b75", "Be"), [ActorKinds.Politics] = ("#62620e", "Po"),
        [ActorKinds.Volunteering] = ("#7a5c0e", "Eh"), [ActorKinds.State] = ("#263238", "La"),
        [ActorKinds.Research] = ("#5e35b1", "Fo"), [ActorKinds.Other] = ("#5f6b7a", "•"),
    };

    public static readonly IReadOnlyDictionary<string, string> TypeColours = new Dictionary<string, string>
    {
        ["body"] = "#37474f", ["person"] = "#546e7a", ["topic"] = "#8a5a00", ["territory"] = "#3d7f40", ["measure"] = "#8e3fa0",
    };

    public static readonly IReadOnlyDictionary<string, string> TypeIcons = new Dictionary<string, string>
    {
        ["body"] = "Gr", ["person"] = "P", ["topic"] = "HF", ["territory"] = "Gb", ["measure"] = "M",
    };

    public static string ActorColour(string? kind) => kind is not null && Actors.TryGetValue(kind, out var s) ? s.Colour : "#5f6b7a";
    public static string ActorIcon(string? kind) => kind is not null && Actors.TryGetValue(kind, out var s) ? s.Icon : "•";

    public static string ActorKind(UiText t, string? kind) => t[$"kind.actor.{kind}"];
    public static string BodyKind(UiText t, string? kind) => t[$"kind.body.{kind}"];
    public static string Type(UiText t, string type) => t[$"type.{type}"];

    /// <summary>"12 Mitglieder": German plurals written out, never Humanizer's.</summary>
    public static string Members(UiText t, int n) => n == 1 ? t["node.members.one"] : t["node.members.many", n];
    public static string Persons(UiText t, int n) => n == 1 ? t["node.persons.one"] : t["node.persons.many", n];

    /// <summary>The relationship types in the legend, in reading order.</summary>
    public static readonly string[] LinkTypes = ["membership", "collaboration", "partOf", "reportsTo", "leads", "worksFor", "worksOn", "activeIn", "offers", "within"];
}
