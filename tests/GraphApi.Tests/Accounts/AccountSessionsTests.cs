using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GraphApi.Tests.Api;
using GraphApi.Tests.MultiInstance;
using Microsoft.AspNetCore.SignalR.Client;

namespace GraphApi.Tests.Accounts;

/// <summary>
/// Locking an account ends what it holds at once, not when its tokens expire: the next API call with its bearer token is
/// 401, its open hub connection is closed, a new one is refused, its cookie stops; after unlocking, a new sign-in works and
/// the old token stays void. Real SQLite files, the real HTTP pipeline and the real .NET SignalR client.
/// </summary>
public sealed class AccountSessionsTests : IDisposable
{
    private const string Email = "gesperrt@kreis.test";
    private readonly TestApp _app = new();

    public void Dispose() => _app.Dispose();

    private HttpClient Bearer(string token)
    {
        var client = _app.CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    [Fact]
    public async Task ALockedAccountsBearerTokenAndHubConnectionStopAtOnceAndANewSignInWorksAfterUnlocking()
    {
        (await _app.ImportAsync(Samples.Small)).EnsureSuccessStatusCode();
        var token = await _app.AccountTokenAsync(Email, "Gerda Gesperrt");
        using var admin = _app.CreateClient();
        (await admin.PutAsJsonAsync($"/api/networks/kreis/members/{Email}", new { role = "editor" })).EnsureSuccessStatusCode();
        using var user = Bearer(token);
        var id = (await user.GetFromJsonAsync<JsonElement>("/api/auth/me")).GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync("/api/networks/kreis")).StatusCode);
        await using var hub = await HubClient.ConnectAsync(_app, token);
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.Connection.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };
        await hub.JoinAsync("kreis", "Gerda");

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/accounts/{id}/lock", null)).StatusCode);
        // The very next call, well within the token's hour.
        await ProblemAssert.Status(await user.GetAsync("/api/networks/kreis"), HttpStatusCode.Unauthorized);
        await ProblemAssert.Status(await user.GetAsync("/api/auth/me"), HttpStatusCode.Unauthorized);
        await closed.Task.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(HubConnectionState.Disconnected, hub.Connection.State);
        var refused = await Assert.ThrowsAnyAsync<Exception>(() => HubClient.ConnectAsync(_app, token)); // at negotiation
        Assert.Contains("401", refused.Message);
        // Someone else's token goes on working.
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/networks/kreis")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/accounts/{id}/unlock", null)).StatusCode);
        await ProblemAssert.Status(await user.GetAsync("/api/networks/kreis"), HttpStatusCode.Unauthorized); // the old token stays void
        using var again = Bearer(await _app.TokenAsync(Email, TestApp.UserPassword));
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/api/networks/kreis")).StatusCode);
    }

    [Fact]
    public async Task ALockedAccountsCookieStopsAtOnceAndAPasswordResetEndsItsTokens()
    {
        var token = await _app.AccountTokenAsync(Email, "Gerda Gesperrt");
        using var user = Bearer(token);
        var id = (await user.GetFromJsonAsync<JsonElement>("/api/auth/me")).GetProperty("id").GetString();
        using var admin = _app.CreateClient();

        // An administrator sets a new password: what was issued with the old one ends; the new one signs in.
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsJsonAsync($"/api/accounts/{id}/password", new { password = "Neu-Gesetzt-42" })).StatusCode);
        await ProblemAssert.Status(await user.GetAsync("/api/networks"), HttpStatusCode.Unauthorized);

        using var browser = _app.CreateAnonymousClient(); // keeps cookies
        Assert.Equal(HttpStatusCode.NoContent,
            (await browser.PostAsJsonAsync("/api/auth/login?useCookies=true", new { email = Email, password = "Neu-Gesetzt-42" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/networks")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/accounts/{id}/lock", null)).StatusCode);
        await ProblemAssert.Status(await browser.GetAsync("/api/networks"), HttpStatusCode.Unauthorized);
        // A page sends the browser to the sign-in page.
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/")).StatusCode);
    }
}
