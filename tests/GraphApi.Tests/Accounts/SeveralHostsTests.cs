using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using GraphApi.Accounts;
using Microsoft.Extensions.DependencyInjection;

namespace GraphApi.Tests.Accounts;

/// <summary>
/// Issue 10, point 1, "where several instances run": two hosts, each with its own accounts.db, over one graph store (the
/// roles per network are stored there, keyed by user id). The same person must be the same user on both.
/// No identity provider can run here (no Keycloak, ADFS or Entra ID), so the sign-in through it is entered where the
/// OpenID Connect handler hands over a validated token's principal (<see cref="ExternalSignIn"/>, called by OnTokenValidated),
/// with the claims such a token carries: iss, sub, email, name.
/// </summary>
public sealed class SeveralHostsTests : IDisposable
{
    private const string Issuer = "https://login.kreis-peine.test/realms/kreis";
    private readonly TestApp _a = new(seed: true);
    private readonly TestApp _b;

    public SeveralHostsTests()
    {
        _a.CreateClient().Dispose(); // host A starts first: it seeds the shared store and its administrator owns the seed networks
        _b = new TestApp(settings: new Dictionary<string, string>
        {
            ["Store:DatabasePath"] = _a.DatabasePath,
            ["Auth:DatabasePath"] = Path.Combine(_a.Folder, "host-b", "accounts.db"),
        });
    }

    public void Dispose()
    {
        _b.Dispose();
        _a.Dispose();
    }

    private static ClaimsPrincipal FromProvider(string subject, string email, string name) => new(new ClaimsIdentity(
    [
        new Claim("iss", Issuer, ClaimValueTypes.String, Issuer),
        new Claim("sub", subject, ClaimValueTypes.String, Issuer),
        new Claim("email", email, ClaimValueTypes.String, Issuer),
        new Claim("name", name, ClaimValueTypes.String, Issuer),
    ], "OpenIdConnect"));

    private static async Task<string> SignInThroughProviderAsync(TestApp host, ClaimsPrincipal external)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<ExternalSignIn>().SignInAsync(external);
        Assert.True(result.Principal is not null, result.Error);
        return Users.IdOf(result.Principal)!;
    }

    private static async Task<JsonElement> MeAsync(HttpClient client) => await client.GetFromJsonAsync<JsonElement>("/api/auth/me");

    [Fact]
    public async Task ThePersonAndTheFirstAdministratorHaveOneIdOnEveryHostSoARoleGrantedOnOneHostHoldsOnTheOther()
    {
        using var adminA = _a.CreateClient();
        using var adminB = _b.CreateClient();
        Assert.True(File.Exists(Path.Combine(_a.Folder, "host-b", "accounts.db")) && File.Exists(Path.Combine(_a.Folder, "accounts.db")), "two accounts files");

        // The configured administrator: one id on both hosts, not the e-mail in clear; it owns the seed networks on both.
        var adminId = (await MeAsync(adminA)).GetProperty("id").GetString()!;
        Assert.Equal(adminId, (await MeAsync(adminB)).GetProperty("id").GetString());
        Assert.True(Guid.TryParse(adminId, out _));
        Assert.DoesNotContain("admin", adminId, StringComparison.OrdinalIgnoreCase);
        var owners = await adminB.GetFromJsonAsync<JsonElement>("/api/networks/peine/members");
        Assert.Contains(owners.EnumerateArray(), m => m.GetProperty("userId").GetString() == adminId
            && m.GetProperty("role").GetInt32() == (int)GraphApi.Access.NetworkRole.Owner);

        // A person signs in through the identity provider on host A, and is made an editor of Peine there.
        var onA = await SignInThroughProviderAsync(_a, FromProvider("f81d4fae-7dec", "ida.idp@kreis-peine.test", "Ida Idp"));
        Assert.DoesNotContain("ida", onA, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("f81d4fae", onA, StringComparison.Ordinal);
        (await adminA.PutAsJsonAsync("/api/networks/peine/members/ida.idp@kreis-peine.test", new { role = "editor" })).EnsureSuccessStatusCode();

        // On host B, which never saw her, she is the same user; her role from A holds there, over HTTP.
        var onB = await SignInThroughProviderAsync(_b, FromProvider("f81d4fae-7dec", "ida.idp@kreis-peine.test", "Ida Idp"));
        Assert.Equal(onA, onB);
        // A password set by B's administrator lets this test sign in on B for a bearer token (no provider runs here).
        (await adminB.PostAsJsonAsync($"/api/accounts/{onB}/password", new { password = "Nur-Fuer-Den-Test-1" })).EnsureSuccessStatusCode();
        using var ida = _b.CreateAnonymousClient();
        ida.DefaultRequestHeaders.Authorization = new("Bearer", await _b.TokenAsync("ida.idp@kreis-peine.test", "Nur-Fuer-Den-Test-1"));
        Assert.Equal(onB, (await MeAsync(ida)).GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.OK, (await ida.GetAsync("/api/networks/peine")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ida.GetAsync("/api/networks/dithmarschen")).StatusCode); // no role there

        // She is found by her login, not by her e-mail: a changed address at the provider is still her.
        Assert.Equal(onB, await SignInThroughProviderAsync(_b, FromProvider("f81d4fae-7dec", "ida.neu@kreis-peine.test", "Ida Idp")));
        // Another subject of the provider is another person, on both hosts alike.
        var other = await SignInThroughProviderAsync(_a, FromProvider("0c3e-other", "otto@kreis-peine.test", "Otto"));
        Assert.NotEqual(onA, other);
        Assert.Equal(other, await SignInThroughProviderAsync(_b, FromProvider("0c3e-other", "otto@kreis-peine.test", "Otto")));
    }

    [Fact]
    public async Task AnAddressThatPassedToAnotherPersonAtTheProviderDoesNotOpenTheOldAccount()
    {
        await SignInThroughProviderAsync(_a, FromProvider("first-holder", "stelle@kreis-peine.test", "Erste"));
        await using var scope = _a.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<ExternalSignIn>()
            .SignInAsync(FromProvider("second-holder", "stelle@kreis-peine.test", "Zweite"));
        Assert.Null(result.Principal);
        Assert.Contains("stelle@kreis-peine.test", result.Error);
    }
}
