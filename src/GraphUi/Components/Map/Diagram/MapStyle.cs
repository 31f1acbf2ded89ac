using GraphApi.Domain;
using GraphApi.Localization;

namespace GraphUi.Components.Map.Diagram;

/// <summary>Words, colours and icons of kinds for the map and its legend: all from the kind registry.</summary>
public static class MapStyle
{
    public static string ActorColour(string? kind) => Kinds.Actor[kind ?? ActorKinds.Other].Colour;
    public static string ActorIcon(string? kind) => Kinds.Actor[kind ?? ActorKinds.Other].Icon;
    public static string TypeColour(string type) => type == "body" ? "#37474f" : Kinds.Entity[type].Colour;
    public static string TypeIcon(string type) => Kinds.Entity[type].Icon;

    public static string ActorKind(string? kind) => Kinds.Actor.Label(kind);
    public static string BodyKind(string? kind) => Kinds.Body.Label(kind);
    public static string Type(string type) => Kinds.Entity.Label(type);

    /// <summary>"12 Mitglieder": German plurals written out in the registry, never Humanizer's.</summary>
    public static string Members(int n) => German ? Counts.Of(n, Kinds.Role[MembershipRoles.Member]) : Counts.Of(n, new Word("member", "members"));
    public static string Persons(int n) => German ? Counts.Of(n, Kinds.Entity["person"]) : Counts.Of(n, new Word("person", "persons"));

    private static bool German => System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "de";
}
