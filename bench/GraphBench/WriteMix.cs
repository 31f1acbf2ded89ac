using System.Net.Http.Json;
using System.Text.Json;
using GraphApi.Domain;
using GraphApi.Exchange;

namespace GraphBench;

/// <summary>
/// The single writes of a user editing the map, in turn: update an actor with its current version,
/// add a membership to a body with room, update a body. Keeps the versions the app answered with.
/// </summary>
public sealed class WriteMix(NetworkDocument document, string networkId, int seed)
{
    public const string UpdateActor = "update actor", CreateMembership = "create membership", UpdateBody = "update body";
    public static readonly string[] Kinds = [UpdateActor, CreateMembership, UpdateBody];

    private readonly Random _random = new(seed);
    private readonly string[] _actorIds = document.Actors!.Select(a => a.Id).ToArray();
    private readonly string[] _bodyIds = document.Bodies!.Select(b => b.Id).ToArray();
    private readonly string[] _memberIds = [.. document.Actors!.Select(a => a.Id), .. document.Persons!.Select(p => p.Id)];
    private readonly HashSet<(string Member, string Body)> _seats = document.Memberships!.Select(m => (m.Member, m.Body)).ToHashSet();
    private readonly Dictionary<string, int> _bodySizes = document.Memberships!.CountBy(m => m.Body).ToDictionary();
    private readonly Dictionary<string, Entity> _latest = new(StringComparer.Ordinal);
    private readonly int _maxMembers = new GraphLimits().MaxMembersPerBody;
    private Type? _expected;

    /// <summary>The request for write number <paramref name="index"/>; reading an entity for the first time happens here, outside the timing.</summary>
    public async Task<(string Kind, HttpRequestMessage Request)> PrepareAsync(HttpClient client, int index)
    {
        var api = $"/api/networks/{networkId}";
        switch (index % Kinds.Length)
        {
            case 0:
                var actor = await LatestAsync<Actor>(client, $"{api}/actors", _actorIds[_random.Next(_actorIds.Length)]);
                return (UpdateActor, Put($"{api}/actors/{actor.Id}", actor with { Description = $"Benchmark edit {index}" }));
            case 1:
                var (member, body) = FreeSeat();
                _expected = typeof(Membership);
                return (CreateMembership, new HttpRequestMessage(HttpMethod.Post, $"{api}/memberships")
                {
                    Content = JsonContent.Create(new Membership { Member = member, Body = body }, options: GraphJson.Options),
                });
            default:
                var current = await LatestAsync<Body>(client, $"{api}/bodies", _bodyIds[_random.Next(_bodyIds.Length)]);
                return (UpdateBody, Put($"{api}/bodies/{current.Id}", current with { MeetingsPerYear = (current.MeetingsPerYear ?? 0) % 12 + 1 }));
        }
    }

    /// <summary>Remembers what the app answered, so the next edit of the same entity names its new version.</summary>
    public void Record(string responseBody)
    {
        var entity = (Entity)JsonSerializer.Deserialize(responseBody, _expected!, GraphJson.Options)!;
        if (entity is Membership m)
        {
            _seats.Add((m.Member, m.Body));
            _bodySizes[m.Body] = _bodySizes.GetValueOrDefault(m.Body) + 1;
        }
        else _latest[entity.Id] = entity;
    }

    private HttpRequestMessage Put<T>(string url, T entity) where T : Entity
    {
        _expected = typeof(T);
        return new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(entity, options: GraphJson.Options) };
    }

    private async Task<T> LatestAsync<T>(HttpClient client, string collection, string id) where T : Entity
    {
        if (_latest.TryGetValue(id, out var known)) return (T)known;
        var read = (await client.GetFromJsonAsync<T>($"{collection}/{id}", GraphJson.Options))!;
        _latest[id] = read;
        return read;
    }

    private (string Member, string Body) FreeSeat()
    {
        while (true)
        {
            var body = _bodyIds[_random.Next(_bodyIds.Length)];
            var member = _memberIds[_random.Next(_memberIds.Length)];
            if (_bodySizes.GetValueOrDefault(body) < _maxMembers && !_seats.Contains((member, body))) return (member, body);
        }
    }
}
