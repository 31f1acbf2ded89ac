using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using GraphApi.Domain;
using GraphApi.Storage;

namespace GraphApi.Access;

/// <summary>A share link just made: the link record and its token, which is shown this once and stored only as a hash.</summary>
public sealed record NewShareLink(ShareLink Link, string Token)
{
    public string Path => $"/s/{Token}";
}

/// <summary>
/// Changing rights: members and their roles, share links. Who may call it is decided before (the owner endpoints and the
/// members page ask <see cref="NetworkAccess"/> for <see cref="NetworkAction.Manage"/>); this keeps the rules of the data
/// (a network keeps an owner, a link's view is a path of the network, tokens are random and hashed) and tells every
/// instance through the live bus, so a right taken away closes the live connections that used it.
/// </summary>
public sealed partial class NetworkRights(IGraphStore store, TimeProvider time, AccessEvents events)
{
    public static readonly TimeSpan MaxShareLifetime = TimeSpan.FromDays(365);
    public const int MaxLabel = 100, MaxView = 2000;

    public Task<IReadOnlyList<NetworkMember>> MembersAsync(string networkId, CancellationToken ct = default) => store.ListMembersAsync(networkId, ct);

    /// <summary>Adds a member or changes a role. Lowering a role closes that user's live connections to the network.</summary>
    public async Task<NetworkMember> SetMemberAsync(string networkId, string userId, string name, NetworkRole role, CancellationToken ct = default)
    {
        if (!Enum.IsDefined(role)) throw Invalid("role", Texts.Get("roles.roleUnknown"));
        var members = await store.ListMembersAsync(networkId, ct);
        var before = members.FirstOrDefault(m => m.UserId == userId);
        if (before is { Role: NetworkRole.Owner } && role != NetworkRole.Owner) KeepAnOwner(members, userId);
        var member = new NetworkMember(userId, role, name, before?.Added ?? time.GetUtcNow());
        await store.SetMemberAsync(networkId, member, ct);
        await events.PublishAsync(new AccessChange(networkId, userId, null, Cut: before is not null && role < before.Role));
        return member;
    }

    /// <summary>Removes a member and closes their live connections to the network.</summary>
    public async Task<bool> RemoveMemberAsync(string networkId, string userId, CancellationToken ct = default)
    {
        var members = await store.ListMembersAsync(networkId, ct);
        if (members.FirstOrDefault(m => m.UserId == userId) is not { } before) return false;
        if (before.Role == NetworkRole.Owner) KeepAnOwner(members, userId);
        var removed = await store.RemoveMemberAsync(networkId, userId, ct);
        await events.PublishAsync(new AccessChange(networkId, userId, null, Cut: true));
        return removed;
    }

    /// <summary>The one who creates a network owns it.</summary>
    public Task MakeOwnerAsync(string networkId, string userId, string name, CancellationToken ct = default) =>
        SetMemberAsync(networkId, userId, name, NetworkRole.Owner, ct);

    /// <summary>The network is gone for good: its members and links go too (they would otherwise pass to a new network of that id).</summary>
    public async Task ForgetNetworkAsync(string networkId, CancellationToken ct = default)
    {
        await store.RemoveAccessAsync(networkId, ct);
        await events.PublishAsync(new AccessChange(networkId, null, null, Cut: true));
    }

    public Task<IReadOnlyList<ShareLink>> SharesAsync(string networkId, CancellationToken ct = default) => store.ListSharesAsync(networkId, ct);

    /// <summary>
    /// A new read-only link: 256 random bits, of which only the SHA-256 is stored. <paramref name="view"/> is the page and
    /// filters it opens: empty (the map), <c>/table</c>, <c>/report</c> or <c>/present</c>, then the query string.
    /// </summary>
    public async Task<NewShareLink> CreateShareAsync(string networkId, string? label, string? view, DateTimeOffset expires, string createdBy,
        CancellationToken ct = default)
    {
        var errors = new ValidationErrors();
        label = (label ?? "").Trim();
        view = (view ?? "").Trim();
        if (label.Length is 0 or > MaxLabel || label.Any(char.IsControl)) errors.Add("label", Texts.Get("roles.shareLabel", MaxLabel));
        if (view.Length > MaxView || !ViewPattern().IsMatch(view)) errors.Add("view", Texts.Get("roles.shareView"));
        var now = time.GetUtcNow();
        if (expires <= now || expires > now + MaxShareLifetime) errors.Add("expires", Texts.Get("roles.shareExpires", (int)MaxShareLifetime.TotalDays));
        errors.ThrowIfAny();

        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        var link = new ShareLink(Base64Url(RandomNumberGenerator.GetBytes(9)), networkId, Hash(token), label, view, now, expires, createdBy);
        await store.AddShareAsync(link, ct);
        await events.PublishAsync(new AccessChange(networkId, null, link.TokenHash, Cut: false));
        return new NewShareLink(link, token);
    }

    /// <summary>Revokes a link: it stops working at once, and the circuits and hub connections opened with it close.</summary>
    public async Task<bool> RevokeShareAsync(string networkId, string shareId, CancellationToken ct = default)
    {
        var link = (await store.ListSharesAsync(networkId, ct)).FirstOrDefault(s => s.Id == shareId);
        if (link is null || !await store.RemoveShareAsync(networkId, shareId, ct)) return false;
        await events.PublishAsync(new AccessChange(networkId, null, link.TokenHash, Cut: true));
        return true;
    }

    /// <summary>The link a token opens, if it is still valid (neither expired nor revoked).</summary>
    public async Task<ShareLink?> ResolveAsync(string? token, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100) return null;
        var link = await store.FindShareAsync(Hash(token), ct);
        return link is not null && link.IsValidAt(time.GetUtcNow()) ? link : null;
    }

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static void KeepAnOwner(IReadOnlyList<NetworkMember> members, string leaving)
    {
        if (!members.Any(m => m.Role == NetworkRole.Owner && m.UserId != leaving)) throw Invalid("role", Texts.Get("roles.lastOwner"));
    }

    private static ValidationFailedException Invalid(string field, string message)
    {
        var errors = new ValidationErrors();
        errors.Add(field, message);
        return new ValidationFailedException(errors);
    }

    [GeneratedRegex(@"^(/(table|report|present))?(\?[A-Za-z0-9\-._~%!$&'()*+,;=:@/?]*)?$")]
    private static partial Regex ViewPattern();
}
