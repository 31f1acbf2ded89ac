namespace GraphApi.Accounts;

/// <summary>The <c>Auth</c> section.</summary>
public sealed class AuthOptions
{
    /// <summary>The accounts database; by default accounts.db in the folder of <c>Store:DatabasePath</c>.</summary>
    public string? DatabasePath { get; set; }

    /// <summary>The first administrator, created on start when no account with this e-mail exists (scripts, tests).</summary>
    public AdminOptions Admin { get; set; } = new();

    public OidcOptions Oidc { get; set; } = new();

    /// <summary>Failed sign-ins before an account is locked, and for how long.</summary>
    public int MaxFailedAttempts { get; set; } = 5;
    public int LockoutMinutes { get; set; } = 15;

    /// <summary>Sign-in attempts per address and minute (on /api/auth/login and /login).</summary>
    public int SignInsPerMinute { get; set; } = 20;

    public sealed class AdminOptions
    {
        public string? Email { get; set; }
        public string? Password { get; set; }
        public string? DisplayName { get; set; }
    }

    /// <summary>Sign-in through the administration's identity provider (Keycloak, ADFS, Entra ID).</summary>
    public sealed class OidcOptions
    {
        public string? Authority { get; set; }
        public string? ClientId { get; set; }
        public string? ClientSecret { get; set; }
        /// <summary>The button's text on the sign-in page ("Mit dem Kreis-Konto anmelden").</summary>
        public string? DisplayName { get; set; }
        public string CallbackPath { get; set; } = "/signin-oidc";
        public string EmailClaim { get; set; } = "email";
        public string NameClaim { get; set; } = "name";
        /// <summary>Extra scopes besides openid and profile (e.g. "email").</summary>
        public string[] Scopes { get; set; } = ["email"];
        public bool Enabled => !string.IsNullOrWhiteSpace(Authority) && !string.IsNullOrWhiteSpace(ClientId);
    }
}
