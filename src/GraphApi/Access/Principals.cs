using System.Security.Claims;
using GraphApi.Accounts;

namespace GraphApi.Access;

/// <summary>
/// Who a principal is, as far as rights go: a signed-in account (claims of the accounts contract: NameIdentifier, role
/// "Administrator"), or the visitor of a share link (a principal of its own, see <see cref="ForShare"/>).
/// </summary>
public static class Principals
{
    public const string AdministratorRole = Users.AdministratorRole;
    public const string ShareScheme = "ShareLink";
    public const string ShareClaim = "share", ShareNetworkClaim = "share_network", ShareHashClaim = "share_hash";

    /// <summary>The visitor of a share link: a viewer of its network, nothing else; it names no person.</summary>
    public static ClaimsPrincipal ForShare(ShareLink share) => new(new ClaimsIdentity(
    [
        new Claim(ShareClaim, share.Id),
        new Claim(ShareNetworkClaim, share.NetworkId),
        new Claim(ShareHashClaim, share.TokenHash),
        new Claim(ClaimTypes.Name, share.Label),
    ], ShareScheme, ClaimTypes.Name, ClaimTypes.Role));

    public static bool IsSignedIn(ClaimsPrincipal user) => user.Identities.Any(i => i.IsAuthenticated);

    public static bool IsAdministrator(ClaimsPrincipal user) => ShareOf(user) is null && Users.IsAdministrator(user);

    /// <summary>The account's id; null for a share link's visitor and for nobody.</summary>
    public static string? IdOf(ClaimsPrincipal user) => ShareOf(user) is null ? Users.IdOf(user) : null;

    public sealed record ShareVisitor(string ShareId, string NetworkId, string TokenHash);

    /// <summary>
    /// acc10: how the live session shows a principal to the others, the one rule for Blazor circuits and hub clients alike:
    /// an account by its display name and its colour (whatever name a client sends is ignored); a share link's visitor by the
    /// link's label marked as a link (never a person's account); nobody: null (the session names a guest).
    /// </summary>
    public static (string Name, string Colour)? ShownAs(ClaimsPrincipal? user)
    {
        if (user is null || !IsSignedIn(user)) return null;
        if (ShareOf(user) is { } share)
            return (GraphApi.Domain.Texts.Get("live.shareVisitor", user.FindFirstValue(ClaimTypes.Name) ?? ""), Users.ColourOf(share.ShareId));
        return Users.IdOf(user) is { } id ? (Users.DisplayNameOf(user), Users.ColourOf(id)) : null;
    }

    public static ShareVisitor? ShareOf(ClaimsPrincipal user) =>
        user.FindFirstValue(ShareClaim) is { } id && user.FindFirstValue(ShareNetworkClaim) is { } network && user.FindFirstValue(ShareHashClaim) is { } hash
            ? new ShareVisitor(id, network, hash)
            : null;
}
