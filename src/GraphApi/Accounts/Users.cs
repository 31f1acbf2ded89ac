using System.Security.Claims;

namespace GraphApi.Accounts;

/// <summary>
/// Who a signed-in principal is, read the same way everywhere (API, pages, circuits, hub). The claims come from
/// <see cref="AccountClaims"/> for local accounts and bearer tokens, and are mapped onto the same names for OpenID Connect.
/// </summary>
public static class Users
{
    /// <summary>The display name ("Jürgen Müller").</summary>
    public const string DisplayNameClaim = "display_name";

    /// <summary>The role of administrators (they create networks and accounts).</summary>
    public const string AdministratorRole = "Administrator";

    /// <summary>The Identity user id (a GUID string), or null for an anonymous principal.</summary>
    public static string? IdOf(ClaimsPrincipal? principal) =>
        principal?.Identity?.IsAuthenticated == true ? principal.FindFirstValue(ClaimTypes.NameIdentifier) : null;

    /// <summary>The display name; the e-mail when the account has none; "anonymous" for nobody.</summary>
    public static string DisplayNameOf(ClaimsPrincipal? principal)
    {
        if (principal?.Identity?.IsAuthenticated != true) return "anonymous";
        return principal.FindFirstValue(DisplayNameClaim) is { Length: > 0 } name ? name
            : principal.FindFirstValue(ClaimTypes.Name) is { Length: > 0 } email ? email
            : "anonymous";
    }

    /// <summary>The e-mail (the sign-in name).</summary>
    public static string? EmailOf(ClaimsPrincipal? principal) =>
        principal?.Identity?.IsAuthenticated == true ? principal.FindFirstValue(ClaimTypes.Email) ?? principal.FindFirstValue(ClaimTypes.Name) : null;

    public static bool IsAdministrator(ClaimsPrincipal? principal) =>
        principal?.Identity?.IsAuthenticated == true && principal.HasClaim(ClaimTypes.Role, AdministratorRole);

    /// <summary>A stable colour for a user (presence, selections): the same account gets the same colour on every map.</summary>
    public static string ColourOf(string? userId)
    {
        if (string.IsNullOrEmpty(userId)) return Palette[0];
        var hash = 17;
        foreach (var c in userId) hash = unchecked(hash * 31 + c);
        return Palette[(hash & 0x7fffffff) % Palette.Length];
    }

    // Dark enough for white text and distinct from each other (contrast ≥ 4.5:1 on white).
    private static readonly string[] Palette = ["#1f5fa8", "#a83232", "#2e7d32", "#7b3fa0", "#b25400", "#00727a", "#8a5a00", "#b0306f"];
}
