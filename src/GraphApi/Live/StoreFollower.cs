using GraphApi.Networks;
using GraphApi.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GraphApi.Live;

/// <summary>
/// Follows the store's change log so that commits made by another process (a second app instance, the
/// <c>import</c> verb) reach this instance's cache, maps and hub clients: it polls the heads (SQLite: one small
/// query; Neo4j: the networks' revisions) and lets <see cref="NetworkService.FollowAsync"/> catch up. A commit notice
/// on the live bus wakes it at once; the poll is the fallback that needs no bus.
/// </summary>
public sealed class StoreFollower(IGraphStore store, NetworkService networks, IOptions<StoreOptions> options, ILogger<StoreFollower> logger)
    : BackgroundService
{
    private readonly SemaphoreSlim _wake = new(0, 1);

    /// <summary>Look now (another instance said it committed).</summary>
    public void Wake()
    {
        try { _wake.Release(); }
        catch (SemaphoreFullException) { /* already awake */ }
    }

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        var interval = TimeSpan.FromMilliseconds(Math.Clamp(options.Value.FollowMilliseconds, 20, 60_000));
        var failing = false;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await networks.FollowAsync(await store.ReadHeadsAsync(ct), ct);
                if (failing) logger.LogInformation("The store can be read again; following its changes.");
                failing = false;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                if (!failing) logger.LogWarning(e, "Could not read the store's head; trying again.");
                failing = true;
            }
            try
            {
                await _wake.WaitAsync(interval, ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
