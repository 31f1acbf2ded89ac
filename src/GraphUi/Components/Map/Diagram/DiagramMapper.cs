using Blazor.Diagrams;
using Blazor.Diagrams.Core.Geometry;
using GraphApi.Domain;
using GraphApi.Networks;
using GraphApi.Storage;
using GraphApi.Localization;

namespace GraphUi.Components.Map.Diagram;

/// <summary>
/// Builds and updates the diagram model from a <see cref="NetworkView"/>: one node per visible entity (model id = entity id),
/// one link per visible edge. A new view is applied as a difference, so a commit re-renders only what changed and
/// nodes keep where they are. The widgets only render what is set here; nothing below knows the store.
/// </summary>
public sealed class DiagramMapper(BlazorDiagram diagram)
{
    private readonly Dictionary<string, MapNode> _nodes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, MapLink> _links = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, MapNode> Nodes => _nodes;
    public IReadOnlyDictionary<string, MapLink> Links => _links;
    public NetworkView? View { get; private set; }
    /// <summary>Ids of the nodes the last <see cref="Apply"/> added and removed (the view follows a growing network).</summary>
    public IReadOnlyList<string> Added { get; private set; } = [];
    public int RemovedCount { get; private set; }
    /// <summary>The grouping of a large view (null: every node is drawn).</summary>
    public GroupedMap? Grouped { get; private set; }
    private Dictionary<string, int> _members = [];

    /// <summary>Neighbours of a node in the current view (by edge, either direction).</summary>
    public IEnumerable<string> Neighbours(string id) => Grouped is null
        ? View?.Edges.Where(e => e.Source == id || e.Target == id).Select(e => e.Source == id ? e.Target : e.Source).Distinct() ?? []
        : _links.Values.Where(l => l.SourceId == id || l.TargetId == id).Select(l => l.SourceId == id ? l.TargetId : l.SourceId).Distinct();

