using GraphApi.Domain;
using GraphApi.Networks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace GraphApi.Api;

/// <summary>GET /api/networks/{id}/graph: every node and edge of a network in one call, shaped for the diagram.</summary>
public static class DiagramApi
{
    public static IEndpointRouteBuilder MapDiagram(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/networks/{networkId}/graph", GetGraph).WithTags("Graph").WithName("GetGraph")
            .WithSummary("All nodes (actors, bodies, persons, topics, territories, measures) and edges of one network.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return routes;
    }

    /// <summary>
    /// A node: its entity kind as <c>type</c>, its own kind (actor kind, body kind...) as <c>kind</c>, and what
    /// the map filters by: topics, territories and the period it exists in (founded/dissolved, since/until).
    /// </summary>
    public sealed record Node(string Id, string Type, string? Kind, string Label, string? Status, long Version,
        IReadOnlyList<string> Topics, IReadOnlyList<string> Territories, string? Since = null, string? Until = null);

    /// <summary>
    /// An edge. Types: membership (member → body), collaboration (actor → actor), partOf (unit → parent),
    /// reportsTo (body → body), leads (actor → body), worksFor (person → actor), worksOn (→ topic),
    /// activeIn (→ territory), offers (actor → measure), within (territory → parent territory).
    /// </summary>
    public sealed record Edge(string Id, string Type, string Source, string Target, string? Kind, string? Since, string? Until);

    public sealed record Graph(string NetworkId, long Revision, IReadOnlyList<Node> Nodes, IReadOnlyList<Edge> Edges);

    private static async Task<Ok<Graph>> GetGraph(NetworkService networks, string networkId, CancellationToken ct)
    {
        var snapshot = await networks.GetAsync(networkId, ct);
        return TypedResults.Ok(Build(snapshot));
    }

    public static Graph Build(NetworkSnapshot s)
    {
        var nodes = new List<Node>();
        var edges = new List<Edge>();
        void Link(string type, string source, string target, string? kind = null) =>
            edges.Add(new Edge($"{type}:{source}:{target}", type, source, target, kind, null, null));
        void Lists(string source, IEnumerable<string> topics, IEnumerable<string> territories)
        {
            foreach (var t in topics) Link("worksOn", source, t);
            foreach (var t in territories) Link("activeIn", source, t);
        }

        foreach (var t in s.All<Topic>()) nodes.Add(new Node(t.Id, "topic", null, t.Label, null, t.Version, [], []));
        foreach (var t in s.All<Territory>())
        {
            nodes.Add(new Node(t.Id, "territory", t.Kind, t.Label, null, t.Version, [], []));
            if (t.Parent is not null) Link("within", t.Id, t.Parent);
        }
        foreach (var a in s.All<Actor>())
        {
            nodes.Add(new Node(a.Id, "actor", a.Kind, a.Label, null, a.Version, a.Topics, a.Territories));
            if (a.Parent is not null) Link("partOf", a.Id, a.Parent);
            Lists(a.Id, a.Topics, a.Territories);
        }
        foreach (var b in s.All<Body>())
        {
            nodes.Add(new Node(b.Id, "body", b.Kind, b.Label, b.Status, b.Version, b.Topics, b.Territories, b.Founded, b.Dissolved));
            if (b.ReportsTo is not null) Link("reportsTo", b.Id, b.ReportsTo);
            if (b.Lead is not null) Link("leads", b.Lead, b.Id);
            Lists(b.Id, b.Topics, b.Territories);
        }
        foreach (var p in s.All<Person>())
        {
            nodes.Add(new Node(p.Id, "person", null, p.Label, null, p.Version, [], []));
            if (p.Actor is not null) Link("worksFor", p.Id, p.Actor);
        }
        foreach (var m in s.All<Measure>())
        {
            nodes.Add(new Node(m.Id, "measure", null, m.Label, null, m.Version, m.Topics, m.Territories, m.Since, m.Until));
            foreach (var a in m.OfferedBy) Link("offers", a, m.Id);
            Lists(m.Id, m.Topics, m.Territories);
        }
        foreach (var m in s.All<Membership>())
            edges.Add(new Edge(m.Id, "membership", m.Member, m.Body, m.Role, m.Since, m.Until));
        foreach (var c in s.All<Collaboration>())
            edges.Add(new Edge(c.Id, "collaboration", c.From, c.To, c.Kind, c.Since, c.Until));
        return new Graph(s.Network.Id, s.Revision, nodes, edges);
    }
}
