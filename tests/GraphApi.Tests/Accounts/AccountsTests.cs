using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using GraphApi.Accounts;
using GraphApi.Tests.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace GraphApi.Tests.Accounts;

/// <summary>Issue 10, points 1, 4 and 6: accounts, sign-in for scripts, real authors, antiforgery for cookie calls.</summary>
public sealed class AccountsTests : IDisposable
{
    private readonly TestApp _app = new(settings: new Dictionary<string, string> { ["Auth:MaxFailedAttempts"] = "3" });

    public void Dispose() => _app.Dispose();

    private static StringContent Json(object value) => new(JsonSerializer.Serialize(value), System.Text.Encoding.UTF8, "application/json");

    [Fact]
    public async Task SignInGivesABearerTokenThatWorksAndSaysWhoIsSignedIn()
    {
        using var anonymous = _app.CreateAnonymousClient();
        var login = await anonymous.PostAsJsonAsync("/api/auth/login", new { email = TestApp.AdminEmail, password = TestApp.AdminPassword });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        using var client = _app.CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        var me = await client.GetFromJsonAsync<JsonElement>("/api/auth/me");
        Assert.Equal((TestApp.AdminEmail, TestApp.AdminName, true), (me.GetProperty("email").GetString(), me.GetProperty("displayName").GetString(), me.GetProperty("administrator").GetBoolean()));
        Assert.True(Guid.TryParse(me.GetProperty("id").GetString(), out _), "the user id is a GUID string");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/networks")).StatusCode);
    }

