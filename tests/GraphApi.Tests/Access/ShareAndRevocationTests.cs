using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GraphApi.Access;
using GraphApi.Live;
using GraphApi.Storage;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace GraphApi.Tests.Access;

/// <summary>Share links over HTTP, and rights taken away cutting live connections at once (the .NET SignalR client).</summary>
public sealed class ShareAndRevocationTests(AccessFixture fixture) : IClassFixture<AccessFixture>
{
    private HttpClient Visitor(string token)
    {
        var client = fixture.Client("anonymous");
        client.DefaultRequestHeaders.Add("Cookie", $"{ShareLinks.CookieName}={token}");
        return client;
    }

    private async Task<(string Id, string Token, string Path)> ShareAsync(string view)
    {
        var made = await fixture.Client("owner").PostAsJsonAsync($"/api/networks/{AccessFixture.Own}/shares", new { label = "Steuerungsgruppe", view, days = 3 });
        Assert.Equal(HttpStatusCode.Created, made.StatusCode);
        var json = await made.Content.ReadFromJsonAsync<JsonElement>();
        return (json.GetProperty("share").GetProperty("id").GetString()!, json.GetProperty("token").GetString()!, json.GetProperty("path").GetString()!);
    }

    [Fact]
    public async Task AShareLinkOpensItsViewAsAViewerOfThatNetworkOnlyUntilItIsRevoked()
    {
        var (id, token, path) = await ShareAsync("/report?asOf=2024-01-01");
        Assert.Equal($"/s/{token}", path);
        var listed = await fixture.Client("owner").GetFromJsonAsync<JsonElement>($"/api/networks/{AccessFixture.Own}/shares");
        Assert.Contains(listed.EnumerateArray(), s => s.GetProperty("id").GetString() == id && !s.GetProperty("expired").GetBoolean());
        Assert.DoesNotContain(token, listed.ToString()); // the token is shown once, never listed
        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.Client("editor").GetAsync($"/api/networks/{AccessFixture.Own}/shares")).StatusCode);

        var opened = await fixture.Client("anonymous").GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        Assert.Equal($"/networks/{AccessFixture.Own}/report?asOf=2024-01-01", opened.Headers.Location!.OriginalString); // the view with its filters
        Assert.Contains(opened.Headers.GetValues("Set-Cookie"), c => c.StartsWith($"{ShareLinks.CookieName}={token}", StringComparison.Ordinal) && c.Contains("httponly"));

        var visitor = Visitor(token);
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync($"/networks/{AccessFixture.Own}/report?asOf=2024-01-01", HttpCompletionOption.ResponseHeadersRead)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync($"/networks/{AccessFixture.Own}/present", HttpCompletionOption.ResponseHeadersRead)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync($"/api/networks/{AccessFixture.Own}/export?format=svg&layers=actor,body")).StatusCode);
        // Nothing that names persons: no table, no data, no person layer, no other network, no writing.
        Assert.Equal(HttpStatusCode.Forbidden, (await visitor.GetAsync($"/networks/{AccessFixture.Own}/table")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await visitor.GetAsync($"/api/networks/{AccessFixture.Own}/persons/")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await visitor.GetAsync($"/api/networks/{AccessFixture.Own}/export?format=json")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await visitor.GetAsync($"/api/networks/{AccessFixture.Own}/export?format=svg&layers=actor,person")).StatusCode);
        // Writing: refused (by the antiforgery check of cookie calls, and behind it the gate).
        Assert.Contains((await visitor.PutAsJsonAsync($"/api/networks/{AccessFixture.Own}/positions", new { kv = new { x = 1, y = 2 } })).StatusCode,
            new[] { HttpStatusCode.BadRequest, HttpStatusCode.Forbidden });
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/api/networks/{AccessFixture.Foreign}/export?format=svg")).StatusCode);
        var list = await visitor.GetFromJsonAsync<JsonElement>("/api/networks");
        Assert.Equal([AccessFixture.Own], list.GetProperty("items").EnumerateArray().Select(n => n.GetProperty("id").GetString()));

        Assert.Equal(HttpStatusCode.NoContent, (await fixture.Client("owner").DeleteAsync($"/api/networks/{AccessFixture.Own}/shares/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await visitor.GetAsync($"/networks/{AccessFixture.Own}/report")).StatusCode); // to the sign-in
        Assert.Equal(HttpStatusCode.Unauthorized, (await visitor.GetAsync($"/api/networks/{AccessFixture.Own}/export?format=svg")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Client("anonymous").GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task AnExpiredShareLinkIsRefused()
    {
        const string token = "expired-token-of-a-test-0123456789abcdefghij";
        var now = DateTimeOffset.UtcNow;
        await fixture.Service<IGraphStore>().AddShareAsync(new ShareLink("old", AccessFixture.Own, NetworkRights.Hash(token), "Alt", "", now.AddDays(-8), now.AddMinutes(-1), "x"));
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Client("anonymous").GetAsync($"/s/{token}")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Visitor(token).GetAsync($"/networks/{AccessFixture.Own}")).StatusCode); // to the sign-in
        var listed = await fixture.Client("owner").GetFromJsonAsync<JsonElement>($"/api/networks/{AccessFixture.Own}/shares");
        Assert.Contains(listed.EnumerateArray(), s => s.GetProperty("id").GetString() == "old" && s.GetProperty("expired").GetBoolean());
    }

    [Fact]
    public async Task RemovingAMemberOrRevokingALinkCutsTheirLiveConnectionsAtOnce()
    {
        await using var editor = fixture.Hub("editor");
        await using var bystander = fixture.Hub("viewer");
        var (shareId, token, _) = await ShareAsync("/present");
        await using var projector = new HubConnectionBuilder()
            .WithUrl(new Uri(fixture.App.Server.BaseAddress, "hubs/network?lang=en"), o =>
            {
                o.HttpMessageHandlerFactory = _ => fixture.App.Server.CreateHandler();
                o.Transports = HttpTransportType.LongPolling;
                o.Headers["Cookie"] = $"{ShareLinks.CookieName}={token}";
            })
            .Build();
        var editorClosed = Closed(editor);
        var projectorClosed = Closed(projector);
        var bystanderClosed = Closed(bystander);
        foreach (var (hub, name) in new[] { (editor, "Editor"), (bystander, "Viewer"), (projector, "Beamer") })
        {
            await hub.StartAsync();
            await hub.InvokeAsync<JoinResult>("Join", AccessFixture.Own, name, "#1f5fa8");
        }

        Assert.Equal(HttpStatusCode.NoContent,
            (await fixture.Client("owner").DeleteAsync($"/api/networks/{AccessFixture.Own}/members/{fixture.Ids["editor"]}")).StatusCode);
        await editorClosed.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(HttpStatusCode.NoContent, (await fixture.Client("owner").DeleteAsync($"/api/networks/{AccessFixture.Own}/shares/{shareId}")).StatusCode);
        await projectorClosed.WaitAsync(TimeSpan.FromSeconds(20));

        // The others stay; the cut one cannot come back.
        Assert.False(bystanderClosed.IsCompleted);
        Assert.Equal(HubConnectionState.Connected, bystander.State);
        await bystander.InvokeAsync("Select", "kv");
        await using var again = fixture.Hub("editor");
        await again.StartAsync();
        var refused = await Assert.ThrowsAsync<Microsoft.AspNetCore.SignalR.HubException>(() => again.InvokeAsync<JoinResult>("Join", AccessFixture.Own, "Editor", "#1f5fa8"));
        Assert.Contains($"There is no network '{AccessFixture.Own}'", refused.Message);
        await fixture.ResetAsync(AccessFixture.Own);
    }

    private static Task Closed(HubConnection hub)
    {
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };
        return closed.Task;
    }
}
