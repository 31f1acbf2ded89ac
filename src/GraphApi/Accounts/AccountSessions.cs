using System.Collections.Concurrent;
using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Json;
using GraphApi.Domain;
using GraphApi.Live;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GraphApi.Accounts;

/// <summary>
/// Whether a signed-in principal's account still stands: it exists, is not locked by an administrator, and its security
/// stamp (a claim of every bearer token and cookie) is the account's current one. Locking and a password reset change the
/// stamp, so every token and cookie issued before is refused from the next request on, not only when it expires.
/// Asked on every bearer-authenticated request, cookie request, hub call and page of a circuit, so the answer is cached
/// per account for <see cref="CacheFor"/>; every change through <see cref="AccountService"/> drops it on every instance
/// (a notice on the live bus) and raises <see cref="Changed"/>, so open hub connections and circuits are checked at once.
/// </summary>
public sealed class AccountSessions : IDisposable
{
    /// <summary>How long an account's state is kept without a notice: the bound on staleness between instances that share
    /// an accounts file but no live bus.</summary>
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(5);

    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _clock;
    private readonly ILiveBus _bus;
    private readonly ILogger<AccountSessions> _logger;
    private readonly string _stampClaim;
    // One entry per account that presented a valid token or cookie: bounded by the number of accounts.
    private readonly ConcurrentDictionary<string, Entry> _cache = new(StringComparer.Ordinal);
    private long _version;

    /// <summary>The current stamp; null when the account is gone or locked by an administrator.</summary>
    private sealed record Entry(string? Stamp, DateTimeOffset Loaded);

    public AccountSessions(IServiceScopeFactory scopes, TimeProvider clock, ILiveBus bus, IOptions<IdentityOptions> identity, ILogger<AccountSessions> logger)
    {
        _scopes = scopes;
        _clock = clock;
        _bus = bus;
        _logger = logger;
        _stampClaim = identity.Value.ClaimsIdentity.SecurityStampClaimType;
        bus.Received += OnReceived;
    }

    /// <summary>An account changed (on any instance): its sessions may have ended. Raised with the user id on the bus's thread.</summary>
    public event Action<string>? Changed;

    /// <summary>
    /// True when the principal is not an account (nobody, a share link's visitor: checked elsewhere) or its account still stands
    /// and the principal carries its current security stamp.
    /// </summary>
    public async Task<bool> IsCurrentAsync(ClaimsPrincipal? user, CancellationToken ct = default)
    {
        if (Users.IdOf(user) is not { } id) return true;
        var entry = await EntryAsync(id, ct);
        return entry.Stamp is not null && entry.Stamp == user!.FindFirstValue(_stampClaim);
    }

    private async Task<Entry> EntryAsync(string id, CancellationToken ct)
    {
        var now = _clock.GetUtcNow();
        if (_cache.TryGetValue(id, out var entry) && now - entry.Loaded < CacheFor) return entry;
        var version = Interlocked.Read(ref _version);
        await using var scope = _scopes.CreateAsyncScope();
        var account = await scope.ServiceProvider.GetRequiredService<UserManager<Account>>().FindByIdAsync(id);
        ct.ThrowIfCancellationRequested();
        entry = new Entry(account is null || AccountService.IsLockedForGood(account) ? null : account.SecurityStamp, now);
        // A change that arrived while we read may not be in what was read: then do not keep it.
        if (Interlocked.Read(ref _version) == version) _cache[id] = entry;
        return entry;
    }

    /// <summary>Drops this instance's cached state of the account at once and tells the other instances.</summary>
    public async Task ChangedAsync(string userId)
    {
        Forget(userId);
        try
        {
            await _bus.PublishAsync(new BusMessage(LiveBusTypes.Account, "", _bus.InstanceId, JsonSerializer.Serialize(userId, GraphJson.Options)));
        }
        catch (Exception e)
        {
            // The change is stored; other instances see it within CacheFor.
            _logger.LogWarning(e, "Could not publish an account change on the live bus");
        }
    }

    private void Forget(string userId)
    {
        Interlocked.Increment(ref _version);
        _cache.TryRemove(userId, out _);
    }

    private void OnReceived(BusMessage message)
    {
        if (message.Type != LiveBusTypes.Account) return;
        string? id;
        try { id = JsonSerializer.Deserialize<string>(message.Payload, GraphJson.Options); }
        catch (JsonException) { return; }
        if (string.IsNullOrEmpty(id)) return;
        Forget(id);
        Changed?.Invoke(id);
    }

    public void Dispose() => _bus.Received -= OnReceived;
}

/// <summary>
/// The bearer scheme of scripts and hub clients: Identity's bearer token, and then <see cref="AccountSessions"/>: a token of
/// an account that was locked, reset or removed fails like an expired one (401). Challenge and forbid are the bearer scheme's.
/// </summary>
public sealed class CheckedBearerHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    AccountSessions sessions) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "NetworkGraph.Bearer";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var result = await Context.AuthenticateAsync(IdentityConstants.BearerScheme);
        if (!result.Succeeded || await sessions.IsCurrentAsync(result.Principal, Context.RequestAborted)) return result;
        return AuthenticateResult.Fail("The account of this token was locked or its password reset; sign in again.");
    }
}
