using GraphApi.Domain;
using GraphApi.Networks;
using GraphApi.Storage;
using GraphUi.Components.Map.Diagram;

namespace GraphUi.Components.Tests;

/// <summary>
/// The grouping of large maps (issue 8): every node is drawn or in exactly one group, links are summed, a group opens in
/// place, a selection opens its group, groups follow the saved layout and nothing else, filters apply.
/// </summary>
public sealed class MapGroupingTests
{
    private const double Across = 280, Down = 150; // the layouts' spacing per card
    /// <summary>Cards per side of a grid cell at that spacing (9); a test grid of 3 × 3 cells is 27 × 27 cards.</summary>
    private static readonly int P = (int)(MapGrouping.CellWidth / Across), N = 3 * P;

    /// <summary>A grid of actors, each working with its right and lower neighbour, placed at the layouts' spacing.</summary>
    private static (NetworkView View, Dictionary<string, NodePosition> Positions) Grid(int columns, int rows,
        Func<int, int, Actor, Actor>? shape = null, double across = Across, double down = Down, NetworkFilter? filter = null)
    {
        var entities = new List<Entity>();
        var positions = new Dictionary<string, NodePosition>(StringComparer.Ordinal);
        string Id(int c, int r) => $"a-{c:D3}-{r:D3}";
        for (var c = 0; c < columns; c++)
            for (var r = 0; r < rows; r++)
            {
                var actor = new Actor { Id = Id(c, r), Name = $"Akteur {c}/{r}", Kind = ActorKinds.Counselling };
                entities.Add(shape?.Invoke(c, r, actor) ?? actor);
                positions[Id(c, r)] = new NodePosition(c * across, r * down);
                if (c + 1 < columns) entities.Add(new Collaboration { Id = $"c-{c}-{r}-r", From = Id(c, r), To = Id(c + 1, r) });
                if (r + 1 < rows) entities.Add(new Collaboration { Id = $"c-{c}-{r}-d", From = Id(c, r), To = Id(c, r + 1) });
            }
        entities.Add(new Territory { Id = "ilsede", Name = "Gemeinde Ilsede", Kind = TerritoryKinds.Municipality });
        var snapshot = NetworkSnapshot.Create(new Network { Id = "gross", Name = "Groß" }, 1, entities);
        return ((filter ?? new NetworkFilter()).Apply(snapshot), positions);
    }

    private static (double W, double H) Size(string id) => (ActorNode.Width, ActorNode.Height);

    private static GroupedMap Group(NetworkView view, IReadOnlyDictionary<string, NodePosition> positions, IEnumerable<string>? expanded = null,
        params string?[] reveal) => MapGrouping.Group(view, positions, Size, expanded ?? [], reveal);

    [Fact]
    public void OnlyViewsAboveTheThresholdAreGrouped()
    {
        Assert.False(MapGrouping.Applies(Grid(20, 15).View)); // 300 nodes
        Assert.True(MapGrouping.Applies(Grid(20, 16).View));
    }

    [Fact]
    public void EveryNodeIsDrawnOrInExactlyOneGroupAndEveryLinkIsCountedOnce()
    {
        Assert.Equal(MapGrouping.CellHeight / Down, P);
        var (view, positions) = Grid(N, N);
        var grouped = Group(view, positions);

        // 27 × 27 cards at 280 × 150 fill 3 × 3 cells of 9 × 9 cards.
        Assert.Equal(9, grouped.Groups.Count);
        Assert.All(grouped.Groups, g => Assert.Equal(P * P, g.Members.Count));
        Assert.Empty(grouped.Drawn);
        var members = grouped.Groups.SelectMany(g => g.Members).ToList();
        Assert.Equal(members.Count, members.Distinct().Count());
        Assert.Equal(view.Nodes.Select(n => n.Id).Order(), members.Order());

        // Each edge is inside one group or part of exactly one summed link; a grid's group touches at most 4 others.
        var inside = view.Edges.Count(e => grouped.GroupOf(e.Source) == grouped.GroupOf(e.Target));
        Assert.Equal(view.Edges.Count, inside + grouped.Links.Sum(l => l.Count));
        Assert.Equal(12, grouped.Links.Count);
        Assert.All(grouped.Links, l => Assert.Equal(P, l.Count));
        Assert.Equal(view.Nodes.Count, grouped.Total);
    }

