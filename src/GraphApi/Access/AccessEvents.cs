using System.Text.Json;
using GraphApi.Domain;
using GraphApi.Live;

namespace GraphApi.Access;

/// <summary>
/// A right of a network changed. <see cref="UserId"/> or <see cref="ShareHash"/> names whose; <see cref="Cut"/> says that a
/// right was taken away or lowered, so that principal's live connections to the network close at once.
/// </summary>
public sealed record AccessChange(string NetworkId, string? UserId, string? ShareHash, bool Cut);

/// <summary>
/// Changes of rights on the live bus (type <c>revoked</c>), so every instance forgets what it cached and closes the circuits
/// and hub connections that lost their right, whichever instance made the change.
/// </summary>
public sealed class AccessEvents
{
    private readonly ILiveBus _bus;
    private long _version;

    public AccessEvents(ILiveBus bus)
    {
        _bus = bus;
        bus.Received += OnReceived;
    }

    /// <summary>Counts the notices received; a cache read that saw it move may be stale.</summary>
    public long Version => Interlocked.Read(ref _version);

    /// <summary>Every change, from this instance or another; raised on the bus's thread.</summary>
    public event Action<AccessChange>? Changed;

    public Task PublishAsync(AccessChange change) =>
        _bus.PublishAsync(new BusMessage(LiveBusTypes.Revoked, change.NetworkId, _bus.InstanceId, JsonSerializer.Serialize(change, GraphJson.Options)));

    private void OnReceived(BusMessage message)
    {
        if (message.Type != LiveBusTypes.Revoked) return;
        AccessChange? change;
        try { change = JsonSerializer.Deserialize<AccessChange>(message.Payload, GraphJson.Options); }
        catch (JsonException) { return; }
        if (change is null || change.NetworkId != message.NetworkId) return;
        Interlocked.Increment(ref _version);
        Changed?.Invoke(change);
    }
}
