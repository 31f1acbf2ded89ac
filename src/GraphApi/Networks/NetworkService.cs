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

    /// <summary>
    /// The change feed: raised after every commit, in commit order per network, after the cache holds it; also for
    /// commits made by another process or instance, once <see cref="FollowAsync"/> has seen them in the store. The
    /// live hub and every Blazor circuit listen here.
    /// </summary>
    public event Action<ChangeSet>? Committed;

    /// <summary>Raised when a network is gone, deleted here or elsewhere; its maps should close.</summary>
    public event Action<string>? Deleted;

    public Task<IReadOnlyList<Network>> ListNetworksAsync(CancellationToken ct = default) => store.ListNetworksAsync(ct);

    public async Task<NetworkSnapshot> GetAsync(string networkId, CancellationToken ct = default) =>
        await TryGetAsync(networkId, ct) ?? throw NotFoundException.NoNetwork(networkId);

    /// <summary>
    /// The network at the store's head. A cached snapshot is served after one cheap look at the store's revision of
    /// the network, so no instance serves a state older than a write another process has acknowledged.
    /// </summary>
    public async Task<NetworkSnapshot?> TryGetAsync(string networkId, CancellationToken ct = default)
    {
        var head = await store.ReadHeadAsync(networkId, ct);
        if (_snapshots.TryGetValue(networkId, out var cached) && head == cached.Revision) return cached;
        // A network that does not exist leaves nothing behind (no lock, no cache entry): asking for random ids must not grow memory.
        if (head is null && cached is null) return null;
        var gate = Gate(networkId);
        await gate.WaitAsync(ct);
        try
        {
            await CatchUpUnderLockAsync(networkId, ct);
            return await LoadUnderLockAsync(networkId, ct);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Where the nodes stand on the shared map. Other layouts' positions (keys "layout\u001fid", kept by the UI) are left out.</summary>
    public async Task<IReadOnlyDictionary<string, NodePosition>> PositionsAsync(string networkId, CancellationToken ct = default)
    {
        var all = await store.LoadPositionsAsync(networkId, ct);
        return all.Keys.Any(k => k.Contains(LayoutSeparator))
            ? all.Where(p => !p.Key.Contains(LayoutSeparator)).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal)
            : all;
    }

    /// <summary>Separates a layout's name from a node id in the positions store ("layered\u001fjc").</summary>
    public const char LayoutSeparator = '\u001f';

    /// <summary>Raised after nodes were moved through this instance, whoever saved them (the map, the hub, the HTTP API).</summary>
    public event Action<NodesMoved>? PositionsSaved;

    /// <summary>
    /// Saves where nodes were placed on the map (<paramref name="layout"/> null: the shared map, else that layout's
    /// positions); every id must be a node of the network.
    /// </summary>
    public async Task SavePositionsAsync(string networkId, IReadOnlyDictionary<string, NodePosition> positions, string by,
        string? layout = null, CancellationToken ct = default)
    {
        var snapshot = await GetAsync(networkId, ct);
        var errors = new ValidationErrors();
        if (positions.Count > 20_000)
            errors.Add("positions", Texts.Get("networks.atMost20000PositionsAt", positions.Count));
        foreach (var (id, position) in positions)
        {
            if (snapshot.Find(id) is not (Actor or Body or Person or Topic or Territory or Measure))
                errors.Add($"positions.{id}", Texts.Get("networks.isNotNodeOfNetwork", id, networkId));
            if (!double.IsFinite(position.X) || !double.IsFinite(position.Y) || Math.Abs(position.X) > 1e7 || Math.Abs(position.Y) > 1e7)
                errors.Add($"positions.{id}", Texts.Get("networks.xAndYMustBe"));
        }
        errors.ThrowIfAny();
        await store.SavePositionsAsync(networkId, layout is null ? positions
            : positions.ToDictionary(p => layout + LayoutSeparator + p.Key, p => p.Value, StringComparer.Ordinal), ct);
        PositionsSaved?.Invoke(new NodesMoved(networkId, positions, by, layout));
    }

    public Task<IReadOnlyList<ChangeSet>> HistoryAsync(string networkId, long afterRevision, string? entityId, int limit,
        CancellationToken ct = default, bool newest = false) => store.ReadHistoryAsync(networkId, afterRevision, entityId, limit, ct, newest);

    public Task<ChangeSet> CreateNetworkAsync(Network network, Author author, CancellationToken ct = default)
    {
        network = (Network)EntityValidator.Normalize(network with { Id = string.IsNullOrWhiteSpace(network.Id) ? NewId("network") : network.Id.Trim() });
        var errors = new ValidationErrors();
        validator.CheckFields(network, "", errors);
        errors.ThrowIfAny();
        return CommitAsync(network.Id, creating: true, _ => [new Change(ChangeOp.Create, EntityKind.Network, network.Id, null, network)], author, ct);
    }

    public Task<ChangeSet> UpdateNetworkAsync(Network network, Author author, CancellationToken ct = default)
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

    /// <summary>
    /// Deletes a network by moving it to the trash (<see cref="GraphApi.Privacy.TrashService"/>): it is gone from every list
    /// and map, and can be restored as it was until it is erased after the retention period. <paramref name="version"/> is
    /// the network's version the deletion is based on: a network changed meanwhile is not deleted (409).
    /// </summary>
    public async Task DeleteNetworkAsync(string networkId, long version, Author by, CancellationToken ct = default)
    {
        var gate = Gate(networkId);
        await gate.WaitAsync(ct);
        try
        {
            var snapshot = await LoadUnderLockAsync(networkId, ct) ?? throw NotFoundException.NoNetwork(networkId);
            EnsureCurrent(snapshot.Network, version);
            if (!await store.MoveToTrashAsync(networkId, clock.GetUtcNow(), by, ct)) throw NotFoundException.NoNetwork(networkId);
            _snapshots.TryRemove(networkId, out _);
            Deleted?.Invoke(networkId);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Adds a new entity; an empty id gets a generated one.</summary>
    public Task<ChangeSet> CreateAsync(string networkId, Entity entity, Author author, CancellationToken ct = default)
    {
        entity = EntityValidator.Normalize(entity with { Id = string.IsNullOrWhiteSpace(entity.Id) ? GenerateId(entity) : entity.Id.Trim() });
        return CommitAsync(networkId, creating: false, snapshot =>
        {
            var change = new Change(ChangeOp.Create, entity.EntityKind, entity.Id, null, entity);
            var errors = Check(snapshot, change);
            if (snapshot.Find(entity.Id) is { } taken && !errors.Any)
                throw new ConflictException(Texts.Get("networks.idIsAlreadyUsedBy", entity.Id, Texts.Of(taken).German, taken.Label, Texts.Of(taken).English), taken);
            errors.ThrowIfAny();
            return [change];
        }, author, ct);
    }

    /// <summary>Replaces an entity; <see cref="Entity.Version"/> must be the version the edit was based on.</summary>
    public Task<ChangeSet> UpdateAsync(string networkId, Entity entity, Author author, CancellationToken ct = default)
    {
        entity = EntityValidator.Normalize(entity);
        return CommitAsync(networkId, creating: false, snapshot =>
        {
            var current = Existing(snapshot, entity.EntityKind, entity.Id);
            var change = new Change(ChangeOp.Update, entity.EntityKind, entity.Id, current, entity);
            var errors = Check(snapshot, change);
            RequireVersion(entity, errors);
            errors.ThrowIfAny();
            EnsureCurrent(current, entity.Version);
            return [change];
        }, author, ct);
    }

    /// <summary>
    /// Deletes an entity together with the memberships and collaborations that hang on it. Anything
    /// else that refers to it (a parent, a lead, a topic in a list...) makes the delete fail with 409:
    /// those are the user's data and must be changed on purpose.
    /// </summary>
    public Task<ChangeSet> DeleteAsync(string networkId, EntityKind kind, string id, long? version, Author author,
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
                    blocking.Add(RefersToIt(source, field));
            }
            if (blocking.Count > 0)
                throw new ConflictException(blocking.Count == 1
                    ? Texts.Get("networks.cannotBeDeletedWhileAnother", current.Label)
                    : Texts.Get("networks.cannotBeDeletedWhileOther", current.Label, blocking.Count),
                    current, blocking);
            return changes.DistinctBy(c => c.Id).ToList();
        }, author, ct);

    /// <summary>
    /// Zusammenführen (<see cref="Merging"/>): two actors that are one organisation, or two bodies of which one is dissolved
    /// into the other, as ONE change set, so the history shows one entry and one undo takes it back.
    /// </summary>
    public Task<ChangeSet> MergeAsync(string networkId, MergeRequest request, Author author, CancellationToken ct = default) =>
        CommitAsync(networkId, creating: false, snapshot =>
        {
            var changes = PreviewMerge(snapshot, request);
            CheckWhole(snapshot, changes);
            return changes;
        }, author, ct);

    /// <summary>The changes a merge would make on <paramref name="snapshot"/>, without making them; the request's mistakes as 400.</summary>
    public static IReadOnlyList<Change> PreviewMerge(NetworkSnapshot snapshot, MergeRequest request)
    {
        Merging.Check(snapshot, request).ThrowIfAny();
        return Merging.Plan(snapshot, request);
    }

    /// <summary>
    /// Undoes a committed change set by committing its inverse as a new change set (nothing is erased
    /// from history). Refused with 409 if any entity it touched has changed since, so no later edit is lost.
    /// </summary>
    public async Task<ChangeSet> RevertAsync(string networkId, long revision, Author author, CancellationToken ct = default)
    {
        var original = (await store.ReadHistoryAsync(networkId, revision - 1, null, 1, ct)).SingleOrDefault(s => s.Revision == revision)
                       ?? throw new NotFoundException(Texts.Get("networks.networkHasNoChangeSet", networkId, revision));
        return await CommitAsync(networkId, creating: false, snapshot =>
        {
            var inverse = new List<Change>();
            foreach (var change in original.Changes.Reverse())
            {
                var current = snapshot.Find(change.Id);
                if (change.Kind == EntityKind.Network)
                    throw new ConflictException(Texts.Get("networks.creatingOrRenamingNetworkCannot"));
                if (current?.Version != change.After?.Version)
                {
                    var label = (current ?? change.Before ?? change.After)!.Label;
                    throw new ConflictException(Texts.Get("networks.hasChangedSinceRevisionUndoing", label, revision), current);
                }
                inverse.Add(change.Op switch
                {
                    ChangeOp.Create => new Change(ChangeOp.Delete, change.Kind, change.Id, current, null),
                    ChangeOp.Update => new Change(ChangeOp.Update, change.Kind, change.Id, current, change.Before),
                    _ => new Change(ChangeOp.Create, change.Kind, change.Id, null, change.Before),
                });
            }
            CheckWhole(snapshot, inverse);
            return inverse;
        }, author, ct);
    }

    /// <summary>
    /// Makes the network look as it did right after revision <paramref name="revision"/>, by committing the
    /// difference as one new change set: nothing is erased from history, and the restore can itself be undone.
    /// </summary>
    public async Task<ChangeSet> RestoreAsync(string networkId, long revision, Author author, CancellationToken ct = default)
    {
        var now = await GetAsync(networkId, ct);
        if (revision < 1 || revision > now.Revision)
            throw new ValidationFailedException(One("revision",
                Texts.Get("networks.mustBeBetween1And", now.Revision)));
        var later = await store.ReadHistoryAsync(networkId, revision, null, int.MaxValue, ct);
        return await CommitAsync(networkId, creating: false, snapshot =>
        {
            if (snapshot.Revision != (later.Count > 0 ? later[^1].Revision : revision))
                throw new ConflictException(Texts.Get("networks.networkChangedJustNowPlease"));
            return ChangePlan.Between(snapshot, RolledBack(snapshot, later, revision, keepMeetings: true));
        }, author, ct);
    }

    /// <summary>
    /// The state before the given change sets: each change undone, newest first; it is the state at <paramref name="revision"/>.
    /// A restore keeps the meetings held since (<paramref name="keepMeetings"/>): they are the record of the work, not the network's content.
    /// </summary>
    internal static NetworkSnapshot RolledBack(NetworkSnapshot snapshot, IReadOnlyList<ChangeSet> sets, long revision, bool keepMeetings = false)
    {
        var entities = snapshot.Everything.ToDictionary(e => e.Id, StringComparer.Ordinal);
        var network = snapshot.Network;
        foreach (var change in sets.Reverse().SelectMany(set => set.Changes.Reverse()))
        {
            if (change.Kind == EntityKind.Network) network = (Network?)change.Before ?? network;
            else if (change.Before is null) entities.Remove(change.Id);
            else entities[change.Id] = change.Before;
        }
        if (keepMeetings) network = network with { Meetings = snapshot.Network.Meetings };
        return NetworkSnapshot.Create(network, revision, entities.Values);
    }

    private static ValidationErrors One(string field, string message)
    {
        var errors = new ValidationErrors();
        errors.Add(field, message);
        return errors;
    }

    /// <summary>
    /// Commits a whole prepared change list (from an import) against the state it was prepared on;
    /// <paramref name="plan"/> sees the current snapshot (null for a new network) and returns the changes.
    /// </summary>
    public Task<ChangeSet> ReplaceAsync(string networkId, Func<NetworkSnapshot?, IReadOnlyList<Change>> plan, Author author,
        CancellationToken ct = default) => CommitCoreAsync(networkId, plan, author, ct);

    /// <summary>
    /// Erasure (privacy, issue 10): commits <paramref name="plan"/>'s changes like any other change set (cache, change feed), but
    /// through <see cref="IGraphStore.EraseAsync"/>, which in the same transaction replaces every earlier stored state of
    /// <paramref name="entityId"/> by <paramref name="scrub"/> of it and removes its positions.
    /// </summary>
    public Task<ChangeSet> EraseAsync(string networkId, string entityId, Func<NetworkSnapshot, IReadOnlyList<Change>> plan,
        Func<Entity, Entity> scrub, Author author, CancellationToken ct = default) =>
        CommitCoreAsync(networkId, snapshot => snapshot is null ? throw NotFoundException.NoNetwork(networkId) : plan(snapshot), author, ct,
            (set, expected, token) => store.EraseAsync(set, expected, entityId, scrub, token));

    private Task<ChangeSet> CommitAsync(string networkId, bool creating, Func<NetworkSnapshot, IReadOnlyList<Change>> plan,
        Author author, CancellationToken ct) =>
        CommitCoreAsync(networkId, snapshot => (snapshot, creating) switch
        {
            (null, true) => plan(NetworkSnapshot.Empty(new Network { Id = networkId })),
            (null, false) => throw NotFoundException.NoNetwork(networkId),
            (not null, true) => throw ConflictException.NetworkExists(networkId, snapshot.Network),
            (not null, false) => plan(snapshot),
        }, author, ct);

    private async Task<ChangeSet> CommitCoreAsync(string networkId, Func<NetworkSnapshot?, IReadOnlyList<Change>> plan, Author author,
        CancellationToken ct, Func<ChangeSet, long, CancellationToken, Task>? write = null)
    {
        var gate = Gate(networkId);
        await gate.WaitAsync(ct);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                var snapshot = await LoadUnderLockAsync(networkId, ct);
                var planned = plan(snapshot);
                var revision = snapshot?.Revision ?? 0;
                if (planned.Count == 0) return new ChangeSet(networkId, revision, clock.GetUtcNow(), author.Name, []) { AuthorId = author.Id };

                var now = clock.GetUtcNow();
                var stamped = planned.Select(c => c with { After = Stamp(c.Before, c.After, now) }).ToList();
                var set = new ChangeSet(networkId, revision + 1, now, author.Name, stamped) { AuthorId = author.Id };
                try
                {
                    if (write is null) await store.CommitAsync(set, revision, ct);
                    else await write(set, revision, ct);
                }
                catch (ConflictException) when (snapshot is not null && attempt < 3)
                {
                    // Another process committed first and this cache had not seen it yet. The store decides, not the stale
                    // cache: catch up (the missed sets reach subscribers first, in order), then plan again on the head, so
                    // only a real conflict (a stale version, a reference now broken) is refused.
                    await CatchUpUnderLockAsync(networkId, ct);
                    continue;
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
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// Brings the cache up to the store's head (from <see cref="IGraphStore.ReadHeadsAsync"/>): networks whose revision
    /// moved are caught up and their change sets raised on <see cref="Committed"/>, in order; cached networks that are
    /// gone are dropped and raised on <see cref="Deleted"/>. Networks nobody has opened are not loaded.
    /// </summary>
    public async Task FollowAsync(IReadOnlyDictionary<string, long> heads, CancellationToken ct = default)
    {
        foreach (var (networkId, cached) in _snapshots)
        {
            if (heads.TryGetValue(networkId, out var head) && head == cached.Revision) continue;
            var gate = Gate(networkId);
            await gate.WaitAsync(ct);
            try
            {
                await CatchUpUnderLockAsync(networkId, ct);
            }
            finally
            {
                gate.Release();
            }
        }
    }

    private async Task CatchUpUnderLockAsync(string networkId, CancellationToken ct)
    {
        if (!_snapshots.TryGetValue(networkId, out var cached)) return;
        var missed = await store.ReadHistoryAsync(networkId, cached.Revision, null, int.MaxValue, ct);
        if (missed.Count > 0 && missed.Select((set, i) => set.Revision == cached.Revision + 1 + i).All(x => x))
        {
            var next = cached;
            foreach (var set in missed)
            {
                next = next.Apply(set);
                _snapshots[networkId] = next;
                Committed?.Invoke(set);
            }
            return;
        }
        // No history that continues this snapshot: deleted, or deleted and created anew elsewhere.
        var loaded = await store.LoadAsync(networkId, ct);
        if (loaded is null)
        {
            if (_snapshots.TryRemove(networkId, out _)) Deleted?.Invoke(networkId);
            return;
        }
        if (loaded.Revision == cached.Revision && missed.Count == 0) return;
        _snapshots[networkId] = loaded;
        Committed?.Invoke(new ChangeSet(networkId, loaded.Revision, clock.GetUtcNow(), "", ChangePlan.Between(cached, loaded)));
    }

    private async Task<NetworkSnapshot?> LoadUnderLockAsync(string networkId, CancellationToken ct)
    {
        if (_snapshots.TryGetValue(networkId, out var cached)) return cached;
        var loaded = await store.LoadAsync(networkId, ct);
        if (loaded is not null) _snapshots[networkId] = loaded;
        return loaded;
    }

    /// <summary>Every rule for one change, against the state it will produce: fields, references, body size.</summary>
    private ValidationErrors Check(NetworkSnapshot snapshot, Change change)
    {
        var errors = new ValidationErrors();
        validator.CheckFields(change.After!, "", errors);
        var candidate = snapshot.Apply(new ChangeSet(snapshot.Network.Id, snapshot.Revision, default, "", [change]));
        validator.CheckReferences(change.After!, candidate, "", errors);
        if (change.After is Membership m && (change.Before as Membership)?.Body != m.Body)
            validator.CheckBodySize(m.Body, candidate.MembershipCount(m.Body), "body", errors);
        return errors;
    }

    /// <summary>
    /// Checks a multi-entity change list: every entity it leaves behind is valid, and nothing outside the
    /// list still refers to what it deletes.
    /// </summary>
    private void CheckWhole(NetworkSnapshot snapshot, IReadOnlyList<Change> changes)
    {
        var candidate = snapshot.Apply(new ChangeSet(snapshot.Network.Id, snapshot.Revision, default, "", changes));
        var errors = new ValidationErrors();
        foreach (var after in changes.Select(c => c.After).OfType<Entity>())
        {
            validator.CheckFields(after, after.Id, errors);
            validator.CheckReferences(after, candidate, after.Id, errors);
        }
        foreach (var deleted in changes.Where(c => c.Op == ChangeOp.Delete))
        {
            var blocking = EntityValidator.ReferencesTo(deleted.Id, candidate).ToList();
            if (blocking.Count > 0)
            {
                var (label, first) = (deleted.Before!.Label, blocking[0].Source);
                throw new ConflictException(Texts.Get("networks.cannotBeRemovedNowRefers", label, Texts.Of(first).German, first.Id, Texts.Of(first).English),
                    deleted.Before, blocking.Select(b => RefersToIt(b.Source, b.Field)).ToList());
            }
        }
        errors.ThrowIfAny();
    }

    private static Entity Existing(NetworkSnapshot snapshot, EntityKind kind, string id)
    {
        var found = snapshot.Find(id);
        if (found is null || found.EntityKind != kind) throw NotFoundException.NoEntry(kind, id, snapshot.Network.Id);
        return found;
    }

    private static void RequireVersion(Entity entity, ValidationErrors errors)
    {
        if (entity.Version <= 0)
            errors.Add("version", Texts.Get("networks.requiredVersionThisEditIs"));
    }

    private static void EnsureCurrent(Entity current, long basedOn)
    {
        if (current.Version != basedOn)
            throw new ConflictException(Texts.Get("networks.wasChangedBySomeoneElse", current.Label, basedOn, current.Version),
                current);
    }

    /// <summary>One line of a 409's "references": what still points at an entry that is to go.</summary>
    private static string RefersToIt(Entity source, string field) =>
        Texts.Get("valid.refersToIt", Texts.German ? Texts.Of(source).German : Texts.Of(source).English, source.Id, source.Label, Texts.Field(field));

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
