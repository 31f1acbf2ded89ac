using System.Text.Json;
using System.Threading.Channels;
using GraphApi.Domain;
using GraphApi.Networks;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GraphApi.Live;

/// <summary>
/// Connects the change feed, the live session and the live bus to this instance's hub clients. Every instance follows
/// the store itself (<see cref="StoreFollower"/>), so each one sends the change sets to its own clients (the instance's
/// group <see cref="NetworkHub.LocalGroup"/>), in commit order, from one queue and one sender. Presence, moved nodes
/// and the presenter's view reach every instance's <see cref="LiveSession"/> over the <see cref="ILiveBus"/>, and each
/// instance hands them to its own circuits and hub clients — one path for both.
/// </summary>
public sealed class LiveBroadcaster(NetworkService networks, Presence presence, LiveSession session, ILiveBus bus, StoreFollower follower,
    IHubContext<NetworkHub> hub, TimeProvider clock, ILogger<LiveBroadcaster> logger) : BackgroundService
{
    /// <summary>How often an instance repeats its presence, so that the others know it is still there.</summary>
    public static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(5);

    private readonly Channel<(string Group, string Event, object Payload, string? Except)> _queue =
        Channel.CreateUnbounded<(string, string, object, string?)>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>To this instance's clients of the network (each instance sends its own), but <paramref name="except"/>.</summary>
    private void PublishLocal(string networkId, string clientEvent, object payload, string? except = null) =>
        _queue.Writer.TryWrite((NetworkHub.LocalGroup(networkId, bus.InstanceId), clientEvent, payload, except));

    public override Task StartAsync(CancellationToken ct)
    {
        networks.Committed += OnCommitted;
        networks.Deleted += OnDeleted;
        presence.Changed += OnPresenceChanged;
        presence.LocalChanged += OnLocalPresenceChanged;
        session.Shown += OnShown;
        session.Moved += OnMoved;
        bus.Received += OnBusMessage;
        return base.StartAsync(ct);
    }

    public override Task StopAsync(CancellationToken ct)
    {
        networks.Committed -= OnCommitted;
        networks.Deleted -= OnDeleted;
        presence.Changed -= OnPresenceChanged;
        presence.LocalChanged -= OnLocalPresenceChanged;
        session.Shown -= OnShown;
        session.Moved -= OnMoved;
        bus.Received -= OnBusMessage;
        return base.StopAsync(ct);
    }

    private void OnCommitted(ChangeSet set)
    {
        if (set.Changes.Count == 0) return;
        PublishLocal(set.NetworkId, ClientEvents.Changed, set);
        Send(new BusMessage(LiveBusTypes.Committed, set.NetworkId, bus.InstanceId, set.Revision.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    private void OnDeleted(string networkId)
    {
        PublishLocal(networkId, ClientEvents.Deleted, networkId);
        Send(new BusMessage(LiveBusTypes.Deleted, networkId, bus.InstanceId));
    }

    private void OnPresenceChanged(string networkId) => PublishLocal(networkId, ClientEvents.Presence, presence.In(networkId));

    private void OnLocalPresenceChanged(string networkId) => Send(new BusMessage(LiveBusTypes.Presence, networkId, bus.InstanceId,
        JsonSerializer.Serialize(presence.Local(networkId), GraphJson.Options)));

    private void OnShown(string networkId, Viewport view, string presenter) => PublishLocal(networkId, ClientEvents.Follow, view, except: presenter);

    /// <summary>Hub clients draw the shared map only.</summary>
    private void OnMoved(NodesMoved moved)
    {
        if (moved.Layout is null) PublishLocal(moved.NetworkId, ClientEvents.Moved, moved);
    }

    private void OnBusMessage(BusMessage message)
    {
        if (message.Origin == bus.InstanceId) return;
        switch (message.Type)
        {
            case LiveBusTypes.Committed or LiveBusTypes.Deleted:
                follower.Wake(); // another instance committed: look at the store now rather than at the next poll
                break;
            case LiveBusTypes.Presence:
                presence.SetRemote(message.Origin, message.NetworkId,
                    JsonSerializer.Deserialize<List<Participant>>(message.Payload, GraphJson.Options) ?? []);
                break;
        }
    }

    private void Send(BusMessage message) => _ = SendAsync(message);

    private async Task SendAsync(BusMessage message)
    {
        try
        {
            await bus.PublishAsync(message);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Could not publish {Type} for {Network} on the live bus", message.Type, message.NetworkId);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        var heartbeat = HeartbeatAsync(ct);
        await foreach (var (group, clientEvent, payload, except) in _queue.Reader.ReadAllAsync(ct))
        {
            try
            {
                var clients = except is null ? hub.Clients.Group(group) : hub.Clients.GroupExcept(group, except);
                await clients.SendAsync(clientEvent, payload, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Could not send {Event} to {Group}", clientEvent, group);
            }
        }
        await heartbeat;
    }

    private async Task HeartbeatAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(Heartbeat, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                foreach (var networkId in presence.LocalNetworks) OnLocalPresenceChanged(networkId);
                presence.Expire();
            }
        }
        catch (OperationCanceledException) { /* stopping */ }
    }
}
