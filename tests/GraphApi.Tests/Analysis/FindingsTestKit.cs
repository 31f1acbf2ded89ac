using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GraphApi.Domain;
using GraphApi.Exchange;

namespace GraphApi.Tests.Analysis;

/// <summary>
/// Builds a network for the findings tests as an exchange document: entities are the domain records, with
/// short helpers for the frequent ones. Import it into a <see cref="TestApp"/> and read the analysis over HTTP.
/// </summary>
internal sealed class FindingsNetwork(string id = "kreis", string name = "Testkreis")
{
    public string Id { get; } = id;
    private readonly List<Entity> _entities = [];
    private readonly List<CompositionRule> _rules = [];

    public FindingsNetwork Add(params Entity[] entities)
    {
        _entities.AddRange(entities);
        return this;
    }

    public FindingsNetwork Topic(string id, string name) => Add(new Topic { Id = id, Name = name });

    public FindingsNetwork Territory(string id, string name, string kind = TerritoryKinds.Municipality, string? parent = null) =>
        Add(new Territory { Id = id, Name = name, Kind = kind, Parent = parent });

    public FindingsNetwork Actor(string id, string name, string kind = ActorKinds.Other, string[]? territories = null, string[]? topics = null,
        string? shortName = null) =>
        Add(new Actor { Id = id, Name = name, Kind = kind, Territories = territories ?? [], Topics = topics ?? [], ShortName = shortName });

    /// <summary>A body with the given members (actor or person ids) from the start.</summary>
    public FindingsNetwork Body(Body body, params string[] members)
    {
        Add(body);
        foreach (var m in members) Member(body.Id, m);
        return this;
    }

    public FindingsNetwork Member(string body, string member, string? since = null, string? until = null, string? representing = null,
        string role = MembershipRoles.Member) =>
        Add(new Membership
        {
            Id = Membership.DerivedId(member, body, since), Member = member, Body = body, Since = since, Until = until,
            Representing = representing, Role = role,
        });

    public FindingsNetwork Collaboration(string from, string to, string? since = null, string? until = null) =>
        Add(new Collaboration { Id = GraphApi.Domain.Collaboration.DerivedId(from, to, CollaborationKinds.Informal), From = from, To = to, Since = since, Until = until });

    public FindingsNetwork Rule(string bodyKind, params string[] actorKinds)
    {
        _rules.Add(new CompositionRule(bodyKind, actorKinds));
        return this;
    }

    /// <summary>The network as a snapshot, for tests that call the analysis directly (no store, no HTTP).</summary>
    public NetworkSnapshot Snapshot(string? dataAsOf = null) =>
        NetworkSnapshot.Create(new Network { Id = Id, Name = name, DataAsOf = dataAsOf, CompositionRules = _rules }, 1, _entities);

    public string Json() => NetworkExchange.Serialize(new NetworkDocument
    {
        Network = new NetworkHeader { Id = Id, Name = name },
        Topics = _entities.OfType<Topic>().ToList(),
        Territories = _entities.OfType<Territory>().ToList(),
        Actors = _entities.OfType<Actor>().ToList(),
        Bodies = _entities.OfType<Body>().ToList(),
        Persons = _entities.OfType<Person>().ToList(),
        Memberships = _entities.OfType<Membership>().ToList(),
        Collaborations = _entities.OfType<Collaboration>().ToList(),
        Measures = _entities.OfType<Measure>().ToList(),
        CompositionRules = _rules,
    });
}

internal static class FindingsHttp
{
    public static async Task<TestApp> StartWith(FindingsNetwork network)
    {
        var app = new TestApp(language: null);
        var response = await app.ImportAsync(network.Json());
        Assert.True(response.IsSuccessStatusCode, $"import: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return app;
    }

    /// <summary>GET with an optional Accept-Language; asserts success and reads the typed answer.</summary>
    public static async Task<T> Read<T>(this TestApp app, string url, string? language = null)
    {
        var response = await Send(app, url, language);
        Assert.True(response.IsSuccessStatusCode, $"GET {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<T>(TestApp.Json))!;
    }

    public static async Task<HttpResponseMessage> Send(TestApp app, string url, string? language = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (language is not null) request.Headers.TryAddWithoutValidation("Accept-Language", language);
        return await app.CreateClient().SendAsync(request);
    }

    /// <summary>Asserts a 400 ProblemDetails whose errors name the parameter; returns the messages for it.</summary>
    public static async Task<string[]> BadRequest(this TestApp app, string url, string parameter)
    {
        var response = await Send(app, url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"GET {url}: expected 400, got {(int)response.StatusCode} {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = JsonDocument.Parse(body).RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty(parameter, out var messages), $"GET {url}: the errors do not name '{parameter}': {body}");
        return messages.EnumerateArray().Select(m => m.GetString()!).ToArray();
    }
}
