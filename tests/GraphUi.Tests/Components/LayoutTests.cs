using GraphApi.Domain;
using GraphApi.Exchange;
using GraphApi.Networks;
using GraphUi.Components.Map.Diagram;

namespace GraphUi.Tests.Components;

/// <summary>The layouts in C#: deterministic, finite, no card on another, for the seed networks and a random graph.</summary>
public sealed class LayoutTests
{
    internal static NetworkSnapshot Seed(string name)
    {
        var d = NetworkExchange.Parse(File.ReadAllText(Path.Combine(Repository.Root, "seed", name + ".json")));
        IEnumerable<Entity> entities = [.. d.Topics ?? [], .. d.Territories ?? [], .. d.Actors ?? [], .. d.Bodies ?? [], .. d.Persons ?? [], .. d.Measures ?? [],
            .. (d.Memberships ?? []).Select(m => m with { Id = m.Id is { Length: > 0 } ? m.Id : Membership.DerivedId(m.Member, m.Body, m.Since) }),
            .. (d.Collaborations ?? []).Select(c => c with { Id = c.Id is { Length: > 0 } ? c.Id : Collaboration.DerivedId(c.From, c.To, c.Kind) })];
        return NetworkSnapshot.Create(new Network { Id = name, Name = name }, 1, entities);
    }

    [Theory]
    [InlineData("peine", MapLayouts.Force)]
    [InlineData("peine", MapLayouts.Layered)]
    [InlineData("peine", MapLayouts.Territory)]
    [InlineData("dithmarschen", MapLayouts.Topic)]
    [InlineData("dithmarschen", MapLayouts.Concentric)]
    public void EveryLayoutIsDeterministicFiniteAndFreeOfOverlaps(string network, string layout)
    {
        var view = new NetworkFilter().Apply(Seed(network));
        var size = LayoutStore.SizeIn(view);
        var first = MapLayouts.Compute(layout, view, size);
        var second = MapLayouts.Compute(layout, view, size);
        Assert.Equal(view.Nodes.Count, first.Count);
        Assert.Equal(first, second);
        Assert.All(first.Values, p => Assert.True(double.IsFinite(p.X) && double.IsFinite(p.Y)));
        var boxes = first.Select(p => (p.Key, p.Value.X, p.Value.Y, size(p.Key).W, size(p.Key).H)).ToList();
        for (var i = 0; i < boxes.Count; i++)
            for (var j = i + 1; j < boxes.Count; j++)
            {
                var (a, b) = (boxes[i], boxes[j]);
                Assert.False(a.X < b.X + b.W && b.X < a.X + a.W && a.Y < b.Y + b.H && b.Y < a.Y + a.H, $"{a.Key} overlaps {b.Key}");
            }
    }

    [Theory]
    [InlineData("peine", MapLayouts.Territory)]
    [InlineData("peine", MapLayouts.Topic)]
    [InlineData("dithmarschen", MapLayouts.Territory)]
    [InlineData("dithmarschen", MapLayouts.Topic)]
    public void GroupedLayoutsAreAboutAsWideAsAScreenNotABand(string network, string layout)
    {
        var view = new NetworkFilter().Apply(Seed(network));
        var size = LayoutStore.SizeIn(view);
        var placed = MapLayouts.Compute(layout, view, size);
        var width = placed.Max(p => p.Value.X + size(p.Key).W) - placed.Min(p => p.Value.X);
        var height = placed.Max(p => p.Value.Y + size(p.Key).H) - placed.Min(p => p.Value.Y);
        Assert.InRange(width / height, 0.8, 2.6);
    }

    [Fact]
    public void ALargeRandomGraphGetsFinitePositions()
    {
        var random = new Random(7);
        var ids = Enumerable.Range(0, 600).Select(i => $"n{i}").ToList();
        var edges = Enumerable.Range(0, 1800).Select(i => new ViewEdge($"e{i}", "collaboration", ids[random.Next(ids.Count)], ids[random.Next(ids.Count)], null)).ToList();
        var centres = MapLayouts.ForceCentres(ids, edges);
        Assert.Equal(ids.Count, centres.Count);
        Assert.All(centres.Values, p => Assert.True(double.IsFinite(p.X) && double.IsFinite(p.Y)));
    }
}
