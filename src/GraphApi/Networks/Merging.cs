using GraphApi.Domain;

namespace GraphApi.Networks;

/// <summary>What to merge: two actors that are one organisation, or two bodies a steering group unites (the other one dissolved as of a day).</summary>
/// <param name="Kind">Actor or Body.</param>
/// <param name="Keep">The id of the entry that stays.</param>
/// <param name="Other">The id of the entry that goes into it.</param>
/// <param name="AsOf">For bodies: the day the other body is dissolved (YYYY-MM-DD); its memberships end then and continue in the kept body.</param>
public sealed record MergeRequest(EntityKind Kind, string Keep, string Other, string? AsOf = null);

/// <summary>
/// Zusammenführen as one change list, planned on a snapshot: NetworkService commits it as one change set (one history
/// entry, undone as a whole). Pure: the same snapshot and request always give the same changes.
/// </summary>
public static class Merging
{
    /// <summary>Roles from the strongest: where two memberships become one, the stronger role stays.</summary>
    private static readonly string[] Strength =
        [MembershipRoles.Chair, MembershipRoles.Management, MembershipRoles.Member, MembershipRoles.Advisory, MembershipRoles.Guest];

    public static string Stronger(string a, string b) => Rank(a) <= Rank(b) ? a : b;

    private static int Rank(string role) => Array.IndexOf(Strength, role) is var i and >= 0 ? i : Strength.Length;

    /// <summary>The request's own mistakes (kinds, ids, the day), field by field; empty when it can be planned.</summary>
    public static ValidationErrors Check(NetworkSnapshot snapshot, MergeRequest request)
    {
        var errors = new ValidationErrors();
        if (request.Kind is not (EntityKind.Actor or EntityKind.Body))
        {
            errors.Add("kind", Texts.Get("merge.kind", Kinds.Of(EntityKind.Actor).Label, Kinds.Of(EntityKind.Body).Label));
            return errors;
        }
        var word = Texts.Of(request.Kind);
        foreach (var (field, id) in new[] { ("keep", request.Keep), ("other", request.Other) })
        {
            if (string.IsNullOrWhiteSpace(id)) errors.Add(field, Texts.Get("valid.empty"));
            else if (snapshot.Find(id) is not { } found) errors.Add(field, Texts.Get("valid.notExists", id));
            else if (found.EntityKind != request.Kind)
                errors.Add(field, Texts.German
                    ? Texts.Get("valid.wrongKind", found.Label, Texts.Of(found).Ein, word.Kein)
                    : Texts.Get("valid.wrongKind", found.Label, Texts.Of(found).A, word.A));
        }
        if (!errors.Any && request.Keep == request.Other) errors.Add("other", Texts.Get("merge.same"));
        if (request.Kind == EntityKind.Body)
        {
            if (string.IsNullOrWhiteSpace(request.AsOf)) errors.Add("asOf", Texts.Get("merge.asOfRequired"));
            else if (!GraphApi.Analysis.AsOf.TryParse(request.AsOf, out _)) errors.Add("asOf", Texts.Get("valid.date", request.AsOf));
        }
        return errors;
    }

    /// <summary>The changes of the merge; call <see cref="Check"/> first.</summary>
    public static IReadOnlyList<Change> Plan(NetworkSnapshot snapshot, MergeRequest request) => request.Kind == EntityKind.Actor
        ? new Edit(snapshot).Actors(request.Keep, request.Other)
        : new Edit(snapshot).Bodies(request.Keep, request.Other, request.AsOf!);

    /// <summary>The planned changes, entity by entity: the latest state of each, and which are to go.</summary>
    private sealed class Edit(NetworkSnapshot snapshot)
    {
        private readonly Dictionary<string, Entity?> _after = new(StringComparer.Ordinal);
        private readonly List<string> _order = [];

        private T Now<T>(T entity) where T : Entity => _after.TryGetValue(entity.Id, out var e) ? (T)e! : entity;

        private void Set(Entity entity)
        {
            if (!_after.ContainsKey(entity.Id)) _order.Add(entity.Id);
            _after[entity.Id] = entity;
        }

