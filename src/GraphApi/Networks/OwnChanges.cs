using GraphApi.Domain;

namespace GraphApi.Networks;

/// <summary>What "Rückgängig" and "Wiederholen" would take next for one author, and which change sets are that author's.</summary>
public sealed record UndoState(long? Undo, long? Redo, IReadOnlySet<long> Own);

/// <summary>
/// A person's own changes, read from the history alone (so they survive a reload): the sets whose author is that person.
/// Walking them oldest first, a set that exactly reverses the newest undoable one is an undo (it can be redone), one that
/// reverses the newest undo is a redo (it can be undone again), anything else is a new change (nothing to redo any more).
/// Undo commits the inverse of the set (<see cref="NetworkService.RevertAsync"/>); redo commits the inverse of the undo,
/// i.e. applies the undone change again as a new change.
/// </summary>
public static class OwnChanges
{
    /// <summary>An account's sets are matched by its user id (display names change and repeat); an author without one by name.</summary>
    public static UndoState Of(IEnumerable<ChangeSet> history, Author author)
    {
        var undo = new Stack<ChangeSet>();
        var redo = new Stack<ChangeSet>();
        var own = new HashSet<long>();
        foreach (var set in history.Where(s => IsBy(s, author) && s.Changes.Count > 0).OrderBy(s => s.Revision))
        {
            own.Add(set.Revision);
            // Changes of the network itself (its name, a meeting started or ended) are not undone here (RevertAsync refuses them).
            if (set.Changes.Any(c => c.Kind == EntityKind.Network)) continue;
            if (undo.TryPeek(out var done) && Reverses(set, done))
            {
                undo.Pop();
                redo.Push(set);
            }
            else if (redo.TryPeek(out var undone) && Reverses(set, undone))
            {
                redo.Pop();
                undo.Push(set);
            }
            else
            {
                undo.Push(set);
                redo.Clear();
            }
        }
        return new UndoState(undo.TryPeek(out var u) ? u.Revision : null, redo.TryPeek(out var r) ? r.Revision : null, own);
    }

    public static bool IsBy(ChangeSet set, Author author) =>
        author.Id is { } id ? set.AuthorId == id : set.AuthorId is null && set.Author == author.Name;

    /// <summary>True when <paramref name="later"/> turns every entity <paramref name="earlier"/> touched back to its state before it.</summary>
    public static bool Reverses(ChangeSet later, ChangeSet earlier)
    {
        if (later.Changes.Count != earlier.Changes.Count) return false;
        var back = later.Changes.GroupBy(c => c.Id).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        return earlier.Changes.All(c => back.TryGetValue(c.Id, out var b) && Same(b.After, c.Before) && Same(b.Before, c.After));
    }

    private static bool Same(Entity? a, Entity? b) => (a, b) switch
    {
        (null, null) => true,
        ({ } x, { } y) => ChangePlan.SameContent(x, y),
        _ => false,
    };
}