    [Fact]
    public async Task WithoutSignInTheApiAnswers401AndThereIsNoSelfRegistration()
    {
        using var anonymous = _app.CreateAnonymousClient();
        await ProblemAssert.Status(await anonymous.GetAsync("/api/networks"), HttpStatusCode.Unauthorized);
        await ProblemAssert.Status(await anonymous.PostAsync("/api/networks", Json(new { id = "x", name = "X" })), HttpStatusCode.Unauthorized);
        // Identity's self-registration endpoint is not mapped: no account comes of it (404 or 405, whichever route is nearest).
        Assert.Contains((await anonymous.PostAsync("/api/auth/register", Json(new { email = "neu@kreis.test", password = "Neu-Passwort-1" }))).StatusCode,
            new[] { HttpStatusCode.NotFound, HttpStatusCode.MethodNotAllowed });
        Assert.False((await anonymous.PostAsync("/register", Json(new { email = "neu@kreis.test", password = "Neu-Passwort-1" }))).IsSuccessStatusCode);
        await ProblemAssert.Status(await anonymous.PostAsJsonAsync("/api/auth/login", new { email = "neu@kreis.test", password = "Neu-Passwort-1" }), HttpStatusCode.Unauthorized);
        // A page sends the browser to the sign-in page, with the way back.
        var page = await anonymous.GetAsync("/networks/peine?layers=actor");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/login?returnUrl=%2Fnetworks%2Fpeine%3Flayers%3Dactor", page.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task AWrongPasswordIs401WithAGermanProblemAndTheAccountLocksAfterRepeatedFailures()
    {
        using var german = new TestApp(language: null, settings: new Dictionary<string, string> { ["Auth:MaxFailedAttempts"] = "3" });
        using var client = await german.CreateClientAsAsync("jürgen.müller@kreis-peine.de", "Jürgen Müller");
        using var anonymous = german.CreateAnonymousClient();
        var wrong = await ProblemAssert.Status(await anonymous.PostAsJsonAsync("/api/auth/login", new { email = "jürgen.müller@kreis-peine.de", password = "falsch" }), HttpStatusCode.Unauthorized);
        Assert.Equal("Anmeldung fehlgeschlagen: E-Mail-Adresse oder Passwort stimmt nicht.", wrong.GetProperty("title").GetString());
        // An unknown address reads the same as a wrong password.
        var unknown = await ProblemAssert.Status(await anonymous.PostAsJsonAsync("/api/auth/login", new { email = "niemand@kreis-peine.de", password = "falsch" }), HttpStatusCode.Unauthorized);
        Assert.Equal(wrong.GetProperty("title").GetString(), unknown.GetProperty("title").GetString());
        await ProblemAssert.Invalid(await anonymous.PostAsJsonAsync("/api/auth/login", new { email = "" }), "email", "password");

        await anonymous.PostAsJsonAsync("/api/auth/login", new { email = "jürgen.müller@kreis-peine.de", password = "falsch" });
        var third = await ProblemAssert.Status(await anonymous.PostAsJsonAsync("/api/auth/login", new { email = "jürgen.müller@kreis-peine.de", password = "falsch" }), HttpStatusCode.Unauthorized);
        Assert.True(third.GetProperty("lockedOut").GetBoolean());
        // Locked: now even the right password is refused, with the reason.
        var locked = await ProblemAssert.Status(await anonymous.PostAsJsonAsync("/api/auth/login", new { email = "jürgen.müller@kreis-peine.de", password = TestApp.UserPassword }), HttpStatusCode.Unauthorized);
        Assert.True(locked.GetProperty("lockedOut").GetBoolean());
        Assert.StartsWith("Das Konto ist gesperrt", locked.GetProperty("title").GetString());
    }

    [Fact]
    public async Task AnAdministratorResetsAPasswordLocksAndUnlocksAnAccount()
    {
        using var lucja = await _app.CreateClientAsAsync("łucja.kılınç@kreis-peine.de", "Łucja Kılınç");
        using var admin = _app.CreateClient();
        var accounts = await admin.GetFromJsonAsync<JsonArray>("/api/accounts");
        var id = accounts!.Single(a => a!["email"]!.GetValue<string>() == "łucja.kılınç@kreis-peine.de")!["id"]!.GetValue<string>();

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/accounts/{id}/password", Json(new { password = "Neues-Passwort-7" }))).StatusCode);
        using var anonymous = _app.CreateAnonymousClient();
        await ProblemAssert.Status(await anonymous.PostAsJsonAsync("/api/auth/login", new { email = "łucja.kılınç@kreis-peine.de", password = TestApp.UserPassword }), HttpStatusCode.Unauthorized);
        Assert.NotEmpty(await _app.TokenAsync("łucja.kılınç@kreis-peine.de", "Neues-Passwort-7"));
        // A weak password is refused with the rule, beside the field.
        var weak = await ProblemAssert.Invalid(await admin.PostAsync($"/api/accounts/{id}/password", Json(new { password = "kurz" })), "password");
        Assert.Contains(weak["password"], m => m.Contains("at least 8 characters"));

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/accounts/{id}/lock", null)).StatusCode);
        var refused = await ProblemAssert.Status(await anonymous.PostAsJsonAsync("/api/auth/login", new { email = "łucja.kılınç@kreis-peine.de", password = "Neues-Passwort-7" }), HttpStatusCode.Unauthorized);
        Assert.True(refused.GetProperty("lockedOut").GetBoolean());
        Assert.True((await admin.GetFromJsonAsync<JsonArray>("/api/accounts"))!.Single(a => a!["id"]!.GetValue<string>() == id)!["locked"]!.GetValue<bool>());

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/accounts/{id}/unlock", null)).StatusCode);
        Assert.NotEmpty(await _app.TokenAsync("łucja.kılınç@kreis-peine.de", "Neues-Passwort-7"));

        // The token from before the new password and the lock is void (AccountSessionsTests); a new sign-in works.
        await ProblemAssert.Status(await lucja.GetAsync("/api/auth/me"), HttpStatusCode.Unauthorized);
        lucja.DefaultRequestHeaders.Authorization = new("Bearer", await _app.TokenAsync("łucja.kılınç@kreis-peine.de", "Neues-Passwort-7"));
        // Someone who is not an administrator manages no accounts.
        await ProblemAssert.Status(await lucja.GetAsync("/api/accounts"), HttpStatusCode.Forbidden);
        await ProblemAssert.Status(await lucja.PostAsync("/api/accounts", Json(new { email = "x@kreis.test", displayName = "X", password = "Xx-123456" })), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task TheHistoryNamesTheSignedInAccountAndIgnoresTheXUserHeader()
    {
        (await _app.ImportAsync(Samples.Small)).EnsureSuccessStatusCode();
        using var lucja = await _app.CreateClientAsAsync("łucja.kılınç@kreis-peine.de", "Łucja Kılınç");
        (await _app.CreateClient().PutAsJsonAsync("/api/networks/kreis/members/łucja.kılınç@kreis-peine.de", new { role = "editor" })).EnsureSuccessStatusCode();
        lucja.DefaultRequestHeaders.Add("X-User", "Mallory");
        var me = await lucja.GetFromJsonAsync<JsonElement>("/api/auth/me");
        var topic = await _app.GetAsync<JsonObject>("/api/networks/kreis/topics/arbeit");
        topic["name"] = "Arbeit und Ausbildung";
        (await lucja.PutAsync("/api/networks/kreis/topics/arbeit", Json(topic))).EnsureSuccessStatusCode();

        var history = await _app.GetAsync<JsonArray>("/api/networks/kreis/history?entity=arbeit");
        var rename = history[^1]!;
        Assert.Equal("Łucja Kılınç", rename["author"]!.GetValue<string>());
        Assert.Equal(me.GetProperty("id").GetString(), rename["authorId"]!.GetValue<string>());
        // The import before it was the administrator's.
        Assert.Equal(TestApp.AdminName, history[0]!["author"]!.GetValue<string>());
    }

    [Fact]
    public async Task ACookieSignedInChangeNeedsTheAntiforgeryHeaderABearerCallNone()
    {
        using var browser = _app.CreateAnonymousClient(); // keeps cookies, like a browser
        Assert.Equal(HttpStatusCode.NoContent,
            (await browser.PostAsJsonAsync("/api/auth/login?useCookies=true", new { email = TestApp.AdminEmail, password = TestApp.AdminPassword })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/networks")).StatusCode);

        var refused = await ProblemAssert.Status(await browser.PostAsync("/api/networks", Json(new { id = "csrf", name = "Ohne Token" })), HttpStatusCode.BadRequest);
        Assert.Contains("RequestVerificationToken", refused.GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await _app.CreateClient().GetAsync("/api/networks/csrf")).StatusCode);

        var antiforgery = await browser.GetFromJsonAsync<JsonElement>("/api/auth/antiforgery");
        using var withToken = new HttpRequestMessage(HttpMethod.Post, "/api/networks") { Content = Json(new { id = "csrf", name = "Mit Token" }) };
        withToken.Headers.Add(antiforgery.GetProperty("headerName").GetString()!, antiforgery.GetProperty("token").GetString());
        Assert.Equal(HttpStatusCode.Created, (await browser.SendAsync(withToken)).StatusCode);

        // A script with a bearer token needs no antiforgery header.
        Assert.Equal(HttpStatusCode.Created, (await _app.CreateClient().PostAsync("/api/networks", Json(new { id = "script", name = "Skript" }))).StatusCode);
    }

    [Fact]
    public async Task SignInAttemptsAreLimitedPerAddress()
    {
        using var app = new TestApp(settings: new Dictionary<string, string> { ["Auth:SignInsPerMinute"] = "3" });
        using var anonymous = app.CreateAnonymousClient();
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
            answers.Add((await anonymous.PostAsJsonAsync("/api/auth/login", new { email = "niemand@kreis.test", password = "falsch" })).StatusCode);
        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], answers);
    }

    [Fact]
    public async Task WithoutAConfiguredAdministratorASetupLinkCreatesTheFirstOneAndTellsTheSeedOwner()
    {
        var told = new List<string>();
        using var fresh = new TestApp(settings: new Dictionary<string, string> { ["Auth:Admin:Email"] = "" })
            .WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<IFirstAdministratorHandler>(new Recorder(told))));
        var link = fresh.Services.GetRequiredService<SetupLink>();
        Assert.StartsWith("/setup/", link.Path);
        using var scope = fresh.Services.CreateScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
        var token = link.Path!["/setup/".Length..];
        await Assert.ThrowsAsync<GraphApi.Domain.NotFoundException>(() => link.CreateAdministratorAsync(accounts, "falsch", "a@kreis.test", "A", "Erster-Admin-1"));
        var admin = await link.CreateAdministratorAsync(accounts, token, "erste@kreis.test", "Erste Administratorin", "Erster-Admin-1");
        Assert.True(admin.Administrator);
        Assert.Null(link.Path); // used once
        Assert.Equal([admin.Id], told);
        // A second administrator is not the first.
        await accounts.CreateAsync("zweite@kreis.test", "Zweite", "Zweiter-Admin-2", administrator: true);
        Assert.Single(told);
    }

