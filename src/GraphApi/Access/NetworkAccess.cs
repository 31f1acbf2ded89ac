using System.Collections.Concurrent;
using System.Security.Claims;
using GraphApi.Storage;

namespace GraphApi.Access;

/// <summary>The answer to "may P do A on N": allowed, or which refusal (401, 403, 404).</summary>
public enum AccessDecision
{
    Allowed,
    /// <summary>Nobody is signed in (and no share link): 401.</summary>
    SignInFirst,
    /// <summary>The principal sees the network but may not do this: 403.</summary>
    Forbidden,
    /// <summary>The principal may not even know that the network exists: 404, as for a network that does not exist.</summary>
    Hidden,
}

/// <summary>
/// The one rule of who may do what with a network, asked by the HTTP API (<see cref="NetworkAccessFilter"/>), the hub
/// (<see cref="HubAccessFilter"/>) and the Blazor pages (GraphUi's NetworkGate):
/// an administrator may do everything with every network (they create networks and accounts, and must be able to give an
/// orphaned network a new owner); a member may what their role allows (viewer: view; editor: view and edit; owner: also
/// manage members and share links, delete, import over); a share link's visitor may view its one network while the link
/// is neither expired nor revoked; everyone else sees nothing of the network.
/// Members and links are read from the store and cached per network for a few seconds; every change made through this
/// instance, and every <c>revoked</c> notice on the live bus (so every change on any instance), drops the cache at once.
/// </summary>
public sealed class NetworkAccess
{
    private readonly IGraphStore _store;
    private readonly TimeProvider _time;
    private readonly AccessEvents _events;

    public NetworkAccess(IGraphStore store, TimeProvider time, AccessEvents events)
    {
        _store = store;
        _time = time;
        _events = events;
        events.Changed += change => Forget(change.NetworkId);
    }

    /// <summary>How long a network's members and links are kept without a notice: the bound on staleness where instances share no bus.</summary>
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(5);

    private sealed record Entry(IReadOnlyDictionary<string, NetworkRole> Roles, IReadOnlyDictionary<string, ShareLink> Shares, DateTimeOffset Loaded);

    private readonly ConcurrentDictionary<string, Entry> _cache = new(StringComparer.Ordinal);

    /// <summary>Dropped at once when a right changes here or on another instance.</summary>
    private void Forget(string networkId) => _cache.TryRemove(networkId, out _);

    public async Task<bool> CanAsync(ClaimsPrincipal? user, string networkId, NetworkAction action, CancellationToken ct = default) =>
        await DecideAsync(user, networkId, action, ct) == AccessDecision.Allowed;

    public async Task<AccessDecision> DecideAsync(ClaimsPrincipal? user, string networkId, NetworkAction action, CancellationToken ct = default)
    {
        if (user is null || !Principals.IsSignedIn(user)) return AccessDecision.SignInFirst;
        if (Principals.IsAdministrator(user)) return AccessDecision.Allowed;
        var role = await RoleAsync(user, networkId, ct);
        if (role is null) return AccessDecision.Hidden;
        return Allows(role.Value, action) ? AccessDecision.Allowed : AccessDecision.Forbidden;
    }

    /// <summary>What the role allows: each role everything of the roles below it.</summary>
    public static bool Allows(NetworkRole role, NetworkAction action) => action switch
    {
        NetworkAction.View => true,
        NetworkAction.Edit => role >= NetworkRole.Editor,
        NetworkAction.Manage => role == NetworkRole.Owner,
        _ => false,
    };

    /// <summary>
    /// The principal's role in the network: Owner for an administrator, the member's role, Viewer for a valid share link of this
    /// network; null when it has none (or the network has no such member).
    /// </summary>
    public async Task<NetworkRole?> RoleAsync(ClaimsPrincipal? user, string networkId, CancellationToken ct = default)
    {
        if (user is null || !Principals.IsSignedIn(user)) return null;
        if (Principals.IsAdministrator(user)) return NetworkRole.Owner;
        var entry = await EntryAsync(networkId, ct);
        if (Principals.ShareOf(user) is { } share)
            return share.NetworkId == networkId && entry.Shares.TryGetValue(share.TokenHash, out var link) && link.IsValidAt(_time.GetUtcNow())
                ? NetworkRole.Viewer
                : null;
        return Principals.IdOf(user) is { } id && entry.Roles.TryGetValue(id, out var role) ? role : null;
    }

    /// <summary>The ids of the networks the principal may view; null: every network (an administrator).</summary>
    public async Task<IReadOnlySet<string>?> VisibleNetworksAsync(ClaimsPrincipal? user, CancellationToken ct = default)
    {
        if (user is null || !Principals.IsSignedIn(user)) return new HashSet<string>();
        if (Principals.IsAdministrator(user)) return null;
        if (Principals.ShareOf(user) is { } share)
            return await RoleAsync(user, share.NetworkId, ct) is null ? new HashSet<string>() : new HashSet<string> { share.NetworkId };
        return Principals.IdOf(user) is { } id ? (await _store.RolesOfUserAsync(id, ct)).Keys.ToHashSet(StringComparer.Ordinal) : new HashSet<string>();
    }

    /// <summary>The items whose network the principal may manage (own): the trash shows each owner what they can restore.</summary>
    public async Task<IReadOnlyList<T>> ManagedAsync<T>(ClaimsPrincipal? user, IEnumerable<T> items, Func<T, string> networkOf,
        CancellationToken ct = default)
    {
        var managed = new List<T>();
        foreach (var item in items)
            if (await DecideAsync(user, networkOf(item), NetworkAction.Manage, ct) == AccessDecision.Allowed) managed.Add(item);
        return managed;
    }

    /// <summary>Whether the principal may create networks (and import new ones): administrators only.</summary>
    public static bool CanCreateNetworks(ClaimsPrincipal? user) => user is not null && Principals.IsAdministrator(user);

    private async Task<Entry> EntryAsync(string networkId, CancellationToken ct)
    {
        var now = _time.GetUtcNow();
        if (_cache.TryGetValue(networkId, out var entry) && now - entry.Loaded < CacheFor) return entry;
        var version = _events.Version;
        var members = await _store.ListMembersAsync(networkId, ct);
        var shares = await _store.ListSharesAsync(networkId, ct);
        entry = new Entry(members.ToDictionary(m => m.UserId, m => m.Role, StringComparer.Ordinal),
            shares.ToDictionary(s => s.TokenHash, StringComparer.Ordinal), now);
        // A notice that arrived while we read may describe a change the read missed: then do not keep what was read.
        if (_events.Version == version) _cache[networkId] = entry;
        return entry;
    }
}
