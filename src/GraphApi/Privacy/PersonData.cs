using GraphApi.Domain;
using GraphApi.Localization;
using GraphApi.Networks;
using GraphApi.Storage;

namespace GraphApi.Privacy;

/// <summary>Everything stored about one person in one network (DSGVO Art. 15): the current state, the history, the map position.</summary>
public sealed record PersonDataExport(
    string NetworkId, string NetworkName, DateTimeOffset ExportedAt, Person Person, IReadOnlyList<Membership> Memberships,
    IReadOnlyList<PersonHistoryEntry> History, NodePosition? Position);

/// <summary>One stored change of the person or of one of their memberships, with who made it and when.</summary>
public sealed record PersonHistoryEntry(long Revision, DateTimeOffset At, string Author, ChangeOp Op, EntityKind Kind, string Id, Entity? Before, Entity? After);

/// <summary>
/// Persons and the DSGVO (issue 10, point 5): the retention dates that are due, the erasure of a person through the current
/// state, the stored history and the positions (so no export, which all read those, can show the name again), and the
/// Art. 15 export. Authorization is put in front of it (the roles engineer's check), like every other service.
/// </summary>
public sealed class PersonData(NetworkService networks, IGraphStore store, TimeProvider clock)
{
    /// <summary>
    /// What stays of a person's stored state after erasure: the id (opaque), the actor and the bookkeeping; no name, no
    /// function, no retention date. Also applied to every earlier state in the history.
    /// </summary>
    public static Entity Scrub(Entity entity) => entity is Person p
        ? new Person { Id = p.Id, Actor = p.Actor, Version = p.Version, Created = p.Created, Updated = p.Updated }
        : entity;

    /// <summary>Persons whose retention date is on or before <paramref name="asOf"/> (default: today in Europe/Berlin), soonest first.</summary>
    public async Task<IReadOnlyList<Person>> DueAsync(string networkId, DateOnly? asOf, CancellationToken ct = default)
    {
        var snapshot = await networks.GetAsync(networkId, ct);
        var day = (asOf ?? DateOnly.FromDateTime(Dates.ToBerlin(clock.GetUtcNow()).DateTime)).ToString("yyyy-MM-dd");
        return snapshot.All<Person>()
            .Where(p => p.RetainUntil is { } until && string.CompareOrdinal(until, day) <= 0)
            .OrderBy(p => p.RetainUntil, StringComparer.Ordinal).ThenBy(p => p.Id, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// Erases a person (Art. 17): removes them and their memberships from the current state as one change set that records
    /// the erasure without the name (the removed state is <see cref="Scrub"/>bed), rewrites every earlier stored state of the
    /// person the same way and removes their map positions, all in one transaction. Free text that names the person (any
    /// name they were stored under, by the rule of <see cref="NameMentions"/>) gets the placeholder instead: in the current
    /// state as updates of the same change set (so caches and other instances follow), and in every stored state of the history.
    /// </summary>
    public async Task<ChangeSet> EraseAsync(string networkId, string personId, Author author, CancellationToken ct = default)
    {
        // A renamed person may be mentioned by an earlier name: every name they had in the history is looked for.
        var earlier = (await store.ReadHistoryAsync(networkId, 0, personId, int.MaxValue, ct))
            .SelectMany(set => set.Changes).SelectMany(c => new[] { c.Before, c.After })
            .OfType<Person>().Where(p => p.Id == personId).Select(p => p.Name).ToList();
        NameMentions? mentions = null;
        Entity Scrubbed(Entity e) => e is Person p && p.Id == personId ? Scrub(p) : mentions?.Scrub(e) ?? e;
        return await networks.EraseAsync(networkId, personId, snapshot =>
        {
            var person = snapshot.Find<Person>(personId) ?? throw NotFoundException.NoEntry(EntityKind.Person, personId, networkId);
            mentions = NameMentions.Of(earlier.Append(person.Name));
            var changes = new List<Change> { new(ChangeOp.Delete, EntityKind.Person, personId, Scrub(person), null) };
            foreach (var (source, _) in EntityValidator.ReferencesTo(personId, snapshot))
                if (source is Membership or Collaboration && changes.All(c => c.Id != source.Id))
                    changes.Add(new Change(ChangeOp.Delete, source.EntityKind, source.Id, Scrubbed(source), null));
            // Before and after are both without the name: the history must not keep what the text said.
            var gone = changes.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
            foreach (var entity in snapshot.Everything.Where(e => !gone.Contains(e.Id)).Prepend(snapshot.Network).ToList())
                if (Scrubbed(entity) is var clean && !ReferenceEquals(clean, entity))
                    changes.Add(new Change(ChangeOp.Update, entity.EntityKind, entity.Id, clean, clean));
            return changes;
        }, Scrubbed, author, ct);
    }

    /// <summary>Everything stored about a person (Art. 15), as it stands: their state, memberships, every stored change of them and their position.</summary>
    public async Task<PersonDataExport> ExportAsync(string networkId, string personId, CancellationToken ct = default)
    {
        var snapshot = await networks.GetAsync(networkId, ct);
        var person = snapshot.Find<Person>(personId) ?? throw NotFoundException.NoEntry(EntityKind.Person, personId, networkId);
        var history = await store.ReadHistoryAsync(networkId, 0, null, int.MaxValue, ct);
        bool Concerns(Entity? e) => e is Person p && p.Id == personId || e is Membership m && m.Member == personId;
        var entries = history
            .SelectMany(set => set.Changes.Where(c => Concerns(c.Before) || Concerns(c.After))
                .Select(c => new PersonHistoryEntry(set.Revision, set.At, set.Author, c.Op, c.Kind, c.Id, c.Before, c.After)))
            .ToList();
        var positions = await store.LoadPositionsAsync(networkId, ct);
        return new PersonDataExport(networkId, snapshot.Network.Name, clock.GetUtcNow(), person,
            snapshot.All<Membership>().Where(m => m.Member == personId).ToList(), entries,
            positions.TryGetValue(personId, out var position) ? position : null);
    }
}
