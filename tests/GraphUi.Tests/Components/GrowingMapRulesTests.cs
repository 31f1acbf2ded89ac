using Blazor.Diagrams;
using GraphApi.Domain;
using GraphApi.Exchange;
using GraphApi.Networks;
using GraphApi.Storage;
using GraphUi.Components.Map.Diagram;

namespace GraphUi.Tests.Components;

/// <summary>
/// The rules behind a map that grows while it is open and the grouped layouts' frames, without a browser: where a new card
/// goes, how the view follows it, where frames and their names go.
/// </summary>
public sealed class GrowingMapRulesTests
{
    private static Actor NewActor(int i) => new() { Id = $"a{i:00}", Name = $"Akteur {i}", Kind = ActorKinds.Administration };

    private static IEnumerable<(string Id, double X, double Y, double W, double H)> Boxes(DiagramMapper mapper) =>
        mapper.Nodes.Values.Select(n => (n.Id, n.Position.X, n.Position.Y, n.Size!.Width, n.Size.Height));

    private static void AssertNoOverlap(DiagramMapper mapper)
    {
        var boxes = Boxes(mapper).ToList();
        for (var i = 0; i < boxes.Count; i++)
            for (var j = i + 1; j < boxes.Count; j++)
            {
                var (a, b) = (boxes[i], boxes[j]);
                Assert.False(a.X < b.X + b.W && b.X < a.X + a.W && a.Y < b.Y + b.H && b.Y < a.Y + a.H, $"{a.Id} lies on {b.Id}");
            }
    }

    [Fact]
    public void CardsAddedOneByOneWithoutLinksGrowACompactClusterNotABand()
    {
        var mapper = new DiagramMapper(new BlazorDiagram());
        var entities = new List<Entity>();
        for (var i = 0; i < 12; i++)
        {
            entities.Add(NewActor(i));
            var placed = mapper.Apply(new NetworkFilter().Apply(NetworkSnapshot.Create(new Network { Id = "n", Name = "n" }, i, entities)),
                new Dictionary<string, NodePosition>());
            Assert.Equal([$"a{i:00}"], mapper.Added);
            Assert.Single(placed);
        }
        AssertNoOverlap(mapper);
        var boxes = Boxes(mapper).ToList();
        var width = boxes.Max(b => b.X + b.W) - boxes.Min(b => b.X);
        var height = boxes.Max(b => b.Y + b.H) - boxes.Min(b => b.Y);
        // About a screen's shape (the old rule put each new card right of the drawing: 12 cards made a band 30 times wider than high).
        Assert.InRange(width / height, 0.8, 3.0);
    }

    [Fact]
    public void ALinkedCardIsPlacedNextToWhatItIsLinkedToAndOnNoOther()
    {
        var mapper = new DiagramMapper(new BlazorDiagram());
        var entities = Enumerable.Range(0, 8).Select(NewActor).Cast<Entity>().ToList();
        entities.Add(new Body { Id = "sg", Name = "Steuerungsgruppe", Kind = BodyKinds.SteeringGroup });
        var positions = entities.Select((e, i) => (e.Id, new NodePosition(i % 3 * 300, i / 3 * 200))).ToDictionary(p => p.Id, p => p.Item2);
        var network = new Network { Id = "n", Name = "n" };
        mapper.Apply(new NetworkFilter().Apply(NetworkSnapshot.Create(network, 1, entities)), positions);
        entities.Add(new Actor { Id = "neu", Name = "Neu", Kind = ActorKinds.MigrantOrganisation });
        entities.Add(new Membership { Id = "m", Member = "neu", Body = "sg" });
        var placed = mapper.Apply(new NetworkFilter().Apply(NetworkSnapshot.Create(network, 2, entities)), positions);

        Assert.Equal(["neu"], placed.Keys);
        AssertNoOverlap(mapper);
        var (body, added) = (mapper.Nodes["sg"], mapper.Nodes["neu"]);
        var distance = Distance(added.Position.X + ActorNode.Width / 2 - (body.Position.X + BodyNode.Width / 2),
            added.Position.Y + ActorNode.Height / 2 - (body.Position.Y + BodyNode.Height / 2));
        Assert.True(distance < 450, $"the new card is {distance:0} units from the body it sits in");
    }

    private static double Distance(double dx, double dy) => Math.Sqrt(dx * dx + dy * dy);

    [Fact]
    public void AViewPansJustEnoughToShowANewCardAndItsNeighboursAndNotAtAllWhenItIsOnScreen()
    {
        // A 700×500 map at zoom 1, panned so that the diagram's origin is at the top left.
        var onScreen = new ViewFollow.Box(100, 100, 200, 72);
        Assert.Null(ViewFollow.PanToShow([onScreen], 1, 0, 0, 700, 500));

        var right = new ViewFollow.Box(900, 100, 200, 72);
        var (dx, dy) = ViewFollow.PanToShow([right], 1, 0, 0, 700, 500)!.Value;
        Assert.Equal((700 - ViewFollow.Margin - 1100, 0), (dx, dy));
        Assert.True(ViewFollow.OnScreen(right, 1, dx, dy, 700, 500));

        // With a neighbour further left, both fit: the pan shows both.
        var neighbour = new ViewFollow.Box(500, 300, 240, 96);
        var both = ViewFollow.PanToShow([right, neighbour], 1, 0, 0, 700, 500)!.Value;
        Assert.True(ViewFollow.OnScreen(right, 1, both.Dx, both.Dy, 700, 500) && ViewFollow.OnScreen(neighbour, 1, both.Dx, both.Dy, 700, 500));

        // A neighbour far away does not fit with it: the new card alone is shown.
        var far = new ViewFollow.Box(-2000, 100, 200, 72);
        var alone = ViewFollow.PanToShow([right, far], 1, 0, 0, 700, 500)!.Value;
        Assert.True(ViewFollow.OnScreen(right, 1, alone.Dx, alone.Dy, 700, 500));
    }

