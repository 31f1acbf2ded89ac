using Blazor.Diagrams;
using Blazor.Diagrams.Core.Geometry;
using Bunit;
using GraphApi.Domain;
using GraphApi.Networks;
using GraphUi.Components.Map.Diagram;
using Microsoft.Extensions.DependencyInjection;

namespace GraphUi.Tests.Components;

/// <summary>The node widgets as a reader sees them: name, kind in words, members, status badge, accessible name; any Unicode safe.</summary>
public sealed class NodeWidgetTests : BunitContext
{
    public NodeWidgetTests()
    {
        System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo("de");
        Services.AddLocalization();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    private static readonly NetworkSnapshot Sample = NetworkSnapshot.Create(new Network { Id = "n", Name = "Testkreis" }, 1,
    [
        new Actor { Id = "jc", Name = "Jobcenter Landkreis Peine", ShortName = "Jobcenter", Kind = ActorKinds.Jobcenter },
        new Actor { Id = "evil", Name = "<script>alert(1)</script> ‮RTL‬ 😀\u0007", Kind = ActorKinds.MigrantOrganisation },
        new Body { Id = "sg", Name = "Steuerungsgruppe Integration", Kind = BodyKinds.SteeringGroup, Status = BodyStatuses.Dormant },
        new Membership { Id = "m1", Member = "jc", Body = "sg" },
        new Membership { Id = "m2", Member = "evil", Body = "sg", Role = MembershipRoles.Chair },
        new Membership { Id = "m3", Member = "evil", Body = "sg", Until = "2001-01-01" },
        new Person { Id = "p", Name = "Leitung", Actor = "jc" },
    ]);

    private DiagramMapper Map()
    {
        var mapper = new DiagramMapper(new BlazorDiagram());
        mapper.Apply(new NetworkFilter().Apply(Sample), new Dictionary<string, GraphApi.Storage.NodePosition>());
        return mapper;
    }

    [Fact]
    public void AnActorCardShowsItsShortNameKindAndFoldedPersons()
    {
        var node = (ActorNode)Map().Nodes["jc"];
        var card = Render<ActorWidget>(p => p.Add(x => x.Node, node));
        Assert.Equal("Jobcenter", card.Find(".node-label").TextContent);
        Assert.Equal("Jobcenter", card.Find(".kind").TextContent); // the kind in words, from the registry
        Assert.Equal("1 Person", card.Find(".chips").TextContent);
        Assert.Contains("--kind: #", card.Find(".node-card").GetAttribute("style"));
        Assert.Equal("Akteur Jobcenter Landkreis Peine, Jobcenter, 1 Person", card.Find(".node-focus").GetAttribute("aria-label"));
    }

    [Fact]
    public void ACompactCardHidesItsIconOnlyWhereItsNameFloatsOverTheCard()
    {
        var node = (ActorNode)Map().Nodes["jc"];
        // Overview zoom: the name floats below the card, and the icon is all that marks the card itself.
        node.State = node.State with { Compact = true, Floating = new LabelBox(0, ActorNode.Height + 4, ActorNode.Width, 20, 1) };
        Assert.DoesNotContain("label-over", Render<ActorWidget>(p => p.Add(x => x.Node, node)).Find(".node-card").ClassList);
        // A closer zoom: the name sits across the card, where the centred icon would peek out around it.
        node.State = node.State with { Floating = new LabelBox(10, 20, ActorNode.Width - 20, 30, 1) };
        Assert.Contains("label-over", Render<ActorWidget>(p => p.Add(x => x.Node, node)).Find(".node-card").ClassList);
    }

    [Fact]
    public void ABodyCardCountsTodaysMembersAndShowsItsStatusAsABadge()
    {
        var node = (BodyNode)Map().Nodes["sg"];
        var card = Render<BodyWidget>(p => p.Add(x => x.Node, node));
        Assert.Equal("ruhend", card.Find(".badge").TextContent);
        Assert.Contains("2 Mitglieder", card.Find(".kind").TextContent);
        Assert.Equal("Gremium Steuerungsgruppe Integration, 2 Mitglieder, ruhend", card.Find(".node-focus").GetAttribute("aria-label"));
    }

    [Fact]
    public void NamesWithAnyUnicodeAreRenderedAsText()
    {
        var node = (ActorNode)Map().Nodes["evil"];
        var card = Render<ActorWidget>(p => p.Add(x => x.Node, node));
        Assert.Empty(card.FindAll("script"));
        Assert.Contains("<script>", card.Find(".node-label").TextContent);
        Assert.Contains("😀", card.Find(".node-focus").GetAttribute("aria-label"));
    }

    [Fact]
    public void AtOverviewZoomTheLabelFloatsLargeOrHidesRatherThanOverlap()
    {
        var mapper = Map();
        var nodes = mapper.Nodes.Values.ToList();
        foreach (var n in nodes) n.SetPosition(0, 0); // all on one spot
        var states = LevelOfDetail.Compute(nodes, zoom: 0.2, minPx: 16, new Dictionary<string, int>(), new HashSet<string>());
        Assert.All(states.Values, s => Assert.True(s.Compact && s.LabelSize * 0.2 >= 16));
        Assert.False(states["sg"].LabelHidden); // bodies first
        var shown = states.Values.Where(s => !s.LabelHidden).Select(s => s.Floating!).ToList();
        for (var a = 0; a < shown.Count; a++)
            for (var b = a + 1; b < shown.Count; b++)
                Assert.False(shown[a].X < shown[b].X + shown[b].Width && shown[b].X < shown[a].X + shown[a].Width
                    && shown[a].Y < shown[b].Y + shown[b].Height && shown[b].Y < shown[a].Y + shown[a].Height, "two labels overlap");
        var card = Render<BodyWidget>(p => p.Add(x => x.Node, (BodyNode)mapper.Nodes["sg"].Also(n => n.State = states["sg"])));
        Assert.Contains("font-size: 81.6px", card.Find(".node-label.floating").GetAttribute("style"));
    }
}

internal static class TestExtensions
{
    public static T Also<T>(this T value, Action<T> action)
    {
        action(value);
        return value;
    }
}
