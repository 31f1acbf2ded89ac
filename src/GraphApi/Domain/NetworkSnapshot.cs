using System.Collections.Immutable;

namespace GraphApi.Domain;

/// <summary>
/// An immutable picture of one network at one revision. Readers (lists, the graph, analyses) use it
/// without locks; a commit produces the next snapshot by sharing everything it did not touch.
/// </summary>
public sealed class NetworkSnapshot
{
    private static readonly int KindCount = Enum.GetValues<EntityKind>().Length;
    private readonly ImmutableSortedDictionary<string, Entity>[] _byKind;

    // Kept up to date by Apply so the body size rule costs a lookup, not a scan of every membership per write.
    private readonly ImmutableDictionary<string, int> _membershipsPerBody;

    private NetworkSnapshot(Network network, long revision, ImmutableSortedDictionary<string, Entity>[] byKind,
        ImmutableDictionary<string, int> membershipsPerBody)
    {
        Network = network;
        Revision = revision;
        _byKind = byKind;
        _membershipsPerBody = membershipsPerBody;
    }

    public Network Network { get; }

    /// <summary>Grows by one with every committed change set; clients use it to catch up on what they missed.</summary>
    public long Revision { get; }

    public static NetworkSnapshot Create(Network network, long revision, IEnumerable<Entity> entities)
    {
        var builders = Enumerable.Range(0, KindCount)
            .Select(_ => ImmutableSortedDictionary.CreateBuilder<string, Entity>(StringComparer.Ordinal)).ToArray();
        foreach (var entity in entities)
            builders[(int)entity.EntityKind][entity.Id] = entity;
        var perBody = builders[(int)EntityKind.Membership].Values.Cast<Membership>().CountBy(m => m.Body, StringComparer.Ordinal)
            .ToImmutableDictionary(StringComparer.Ordinal);
        return new NetworkSnapshot(network, revision, builders.Select(b => b.ToImmutable()).ToArray(), perBody);
    }

    public static NetworkSnapshot Empty(Network network) => Create(network, 0, []);

    public Entity? Find(string? id)
    {
        if (id is null) return null;
        foreach (var kind in _byKind)
            if (kind.TryGetValue(id, out var entity)) return entity;
        return null;
    }

    public T? Find<T>(string? id) where T : Entity =>
        id is not null && _byKind[(int)KindOf<T>()].TryGetValue(id, out var e) ? (T)e : null;

    /// <summary>All entities of one kind, ordered by id.</summary>
    public IEnumerable<Entity> All(EntityKind kind) => _byKind[(int)kind].Values;

    public IEnumerable<T> All<T>() where T : Entity => _byKind[(int)KindOf<T>()].Values.Cast<T>();

    public int Count(EntityKind kind) => _byKind[(int)kind].Count;

    /// <summary>How many memberships the body has.</summary>
    public int MembershipCount(string bodyId) => _membershipsPerBody.GetValueOrDefault(bodyId);

    public IEnumerable<Entity> Everything => _byKind.SelectMany(k => k.Values);

    /// <summary>The snapshot after a committed change set.</summary>
    public NetworkSnapshot Apply(ChangeSet set)
    {
        var network = Network;
        var byKind = (ImmutableSortedDictionary<string, Entity>[])_byKind.Clone();
        var perBody = _membershipsPerBody.ToBuilder();
        foreach (var change in set.Changes)
        {
            if (change.Kind == EntityKind.Network)
            {
                network = (Network?)change.After ?? network;
                continue;
            }
            var k = (int)change.Kind;
            if (change.Kind == EntityKind.Membership)
            {
                if (byKind[k].TryGetValue(change.Id, out var old)) perBody[((Membership)old).Body] = perBody[((Membership)old).Body] - 1;
                if (change.After is Membership added) perBody[added.Body] = perBody.GetValueOrDefault(added.Body) + 1;
            }
            byKind[k] = change.After is null ? byKind[k].Remove(change.Id) : byKind[k].SetItem(change.Id, change.After);
        }
        return new NetworkSnapshot(network, set.Revision, byKind, perBody.ToImmutable());
    }

    public static EntityKind KindOf<T>() where T : Entity => KindOf(typeof(T));

    public static EntityKind KindOf(Type type) => type.Name switch
    {
        nameof(Domain.Network) => EntityKind.Network,
        nameof(Topic) => EntityKind.Topic,
        nameof(Territory) => EntityKind.Territory,
        nameof(Actor) => EntityKind.Actor,
        nameof(Body) => EntityKind.Body,
        nameof(Person) => EntityKind.Person,
        nameof(Measure) => EntityKind.Measure,
        nameof(Membership) => EntityKind.Membership,
        nameof(Collaboration) => EntityKind.Collaboration,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type.Name, "not an entity type"),
    };
}