        private void Remove(Entity entity)
        {
            if (!_after.ContainsKey(entity.Id)) _order.Add(entity.Id);
            _after[entity.Id] = null;
        }

        /// <summary>The entries of a kind as planned so far: changed ones in their new state, removed ones left out, new ones added.</summary>
        private IEnumerable<T> Current<T>() where T : Entity =>
            snapshot.All<T>().Select(e => _after.TryGetValue(e.Id, out var a) ? a as T : e).OfType<T>()
                .Concat(_after.Values.OfType<T>().Where(e => snapshot.Find(e.Id) is null));

        private IReadOnlyList<Change> Changes() => _order.Select(id =>
        {
            var before = snapshot.Find(id);
            var after = _after[id];
            return after is null ? new Change(ChangeOp.Delete, before!.EntityKind, id, before, null)
                : before is null ? new Change(ChangeOp.Create, after.EntityKind, id, null, after with { Version = 0 })
                : new Change(ChangeOp.Update, after.EntityKind, id, before, after with { Version = before.Version });
        }).Where(c => c.Op != ChangeOp.Update || !Equals(c.Before, c.After)).ToList();

        /// <summary>Both lists in one; the first list itself when the second adds nothing, so an unchanged entry stays unchanged.</summary>
        private static IReadOnlyList<string> Union(IReadOnlyList<string> a, IReadOnlyList<string> b) =>
            b.All(a.Contains) ? a : a.Concat(b).Distinct(StringComparer.Ordinal).ToList();

        private static IReadOnlyList<string> Swap(IReadOnlyList<string> ids, string from, string to) =>
            ids.Select(i => i == from ? to : i).Distinct(StringComparer.Ordinal).ToList();

        private static string? Earliest(string? a, string? b) => a is null || b is null ? null : string.CompareOrdinal(a, b) <= 0 ? a : b;
        private static string? Latest(string? a, string? b) => a is null || b is null ? null : string.CompareOrdinal(a, b) >= 0 ? a : b;

        /// <summary>An entry that moves to the kept one: as moved, or, when the kept one has the same already (its twin), united into that one.</summary>
        private void MoveOrUnite<T>(T original, T moved, T? twin, Func<T, T> unite) where T : Entity
        {
            if (twin is null)
            {
                Set(moved);
                return;
            }
            Set(unite(twin));
            Remove(original);
        }

        /// <summary>
        /// Everything of <paramref name="otherId"/> moves to <paramref name="keepId"/>: memberships (the same body twice becomes one,
        /// with the stronger role and the longer period), collaborations (one between the two disappears, the same one twice
        /// becomes one), persons, leads, representatives, providers of measures, sub-units; topics and territories are united.
        /// </summary>
        public IReadOnlyList<Change> Actors(string keepId, string otherId)
        {
            var keep = snapshot.Find<Actor>(keepId)!;
            var other = snapshot.Find<Actor>(otherId)!;
            Set(keep with
            {
                Topics = Union(keep.Topics, other.Topics), Territories = Union(keep.Territories, other.Territories),
                ShortName = keep.ShortName ?? other.ShortName, Description = keep.Description ?? other.Description,
                Parent = keep.Parent == otherId ? (other.Parent == keepId ? null : other.Parent) : keep.Parent,
            });

            foreach (var m in snapshot.All<Membership>().Where(m => m.Member == otherId || m.Representing == otherId).ToList())
            {
                var moved = m with
                {
                    Member = m.Member == otherId ? keepId : m.Member,
                    Representing = m.Representing == otherId ? keepId : m.Representing,
                };
                var twin = moved.Member == keepId
                    ? Current<Membership>().FirstOrDefault(x => x.Id != m.Id && x.Member == keepId && x.Body == m.Body)
                    : null;
                MoveOrUnite(m, moved, twin, t => t with
                {
                    Role = Stronger(t.Role, m.Role), Since = Earliest(t.Since, m.Since), Until = Latest(t.Until, m.Until),
                    Representing = t.Representing ?? moved.Representing,
                });
            }

            foreach (var c in snapshot.All<Collaboration>().Where(c => c.From == otherId || c.To == otherId).ToList())
            {
                var moved = c with { From = c.From == otherId ? keepId : c.From, To = c.To == otherId ? keepId : c.To };
                if (moved.From == moved.To)
                {
                    Remove(c);
                    continue;
                }
                var twin = Current<Collaboration>().FirstOrDefault(x => x.Id != c.Id && x.Kind == c.Kind && x.From != otherId && x.To != otherId &&
                    ((x.From == moved.From && x.To == moved.To) || (x.From == moved.To && x.To == moved.From)));
                MoveOrUnite(c, moved, twin, t => t with
                {
                    Topics = Union(t.Topics, c.Topics), Since = Earliest(t.Since, c.Since), Until = Latest(t.Until, c.Until),
                    Description = t.Description ?? c.Description,
                });
            }

            foreach (var p in snapshot.All<Person>().Where(p => p.Actor == otherId)) Set(Now(p) with { Actor = keepId });
            foreach (var b in snapshot.All<Body>().Where(b => b.Lead == otherId)) Set(Now(b) with { Lead = keepId });
            foreach (var m in snapshot.All<Measure>().Where(m => m.OfferedBy.Contains(otherId)))
                Set(Now(m) with { OfferedBy = Swap(m.OfferedBy, otherId, keepId) });
            foreach (var a in snapshot.All<Actor>().Where(a => a.Parent == otherId && a.Id != keepId)) Set(Now(a) with { Parent = keepId });

            Remove(other);
            return Changes();
        }

