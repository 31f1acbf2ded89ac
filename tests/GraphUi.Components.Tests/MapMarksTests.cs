using Blazor.Diagrams.Core.Geometry;
using GraphApi.Domain;
using GraphApi.Networks;
using GraphUi.Components.Map.Diagram;
using Microsoft.Extensions.DependencyInjection;

namespace GraphUi.Components.Tests;

/// <summary>What the map writes beside its cards: a comparison's mark in words, others' names, the grouped layouts' frames.</summary>
public sealed class MapMarksTests(SeededStore store) : ComponentTest(store)
{
    private static ActorNode Card(MapNodeState state) => new("vhs", new Point(0, 0))
    {
        Name = "Volkshochschule Peine", ShortName = "VHS", KindLabel = "Bildungsträger", AccessibleName = "Akteur Volkshochschule Peine", State = state,
    };

    [Fact]
    public void AMarkedCardSaysItsMarkInWordsAboveTheCardAtTheGivenSize()
    {
        var cut = Render<ActorWidget>(p => p.Add(x => x.Node, Card(new MapNodeState { Mark = "new", Badge = new LabelBox(0, -22, 60, 20, 1), BadgeSize = 18 })));

        Assert.Equal("neu", cut.Find(".node-badges .mark-badge.mark-new").TextContent);
        Assert.Equal("new", cut.Find(".node-card").GetAttribute("data-mark"));
        var style = cut.Find(".node-badges").GetAttribute("style")!;
        Assert.Contains("font-size: 18px", style);
        Assert.Contains("top: -22px", style);
        // The words sit beside the card, not in it: the card clips what overflows it.
        Assert.Empty(cut.FindAll(".node-card .node-badges"));
        // The card is drawn at its model's size, which the layouts and the overlap checks count with: a long name never widens it.
        Assert.Contains($"width: {ActorNode.Width}px; height: {ActorNode.Height}px", cut.Find(".node-card").GetAttribute("style"));
    }

    [Fact]
    public void OthersSelectionsShowTheirNamesBesideTheCardAndTheFirstColourRingsIt()
    {
        var cut = Render<ActorWidget>(p => p.Add(x => x.Node, Card(new MapNodeState
        {
            SelectedBy = [("Anna", "#ad1457"), ("Bea", "#00695c")], Badge = new LabelBox(0, -22, 90, 20, 1), BadgeSize = 16,
        })));

        Assert.Equal(["Anna", "Bea"], cut.FindAll(".node-badges .peer").Select(p => p.TextContent));
        Assert.Contains("--peer-first: #ad1457", cut.Find(".node-card").GetAttribute("style"));
        Assert.Empty(cut.FindAll(".mark-badge"));
    }

    [Fact]
    public async Task AComparisonMarksTheRelationshipsThatEndedOrAppeared()
    {
        var id = await Store.SmallNetworkAsync();
        var meetings = Store.Services.GetRequiredService<MeetingService>();
        await meetings.StartAsync(id, "Sitzung", new DateOnly(2025, 3, 12), "Anna");
        var seat = (await Networks.GetAsync(id)).All<Membership>().Single();
        await Networks.UpdateAsync(id, seat with { Until = "2025-03-12" }, "Anna");
        await Networks.CreateAsync(id, new Membership { Member = "mo", Body = "sg" }, "Anna");
        var meeting = MeetingService.Running((await Networks.GetAsync(id)).Network)!;
        await meetings.EndAsync(id, meeting.Id, "Anna");

        var comparison = await Store.Services.GetRequiredService<Comparisons>().CompareAsync(id, null, null, meeting.Id);
        var marks = comparison.LinkMarks();

        Assert.Equal("ended", marks[seat.Id]);
        var newSeat = (await Networks.GetAsync(id)).All<Membership>().Single(m => m.Member == "mo");
        Assert.Equal("new", marks[newSeat.Id]);
        Assert.Equal(2, marks.Count);
    }

    [Fact]
    public async Task TheFrameLayerDrawsEachGroupWithItsNameAndOnlyTheNamesThatFit()
    {
        var cut = Render<GroupFrameLayer>();
        Assert.Empty(cut.FindAll("rect.group-frame"));

        await cut.InvokeAsync(() => cut.Instance.Show(
        [
            new GroupFrame("t1", "Stadt Peine", 0, 0, 400, 300, new GroupTitle("Stadt Peine", 0, -30, 140, 24, 18)),
            new GroupFrame("t2", "Gemeinde Edemissen", 500, 0, 400, 300, null),
        ]));

        Assert.Equal(["t1", "t2"], cut.FindAll("rect.group-frame").Select(r => r.GetAttribute("data-group")));
        var name = Assert.Single(cut.FindAll("text.group-label"));
        Assert.Equal("Stadt Peine", name.TextContent);
        Assert.Equal("18", name.GetAttribute("font-size"));
        Assert.Equal("true", cut.Find("g.group-frames").GetAttribute("aria-hidden"));
    }
}
