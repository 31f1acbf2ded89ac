using System.Text.Json;
using System.Threading.Channels;
using GraphApi.Domain;
using GraphApi.Networks;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GraphApi.Live;

/// <summary>
/// Connects the change feed, presence and the live bus to this instance's hub clients. Every instance follows the
/// store itself (<see cref="StoreFollower"/>), so each one sends the change sets to its own clients (the instance's
/// group <see cref="NetworkHub.LocalGroup"/>), in commit order, from one queue and one sender; what happens only on one
/// instance — a node moved, a presenter's view — goes to the network's group on every instance (SignalR's Redis
/// backplane when Live:Redis is set). Presence and commit notices cross instances on the <see cref="ILiveBus"/>.
/// </summary>
public sealed class LiveBroadcaster(NetworkService networks, Presence presence, ILiveBus bus, StoreFollower follower,
    IHubContext<NetworkHub> hub, TimeProvider clock, ILogger<LiveBroadcaster> logger) : BackgroundService
{
    /// <summary>How often an instance repeats its presence, so that the others know it is still there.</summary>
    public static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(5);

    private readonly Channel<(string Group, string Event, object Payload)> _queue =
        Channel.CreateUnbounded<(string, string, object)>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>To every client of the network, on every instance.</summary>
    public void Publish(string networkId, string clientEvent, object payload) =>
        _queue.Writer.TryWrite((NetworkHub.Group(networkId), clientEvent, payload));

    /// <summary>To this instance's clients of the network only (each instance sends its own).</summary>
    private void PublishLocal(string networkId, string clientEvent, object payload) =>
        _queue.Writer.TryWrite((NetworkHub.LocalGroup(networkId, bus.InstanceId), clientEvent, payload));

    public override Task StartAsync(CancellationToken ct)
    {
        networks.Committed += OnCommitted;
        networks.Deleted += OnDeleted;
        presence.Changed += OnPresenceChanged;
        presence.LocalChanged += OnLocalPresenceChanged;
        bus.Received += OnBusMessage;
        return base.StartAsync(ct);
    }

    public override Task StopAsync(CancellationToken ct)
    {
        networks.Committed -= OnCommitted;
        networks.Deleted -= OnDeleted;
        presence.Changed -= OnPresenceChanged;
        presence.LocalChanged -= OnLocalPresenceChanged;
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
        await foreach (var (group, clientEvent, payload) in _queue.Reader.ReadAllAsync(ct))
        {
            try
            {
                await hub.Clients.Group(group).SendAsync(clientEvent, payload, ct);
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
