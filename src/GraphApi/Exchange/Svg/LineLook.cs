using GraphApi.Domain;

namespace GraphApi.Exchange.Svg;

/// <summary>Whose colour a line takes: its kind's (from the registry), or the theme's ink or muted line colour.</summary>
public enum LineTone { Kind, Ink, Muted }

/// <summary>
/// How one relationship is drawn: on the map, in the map's legend and in the exported pictures, from this one table, so
/// the three agree. Memberships take the theme's ink (the roles that steer: Vorsitz, Geschäftsführung) or its muted line
/// colour, and are told apart by width and dashes; every other relationship takes its kind's colour from the registry
/// (<see cref="Kinds"/>). Widths are in the drawing's units: the map scales them with its zoom, a picture draws them at its
/// size. An arrow points at the target where the direction carries meaning (who reports to, refers to or funds whom).
/// </summary>
public sealed record LineLook(LineTone Tone, string Colour, double Width, string? Dash, bool Arrow)
{
    public static LineLook Of(string type, string? kind) => (type, kind) switch
    {
        ("membership", MembershipRoles.Chair) => new(LineTone.Ink, "", 5, null, false),
        ("membership", MembershipRoles.Management) => new(LineTone.Ink, "", 3.5, null, false),
        ("membership", MembershipRoles.Advisory) => new(LineTone.Muted, "", 2, "2 5", false),
        ("membership", MembershipRoles.Guest) => new(LineTone.Muted, "", 1.5, "9 6", false),
        ("membership", _) => new(LineTone.Muted, "", 2, null, false),
        ("collaboration", CollaborationKinds.Referral) => Kinded(Kinds.Collaboration[CollaborationKinds.Referral].Colour, 3, "12 6", true),
        ("collaboration", CollaborationKinds.Funding) => Kinded(Kinds.Collaboration[CollaborationKinds.Funding].Colour, 3, "16 5 3 5", true),
        ("collaboration", CollaborationKinds.Agreement) => Kinded(Kinds.Collaboration[CollaborationKinds.Agreement].Colour, 3, null, false),
        ("collaboration", _) => Kinded(Kinds.Collaboration[CollaborationKinds.Informal].Colour, 2.5, "3 5", false),
        ("reportsTo", _) => Kinded(Kinds.Relation["reportsTo"].Colour, 4, null, true),
        ("leads", _) => Kinded(Kinds.Relation["leads"].Colour, 3, null, true),
        ("partOf", _) => Kinded(Kinds.Relation["partOf"].Colour, 2, "1 4", true),
        // The layers' links (a person works for an actor, an actor is active in a topic): thin and dotted, in their colour.
        _ when Kinds.Relation.Contains(type) => Kinded(Kinds.Relation[type].Colour, 1.5, "2 4", false),
        _ => new(LineTone.Muted, "", 1.5, null, false),
    };

    private static LineLook Kinded(string colour, double width, string? dash, bool arrow) => new(LineTone.Kind, colour, width, dash, arrow);

    /// <summary>The stroke in a theme: the theme's ink or muted colour, or the kind's colour as the theme draws it.</summary>
    public string Stroke(PictureTheme theme) => Tone switch
    {
        LineTone.Ink => theme.Text,
        LineTone.Muted => theme.Link,
        _ => theme.Line(Colour),
    };
}
