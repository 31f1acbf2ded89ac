using System.Collections.Concurrent;
using System.Threading.Channels;
using GraphApi.Domain;
using GraphApi.Networks;

namespace GraphUi.Components.Map.Diagram;

/// <summary>
/// Lays out the shared map of a network that has nodes but no positions yet, in the background: after a commit to it (an
/// import, a network built through the API) and, at start, for the networks that came before (the seeds). The first person
/// to open the map then finds it laid out instead of waiting for the force layout (about 0.5 s at 400 nodes, see
/// docs/benchmarks.md). One network at a time, so a large import does not take the cores from the people working.
/// Once the networks present at start are laid out, the first of them is drawn off-screen (<see cref="MapWarmUp"/>), so the
/// first map opened after a start does not wait for the JIT either. Several instances may each do it once; the layout is
/// deterministic, so they write the same positions. Small networks are left to the map: they lay out in well under 0.1 s,
/// and one built by hand gets each new node placed by the open map.
/// <c>Map:LayoutOnArrival=false</c> switches it off (the API's tests, which count positions and live messages).
/// </summary>
public sealed class LayoutOnArrival(NetworkService networks, LayoutStore layouts, MapWarmUp warmUp, IConfiguration configuration,
    ILogger<LayoutOnArrival> logger)
    : BackgroundService
{
    public const int MinimumNodes = 30;
    private readonly Channel<string> _queue = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<string, byte> _laidOut = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("Map:LayoutOnArrival", true)) return;
        networks.Committed += OnCommitted;
        networks.Deleted += OnDeleted;
        try
        {
            var atStart = await networks.ListNetworksAsync(stoppingToken);
            foreach (var network in atStart) await LayOutOnceAsync(network.Id, stoppingToken);
            if (atStart.FirstOrDefault(n => _laidOut.ContainsKey(n.Id)) is { } first) await WarmUpAsync(first.Id, stoppingToken);
            await foreach (var id in _queue.Reader.ReadAllAsync(stoppingToken)) await LayOutOnceAsync(id, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
        finally
        {
            networks.Committed -= OnCommitted;
            networks.Deleted -= OnDeleted;
        }
    }

    private async Task LayOutOnceAsync(string id, CancellationToken ct)
    {
        if (_laidOut.ContainsKey(id)) return;
        try
        {
            // Positions first: a network laid out before is not loaded into memory just to look at it.
            if ((await networks.PositionsAsync(id, ct)).Count > 0 || await LayOutAsync(id, ct)) _laidOut[id] = 0;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Deleted meanwhile, or the store busy: the first open lays it out then, as without this service.
            logger.LogInformation("Network {Network} not laid out in advance: {Reason}", id, e.Message);
        }
    }

    private async Task WarmUpAsync(string id, CancellationToken ct)
    {
        try
        {
            await warmUp.DrawAsync(id, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Only the first open is slower then.
            logger.LogWarning(e, "The map of {Network} could not be drawn off-screen", id);
        }
    }

    /// <returns>Whether the network has its positions now (false: nothing to lay out yet).</returns>
    private async Task<bool> LayOutAsync(string id, CancellationToken ct)
    {
        var view = new NetworkFilter().Apply(await networks.GetAsync(id, ct));
        if (view.Nodes.Count < MinimumNodes) return false;
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var positions = await layouts.LoadAsync(id, MapLayouts.Force, view, ct);
        logger.LogInformation("Laid out network {Network} in advance: {Count} nodes in {Milliseconds} ms", id, positions.Count,
            (long)System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return positions.Count > 0;
    }

    private void OnCommitted(ChangeSet set)
    {
        if (!_laidOut.ContainsKey(set.NetworkId)) _queue.Writer.TryWrite(set.NetworkId);
    }

    private void OnDeleted(string networkId) => _laidOut.TryRemove(networkId, out _);
}
