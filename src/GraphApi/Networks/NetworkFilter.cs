using GraphApi.Analysis;
using GraphApi.Domain;
using Microsoft.Extensions.Primitives;

namespace GraphApi.Networks;

/// <summary>
/// What part of a network a view shows: the layers (node types), kinds, topic, territory, status, the day
/// ("Stand am", by <see cref="AsOf"/>) and a search. It lives in the query string of the map, the presentation,
/// the table and the export, so a view can be bookmarked and shared; all of them apply it through this class.
/// </summary>
public sealed record NetworkFilter
{
    /// <summary>The node types: persons are folded into their actor unless their layer is on; topics, territories and measures are off by default.</summary>
    public static readonly IReadOnlyList<string> AllLayers = ["actor", "body", "person", "topic", "territory", "measure"];
    public static readonly IReadOnlySet<string> DefaultLayers = new HashSet<string>(["actor", "body"], StringComparer.Ordinal);

    public IReadOnlySet<string> Layers { get; init; } = DefaultLayers;
    public string? ActorKind { get; init; }
    public string? BodyKind { get; init; }
    public string? Topic { get; init; }
    public string? Territory { get; init; }
    /// <summary>A body status: active, dormant or dissolved.</summary>
    public string? Status { get; init; }
    public DateOnly? AsOf { get; init; }
    /// <summary>Marks the nodes whose name, short name or function contains it; hides nothing.</summary>
    public string? Search { get; init; }

    public bool Shows(string layer) => Layers.Contains(layer);

    /// <summary>The same view with the person layer off (roles: what a share link shows, never person names).</summary>
    public NetworkFilter WithoutPersons() => Shows("person") ? this with { Layers = Layers.Where(l => l != "person").ToHashSet(StringComparer.Ordinal) } : this;

    /// <summary>Reads <c>layers=actor,body&amp;actorKind=&amp;bodyKind=&amp;topic=&amp;territory=&amp;status=&amp;asOf=YYYY-MM-DD&amp;q=</c>; unknown or malformed values are ignored.</summary>
    public static NetworkFilter Parse(IEnumerable<KeyValuePair<string, StringValues>> query)
    {
        var values = query.ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        string? Get(string key) => values.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
        var layers = Get("layers") is { } text
            ? new HashSet<string>(text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Where(AllLayers.Contains), StringComparer.Ordinal)
            : DefaultLayers;
        return new NetworkFilter
        {
            Layers = layers,
            ActorKind = Get("actorKind"),
            BodyKind = Get("bodyKind"),
            Topic = Get("topic"),
            Territory = Get("territory"),
            Status = Get("status"),
            AsOf = Analysis.AsOf.TryParse(Get("asOf"), out var day) ? day : null,
            Search = Get("q") ?? Get("search"),
        };
    }

