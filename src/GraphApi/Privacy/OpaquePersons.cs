using System.Text.RegularExpressions;
using GraphApi.Domain;

namespace GraphApi.Privacy;

/// <summary>
/// Persons get opaque random ids when a file brings them without one (a name is personal data and must not become an id).
/// So that importing the same hand-typed file again still changes nothing, such a new id is matched to the person the
/// network already holds with the same name, function and organisation, and the memberships follow.
/// </summary>
public static partial class OpaquePersons
{
    [GeneratedRegex("^person-[0-9a-f]{10}$")]
    private static partial Regex Generated();

    public static bool IsGenerated(string id) => Generated().IsMatch(id);

    /// <summary><paramref name="target"/> with its newly generated person ids replaced by those of the same persons in <paramref name="current"/>.</summary>
    public static NetworkSnapshot? MatchExisting(NetworkSnapshot? target, NetworkSnapshot? current)
    {
        if (target is null || current is null) return target;
        var taken = target.All<Person>().Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var person in target.All<Person>().Where(p => IsGenerated(p.Id) && current.Find(p.Id) is null))
        {
            var same = current.All<Person>()
                .Where(c => !taken.Contains(c.Id) && !map.ContainsValue(c.Id) && c.Name == person.Name && c.Function == person.Function && c.Actor == person.Actor)
                .Take(2).ToList();
            if (same.Count == 1) map[person.Id] = same[0].Id;
        }
        if (map.Count == 0) return target;
        string Mapped(string id) => map.TryGetValue(id, out var to) ? to : id;
        var entities = target.Everything.Select(e => e switch
        {
            Person p when map.ContainsKey(p.Id) => p with { Id = map[p.Id] },
            Membership m when map.ContainsKey(m.Member) => m with
            {
                Member = Mapped(m.Member),
                Id = m.Id == Membership.DerivedId(m.Member, m.Body, m.Since) ? Membership.DerivedId(Mapped(m.Member), m.Body, m.Since) : m.Id,
            },
            _ => e,
        });
        return NetworkSnapshot.Create(target.Network, target.Revision, entities);
    }
}