        /// <summary>
        /// The other body's members become members of the kept one from <paramref name="asOf"/> (a member of both keeps the stronger
        /// role); the other body's memberships end that day and the body is dissolved then. Bodies that reported to it report to the
        /// kept one; its topics and territories are united into the kept one.
        /// </summary>
        public IReadOnlyList<Change> Bodies(string keepId, string otherId, string asOf)
        {
            var keep = snapshot.Find<Body>(keepId)!;
            var other = snapshot.Find<Body>(otherId)!;
            Set(keep with
            {
                Topics = Union(keep.Topics, other.Topics), Territories = Union(keep.Territories, other.Territories),
                Lead = keep.Lead ?? other.Lead,
                ReportsTo = keep.ReportsTo == otherId ? (other.ReportsTo == keepId ? null : other.ReportsTo) : keep.ReportsTo,
            });
            Set(other with
            {
                Status = BodyStatuses.Dissolved,
                Dissolved = other.Dissolved is { } was && string.CompareOrdinal(was, asOf) < 0 ? was : asOf,
            });

            var taken = new HashSet<string>(snapshot.Everything.Select(e => e.Id), StringComparer.Ordinal);
            foreach (var m in snapshot.All<Membership>().Where(m => m.Body == otherId).OrderBy(m => m.Id, StringComparer.Ordinal).ToList())
            {
                var current = GraphApi.Analysis.AsOf.Holds(m.Since, m.Until, asOf);
                if (m.Since is not null && string.CompareOrdinal(m.Since, asOf) > 0) Remove(m); // would only begin after the end
                else if (current) Set(m with { Until = asOf });
                if (!current) continue;

                var twin = Current<Membership>()
                    .FirstOrDefault(x => x.Body == keepId && x.Member == m.Member && GraphApi.Analysis.AsOf.Holds(x.Since, x.Until, asOf));
                if (twin is not null)
                {
                    Set(twin with { Role = Stronger(twin.Role, m.Role), Representing = twin.Representing ?? m.Representing });
                    continue;
                }
                var id = Membership.DerivedId(m.Member, keepId, asOf);
                for (var n = 2; taken.Contains(id); n++) id = $"{Membership.DerivedId(m.Member, keepId, asOf)}-{n}";
                taken.Add(id);
                Set(new Membership { Id = id, Member = m.Member, Body = keepId, Role = m.Role, Representing = m.Representing, Since = asOf, Until = m.Until });
            }

            foreach (var b in snapshot.All<Body>().Where(b => b.ReportsTo == otherId && b.Id != keepId)) Set(Now(b) with { ReportsTo = keepId });
            return Changes();
        }
    }
}
