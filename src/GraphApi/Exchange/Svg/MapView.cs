using GraphApi.Analysis;
using GraphApi.Domain;

namespace GraphApi.Exchange.Svg;

/// <summary>The picture's options from the query string: <c>asOf</c>, <c>theme=light|dark</c>, <c>title</c>, <c>layers</c>.</summary>
public sealed record PictureOptions(DateOnly? AsOf, bool Dark, string? Title, IReadOnlySet<string> Layers)
{
    public static PictureOptions From(IReadOnlyDictionary<string, string?> options)
    {
        string? Get(string key) => options.FirstOrDefault(p => string.Equals(p.Key, key, StringComparison.OrdinalIgnoreCase)).Value is { } v &&
                                   !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
        var layers = Get("layers") is { } text
            ? new HashSet<string>(text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), StringComparer.Ordinal)
            : new HashSet<string>(["actor", "body"], StringComparer.Ordinal);
        return new PictureOptions(Analysis.AsOf.TryParse(Get("asOf"), out var day) ? day : null,
            string.Equals(Get("theme"), "dark", StringComparison.OrdinalIgnoreCase), Get("title"), layers);
    }
}

/// <summary>An edge as the map draws it: membership (kind = role), collaboration (kind), partOf, reportsTo, leads, worksFor, …</summary>
public sealed record MapEdge(string Type, string Source, string Target, string? Kind);

/// <summary>What the picture shows: the nodes and edges of the network on the day, as the map shows them.</summary>
public sealed record MapView(NetworkSnapshot Snapshot, IReadOnlyList<Entity> Nodes, IReadOnlyList<MapEdge> Edges)
{
    /// <summary>
    /// SEAM(ui-map): becomes <c>NetworkFilter.Parse(query).Apply(snapshot)</c> (branch ui-map, GraphApi.Networks) once the
    /// lead has merged it, with its ViewEdge mapped to <see cref="MapEdge"/>, so the export shows what the map shows with
    /// the same filters. Until then: the as-of day (<see cref="AsOf.Apply"/>), the layers, persons folded into their actor.
    /// </summary>
    public static MapView Of(NetworkSnapshot snapshot, PictureOptions options)
    {
        var s = options.AsOf is { } day ? AsOf.Apply(snapshot, day) : snapshot;
        var layers = options.Layers;
        var nodes = new List<Entity>();
        if (layers.Contains("actor")) nodes.AddRange(s.All<Actor>());
        if (layers.Contains("body")) nodes.AddRange(s.All<Body>());
        if (layers.Contains("person")) nodes.AddRange(s.All<Person>());
        if (layers.Contains("topic")) nodes.AddRange(s.All<Topic>());
        if (layers.Contains("territory")) nodes.AddRange(s.All<Territory>());
        if (layers.Contains("measure")) nodes.AddRange(s.All<Measure>());
        var visible = nodes.Select(n => n.Id).ToHashSet(StringComparer.Ordinal);

        var edges = new Dictionary<(string, string, string), MapEdge>();
        void Link(string type, string? source, string? target, string? kind = null)
        {
            if (source is null || target is null || source == target || !visible.Contains(source) || !visible.Contains(target)) return;
            if (edges.TryGetValue((type, source, target), out var old) && Strength(old.Kind) >= Strength(kind)) return;
            edges[(type, source, target)] = new MapEdge(type, source, target, kind);
        }
        foreach (var m in s.All<Membership>())
        {
            if (visible.Contains(m.Member)) Link("membership", m.Member, m.Body, m.Role);
            else if (s.Find<Person>(m.Member) is { } person) Link("membership", m.Representing ?? person.Actor, m.Body, m.Role);
        }
        foreach (var c in s.All<Collaboration>()) Link("collaboration", c.From, c.To, c.Kind);
        foreach (var a in s.All<Actor>()) Link("partOf", a.Id, a.Parent);
        foreach (var b in s.All<Body>())
        {
            Link("reportsTo", b.Id, b.ReportsTo);
            Link("leads", b.Lead, b.Id);
        }
        foreach (var p in s.All<Person>()) Link("worksFor", p.Id, p.Actor);
        foreach (var a in s.All<Actor>())
        {
            foreach (var t in a.Topics) Link("worksOn", a.Id, t);
            foreach (var t in a.Territories) Link("activeIn", a.Id, t);
        }
        foreach (var m in s.All<Measure>())
            foreach (var a in m.OfferedBy) Link("offers", a, m.Id);
        return new MapView(s, nodes, edges.Values.ToList());
    }

    private static int Strength(string? role) => role switch
    {
        MembershipRoles.Chair => 5,
        MembershipRoles.Management => 4,
        MembershipRoles.Member => 3,
        MembershipRoles.Advisory => 2,
        MembershipRoles.Guest => 1,
        _ => 0,
    };
}