    private sealed class Recorder(List<string> told) : IFirstAdministratorHandler
    {
        public Task FirstAdministratorCreatedAsync(string userId, CancellationToken ct)
        {
            told.Add(userId);
            return Task.CompletedTask;
        }
    }

    /// <summary>
    /// OpenID Connect is configuration only. No real identity provider runs here (no Keycloak, ADFS or Entra ID), so this
    /// checks what can be checked without one: with <c>Auth:Oidc:*</c> set, the scheme is registered and the sign-in
    /// button's challenge sends the browser to the configured authority's authorization endpoint with the client id.
    /// The authority's discovery document is served by a plain local web server.
    /// </summary>
    [Fact]
    public async Task OpenIdConnectIsRegisteredByConfigurationAndItsChallengeGoesToTheAuthority()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var idp = builder.Build();
        string authority = "";
        idp.MapGet("/realms/kreis/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = authority, ["authorization_endpoint"] = authority + "/protocol/openid-connect/auth",
            ["token_endpoint"] = authority + "/protocol/openid-connect/token", ["jwks_uri"] = authority + "/protocol/openid-connect/certs",
            ["response_types_supported"] = new[] { "code" }, ["subject_types_supported"] = new[] { "public" },
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        }));
        idp.MapGet("/realms/kreis/protocol/openid-connect/certs", () => Results.Json(new { keys = Array.Empty<object>() }));
        await idp.StartAsync();
        authority = idp.Urls.Single() + "/realms/kreis";

        using var app = new TestApp(settings: new Dictionary<string, string>
        {
            ["Auth:Oidc:Authority"] = authority, ["Auth:Oidc:ClientId"] = "networkgraph", ["Auth:Oidc:ClientSecret"] = "geheim",
        });
        var schemes = app.Services.GetRequiredService<Microsoft.AspNetCore.Authentication.IAuthenticationSchemeProvider>();
        Assert.NotNull(await schemes.GetSchemeAsync(AccountsRegistration.OidcScheme));
        using var browser = app.CreateAnonymousClient();
        var challenge = await browser.GetAsync("/login/oidc?returnUrl=%2Fnetworks%2Fpeine");
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        var location = challenge.Headers.Location!.ToString();
        Assert.StartsWith(authority + "/protocol/openid-connect/auth?", location);
        Assert.Contains("client_id=networkgraph", location);
        Assert.Contains("code_challenge=", location); // PKCE
    }
}
