using System.Runtime.CompilerServices;

namespace GraphApi.Domain;

/// <summary>
/// Loops in the parent and reports-to chains. A snapshot never changes, so what is learnt about it is kept with it:
/// an entity whose chain was followed to its end without a loop is known to end, and a later walk stops there. Checking
/// every entity of an import is therefore linear in the number of entities, however long the chains are (a walk that
/// restarted from each entity was cubic: a 3,000-long chain cost 26 s).
/// </summary>
public sealed class Chains
{
    private static readonly ConditionalWeakTable<NetworkSnapshot, Chains> BySnapshot = new();
    private readonly Dictionary<(string Field, string Id), bool> _ends = new();

    /// <summary>Steps taken along chains so far in this snapshot: what the linearity test counts.</summary>
    public long Steps { get; private set; }

    public static Chains Of(NetworkSnapshot network) => BySnapshot.GetValue(network, _ => new Chains());

    /// <summary>
    /// The loop that leads from <paramref name="start"/> back to it through <paramref name="next"/> (ids, start first),
    /// or null. A loop further up that does not pass through <paramref name="start"/> is reported where it begins.
    /// </summary>
    public IReadOnlyList<string>? LoopFrom<T>(T start, NetworkSnapshot network, string field, Func<T, string?> next) where T : Entity
    {
        lock (_ends)
        {
            var walked = new List<string> { start.Id };
            var onPath = new HashSet<string>(StringComparer.Ordinal) { start.Id };
            for (var id = next(start); id is not null; )
            {
                Steps++;
                if (id == start.Id) return walked;
                if (!onPath.Add(id)) return null; // a loop above this entity: reported where it begins, nothing learnt
                if (_ends.ContainsKey((field, id))) break;
                walked.Add(id);
                if (network.Find<T>(id) is not { } current) break;
                id = next(current);
            }
            // The chain ends (at the top, at a missing entity or at one known to end): none of these is in a loop. The start
            // itself is not kept: it may be a changed entity the snapshot does not hold yet.
            foreach (var id in walked.Skip(1)) _ends[(field, id)] = true;
            return null;
        }
    }
}