    /// <summary>The filter as a query string without the leading "?" (empty for the default view); values escaped.</summary>
    public string ToQueryString()
    {
        var parts = new List<string>();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value)) parts.Add($"{key}={Uri.EscapeDataString(value)}");
        }
        if (!Layers.SetEquals(DefaultLayers)) Add("layers", string.Join(',', AllLayers.Where(Layers.Contains)));
        Add("actorKind", ActorKind);
        Add("bodyKind", BodyKind);
        Add("topic", Topic);
        Add("territory", Territory);
        Add("status", Status);
        Add("asOf", AsOf is { } d ? Analysis.AsOf.Format(d) : null);
        Add("q", Search);
        return string.Join('&', parts);
    }

    /// <summary>The visible nodes and edges of the network as of the filter's day (today's state when none).</summary>
    public NetworkView Apply(NetworkSnapshot snapshot)
    {
        var s = AsOf is { } day ? Analysis.AsOf.Apply(snapshot, day) : snapshot;
        var nodes = new List<Entity>();
        var visible = new HashSet<string>(StringComparer.Ordinal);
        void Show(Entity e)
        {
            nodes.Add(e);
            visible.Add(e.Id);
        }
        bool In(IReadOnlyList<string> topics, IReadOnlyList<string> territories) =>
            (Topic is null || topics.Contains(Topic)) && (Territory is null || territories.Contains(Territory));

        if (Shows("actor"))
            foreach (var a in s.All<Actor>())
                if ((ActorKind is null || a.Kind == ActorKind) && In(a.Topics, a.Territories)) Show(a);
        if (Shows("body"))
            foreach (var b in s.All<Body>())
                if ((BodyKind is null || b.Kind == BodyKind) && (Status is null || b.Status == Status) && In(b.Topics, b.Territories)) Show(b);
        if (Shows("person"))
            foreach (var p in s.All<Person>())
                if (ActorKind is null || s.Find<Actor>(p.Actor)?.Kind == ActorKind) Show(p);
        if (Shows("topic"))
            foreach (var t in s.All<Topic>())
                if (Topic is null || t.Id == Topic) Show(t);
        if (Shows("territory"))
            foreach (var t in s.All<Territory>())
                if (Territory is null || t.Id == Territory) Show(t);
        if (Shows("measure"))
            foreach (var m in s.All<Measure>())
                if (In(m.Topics, m.Territories)) Show(m);

        var edges = new Dictionary<string, ViewEdge>(StringComparer.Ordinal);
        void Link(string type, string source, string target, string? kind = null, string? id = null)
        {
            if (source == target || !visible.Contains(source) || !visible.Contains(target)) return;
            id ??= $"{type}:{source}:{target}";
            if (edges.TryGetValue(id, out var existing) && Strength(existing.Kind) >= Strength(kind)) return;
            edges[id] = new ViewEdge(id, type, source, target, kind);
        }

        foreach (var m in s.All<Membership>())
        {
            if (visible.Contains(m.Member)) Link("membership", m.Member, m.Body, m.Role, m.Id);
            else if (s.Find<Person>(m.Member) is { } person && !Shows("person"))
            {
                // Persons folded into their actor: the actor they represent sits in the body, with the strongest role any of them holds.
                var actor = m.Representing ?? person.Actor;
                if (actor is not null) Link("membership", actor, m.Body, m.Role, $"membership:{actor}:{m.Body}");
            }
        }
        foreach (var c in s.All<Collaboration>()) Link("collaboration", c.From, c.To, c.Kind, c.Id);
        foreach (var a in s.All<Actor>())
        {
            if (a.Parent is not null) Link("partOf", a.Id, a.Parent);
            foreach (var t in a.Topics) Link("worksOn", a.Id, t);
            foreach (var t in a.Territories) Link("activeIn", a.Id, t);
        }
        foreach (var b in s.All<Body>())
        {
            if (b.ReportsTo is not null) Link("reportsTo", b.Id, b.ReportsTo);
            if (b.Lead is not null) Link("leads", b.Lead, b.Id);
            foreach (var t in b.Topics) Link("worksOn", b.Id, t);
            foreach (var t in b.Territories) Link("activeIn", b.Id, t);
        }
        foreach (var p in s.All<Person>())
            if (p.Actor is not null) Link("worksFor", p.Id, p.Actor);
        foreach (var m in s.All<Measure>())
        {
            foreach (var a in m.OfferedBy) Link("offers", a, m.Id);
            foreach (var t in m.Topics) Link("worksOn", m.Id, t);
            foreach (var t in m.Territories) Link("activeIn", m.Id, t);
        }
        foreach (var t in s.All<Territory>())
            if (t.Parent is not null) Link("within", t.Id, t.Parent);

        var matches = new HashSet<string>(StringComparer.Ordinal);
        if (Search is { Length: > 0 } search)
            foreach (var e in nodes)
                if (Texts(e).Any(t => t?.Contains(search, StringComparison.CurrentCultureIgnoreCase) == true)) matches.Add(e.Id);

        return new NetworkView(s, nodes, edges.Values.OrderBy(e => e.Id, StringComparer.Ordinal).ToList(), matches);
    }

    private static IEnumerable<string?> Texts(Entity e) => e switch
    {
        Actor a => [a.Name, a.ShortName],
        Person p => [p.Name, p.Function],
        Body b => [b.Name],
        _ => [e.Label],
    };

    /// <summary>How strong a membership role is, for folding several persons' memberships into one of their actor.</summary>
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

/// <summary>A network as one view shows it: <see cref="Snapshot"/> is the state on the filter's day, <see cref="Nodes"/> and <see cref="Edges"/> what is drawn.</summary>
public sealed record NetworkView(NetworkSnapshot Snapshot, IReadOnlyList<Entity> Nodes, IReadOnlyList<ViewEdge> Edges, IReadOnlySet<string> Matches);

/// <summary>
/// An edge of a view. Types: membership (member → body; kind = role), collaboration (kind), partOf, reportsTo, leads,
/// worksFor, worksOn, activeIn, offers, within.
/// </summary>
public sealed record ViewEdge(string Id, string Type, string Source, string Target, string? Kind);