    [Fact]
    public void AnExpandedGroupDrawsItsMembersAndSumsTheirLinksToTheGroupsAround()
    {
        var (view, positions) = Grid(N, N);
        var first = Group(view, positions);
        var centre = first.Groups.Single(g => g.Members.Contains("a-013-013"));

        var grouped = Group(view, positions, [centre.Id]);

        Assert.Equal(8, grouped.Groups.Count);
        Assert.DoesNotContain(grouped.Groups, g => g.Id == centre.Id);
        Assert.Equal(centre.Members.Order(), grouped.Drawn.Order());
        Assert.Contains(centre.Id, grouped.Expanded);
        // Inside the opened group the real edges; from its border cards one link to each neighbouring group per card.
        Assert.All(grouped.Edges, e => Assert.True(grouped.Drawn.Contains(e.Source) && grouped.Drawn.Contains(e.Target)));
        Assert.Equal(2 * P * (P - 1), grouped.Edges.Count);
        Assert.Equal(4 * P, grouped.Links.Count(l => grouped.Drawn.Contains(l.Source) || grouped.Drawn.Contains(l.Target)));
        var inside = view.Edges.Count(e => grouped.GroupOf(e.Source) == grouped.GroupOf(e.Target) && !grouped.Drawn.Contains(e.Source));
        Assert.Equal(view.Edges.Count, inside + grouped.Edges.Count + grouped.Links.Sum(l => l.Count));
    }

    [Fact]
    public void ASelectedNodeOpensItsGroupAndAHiddenNodeIsFoundInItsGroup()
    {
        var (view, positions) = Grid(N, N);
        var grouped = Group(view, positions, null, "a-000-000", null);

        Assert.Contains("a-000-000", grouped.Drawn);
        Assert.False(grouped.IsHidden("a-000-000"));
        Assert.Equal("a-000-000", grouped.DrawnIdOf("a-000-000"));
        Assert.True(grouped.IsHidden("a-026-026"));
        var far = grouped.DrawnIdOf("a-026-026");
        Assert.StartsWith(MapGrouping.GroupPrefix, far);
        Assert.Contains(grouped.Groups, g => g.Id == far && g.Members.Contains("a-026-026"));
        Assert.Null(grouped.DrawnIdOf("unknown"));
        // Highlighting a hidden node lights its group card.
        Assert.Equal(new HashSet<string> { "a-026-026", far! }, grouped.Lift(["a-026-026"]));
    }

    [Fact]
    public void GroupsFollowTheLayoutOnlySoANewNodeElsewhereChangesNoOtherGroup()
    {
        var (view, positions) = Grid(N, N);
        var before = Group(view, positions);
        Assert.Equal(Signature(before), Signature(Group(view, positions)));

        var (bigger, morePositions) = Grid(N + 1, N);
        var after = Group(bigger, morePositions);
        // The new column starts a fourth column of cells; every group before keeps exactly its members.
        Assert.Equal(12, after.Groups.Count);
        foreach (var g in before.Groups) Assert.Equal(g.Members, after.Groups.Single(a => a.Id == g.Id).Members);

        static string Signature(GroupedMap m) => string.Join(";", m.Groups.Select(g => $"{g.Id}:{g.X}:{g.Y}:{string.Join(",", g.Members)}"));
    }

