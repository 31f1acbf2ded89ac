using System.Collections.Concurrent;

namespace GraphApi.Live;

/// <summary>Who has which map open, by SignalR connection.</summary>
public sealed class Presence
{
    private readonly ConcurrentDictionary<string, Participant> _byConnection = new();

    public void Set(Participant participant) => _byConnection[participant.ConnectionId] = participant;

    public Participant? Get(string connectionId) => _byConnection.GetValueOrDefault(connectionId);

    public Participant? Remove(string connectionId) => _byConnection.TryRemove(connectionId, out var p) ? p : null;

    public IReadOnlyList<Participant> In(string networkId) =>
        _byConnection.Values.Where(p => p.NetworkId == networkId).OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
}
