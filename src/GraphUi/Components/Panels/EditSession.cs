using GraphApi.Accounts;
using GraphApi.Domain;
using Microsoft.AspNetCore.Components.Authorization;

namespace GraphUi.Components.Panels;

/// <summary>
/// One person's editing in one circuit: the name their changes carry in the history, and which change sets are
/// their own (what "Rückgängig" and "Wiederholen" may touch). Scoped, so every panel of one page shares it.
/// </summary>
public sealed class EditSession(AuthenticationStateProvider? authentication = null)
{
    private Author? _author;

    private readonly Dictionary<string, Stack<long>> _undo = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Stack<long>> _redo = new(StringComparer.Ordinal);
    private readonly HashSet<(string, long)> _own = [];

    /// <summary>
    /// The author in the history: the circuit's signed-in account (display name and user id), never a name typed into
    /// the page. A test without a circuit may set it.
    /// </summary>
    public Author Author
    {
        get => _author ?? Signed() ?? new Author("Gast");
        set => _author = value;
    }

    /// <summary>The circuit's user. Blazor Server sets it from the page request before any component runs, so the task is done.</summary>
    private Author? Signed() =>
        authentication?.GetAuthenticationStateAsync() is { IsCompletedSuccessfully: true } state && Users.IdOf(state.Result.User) is { } id
            ? new Author(Users.DisplayNameOf(state.Result.User), id)
            : (Author?)null;

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
