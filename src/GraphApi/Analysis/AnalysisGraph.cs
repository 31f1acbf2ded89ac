using System.Text.Json.Serialization;
using GraphApi.Analysis.Algorithms;
using GraphApi.Domain;

namespace GraphApi.Analysis;

[JsonConverter(typeof(JsonStringEnumConverter<NodeType>))]
public enum NodeType
{
    [JsonStringEnumMemberName("actor")] Actor,
    [JsonStringEnumMemberName("body")] Body,
    [JsonStringEnumMemberName("person")] Person,
}

/// <summary>The relationships that become edges of the analysis graph.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Relationship>))]
public enum Relationship
{
    /// <summary>An actor or person sits in a body (<see cref="Membership"/>).</summary>
    [JsonStringEnumMemberName("membership")] Membership,
    /// <summary>Two actors work together (<see cref="Collaboration"/>).</summary>
    [JsonStringEnumMemberName("collaboration")] Collaboration,
    /// <summary>An actor is part of its parent actor (<see cref="Actor.Parent"/>).</summary>
    [JsonStringEnumMemberName("partOf")] PartOf,
    /// <summary>A person works for an actor (<see cref="Person.Actor"/>).</summary>
    [JsonStringEnumMemberName("worksFor")] WorksFor,
    /// <summary>A body reports to another body (<see cref="Body.ReportsTo"/>).</summary>
    [JsonStringEnumMemberName("reportsTo")] ReportsTo,
    /// <summary>An actor leads a body (<see cref="Body.Lead"/>).</summary>
    [JsonStringEnumMemberName("leads")] Leads,
}

public sealed record AnalysisNode(string Id, NodeType Type, string Label);

/// <summary>
/// One relationship behind an edge and the entity that records it: the membership or collaboration
/// itself, the actor whose <c>parent</c> it is, the person who works for the actor, or the body that
/// reports to another or is led by an actor. That is where a user would go to change it.
/// </summary>
public sealed record EdgeSource(Relationship Relationship, string EntityId);

/// <summary>
/// The network as the metrics and the single-point-of-failure analysis see it: an undirected simple
/// graph whose nodes are the actors, bodies and persons, and whose edges are membership (member –
/// body), collaboration (actor – actor), partOf (actor – parent actor), worksFor (person – actor),
/// reportsTo (body – body) and leads (lead actor – body).
/// </summary>
/// <remarks>
/// Topics, territories and measures are deliberately not nodes. They are shared attributes rather
/// than ties: one topic such as Sprachförderung or the Landkreis itself is attached to most of the
/// network, so as nodes they would join everything through a handful of hubs, take the top
/// betweenness for themselves and hide the actors and persons who really broker between the
/// administration, the welfare associations and the migrant organisations. They would also mend
/// every real cut, so no single point of failure would be found. Overlaps and gaps (issue 3) use
/// them directly instead.
/// Two relationships between the same pair (say a membership and a lead) make one edge; the graph
/// remembers both as the edge's sources. A relationship whose other end is not in the snapshot
/// (an as-of snapshot drops bodies that did not exist yet) or is not an actor, body or person is
/// left out, as are self-references.
/// </remarks>
public sealed class AnalysisGraph
{
    private readonly Dictionary<string, int> _indexById;
    private readonly List<(long Key, EdgeSource Source)> _sources;
    private ILookup<long, EdgeSource>? _sourcesByEdge;

    private AnalysisGraph(IReadOnlyList<AnalysisNode> nodes, Dictionary<string, int> indexById,
        List<(long Key, EdgeSource Source)> sources)
    {
        Nodes = nodes;
        _indexById = indexById;
        _sources = sources;
        Graph = UndirectedGraph.FromEdges(nodes.Count, sources.Select(s => ((int)(s.Key >> 32), (int)(s.Key & 0xFFFFFFFF))));
    }

    /// <summary>Node i of <see cref="Graph"/> is <c>Nodes[i]</c>: actors, then bodies, then persons, each ordered by id.</summary>
    public IReadOnlyList<AnalysisNode> Nodes { get; }

    public UndirectedGraph Graph { get; }

    public int? IndexOf(string id) => _indexById.TryGetValue(id, out var index) ? index : null;

    /// <summary>The relationships behind the edge u–v (empty when there is no such edge), in the order they were read.</summary>
    public IReadOnlyList<EdgeSource> SourcesOf(int u, int v)
    {
        // Only bridges need this, so the lookup is built on first use rather than for every metrics request.
        _sourcesByEdge ??= _sources.ToLookup(s => s.Key, s => s.Source);
        return [.. _sourcesByEdge[EdgeKey(u, v)]];
    }

    public static AnalysisGraph From(NetworkSnapshot snapshot)
    {
        var nodes = new List<AnalysisNode>();
        foreach (var actor in snapshot.All<Actor>()) nodes.Add(new AnalysisNode(actor.Id, NodeType.Actor, actor.Label));
        foreach (var body in snapshot.All<Body>()) nodes.Add(new AnalysisNode(body.Id, NodeType.Body, body.Label));
        foreach (var person in snapshot.All<Person>()) nodes.Add(new AnalysisNode(person.Id, NodeType.Person, person.Label));
        var indexById = new Dictionary<string, int>(nodes.Count, StringComparer.Ordinal);
        for (var i = 0; i < nodes.Count; i++) indexById[nodes[i].Id] = i;

        var sources = new List<(long, EdgeSource)>();
        void Add(string? a, string? b, Relationship relationship, string entityId)
        {
            if (a is null || b is null || !indexById.TryGetValue(a, out var u) || !indexById.TryGetValue(b, out var v) || u == v) return;
            sources.Add((EdgeKey(u, v), new EdgeSource(relationship, entityId)));
        }

        foreach (var m in snapshot.All<Membership>()) Add(m.Member, m.Body, Relationship.Membership, m.Id);
        foreach (var c in snapshot.All<Collaboration>()) Add(c.From, c.To, Relationship.Collaboration, c.Id);
        foreach (var a in snapshot.All<Actor>()) Add(a.Id, a.Parent, Relationship.PartOf, a.Id);
        foreach (var p in snapshot.All<Person>()) Add(p.Id, p.Actor, Relationship.WorksFor, p.Id);
        foreach (var b in snapshot.All<Body>())
        {
            Add(b.Id, b.ReportsTo, Relationship.ReportsTo, b.Id);
            Add(b.Lead, b.Id, Relationship.Leads, b.Id);
        }
        return new AnalysisGraph(nodes, indexById, sources);
    }

    private static long EdgeKey(int u, int v) => u < v ? ((long)u << 32) | (uint)v : ((long)v << 32) | (uint)u;
}