    /// <summary>Applies a view: adds, updates and removes nodes and links. Nodes without a position are placed next to what they connect to.</summary>
    /// <returns>Positions given to nodes that had none (to be saved).</returns>
    /// <param name="grouped">A large view's grouping: only its drawn entities, collapsed groups and summed links become models.</param>
    /// <param name="describeGroup">Fills a group card's texts (the view's words).</param>
    public IReadOnlyDictionary<string, NodePosition> Apply(NetworkView view, IReadOnlyDictionary<string, NodePosition> positions, DateOnly? asOf = null,
        GroupedMap? grouped = null, Action<GroupNode, MapGroup>? describeGroup = null)
    {
        View = view;
        Grouped = grouped;
        var placed = new Dictionary<string, NodePosition>(StringComparer.Ordinal);
        var entities = grouped is null ? view.Nodes : view.Nodes.Where(n => grouped.Drawn.Contains(n.Id)).ToList();
        var viewEdges = grouped is null ? view.Edges : grouped.Edges;
        diagram.Batch(() =>
        {
            var wanted = entities.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
            var wantedLinks = viewEdges.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
            if (grouped is not null)
            {
                wanted.UnionWith(grouped.Groups.Select(g => g.Id));
                wantedLinks.UnionWith(grouped.Links.Select(l => l.Id));
            }
            foreach (var (id, link) in _links.Where(l => !wantedLinks.Contains(l.Key)).ToList())
            {
                diagram.Links.Remove(link);
                _links.Remove(id);
            }
            var gone = _nodes.Where(n => !wanted.Contains(n.Key)).ToList();
            foreach (var (id, node) in gone)
            {
                diagram.Nodes.Remove(node);
                _nodes.Remove(id);
            }
            RemovedCount = gone.Count;

            // Members as every other page counts them: the one figure on the analysis day (the view's day, else the Datenstand).
            var analysis = GraphApi.Analysis.AnalysisView.For(view.Snapshot, asOf);
            _members = analysis.Bodies.ToDictionary(b => b.Id, b => GraphApi.Analysis.Figures.MembersOf(analysis, b.Id), StringComparer.Ordinal);
            var folded = view.Shows("person") ? null : view.Snapshot.All<Person>().Where(p => p.Actor is not null)
                .GroupBy(p => p.Actor!).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(p => p.Name).ToList());
            var added = new List<MapNode>();
            foreach (var entity in entities)
            {
                if (!_nodes.TryGetValue(entity.Id, out var node))
                {
                    var at = positions.TryGetValue(entity.Id, out var p) ? new Point(p.X, p.Y) : new Point(double.NaN, double.NaN);
                    node = Create(entity, at);
                    _nodes[entity.Id] = node;
                    added.Add(node);
                }
                else if (positions.TryGetValue(entity.Id, out var p) && (node.Position.X != p.X || node.Position.Y != p.Y))
                    node.SetPosition(p.X, p.Y);
                Describe(node, entity, view.Snapshot, folded);
            }
            // Placed after all the others have their places: next to what they connect to, never on top of another card.
            foreach (var node in added.Where(n => double.IsNaN(n.Position.X)))
            {
                var spot = FreeSpotNear(node, view);
                node.Position = spot;
                placed[node.Id] = new NodePosition(spot.X, spot.Y);
            }
            if (grouped is not null) added.AddRange(ApplyGroups(grouped, describeGroup));
            foreach (var node in added) diagram.Nodes.Add(node);
            Added = added.Select(n => n.Id).ToList();

            foreach (var edge in viewEdges)
            {
                if (_links.TryGetValue(edge.Id, out var link))
                {
                    if (link.Kind != edge.Kind || link.Source.Model != _nodes[edge.Source] || link.Target.Model != _nodes[edge.Target])
                    {
                        diagram.Links.Remove(link);
                        _links.Remove(edge.Id);
                    }
                    else continue;
                }
                link = new MapLink(edge.Id, edge.Type, edge.Kind, _nodes[edge.Source], _nodes[edge.Target]);
                _links[edge.Id] = link;
                diagram.Links.Add(link);
            }
            if (grouped is not null) ApplyGroupLinks(grouped);
        });
        return placed;
    }

    /// <summary>Collapsed groups as cards: new ones are returned to be added, existing ones follow their members.</summary>
    private List<MapNode> ApplyGroups(GroupedMap grouped, Action<GroupNode, MapGroup>? describe)
    {
        var added = new List<MapNode>();
        foreach (var group in grouped.Groups)
        {
            if (!_nodes.TryGetValue(group.Id, out var existing) || existing is not GroupNode node)
            {
                node = new GroupNode(group.Id, new Point(group.X, group.Y), new Size(group.Width, group.Height));
                _nodes[group.Id] = node;
                added.Add(node);
            }
            else
            {
                if (node.Size!.Width != group.Width || node.Size.Height != group.Height) node.Size = new Size(group.Width, group.Height);
                if (node.Position.X != group.X || node.Position.Y != group.Y) node.SetPosition(group.X, group.Y);
            }
            var before = (node.Name, node.ShortName, node.KindLabel, node.AccessibleName, node.Count);
            node.Count = group.Members.Count;
            if (describe is not null) describe(node, group);
            else node.Name = node.ShortName = node.AccessibleName = group.Title;
            if (before != (node.Name, node.ShortName, node.KindLabel, node.AccessibleName, node.Count)) node.Refresh();
        }
        return added;
    }

    /// <summary>Summed links; the stroke grows with the number of relationships they stand for.</summary>
    private void ApplyGroupLinks(GroupedMap grouped)
    {
        foreach (var sum in grouped.Links)
        {
            if (_links.TryGetValue(sum.Id, out var link))
            {
                if (link.Weight != sum.Count)
                {
                    link.Weight = sum.Count;
                    link.Refresh();
                }
                continue;
            }
            link = new MapLink(sum.Id, "group", null, _nodes[sum.Source], _nodes[sum.Target]) { Weight = sum.Count };
            _links[sum.Id] = link;
            diagram.Links.Add(link);
        }
    }

    /// <summary>Moves nodes to the given positions (a layout, or someone else's drag).</summary>
    public void Move(IReadOnlyDictionary<string, NodePosition> positions)
    {
        diagram.Batch(() =>
        {
            foreach (var (id, p) in positions)
                if (_nodes.TryGetValue(id, out var node) && (node.Position.X != p.X || node.Position.Y != p.Y)) node.SetPosition(p.X, p.Y);
        });
    }

    /// <summary>The entities' places (a group card's place is not saved: it follows its members).</summary>
    public Dictionary<string, NodePosition> Positions() =>
        _nodes.Where(n => n.Value is not GroupNode).ToDictionary(n => n.Key, n => new NodePosition(n.Value.Position.X, n.Value.Position.Y), StringComparer.Ordinal);

    private static MapNode Create(Entity entity, Point at) => entity switch
    {
        Actor => new ActorNode(entity.Id, at),
        Body => new BodyNode(entity.Id, at),
        Person => new PersonNode(entity.Id, at),
        Topic => new TagNode(entity.Id, "topic", at),
        Territory => new TagNode(entity.Id, "territory", at),
        _ => new TagNode(entity.Id, "measure", at),
    };

    private void Describe(MapNode node, Entity entity, NetworkSnapshot snapshot, Dictionary<string, IReadOnlyList<string>>? folded)
    {
        var before = (node.Name, node.ShortName, node.KindLabel, node.Colour, node.AccessibleName);
        switch ((node, entity))
        {
            case (ActorNode a, Actor actor):
                a.Name = actor.Name;
                a.ShortName = actor.ShortName ?? actor.Name;
                a.KindLabel = MapStyle.ActorKind(actor.Kind);
                a.Colour = MapStyle.ActorColour(actor.Kind);
                a.Icon = MapStyle.ActorIcon(actor.Kind);
                a.Persons = folded?.GetValueOrDefault(actor.Id) ?? [];
                a.AccessibleName = Join(MapStyle.Type("actor") + " " + actor.Name, a.KindLabel,
                    a.Persons.Count > 0 ? MapStyle.Persons(a.Persons.Count) : null);
                break;
            case (BodyNode b, Body body):
                b.Name = b.ShortName = body.Name;
                b.KindLabel = MapStyle.BodyKind(body.Kind);
                b.Colour = MapStyle.TypeColour("body");
                b.Icon = Kinds.Body[body.Kind].Icon;
                b.MemberCount = _members.GetValueOrDefault(body.Id);
                b.Status = body.Status;
                b.StatusLabel = Kinds.BodyStatus.Label(body.Status);
                b.MembersLabel = MapStyle.Members(b.MemberCount);
                b.AccessibleName = Join(MapStyle.Type("body") + " " + body.Name, b.MembersLabel, b.StatusLabel);
                break;
            default:
                node.Name = node.ShortName = entity.Label;
                node.KindLabel = entity is Person p && p.Function is not null ? p.Function : MapStyle.Type(node.Type);
                node.Colour = MapStyle.TypeColour(node.Type);
                node.Icon = MapStyle.TypeIcon(node.Type);
                node.AccessibleName = Join(MapStyle.Type(node.Type) + " " + entity.Label,
                    entity is Person person ? person.Function : null);
                break;
        }
        if (before != (node.Name, node.ShortName, node.KindLabel, node.Colour, node.AccessibleName)) node.Refresh();
    }

    private static string Join(params string?[] parts) => string.Join(", ", parts.Where(p => !string.IsNullOrWhiteSpace(p)));

    /// <summary>
    /// The first free place on rings around the placed neighbours' centre, or, for a node linked to nothing yet, around the
    /// drawing's centre: a network built entry by entry grows as a compact cluster that fits a screen, not as a band.
    /// </summary>
    private Point FreeSpotNear(MapNode node, NetworkView view)
    {
        var placedNodes = _nodes.Values.Where(n => n != node && !double.IsNaN(n.Position.X)).ToList();
        var anchors = view.Edges.Where(e => e.Source == node.Id || e.Target == node.Id)
            .Select(e => _nodes.GetValueOrDefault(e.Source == node.Id ? e.Target : e.Source))
            .Where(n => n is not null && !double.IsNaN(n.Position.X)).Select(n => n!).ToList();
        Point centre;
        if (anchors.Count > 0)
            centre = new Point(anchors.Average(a => a.Position.X + a.Size!.Width / 2), anchors.Average(a => a.Position.Y + a.Size!.Height / 2));
        else if (placedNodes.Count > 0)
            centre = new Point((placedNodes.Min(n => n.Position.X) + placedNodes.Max(n => n.Position.X + n.Size!.Width)) / 2,
                (placedNodes.Min(n => n.Position.Y) + placedNodes.Max(n => n.Position.Y + n.Size!.Height)) / 2);
        else centre = new Point(0, 0);
        var (w, h) = (node.Size!.Width, node.Size.Height);
        var (x, y) = Placement.FreeSpot(centre.X, centre.Y, w, h, (px, py) => placedNodes.Any(n =>
            Placement.Overlaps(px, py, w, h, n.Position.X, n.Position.Y, n.Size!.Width, n.Size.Height)));
        return new Point(x, y);
    }
}

internal static class ViewExtensions
{
    public static bool Shows(this NetworkView view, string layer) => view.Nodes.Any(n => n.EntityKind.ToString().Equals(layer, StringComparison.OrdinalIgnoreCase));
}
