using GraphApi.Domain;
using Microsoft.Extensions.Localization;
using GraphApi.Localization;

namespace GraphApi.Exchange.Svg;

/// <summary>
/// The words and colours the picture uses, all from the kind registry (<see cref="Kinds"/>) and the product's texts
/// (<see cref="Strings"/>), in the current UI culture: German unless the request asked for English.
/// </summary>
public sealed class KindLook(IStringLocalizer<Strings> texts)
{
    public string ActorColour(string kind) => Kinds.Actor[kind].Colour;
    public string ActorWord(string kind) => Kinds.Actor.Label(kind);
    public string BodyColour(string kind) => Kinds.Body[kind].Colour;
    public string BodyWord(string kind) => Kinds.Body.Label(kind);
    public string StatusWord(string status) => Kinds.BodyStatus.Label(status);
    public string RoleWord(string role) => Kinds.Role.Label(role);
    public string CollaborationWord(string kind) => Kinds.Collaboration.Label(kind);
    public string CollaborationColour(string kind) => Kinds.Collaboration[kind].Colour;
    public string RelationWord(string type) => Kinds.Relation.Label(type);
    public string RelationColour(string type) => Kinds.Relation[type].Colour;
    public string EntityColour(EntityKind kind) => Kinds.Of(kind).Colour;
    public string EntityWord(EntityKind kind) => Kinds.Of(kind).Label;
    public string EntityPlural(EntityKind kind) => Kinds.Of(kind).Plural;
    public string Count(int n, EntityKind kind) => Counts.Of(n, Kinds.Of(kind));
    public string Members(int n) => Counts.Of(n, Kinds.Role[MembershipRoles.Member]);
    public string Day(DateOnly day) => Dates.Day(day);
    public string Text(string key, params object[] args) => texts[key, args].Value;
}