    private static NetworkSnapshot Seed(string name)
    {
        var d = NetworkExchange.Parse(File.ReadAllText(Path.Combine(Repository.Root, "seed", name + ".json")));
        IEnumerable<Entity> entities = [.. d.Topics ?? [], .. d.Territories ?? [], .. d.Actors ?? [], .. d.Bodies ?? [], .. d.Persons ?? [], .. d.Measures ?? [],
            .. (d.Memberships ?? []).Select(m => m with { Id = m.Id is { Length: > 0 } ? m.Id : Membership.DerivedId(m.Member, m.Body, m.Since) }),
            .. (d.Collaborations ?? []).Select(c => c with { Id = c.Id is { Length: > 0 } ? c.Id : Collaboration.DerivedId(c.From, c.To, c.Kind) })];
        return NetworkSnapshot.Create(new Network { Id = name, Name = name }, 1, entities);
    }

    [Theory]
    [InlineData("dithmarschen", MapLayouts.Territory, 0.3)]
    [InlineData("dithmarschen", MapLayouts.Topic, 0.3)]
    [InlineData("peine", MapLayouts.Territory, 0.5)]
    [InlineData("peine", MapLayouts.Topic, 1)]
    public void EveryGroupIsAFrameAroundItsCardsWithItsNameAboveOnNoOtherFrameOrName(string network, string layout, double zoom)
    {
        var snapshot = Seed(network);
        var view = new NetworkFilter().Apply(snapshot);
        var mapper = new DiagramMapper(new BlazorDiagram());
        mapper.Apply(view, MapLayouts.Compute(layout, view, LayoutStore.SizeIn(view)));
        var frames = GroupFrames.Compute(layout, view, mapper.Nodes, zoom, LevelOfDetail.DeskLabelPx, id => id is null ? "Ohne" : snapshot.Find(id)!.Label);

        Assert.True(frames.Count >= 2);
        foreach (var entity in view.Nodes)
        {
            var frame = frames.Single(f => f.Key == (MapLayouts.GroupOf(layout, entity) ?? ""));
            var n = mapper.Nodes[entity.Id];
            Assert.True(n.Position.X >= frame.X && n.Position.Y >= frame.Y && n.Position.X + n.Size!.Width <= frame.X + frame.Width
                        && n.Position.Y + n.Size.Height <= frame.Y + frame.Height, $"{entity.Id} outside the frame of {frame.Name}");
        }
        // A name covers no other name and no card.
        var titles = frames.Where(f => f.Title is not null).Select(f => (Name: "the name of " + f.Name, X1: f.Title!.X, Y1: f.Title.Y, X2: f.Title.X + f.Title.Width, Y2: f.Title.Y + f.Title.Height)).ToList();
        var cards = mapper.Nodes.Values.Select(n => (Name: n.Id, X1: n.Position.X, Y1: n.Position.Y, X2: n.Position.X + n.Size!.Width, Y2: n.Position.Y + n.Size.Height)).ToList();
        for (var i = 0; i < titles.Count; i++)
            foreach (var b in titles.Skip(i + 1).Concat(cards))
            {
                var a = titles[i];
                Assert.False(a.X1 < b.X2 && b.X1 < a.X2 && a.Y1 < b.Y2 && b.Y1 < a.Y2, $"{a.Name} overlaps {b.Name}");
            }
        Assert.All(frames.Where(f => f.Title is not null), f => Assert.True(f.Title!.FontSize * zoom >= LevelOfDetail.DeskLabelPx));
        Assert.True(frames.Count(f => f.Title is not null) >= 0.8 * frames.Count, "most groups keep their name");
    }

    [Fact]
    public void AMarkIsWrittenAboveItsCardAndNoLabelCoversIt()
    {
        var snapshot = Seed("peine");
        var view = new NetworkFilter().Apply(snapshot);
        var mapper = new DiagramMapper(new BlazorDiagram());
        mapper.Apply(view, MapLayouts.Compute(MapLayouts.Force, view, LayoutStore.SizeIn(view)));
        var marked = mapper.Nodes.Keys.Order(StringComparer.Ordinal).Take(12).ToList();
        var badges = marked.ToDictionary(id => id, _ => (IReadOnlyList<string>)["geändert"], StringComparer.Ordinal);
        const double zoom = 0.35;
        var states = LevelOfDetail.Compute(mapper.Nodes.Values, zoom, LevelOfDetail.ReadableLabelPx, new Dictionary<string, int>(), new HashSet<string>(), badges);

        (double X1, double Y1, double X2, double Y2) Abs(string id, LabelBox b) =>
            (mapper.Nodes[id].Position.X + b.X, mapper.Nodes[id].Position.Y + b.Y, mapper.Nodes[id].Position.X + b.X + b.Width, mapper.Nodes[id].Position.Y + b.Y + b.Height);
        var marks = marked.Select(id => (id, box: Abs(id, states[id].Badge!))).ToList();
        var labels = states.Where(s => !s.Value.LabelHidden && s.Value.Floating is not null).Select(s => (id: s.Key, box: Abs(s.Key, s.Value.Floating!))).ToList();
        Assert.All(marked, id => Assert.True(states[id].BadgeSize * zoom >= LevelOfDetail.ReadableLabelPx));
        foreach (var (id, m) in marks)
            foreach (var (other, l) in labels)
                Assert.False(m.X1 < l.X2 && l.X1 < m.X2 && m.Y1 < l.Y2 && l.Y1 < m.Y2, $"the label of {other} covers the mark of {id}");
    }
}
