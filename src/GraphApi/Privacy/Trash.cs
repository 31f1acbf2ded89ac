using GraphApi.Domain;
using GraphApi.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GraphApi.Privacy;

/// <summary>Settings of the data-protection features ("Privacy" configuration section).</summary>
public sealed class PrivacyOptions
{
    /// <summary>How long a deleted network stays in the trash, restorable, before it is erased.</summary>
    public int TrashDays { get; set; } = 30;

    /// <summary>How often the background job looks for networks whose time in the trash is up.</summary>
    public int PurgeIntervalMinutes { get; set; } = 60;
}

/// <summary>One run of the purge: the clock's time it judged by, and the networks it erased.</summary>
public sealed record PurgeRun(DateTimeOffset At, IReadOnlyList<string> Erased);

/// <summary>A network in the trash as the API and the UI list it: when it was deleted, by whom, and when it will be erased.</summary>
public sealed record TrashEntry(string NetworkId, string Name, long Revision, DateTimeOffset DeletedAt, string DeletedBy, DateTimeOffset ErasedAt,
    string? DeletedById = null);

/// <summary>
/// The trash (issue 10, point 4): <see cref="Networks.NetworkService.DeleteNetworkAsync"/> moves a network here; it can be
/// restored exactly as it was (state, history, positions) until <see cref="PrivacyOptions.TrashDays"/> have passed, then
/// <see cref="TrashPurger"/> erases it. Who may list and restore is decided in front of this service (the roles engineer's
/// one authorization check: "restorable by its owner"); this service itself does not know principals.
/// </summary>
public sealed class TrashService(IGraphStore store, TimeProvider clock, IOptions<PrivacyOptions> options)
{
    public TimeSpan Retention => TimeSpan.FromDays(options.Value.TrashDays);

    /// <summary>Raised after a network came back from the trash.</summary>
    public event Action<string>? Restored;

    public async Task<IReadOnlyList<TrashEntry>> ListAsync(CancellationToken ct = default) =>
        (await store.ListTrashAsync(ct))
        .Select(t => new TrashEntry(t.Network.Id, t.Network.Name, t.Revision, t.TrashedAt, t.TrashedBy, t.TrashedAt + Retention, t.TrashedById))
        .ToList();

    /// <summary>Takes a network out of the trash as it was; 404 when it is not there (never deleted, restored, or already erased).</summary>
    public async Task RestoreAsync(string networkId, CancellationToken ct = default)
    {
        if (!await store.RestoreFromTrashAsync(networkId, ct)) throw new NotFoundException(Texts.Get("privacy.notInTrash", networkId));
        Restored?.Invoke(networkId);
    }

    /// <summary>Erases every network whose time in the trash is up at the clock's now.</summary>
    public async Task<PurgeRun> PurgeDueAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var erased = new List<string>();
        foreach (var entry in await ListAsync(ct))
            if (entry.ErasedAt <= now && await store.DeleteNetworkAsync(entry.NetworkId, ct))
            {
                await store.RemoveAccessAsync(entry.NetworkId, ct); // its members and share links kept it restorable until now
                erased.Add(entry.NetworkId);
            }
        return new PurgeRun(now, erased);
    }
}

/// <summary>
/// The background job that empties the trash: at start and then every <see cref="PrivacyOptions.PurgeIntervalMinutes"/> by
/// the app's <see cref="TimeProvider"/> (so a test moves a fake clock instead of waiting), it erases what is due.
/// </summary>
public sealed class TrashPurger(TrashService trash, TimeProvider clock, IOptions<PrivacyOptions> options, ILogger<TrashPurger> logger)
    : BackgroundService
{
    /// <summary>Raised after every run, with what it erased (nothing when nothing was due).</summary>
    public event Action<PurgeRun>? Ran;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(Math.Max(1, options.Value.PurgeIntervalMinutes)), clock);
        do
        {
            try
            {
                var run = await trash.PurgeDueAsync(stoppingToken);
                if (run.Erased.Count > 0)
                    logger.LogInformation("Erased {Count} networks from the trash: {Ids}", run.Erased.Count, string.Join(", ", run.Erased));
                Ran?.Invoke(run);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Emptying the trash failed; trying again at the next interval");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
