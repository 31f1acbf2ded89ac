using GraphApi.Domain;

namespace GraphUi.Components.Panels;

/// <summary>
/// One person's editing in one circuit: the name their changes carry in the history, and which change sets are
/// their own (what "Rückgängig" and "Wiederholen" may touch). Scoped, so every panel of one page shares it.
/// </summary>
public sealed class EditSession
{
    private readonly Dictionary<string, Stack<long>> _undo = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Stack<long>> _redo = new(StringComparer.Ordinal);
    private readonly HashSet<(string, long)> _own = [];

    /// <summary>The name in the history; the presence bar sets it ("Ihr Name").</summary>
    public string Author { get; set; } = "Gast";

    /// <summary>Raised when own changes, undo or redo changed, so buttons elsewhere on the page can update.</summary>
    public event Action? Changed;

    public bool IsOwn(string networkId, long revision) => _own.Contains((networkId, revision));

    /// <summary>A change this person made (an edit, a delete, a restore).</summary>
    public void Made(ChangeSet set)
    {
        if (set.Changes.Count == 0) return;
        _own.Add((set.NetworkId, set.Revision));
        Stack(_undo, set.NetworkId).Push(set.Revision);
        Stack(_redo, set.NetworkId).Clear();
        Changed?.Invoke();
    }

    /// <summary>An undo of <paramref name="revision"/> was committed as <paramref name="inverse"/>: the inverse can be redone.</summary>
    public void Undone(long revision, ChangeSet inverse)
    {
        _own.Add((inverse.NetworkId, inverse.Revision));
        var undo = Stack(_undo, inverse.NetworkId);
        if (undo.TryPeek(out var top) && top == revision) undo.Pop();
        Stack(_redo, inverse.NetworkId).Push(inverse.Revision);
        Changed?.Invoke();
    }

    /// <summary>A redo (undoing the undo <paramref name="revision"/>) was committed as <paramref name="again"/>.</summary>
    public void Redone(long revision, ChangeSet again)
    {
        _own.Add((again.NetworkId, again.Revision));
        var redo = Stack(_redo, again.NetworkId);
        if (redo.TryPeek(out var top) && top == revision) redo.Pop();
        Stack(_undo, again.NetworkId).Push(again.Revision);
        Changed?.Invoke();
    }

    /// <summary>The own change set "Rückgängig" would undo next, if any.</summary>
    public long? NextUndo(string networkId) => Stack(_undo, networkId).TryPeek(out var r) ? r : null;

    /// <summary>The own undo "Wiederholen" would take back next, if any.</summary>
    public long? NextRedo(string networkId) => Stack(_redo, networkId).TryPeek(out var r) ? r : null;

    private static Stack<long> Stack(Dictionary<string, Stack<long>> map, string networkId) =>
        map.TryGetValue(networkId, out var s) ? s : map[networkId] = new Stack<long>();
}
