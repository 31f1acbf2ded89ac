using System.Collections.Concurrent;

namespace GraphApi.Live;

/// <summary>
/// Who has which map open: this instance's participants by SignalR connection (or Blazor circuit), and what the other
/// instances said on the live bus about theirs. <see cref="In"/> is everyone, on every instance.
/// </summary>
public sealed class Presence(TimeProvider clock)
{
    /// <summary>An instance that has not repeated its presence for this long is taken to be gone.</summary>
    public static readonly TimeSpan RemoteLifetime = TimeSpan.FromSeconds(15);

    private readonly ConcurrentDictionary<string, Participant> _byConnection = new();
    private readonly ConcurrentDictionary<(string Instance, string NetworkId), (DateTimeOffset Seen, IReadOnlyList<Participant> Participants)> _remote = new();

    /// <summary>Raised with the network's id when its participants changed (here or on another instance).</summary>
    public event Action<string>? Changed;

    /// <summary>Raised with the network's id when this instance's own participants of it changed: tell the others.</summary>
    public event Action<string>? LocalChanged;

    public void Set(Participant participant)
    {
        var previous = _byConnection.GetValueOrDefault(participant.ConnectionId);
        _byConnection[participant.ConnectionId] = participant;
        if (previous is not null && previous.NetworkId != participant.NetworkId) Raise(previous.NetworkId);
        Raise(participant.NetworkId);
    }

    public Participant? Get(string connectionId) => _byConnection.GetValueOrDefault(connectionId);

    public Participant? Remove(string connectionId)
    {
        if (!_byConnection.TryRemove(connectionId, out var p)) return null;
        Raise(p.NetworkId);
        return p;
    }

    /// <summary>Everyone in a network, on every instance, by name.</summary>
    public IReadOnlyList<Participant> In(string networkId)
    {
        var now = clock.GetUtcNow();
        var remote = _remote.Where(r => r.Key.NetworkId == networkId && now - r.Value.Seen < RemoteLifetime).SelectMany(r => r.Value.Participants);
        return Local(networkId).Concat(remote).DistinctBy(p => p.ConnectionId)
            .OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.ConnectionId, StringComparer.Ordinal).ToList();
    }

    /// <summary>Only this instance's participants of a network: what it tells the others.</summary>
    public IReadOnlyList<Participant> Local(string networkId) =>
        _byConnection.Values.Where(p => p.NetworkId == networkId).OrderBy(p => p.ConnectionId, StringComparer.Ordinal).ToList();

    /// <summary>The networks this instance has participants in.</summary>
    public IReadOnlyCollection<string> LocalNetworks => _byConnection.Values.Select(p => p.NetworkId).ToHashSet();

    /// <summary>Another instance's participants of a network, as it said on the bus.</summary>
    public void SetRemote(string instance, string networkId, IReadOnlyList<Participant> participants)
    {
        var key = (instance, networkId);
        var before = _remote.TryGetValue(key, out var old) ? old.Participants : [];
        _remote[key] = (clock.GetUtcNow(), participants);
        if (!before.SequenceEqual(participants)) Changed?.Invoke(networkId);
    }

    /// <summary>Forgets instances that went quiet; raises <see cref="Changed"/> for their networks.</summary>
    public void Expire()
    {
        var now = clock.GetUtcNow();
        foreach (var (key, value) in _remote)
            if (now - value.Seen >= RemoteLifetime && _remote.TryRemove(key, out _) && value.Participants.Count > 0)
                Changed?.Invoke(key.NetworkId);
    }

    private void Raise(string networkId)
    {
        LocalChanged?.Invoke(networkId);
        Changed?.Invoke(networkId);
    }
}
