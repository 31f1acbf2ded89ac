using GraphApi.Domain;
using GraphApi.Exchange;
using GraphApi.Localization;
using Microsoft.Extensions.Localization;

namespace GraphApi.Storage.Migration;

/// <summary>Which networks to copy, and whether a copy already in the target may be replaced.</summary>
/// <param name="Networks">Network ids; null or empty for every network of the source.</param>
/// <param name="Replace">Delete a network the target already has before copying it; without it such a network stops the whole run before anything is written.</param>
public sealed record MigrationOptions(IReadOnlyList<string>? Networks = null, bool Replace = false);

/// <summary>
/// One network copied and found equal in the target: its revision, how many change sets of history, how many positions; for
/// a network in the trash, when it was deleted (it is in the target's trash since the same moment).
/// </summary>
public sealed record MigratedNetwork(string Id, long Revision, int ChangeSets, int Positions, bool Replaced, DateTimeOffset? TrashedAt = null);

/// <summary>The migration stopped; <see cref="Exception.Message"/> says why in the process's language.</summary>
public sealed class MigrationException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Copies networks from one <see cref="IGraphStore"/> to another (SQLite → Neo4j and back) with their whole history and
/// their map positions. History is copied by committing the source's change sets to the target one by one, in order,
/// each with its own revision, time, author and before/after states, so the target's store writes its own model of them
/// (rows in SQLite, <c>:Change</c> nodes in Neo4j) exactly as if the edits had been made there. Every network is then
/// verified: the JSON exchange export of source and target, the store metadata of every entry (version, created,
/// updated), the whole history and the positions must be equal. A network that fails is removed from the target again.
/// Networks in the trash are carried too (priv10), into the target's trash with their deletion's time and author, so the
/// purge still counts from the original deletion and the owner can still restore them; with their members and share links.
/// </summary>
public sealed class StoreMigrator(IGraphStore source, IGraphStore target, IStringLocalizer<Strings> text)
{
    public async Task<IReadOnlyList<MigratedNetwork>> MigrateAsync(MigrationOptions options, Action<MigratedNetwork>? copied = null,
        CancellationToken ct = default)
    {
        var trash = (await source.ListTrashAsync(ct)).ToDictionary(t => t.Network.Id, StringComparer.Ordinal);
        var all = (await source.ListNetworksAsync(ct)).Select(n => n.Id).Concat(trash.Keys).ToList();
        var ids = options.Networks is { Count: > 0 } wanted ? wanted.Distinct(StringComparer.Ordinal).ToList() : all;
        var missing = ids.Except(all, StringComparer.Ordinal).ToList();
        if (missing.Count > 0) throw new MigrationException(text["migrate.missing", string.Join(", ", missing)]);

        // Refused before anything is written: a run either copies what it was asked to or leaves the target as it was. A
        // network in the target's trash counts too: copying over it would fail, and the failed copy's cleanup would erase it.
        var heads = await target.ReadHeadsAsync(ct);
        var targetTrash = (await target.ListTrashAsync(ct)).Select(t => t.Network.Id).ToHashSet(StringComparer.Ordinal);
        var existing = ids.Where(id => heads.ContainsKey(id) || targetTrash.Contains(id)).ToList();
        if (existing.Count > 0 && !options.Replace) throw new MigrationException(text["migrate.exists", string.Join(", ", existing)]);

        var done = new List<MigratedNetwork>();
        foreach (var id in ids)
        {
            var result = await CopyAsync(id, trash.GetValueOrDefault(id), replace: existing.Contains(id), ct);
            done.Add(result);
            copied?.Invoke(result);
        }
        return done;
    }

    private async Task<MigratedNetwork> CopyAsync(string id, TrashedNetwork? trashed, bool replace, CancellationToken ct)
    {
        var head = trashed?.Revision ?? await source.ReadHeadAsync(id, ct) ?? throw new MigrationException(text["migrate.missing", id]);
        var history = (await source.ReadHistoryAsync(id, 0, null, int.MaxValue, ct)).Where(s => s.Revision <= head).ToList();
        if (history is not [{ Changes: var first }, ..] || !first.Any(c => c is { Kind: EntityKind.Network, Op: ChangeOp.Create }))
            throw new MigrationException(text["migrate.noCreation", id]);

        if (replace) await target.DeleteNetworkAsync(id, ct);
        if (replace) await target.RemoveAccessAsync(id, ct); // roles: members and share links go with the network
        try
        {
            var revision = 0L;
            foreach (var set in history)
            {
                await target.CommitAsync(set, revision, ct);
                revision = set.Revision;
            }
            var positions = await source.LoadPositionsAsync(id, ct);
            if (positions.Count > 0) await target.SavePositionsAsync(id, positions, ct);

            // A store serves no state of a network in its trash: such a network's state is its history played forward,
            // checked against the source's trash entry. The copy is compared while it is still live in the target.
            var from = trashed is null ? await source.LoadAsync(id, ct) : Replay(history);
            var difference = trashed is not null && from is not null
                && (from.Revision != trashed.Revision || GraphJson.Serialize(from.Network) != GraphJson.Serialize(trashed.Network))
                ? "trash"
                : await DifferenceAsync(id, from, history, positions, ct);
            if (difference is not null) throw new MigrationException(text["migrate.differs", id, difference]);
            if (trashed is not null && !await target.MoveToTrashAsync(id, trashed.TrashedAt, new Author(trashed.TrashedBy, trashed.TrashedById), ct))
                throw new MigrationException(text["migrate.differs", id, "trash"]);
            await CopyAccessAsync(id, ct);
            difference = await AccessDifferenceAsync(id, trashed, ct);
            if (difference is not null) throw new MigrationException(text["migrate.differs", id, difference]);
            return new MigratedNetwork(id, revision, history.Count, positions.Count, replace, trashed?.TrashedAt);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Nothing half-copied stays behind; the source is untouched.
            try { await target.DeleteNetworkAsync(id, CancellationToken.None); await target.RemoveAccessAsync(id, CancellationToken.None); } catch (Exception) { /* the first error is the one to tell */ }
            throw e as MigrationException ?? new MigrationException(text["migrate.failed", id, e.Message], e);
        }
    }

