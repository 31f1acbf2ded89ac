using System.Threading.Channels;
using GraphApi.Domain;
using GraphApi.Networks;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GraphApi.Live;

/// <summary>
/// Sends every committed change set, and every agreed node move, to the network's group. One queue and
/// one sender keep the order in which the store committed them, so every screen applies them in that order.
/// </summary>
public sealed class LiveBroadcaster(NetworkService networks, IHubContext<NetworkHub> hub, ILogger<LiveBroadcaster> logger)
    : BackgroundService
{
    private readonly Channel<(string Group, string Event, object Payload)> _queue =
        Channel.CreateUnbounded<(string, string, object)>(new UnboundedChannelOptions { SingleReader = true });

    public void Publish(string networkId, string clientEvent, object payload) =>
        _queue.Writer.TryWrite((NetworkHub.Group(networkId), clientEvent, payload));

    public override Task StartAsync(CancellationToken ct)
    {
        networks.Committed += OnCommitted;
        return base.StartAsync(ct);
    }

    public override Task StopAsync(CancellationToken ct)
    {
        networks.Committed -= OnCommitted;
        return base.StopAsync(ct);
    }

    private void OnCommitted(ChangeSet set)
    {
        if (set.Changes.Count > 0) Publish(set.NetworkId, ClientEvents.Changed, set);
    }

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
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
    }
}