    [Fact]
    public void AGroupIsNamedAfterTheTerritoryMostMembersShareElseAfterItsMostConnectedMember()
    {
        var (view, positions) = Grid(N, N, (c, r, a) => c < P && r < P ? a with { Territories = ["ilsede"] } : a);
        var grouped = Group(view, positions);

        var ilsede = grouped.Groups.Single(g => g.Members.Contains("a-000-000"));
        Assert.True(ilsede.ByTerritory);
        Assert.Equal("Gemeinde Ilsede", ilsede.Title);
        var other = grouped.Groups.Single(g => g.Members.Contains("a-013-013"));
        Assert.False(other.ByTerritory);
        // All its cards have four collaborations; the first of them by id names the group.
        Assert.Equal("Akteur 9/9", other.Title);
        Assert.Equal(P * P, other.Counts[EntityKind.Actor]);
    }

    [Fact]
    public void ACrowdedCellIsSplitIntoQuartersAndGroupCardsDoNotTouch()
    {
        // 400 cards packed into one cell (a dense layout).
        var (view, positions) = Grid(20, 20, across: 90, down: 50);
        var grouped = Group(view, positions);

        Assert.True(grouped.Groups.Count >= 4, $"{grouped.Groups.Count} groups");
        Assert.All(grouped.Groups, g => Assert.InRange(g.Members.Count, MapGrouping.MinMembers, MapGrouping.MaxMembers));
        Assert.Equal(view.Nodes.Count, grouped.Groups.Sum(g => g.Members.Count) + grouped.Drawn.Count);
        foreach (var a in grouped.Groups)
            foreach (var b in grouped.Groups.Where(b => string.CompareOrdinal(a.Id, b.Id) < 0))
                Assert.False(Placement.Overlaps(a.X, a.Y, a.Width, a.Height, b.X, b.Y, b.Width, b.Height, 0),
                    $"{a.Id} and {b.Id} overlap");
    }

    [Fact]
    public void ASparseLayoutGetsLargerCellsSoGroupsStayFew()
    {
        // The same cards three times as far apart (an overlap removal spreads a large layout out like this).
        var (view, positions) = Grid(N, N, across: 3 * Across, down: 3 * Down);
        var grouped = Group(view, positions);

        Assert.Equal(2, MapGrouping.CellFor(positions.Values.Select(p => (p.X, p.Y))).Scale);
        Assert.InRange(grouped.Groups.Count, 4, 12);
        Assert.Equal(view.Nodes.Count, grouped.Groups.Sum(g => g.Members.Count) + grouped.Drawn.Count);
        Assert.True(grouped.Groups.Max(g => g.Members.Count) > 100);
    }

    [Fact]
    public void FiltersApplyBeforeGrouping()
    {
        var (view, positions) = Grid(N, N, (c, r, a) => c % 2 == 0 ? a with { Kind = ActorKinds.Jobcenter } : a,
            filter: new NetworkFilter { ActorKind = ActorKinds.Jobcenter });
        var grouped = Group(view, positions);

        Assert.Equal((N + 1) / 2 * N, view.Nodes.Count);
        var shown = grouped.Groups.SelectMany(g => g.Members).Concat(grouped.Drawn).ToList();
        Assert.Equal(view.Nodes.Select(n => n.Id).Order(), shown.Order());
        Assert.All(shown, id => Assert.Equal(0, int.Parse(id[2..5], System.Globalization.CultureInfo.InvariantCulture) % 2));
    }

    [Fact]
    public void ANodeWithoutAPlaceGoesNextToWhatItConnectsToWithoutTouchingAnother()
    {
        var (view, positions) = Grid(N, N);
        positions.Remove("a-010-010");

        var placed = MapGrouping.PlaceMissing(view, positions, Size);

        var p = Assert.Single(placed).Value;
        Assert.InRange(p.X, 9 * Across - 2 * Across, 11 * Across + 2 * Across);
        Assert.InRange(p.Y, 9 * Down - 3 * Down, 11 * Down + 3 * Down);
        foreach (var (_, o) in positions)
            Assert.False(Placement.Overlaps(p.X, p.Y, ActorNode.Width, ActorNode.Height, o.X, o.Y, ActorNode.Width, ActorNode.Height, 0));
        Assert.Empty(MapGrouping.PlaceMissing(view, new Dictionary<string, NodePosition>(positions) { ["a-010-010"] = p }, Size));
    }
}
