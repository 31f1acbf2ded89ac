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
    private Dictionary<string, int> _members = [];

    /// <summary>Neighbours of a node in the current view (by edge, either direction).</summary>
    public IEnumerable<string> Neighbours(string id) =>
        View?.Edges.Where(e => e.Source == id || e.Target == id).Select(e => e.Source == id ? e.Target : e.Source).Distinct() ?? [];

    /// <summary>Applies a view: adds, updates and removes nodes and links. Nodes without a position are placed next to what they connect to.</summary>
    /// <returns>Positions given to nodes that had none (to be saved).</returns>
    public IReadOnlyDictionary<string, NodePosition> Apply(NetworkView view, IReadOnlyDictionary<string, NodePosition> positions, DateOnly? asOf = null)
    {
        View = view;
        var placed = new Dictionary<string, NodePosition>(StringComparer.Ordinal);
        diagram.Batch(() =>
        {
            var wanted = view.Nodes.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
            var wantedLinks = view.Edges.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
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
            foreach (var entity in view.Nodes)
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
            foreach (var node in added) diagram.Nodes.Add(node);
            Added = added.Select(n => n.Id).ToList();

            foreach (var edge in view.Edges)
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
        });
        return placed;
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

    public Dictionary<string, NodePosition> Positions() =>
        _nodes.ToDictionary(n => n.Key, n => new NodePosition(n.Value.Position.X, n.Value.Position.Y), StringComparer.Ordinal);

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
        const double gap = 32;
        // Candidate places on a half-card grid around the centre, nearest first, where a step sideways counts less than one up
        // or down (cards are wide, screens 16:9): the first free one keeps the cluster tight and about a screen's shape.
        var (stepX, stepY) = ((w + gap) / 2, (h + gap) / 2);
        const int reach = 40;
        var candidates = new List<(double X, double Y, double Distance)>((2 * reach + 1) * (2 * reach + 1));
        for (var i = -reach; i <= reach; i++)
            for (var j = -reach; j <= reach; j++)
            {
                var (dx, dy) = (i * stepX, j * stepY);
                candidates.Add((centre.X - w / 2 + dx, centre.Y - h / 2 + dy, Math.Sqrt(dx / 1.8 * (dx / 1.8) + dy * dy)));
            }
        foreach (var (x, y, _) in candidates.OrderBy(c => c.Distance).ThenBy(c => c.Y).ThenBy(c => c.X))
            if (!placedNodes.Any(n => Overlaps(x, y, w, h, n, gap))) return new Point(Math.Round(x), Math.Round(y));
        return new Point(centre.X, centre.Y + 10_000);
    }

    private static bool Overlaps(double x, double y, double w, double h, MapNode n, double gap) =>
        x < n.Position.X + n.Size!.Width + gap && n.Position.X < x + w + gap &&
        y < n.Position.Y + n.Size.Height + gap && n.Position.Y < y + h + gap;
}

internal static class ViewExtensions
{
    public static bool Shows(this NetworkView view, string layer) => view.Nodes.Any(n => n.EntityKind.ToString().Equals(layer, StringComparison.OrdinalIgnoreCase));
}
