using GraphApi.Live;

namespace GraphUi.Components.Map.Live;

/// <summary>
/// The live session of the circuits (open maps in this process): who is here with which colour and selection, who
/// presents, and the presenter's view. Participants are kept in the same <see cref="Presence"/> as the hub's clients,
/// and every change is also sent to the hub's group, so browsers on the HTTP API and circuits see each other.
/// </summary>
public sealed class MapSessions(Presence presence, LiveBroadcaster broadcaster)
{
    private static readonly string[] Colours = ["#1565c0", "#c62828", "#2e7d32", "#6a1b9a", "#ef6c00", "#00838f", "#ad1457", "#4e342e"];
    private int _counter;

    /// <summary>Presence changed in a network.</summary>
    public event Action<string>? Changed;
    /// <summary>A presenter showed a view (network, view).</summary>
    public event Action<string, Viewport>? Shown;

    public Participant Join(string networkId, string? name)
    {
        var n = Interlocked.Increment(ref _counter);
        var me = new Participant($"circuit-{Guid.NewGuid():N}", networkId, string.IsNullOrWhiteSpace(name) ? $"Gast {n}" : name.Trim(),
            Colours[n % Colours.Length], null, false);
        presence.Set(me);
        Publish(networkId);
        return me;
    }

    public IReadOnlyList<Participant> In(string networkId) => presence.In(networkId);

    public Participant? Get(string id) => presence.Get(id);

    public void Update(string id, Func<Participant, Participant> change)
    {
        if (presence.Get(id) is not { } me) return;
        var next = change(me);
        if (next.Presenting && !me.Presenting)
            foreach (var other in presence.In(me.NetworkId).Where(p => p.Presenting && p.ConnectionId != id))
                presence.Set(other with { Presenting = false }); // one presenter at a time
        presence.Set(next);
        Publish(me.NetworkId);
    }

    public void Show(string id, Viewport view)
    {
        if (presence.Get(id) is not { Presenting: true } me) return;
        Shown?.Invoke(me.NetworkId, view);
        broadcaster.Publish(me.NetworkId, ClientEvents.Follow, view);
    }

    public void Leave(string id)
    {
        if (presence.Get(id) is not { } me) return;
        presence.Remove(id);
        Publish(me.NetworkId);
    }

    private void Publish(string networkId)
    {
        Changed?.Invoke(networkId);
        broadcaster.Publish(networkId, ClientEvents.Presence, presence.In(networkId));
    }
}
