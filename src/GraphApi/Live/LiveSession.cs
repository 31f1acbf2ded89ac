using System.Security.Claims;
using System.Text.Json;
using GraphApi.Domain;
using GraphApi.Networks;
using Microsoft.Extensions.Logging;

namespace GraphApi.Live;

/// <summary>
/// The meeting around a network, on every instance: who is here (<see cref="Presence"/>), the one presenter, the
/// presenter's view ("Folgen") and nodes moved on the map. Blazor circuits and hub connections take part through this
/// one class, and what happens on one instance reaches the others over the <see cref="ILiveBus"/>, so a map on any
/// instance sees the same people, the same presenter and the same positions.
/// </summary>
public sealed class LiveSession
{
    private static readonly string[] Colours = ["#1565c0", "#c62828", "#2e7d32", "#6a1b9a", "#ef6c00", "#00838f", "#ad1457", "#4e342e"];
    private readonly Presence _presence;
    private readonly ILiveBus _bus;
    private readonly ILogger<LiveSession> _logger;
    private int _guests;

    public LiveSession(Presence presence, ILiveBus bus, NetworkService networks, ILogger<LiveSession> logger)
    {
        _presence = presence;
        _bus = bus;
        _logger = logger;
        bus.Received += OnBusMessage;
        networks.PositionsSaved += moved => { Moved?.Invoke(moved); Send(LiveBusTypes.Moved, moved.NetworkId, moved); };
    }

    /// <summary>The participants of a network changed, here or on another instance.</summary>
    public event Action<string>? Changed
    {
        add => _presence.Changed += value;
        remove => _presence.Changed -= value;
    }

    /// <summary>A presenter, here or on another instance, showed a part of the map (network, view, presenter's connection).</summary>
    public event Action<string, Viewport, string>? Shown;

    /// <summary>Nodes were moved, through any instance (a drag, "Aufräumen", the hub or the HTTP API).</summary>
    public event Action<NodesMoved>? Moved;

    /// <summary>A Blazor circuit opens a map, shown as <see cref="GraphApi.Access.Principals.ShownAs"/> says.</summary>
    public Participant Join(string networkId, ClaimsPrincipal? user) => Join($"circuit-{Guid.NewGuid():N}", networkId, user);

    /// <summary>
    /// A hub connection (or a circuit) joins, shown by its account's display name and colour (a share link's visitor by the
    /// link's label): the same rule for both, so a client cannot pose as someone else. Nobody signed in is "Gast n".
    /// </summary>
    public Participant Join(string connectionId, string networkId, ClaimsPrincipal? user)
    {
        var (name, colour) = GraphApi.Access.Principals.ShownAs(user) ?? Guest();
        var me = new Participant(connectionId, networkId, name, colour, null, false);
        _presence.Set(me);
        return me;
    }

    private (string Name, string Colour) Guest()
    {
        var n = Interlocked.Increment(ref _guests);
        return ($"Gast {n}", Colours[n % Colours.Length]);
    }

    public IReadOnlyList<Participant> In(string networkId) => _presence.In(networkId);

    public Participant? Get(string connectionId) => _presence.Get(connectionId);

    /// <summary>Renames, selects or starts/stops presenting. One presenter at a time, on all instances together.</summary>
    public Participant? Update(string connectionId, Func<Participant, Participant> change)
    {
        if (_presence.Get(connectionId) is not { } me) return null;
        var next = change(me);
        if (next.Presenting && !me.Presenting)
        {
            StopPresentersExcept(me.NetworkId, connectionId);
            Send(LiveBusTypes.Presenting, me.NetworkId, connectionId);
        }
        _presence.Set(next);
        return next;
    }

    public void Leave(string connectionId) => _presence.Remove(connectionId);

    /// <summary>The presenter's view, for everyone who follows; from anyone else it is ignored.</summary>
    public bool Show(string connectionId, Viewport view)
    {
        if (_presence.Get(connectionId) is not { Presenting: true } me) return false;
        Shown?.Invoke(me.NetworkId, view, connectionId);
        Send(LiveBusTypes.Follow, me.NetworkId, new Followed(view, connectionId));
        return true;
    }

    private void StopPresentersExcept(string networkId, string connectionId)
    {
        foreach (var other in _presence.Local(networkId).Where(p => p.Presenting && p.ConnectionId != connectionId))
            _presence.Set(other with { Presenting = false });
    }

    private void OnBusMessage(BusMessage message)
    {
        if (message.Origin == _bus.InstanceId) return;
        try
        {
            switch (message.Type)
            {
                case LiveBusTypes.Presenting:
                    StopPresentersExcept(message.NetworkId, Read<string>(message) ?? "");
                    break;
                case LiveBusTypes.Follow when Read<Followed>(message) is { } followed:
                    Shown?.Invoke(message.NetworkId, followed.View, followed.By);
                    break;
                case LiveBusTypes.Moved when Read<NodesMoved>(message) is { } moved:
                    Moved?.Invoke(moved);
                    break;
            }
        }
        catch (JsonException e)
        {
            _logger.LogWarning(e, "Ignored a malformed {Type} message on the live bus", message.Type);
        }
    }

    private static T? Read<T>(BusMessage message) => JsonSerializer.Deserialize<T>(message.Payload, GraphJson.Options);

    private void Send<T>(string type, string networkId, T payload) => _ = SendAsync(new BusMessage(type, networkId, _bus.InstanceId,
        JsonSerializer.Serialize(payload, GraphJson.Options)));

    private async Task SendAsync(BusMessage message)
    {
        try
        {
            await _bus.PublishAsync(message);
        }
        catch (Exception e)
        {
            _logger.LogWarning(e, "Could not publish {Type} for {Network} on the live bus", message.Type, message.NetworkId);
        }
    }

    private sealed record Followed(Viewport View, string By);
}
