using System.Collections.Concurrent;
using System.Security.Cryptography;
using GraphApi.Domain;
using GraphApi.Storage;
using Microsoft.Extensions.Options;

namespace GraphApi.Networks;

/// <summary>
/// The one way to read and change networks. Keeps the latest snapshot of each network in memory,
/// serialises the writes to one network, validates every change against the state it applies to,
/// stamps versions, commits through the store in one transaction and tells subscribers.
/// </summary>
public sealed class NetworkService(IGraphStore store, EntityValidator validator, IOptions<GraphLimits> limits, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, NetworkSnapshot> _snapshots = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.Ordinal);

    /// <summary>Raised after every commit, in commit order per network; the live hub listens here.</summary>
    public event Action<ChangeSet>? Committed;

    public Task<IReadOnlyList<Network>> ListNetworksAsync(CancellationToken ct = default) => store.ListNetworksAsync(ct);

    public async Task<NetworkSnapshot> GetAsync(string networkId, CancellationToken ct = default) =>
        await TryGetAsync(networkId, ct) ?? throw new NotFoundException($"There is no network '{networkId}'.");

    public async Task<NetworkSnapshot?> TryGetAsync(string networkId, CancellationToken ct = default)
    {
        if (_snapshots.TryGetValue(networkId, out var cached)) return cached;
        var gate = Gate(networkId);
        await gate.WaitAsync(ct);
        try
        {
            return await LoadUnderLockAsync(networkId, ct);
        }
        finally
        {
            gate.Release();
        }
    }

    public Task<IReadOnlyList<ChangeSet>> HistoryAsync(string networkId, long afterRevision, string? entityId, int limit,
        CancellationToken ct = default) => store.ReadHistoryAsync(networkId, afterRevision, entityId, limit, ct);

    public Task<ChangeSet> CreateNetworkAsync(Network network, string author, CancellationToken ct = default)
    {
        network = (Network)EntityValidator.Normalize(network with { Id = string.IsNullOrWhiteSpace(network.Id) ? NewId("network") : network.Id.Trim() });
        var errors = new ValidationErrors();
        validator.CheckFields(network, "", errors);
        errors.ThrowIfAny();
        return CommitAsync(network.Id, creating: true, _ => [new Change(ChangeOp.Create, EntityKind.Network, network.Id, null, network)], author, ct);
    }

    public Task<ChangeSet> UpdateNetworkAsync(Network network, string author, CancellationToken ct = default)
    {
        network = (Network)EntityValidator.Normalize(network);
        var errors = new ValidationErrors();
        validator.CheckFields(network, "", errors);
        RequireVersion(network, errors);
        errors.ThrowIfAny();
        return CommitAsync(network.Id, creating: false, snapshot =>
        {
            EnsureCurrent(snapshot.Network, network.Version);
            return [new Change(ChangeOp.Update, EntityKind.Network, network.Id, snapshot.Network, network)];
        }, author, ct);
    }

    public async Task DeleteNetworkAsync(string networkId, CancellationToken ct = default)
    {
        var gate = Gate(networkId);
        await gate.WaitAsync(ct);
        try
        {
            if (!await store.DeleteNetworkAsync(networkId, ct)) throw new NotFoundException($"There is no network '{networkId}'.");
            _snapshots.TryRemove(networkId, out _);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Adds a new entity; an empty id gets a generated one.</summary>
    public Task<ChangeSet> CreateAsync(string networkId, Entity entity, string author, CancellationToken ct = default)
    {
        entity = EntityValidator.Normalize(entity with { Id = string.IsNullOrWhiteSpace(entity.Id) ? GenerateId(entity) : entity.Id.Trim() });
        var errors = new ValidationErrors();
        validator.CheckFields(entity, "", errors);
        errors.ThrowIfAny();
        return CommitAsync(networkId, creating: false, snapshot =>
        {
            if (snapshot.Find(entity.Id) is { } taken)
                throw new ConflictException($"The id '{entity.Id}' is already used by the {EntityValidator.Describe(taken)} '{taken.Label}'.", taken);
            var change = new Change(ChangeOp.Create, entity.EntityKind, entity.Id, null, entity);
            CheckAgainst(snapshot, change);
            return [change];
        }, author, ct);
    }

    /// <summary>Replaces an entity; <see cref="Entity.Version"/> must be the version the edit was based on.</summary>
    public Task<ChangeSet> UpdateAsync(string networkId, Entity entity, string author, CancellationToken ct = default)
    {
        entity = EntityValidator.Normalize(entity);
        var errors = new ValidationErrors();
        validator.CheckFields(entity, "", errors);
        RequireVersion(entity, errors);
        errors.ThrowIfAny();
        return CommitAsync(networkId, creating: false, snapshot =>
        {
            var current = Existing(snapshot, entity.EntityKind, entity.Id);
            EnsureCurrent(current, entity.Version);
            var change = new Change(ChangeOp.Update, entity.EntityKind, entity.Id, current, entity);
            CheckAgainst(snapshot, change);
            return [change];
        }, author, ct);
    }

    /// <summary>
    /// Deletes an entity together with the memberships and collaborations that hang on it. Anything
    /// else that refers to it (a parent, a lead, a topic in a list...) makes the delete fail with 409:
    /// those are the user's data and must be changed on purpose.
    /// </summary>
    public Task<ChangeSet> DeleteAsync(string networkId, EntityKind kind, string id, long? version, string author,
        CancellationToken ct = default) =>
        CommitAsync(networkId, creating: false, snapshot =>
        {
            var current = Existing(snapshot, kind, id);
            if (version is not null) EnsureCurrent(current, version.Value);
            var changes = new List<Change> { new(ChangeOp.Delete, kind, id, current, null) };
            var blocking = new List<string>();
            foreach (var (source, field) in EntityValidator.ReferencesTo(id, snapshot))
            {
                if (source is Membership or Collaboration && field is "member" or "body" or "from" or "to")
                    changes.Add(new Change(ChangeOp.Delete, source.EntityKind, source.Id, source, null));
                else
                    blocking.Add($"{EntityValidator.Describe(source)} '{source.Id}' ({source.Label}) refers to it in '{field}'");
            }
            if (blocking.Count > 0)
                throw new ConflictException(
                    $"'{current.Label}' cannot be deleted while {blocking.Count} other entries refer to it; change them first.",
                    current, blocking);
            return changes.DistinctBy(c => c.Id).ToList();
        }, author, ct);

    /// <summary>
    /// Commits a whole prepared change list (from an import) against the state it was prepared on;
    /// <paramref name="plan"/> sees the current snapshot (null for a new network) and returns the changes.
    /// </summary>
    public Task<ChangeSet> ReplaceAsync(string networkId, Func<NetworkSnapshot?, IReadOnlyList<Change>> plan, string author,
        CancellationToken ct = default) => CommitCoreAsync(networkId, plan, author, ct);

    private Task<ChangeSet> CommitAsync(string networkId, bool creating, Func<NetworkSnapshot, IReadOnlyList<Change>> plan,
        string author, CancellationToken ct) =>
        CommitCoreAsync(networkId, snapshot => (snapshot, creating) switch
        {
            (null, true) => plan(NetworkSnapshot.Empty(new Network { Id = networkId })),
            (null, false) => throw new NotFoundException($"There is no network '{networkId}'."),
            (not null, true) => throw new ConflictException($"A network with id '{networkId}' already exists.", snapshot.Network),
            (not null, false) => plan(snapshot),
        }, author, ct);

    private async Task<ChangeSet> CommitCoreAsync(string networkId, Func<NetworkSnapshot?, IReadOnlyList<Change>> plan, string author,
        CancellationToken ct)
    {
        var gate = Gate(networkId);
        await gate.WaitAsync(ct);
        try
        {
            var snapshot = await LoadUnderLockAsync(networkId, ct);
            var planned = plan(snapshot);
            var revision = snapshot?.Revision ?? 0;
            if (planned.Count == 0) return new ChangeSet(networkId, revision, clock.GetUtcNow(), author, []);

            var now = clock.GetUtcNow();
            var stamped = planned.Select(c => c with { After = Stamp(c.Before, c.After, now) }).ToList();
            var set = new ChangeSet(networkId, revision + 1, now, author, stamped);
            try
            {
                await store.CommitAsync(set, revision, ct);
            }
            catch (ConflictException)
            {
                _snapshots.TryRemove(networkId, out _); // someone else wrote to the store: reload next time
                throw;
            }

            var network = stamped.FirstOrDefault(c => c.Kind == EntityKind.Network)?.After as Network;
            var next = snapshot is null ? NetworkSnapshot.Empty(network!).Apply(set) : snapshot.Apply(set);
            _snapshots[networkId] = next;
            Committed?.Invoke(set);
            return set;
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<NetworkSnapshot?> LoadUnderLockAsync(string networkId, CancellationToken ct)
    {
        if (_snapshots.TryGetValue(networkId, out var cached)) return cached;
        var loaded = await store.LoadAsync(networkId, ct);
        if (loaded is not null) _snapshots[networkId] = loaded;
        return loaded;
    }

    /// <summary>Checks the references and size rules of one change against the state it will produce.</summary>
    private void CheckAgainst(NetworkSnapshot snapshot, Change change)
    {
        var candidate = snapshot.Apply(new ChangeSet(snapshot.Network.Id, snapshot.Revision, default, "", [change]));
        var errors = new ValidationErrors();
        validator.CheckReferences(change.After!, candidate, "", errors);
        if (change.After is Membership m && (change.Before as Membership)?.Body != m.Body)
            validator.CheckBodySize(m.Body, candidate.MembershipCount(m.Body), "body", errors);
        errors.ThrowIfAny();
    }

    private static Entity Existing(NetworkSnapshot snapshot, EntityKind kind, string id)
    {
        var found = snapshot.Find(id);
        if (found is null || found.EntityKind != kind)
            throw new NotFoundException($"There is no {kind.ToString().ToLowerInvariant()} '{id}' in network '{snapshot.Network.Id}'.");
        return found;
    }

    private static void RequireVersion(Entity entity, ValidationErrors errors)
    {
        if (entity.Version <= 0)
            errors.Add("version", "Required: the version this edit is based on (as last read), so that no one else's change is overwritten.");
    }

    private static void EnsureCurrent(Entity current, long basedOn)
    {
        if (current.Version != basedOn)
            throw new ConflictException(
                $"'{current.Label}' was changed by someone else: your edit is based on version {basedOn}, the current version is {current.Version}.",
                current);
    }

    private static Entity? Stamp(Entity? before, Entity? after, DateTimeOffset now) => after is null ? null : after with
    {
        Version = (before?.Version ?? 0) + 1,
        Created = before?.Created ?? now,
        Updated = now,
    };

    private string GenerateId(Entity entity)
    {
        var derived = entity switch
        {
            Membership m when m.Member.Length > 0 && m.Body.Length > 0 => Membership.DerivedId(m.Member.Trim(), m.Body.Trim(), m.Since),
            Collaboration c when c.From.Length > 0 && c.To.Length > 0 =>
                Collaboration.DerivedId(c.From.Trim(), c.To.Trim(), string.IsNullOrWhiteSpace(c.Kind) ? CollaborationKinds.Informal : c.Kind.Trim()),
            _ => null,
        };
        return derived is not null && derived.Length <= limits.Value.MaxIdLength
            ? derived
            : NewId(entity.EntityKind.ToString().ToLowerInvariant());
    }

    private static string NewId(string prefix) =>
        $"{prefix}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(5))}";

    private SemaphoreSlim Gate(string networkId) => _locks.GetOrAdd(networkId, _ => new SemaphoreSlim(1, 1));
}
