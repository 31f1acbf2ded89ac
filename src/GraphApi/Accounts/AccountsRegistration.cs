using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GraphApi.Accounts;

public static class AccountsRegistration
{
    /// <summary>
    /// The default scheme: a request with <c>Authorization: Bearer …</c> is a script (Identity's bearer token), every other
    /// one a browser (Identity's cookie). Pages challenge with the cookie (a redirect to /login), the API with 401.
    /// </summary>
    public const string Scheme = "NetworkGraph";

    /// <summary>The scheme name of sign-in through the administration's identity provider.</summary>
    public const string OidcScheme = OpenIdConnectDefaults.AuthenticationScheme;

    public static IHostApplicationBuilder AddAccounts(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AuthOptions>().BindConfiguration("Auth");
        var auth = builder.Configuration.GetSection("Auth").Get<AuthOptions>() ?? new AuthOptions();
        services.AddDbContext<AccountsDb>((sp, o) => o.UseSqlite($"Data Source={DatabasePath(sp)}"));
        // EF Core logs every account query's SQL at Information: a wall of SELECTs before the app's address, and one per
        // sign-in. Its warnings and errors still show.
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Warning);

        var authentication = services.AddAuthentication(o =>
            {
                o.DefaultScheme = Scheme;
                o.DefaultChallengeScheme = Scheme;
                o.DefaultSignInScheme = IdentityConstants.ApplicationScheme;
            })
            .AddPolicyScheme(Scheme, "Cookie or bearer token", o => o.ForwardDefaultSelector = context =>
                IsBearer(context.Request) ? CheckedBearerHandler.SchemeName : IdentityConstants.ApplicationScheme)
            // acc10: a bearer token counts only while its account stands (not locked, same security stamp).
            .AddScheme<AuthenticationSchemeOptions, CheckedBearerHandler>(CheckedBearerHandler.SchemeName, o =>
            {
                o.ForwardChallenge = IdentityConstants.BearerScheme;
                o.ForwardForbid = IdentityConstants.BearerScheme;
            })
            .AddBearerToken(IdentityConstants.BearerScheme, o => o.Events.OnMessageReceived = context =>
            {
                // WebSockets cannot carry headers: SignalR's clients send the token as access_token, for the hub only.
                if (HubToken(context.Request) is { } token) context.Token = token;
                return Task.CompletedTask;
            });
        authentication.AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/login";
            o.LogoutPath = "/logout";
            o.AccessDeniedPath = "/login";
            o.ReturnUrlParameter = "returnUrl";
            o.Cookie.Name = "NetworkGraph.Auth";
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(10);
            // A browser calling the API or the hub without a valid cookie gets 401/403, not the sign-in page's HTML.
            o.Events.OnRedirectToLogin = c => Answer(c, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = c => Answer(c, StatusCodes.Status403Forbidden);
            // acc10: a locked account's cookie stops at once (AccountSessions, cached), not only at the next stamp check below.
            o.Events.OnValidatePrincipal = async c =>
            {
                if (!await c.HttpContext.RequestServices.GetRequiredService<AccountSessions>().IsCurrentAsync(c.Principal, c.HttpContext.RequestAborted))
                {
                    c.RejectPrincipal();
                    await c.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                    return;
                }
                await SecurityStampValidator.ValidatePrincipalAsync(c);
            };
        });
        // A locked account or a changed password ends the other sessions at the next check.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));

        services.AddIdentityCore<Account>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.User.AllowedUserNameCharacters = ""; // any script; AccountValidator refuses control characters and blanks
                o.Password.RequiredLength = 8;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = Math.Max(1, auth.MaxFailedAttempts);
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(Math.Max(1, auth.LockoutMinutes));
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AccountsDb>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<AccountErrors>()
            .AddUserValidator<AccountValidator>()
            .AddClaimsPrincipalFactory<AccountClaims>();

        if (auth.Oidc.Enabled) authentication.AddOidc(auth.Oidc);

        services.AddAuthorization();
        services.AddAntiforgery();
        services.AddScoped<AccountService>();
        services.AddSingleton<SetupLink>();
        services.AddSingleton<AccountSessions>(); // acc10
        services.AddScoped<ExternalSignIn>(); // acc10
        return builder;
    }

    /// <summary>A script's request: a bearer token in the Authorization header, or (for the live hub) in the query.</summary>
    public static bool IsBearer(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || HubToken(request) is not null;

    private static string? HubToken(HttpRequest request) =>
        request.Path.StartsWithSegments("/hubs") && request.Query["access_token"].ToString() is { Length: > 0 } token ? token : null;

    private static Task Answer(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        var path = context.Request.Path;
        if (path.StartsWithSegments("/api") || path.StartsWithSegments("/hubs") || path.StartsWithSegments("/_blazor"))
            context.Response.StatusCode = status;
        else
            context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Sign-in through the administration's identity provider. The person is mapped onto a local account by
    /// <see cref="ExternalSignIn"/> (found by issuer and subject, with an id every host derives alike), so that the claims,
    /// the history's author id, roles per network and locking work as for local accounts, on every host.
    /// </summary>
    private static void AddOidc(this AuthenticationBuilder authentication, AuthOptions.OidcOptions oidc) =>
        authentication.AddOpenIdConnect(OidcScheme, oidc.DisplayName ?? "OpenID Connect", o =>
        {
            o.Authority = oidc.Authority;
            o.ClientId = oidc.ClientId;
            o.ClientSecret = oidc.ClientSecret;
            o.CallbackPath = oidc.CallbackPath;
            o.ResponseType = "code";
            o.UsePkce = true;
            o.SaveTokens = false;
            o.GetClaimsFromUserInfoEndpoint = true;
            o.MapInboundClaims = false;
            o.SignInScheme = IdentityConstants.ApplicationScheme;
            // Only a test or lab IdP runs on plain http; a real one must serve its metadata over https.
            o.RequireHttpsMetadata = !oidc.Authority!.StartsWith("http://", StringComparison.OrdinalIgnoreCase);
            foreach (var scope in oidc.Scopes) o.Scope.Add(scope);
            o.Events.OnTokenValidated = async context =>
            {
                var result = await context.HttpContext.RequestServices.GetRequiredService<ExternalSignIn>()
                    .SignInAsync(context.Principal!, context.HttpContext.RequestAborted);
                if (result.Principal is null) context.Fail(result.Error!);
                else context.Principal = result.Principal;
            };
        });

    /// <summary>accounts.db beside the graph store's SQLite file, unless <c>Auth:DatabasePath</c> names another.</summary>
    public static string DatabasePath(IServiceProvider services)
    {
        if (services.GetRequiredService<IOptions<AuthOptions>>().Value.DatabasePath is { Length: > 0 } path) return Path.GetFullPath(path);
        var store = Path.GetFullPath(services.GetRequiredService<IOptions<GraphApi.Storage.StoreOptions>>().Value.DatabasePath);
        return Path.Combine(Path.GetDirectoryName(store) ?? ".", "accounts.db");
    }

    /// <summary>
    /// Creates the accounts schema (EnsureCreated: one fixed schema; the day it changes, this becomes EF migrations),
    /// the administrator role, the administrator of <c>Auth:Admin</c> (idempotent), and opens the setup link when no
    /// administrator exists.
    /// </summary>
    public static async Task InitializeAccountsAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath(services))!);
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AccountsDb>();
        await db.Database.EnsureCreatedAsync(ct);
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        if (!await roles.RoleExistsAsync(Users.AdministratorRole)) await roles.CreateAsync(new IdentityRole(Users.AdministratorRole));

        var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
        var admin = services.GetRequiredService<IOptions<AuthOptions>>().Value.Admin;
        if (admin.Email is { Length: > 0 } email)
        {
            if (await users.FindByEmailAsync(email) is { } existing)
            {
                if (!await users.IsInRoleAsync(existing, Users.AdministratorRole)) await users.AddToRoleAsync(existing, Users.AdministratorRole);
            }
            else if (string.IsNullOrEmpty(admin.Password))
                services.GetRequiredService<ILoggerFactory>().CreateLogger("GraphApi.Accounts")
                    .LogWarning("Auth:Admin:Email is set without Auth:Admin:Password: no administrator was created.");
            else
                // The id is derived from the e-mail, so every host's first administrator is the same user (and owns the seed
                // networks in the shared store). An administrator made before keeps its id (found by e-mail above).
                await scope.ServiceProvider.GetRequiredService<AccountService>()
                    .CreateAsync(email, admin.DisplayName ?? email.Split('@')[0], admin.Password, administrator: true, ct, AccountIds.ForConfiguredAdministrator(email));
        }
        var setup = services.GetRequiredService<SetupLink>();
        if ((await users.GetUsersInRoleAsync(Users.AdministratorRole)).Count == 0) setup.Open();
        else setup.Close();
    }
}