    /// <summary>The state a history leads to: what a store holds of a network whose history it is.</summary>
    private static NetworkSnapshot Replay(IReadOnlyList<ChangeSet> history) =>
        history.Aggregate(NetworkSnapshot.Empty((Network)history[0].Changes.First(c => c is { Kind: EntityKind.Network, Op: ChangeOp.Create }).After!),
            (state, set) => state.Apply(set));

    /// <summary>Where the copy differs from the source (exchange export, metadata, history, positions), or null if it does not.</summary>
    private async Task<string?> DifferenceAsync(string id, NetworkSnapshot? from, IReadOnlyList<ChangeSet> history,
        IReadOnlyDictionary<string, NodePosition> positions, CancellationToken ct)
    {
        var to = await target.LoadAsync(id, ct);
        if (from is null || to is null) return "network";
        if (from.Revision != to.Revision || from.Revision != history[^1].Revision) return $"revision {from.Revision} / {to.Revision}";
        if (NetworkExchange.Serialize(NetworkExchange.ToDocument(from)) != NetworkExchange.Serialize(NetworkExchange.ToDocument(to)))
            return "export";
        if (!from.Everything.Prepend(from.Network).Select(GraphJson.Serialize).SequenceEqual(to.Everything.Prepend(to.Network).Select(GraphJson.Serialize)))
            return "metadata";

        var copied = await target.ReadHistoryAsync(id, 0, null, int.MaxValue, ct);
        if (copied.Count != history.Count) return $"history {history.Count} / {copied.Count}";
        for (var i = 0; i < history.Count; i++)
            if (Describe(history[i]) != Describe(copied[i])) return $"history, revision {history[i].Revision}";

        var placed = await target.LoadPositionsAsync(id, ct);
        if (placed.Count != positions.Count || positions.Any(p => !placed.TryGetValue(p.Key, out var q) || q != p.Value)) return "positions";
        return null;
    }

    /// <summary>Where the copy's members, share links and (for a network in the trash) trash entry differ from the source's, or null.</summary>
    private async Task<string?> AccessDifferenceAsync(string id, TrashedNetwork? trashed, CancellationToken ct)
    {
        if (!(await source.ListMembersAsync(id, ct)).SequenceEqual(await target.ListMembersAsync(id, ct))) return "members";
        if (!(await source.ListSharesAsync(id, ct)).SequenceEqual(await target.ListSharesAsync(id, ct))) return "share links";
        var there = (await target.ListTrashAsync(ct)).FirstOrDefault(t => t.Network.Id == id);
        if (trashed is null) return there is null ? null : "trash";
        return there is not null && GraphJson.Serialize(there.Network) == GraphJson.Serialize(trashed.Network)
            && (there.Revision, there.TrashedAt, there.TrashedBy, there.TrashedById) == (trashed.Revision, trashed.TrashedAt, trashed.TrashedBy, trashed.TrashedById)
            ? null
            : "trash";
    }

    /// <summary>Roles and share links are kept with the network, so they move with it (issue 10).</summary>
    private async Task CopyAccessAsync(string id, CancellationToken ct)
    {
        foreach (var member in await source.ListMembersAsync(id, ct)) await target.SetMemberAsync(id, member, ct);
        foreach (var share in await source.ListSharesAsync(id, ct)) await target.AddShareAsync(share, ct);
    }

    /// <summary>A change set as text: revision, time, author and every change with its states.</summary>
    private static string Describe(ChangeSet set) => string.Join("\n", set.Changes.Select(c =>
            $"{c.Op} {c.Kind} {c.Id} {(c.Before is null ? "-" : GraphJson.Serialize(c.Before))} {(c.After is null ? "-" : GraphJson.Serialize(c.After))}")
        .Prepend($"{set.NetworkId} {set.Revision} {set.At:O} {set.Author} {set.AuthorId}"));
}
