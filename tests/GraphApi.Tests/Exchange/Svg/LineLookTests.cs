using GraphApi.Domain;
using GraphApi.Exchange.Svg;

namespace GraphApi.Tests.Exchange.Svg;

/// <summary>
/// The one table of how relationships are drawn (the map, its legend, the pictures): every relationship a legend lists
/// looks unlike the others, and stands out from the ground in both themes (WCAG 1.4.11: lines at least 3:1).
/// </summary>
public sealed class LineLookTests
{
    private static readonly (string Type, string? Kind)[] Listed =
    [
        .. MembershipRoles.All.Select(r => ("membership", (string?)r)),
        .. CollaborationKinds.All.Select(k => ("collaboration", (string?)k)),
        ("reportsTo", null), ("partOf", null), ("leads", null),
    ];

    [Theory]
    [InlineData("light")]
    [InlineData("dark")]
    public void EveryListedRelationshipLooksUnlikeTheOthersAndStandsOutFromTheGround(string themeName)
    {
        var theme = themeName == "dark" ? PictureTheme.Dark : PictureTheme.Light;
        var looks = Listed.Select(l => (l, Look: LineLook.Of(l.Type, l.Kind))).ToList();

        var drawn = looks.Select(x => (x.Look.Stroke(theme), x.Look.Width, x.Look.Dash, x.Look.Arrow)).ToList();
        Assert.Equal(drawn.Count, drawn.Distinct().Count());
        foreach (var (listed, look) in looks)
        {
            var contrast = Contrast(look.Stroke(theme), theme.Background);
            Assert.True(contrast >= 3, $"{listed.Type} {listed.Kind}: {look.Stroke(theme)} on {theme.Background} is {contrast:F2}:1");
        }
    }

    [Fact]
    public void ColouredLinesTakeTheirKindsColourFromTheRegistry()
    {
        Assert.Equal(Kinds.Collaboration[CollaborationKinds.Referral].Colour, LineLook.Of("collaboration", CollaborationKinds.Referral).Stroke(PictureTheme.Light));
        Assert.Equal(Kinds.Relation["reportsTo"].Colour, LineLook.Of("reportsTo", null).Stroke(PictureTheme.Light));
        // A kind nobody knows is drawn as an informal collaboration, not left out.
        Assert.Equal(LineLook.Of("collaboration", CollaborationKinds.Informal), LineLook.Of("collaboration", "unbekannt"));
    }

    private static double Contrast(string a, string b)
    {
        var (la, lb) = (Luminance(a), Luminance(b));
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }

    private static double Luminance(string hex)
    {
        double Channel(int i)
        {
            var c = Convert.ToInt32(hex.Substring(1 + 2 * i, 2), 16) / 255.0;
            return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * Channel(0) + 0.7152 * Channel(1) + 0.0722 * Channel(2);
    }
}
