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

    public static ShareVisitor? ShareOf(ClaimsPrincipal user) =>
        user.FindFirstValue(ShareClaim) is { } id && user.FindFirstValue(ShareNetworkClaim) is { } network && user.FindFirstValue(ShareHashClaim) is { } hash
            ? new ShareVisitor(id, network, hash)
            : null;
}
