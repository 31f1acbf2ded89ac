using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using GraphApi.Access;
using GraphApi.Accounts;
using GraphApi.Tests.MultiInstance;
using Microsoft.AspNetCore.SignalR.Client;

namespace GraphApi.Tests.Accounts;

/// <summary>
/// Issue 10, point 6: presence names and colours come from the account, for hub clients as for the Blazor UI, whatever name
/// a client sends. Driven with the real .NET SignalR client over the real pipeline (bearer tokens, a share link's cookie).
/// </summary>
public sealed class LivePresenceTests : IDisposable
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(15);
    private readonly TestApp _app = new();

    public void Dispose() => _app.Dispose();

    private static JsonElement? Named(JsonElement participants, string name) =>
        participants.EnumerateArray().Cast<JsonElement?>().FirstOrDefault(p => p!.Value.GetProperty("name").GetString() == name);

    private async Task<(string Token, string Id)> EditorAsync(string email, string displayName)
    {
        var token = await _app.AccountTokenAsync(email, displayName);
        using var admin = _app.CreateClient();
        (await admin.PutAsJsonAsync($"/api/networks/kreis/members/{email}", new { role = "editor" })).EnsureSuccessStatusCode();
        using var client = _app.CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return (token, (await client.GetFromJsonAsync<JsonElement>("/api/auth/me")).GetProperty("id").GetString()!);
    }

    [Fact]
    public async Task TheHubShowsEachClientByItsAccountNotByTheNameItSendsAndAUnicodeNameEditsLive()
    {
        (await _app.ImportAsync(Samples.Small)).EnsureSuccessStatusCode();
        var (malloryToken, malloryId) = await EditorAsync("martin.maler@kreis.test", "Martin Maler");
        var (lucjaToken, lucjaId) = await EditorAsync("łucja.kılınç@kreis-peine.de", "Łucja Kılınç");

        await using var watcher = await HubClient.ConnectAsync(_app, _app.AdminToken);
        await watcher.JoinAsync("kreis", "Watcher");
        await using var mallory = await HubClient.ConnectAsync(_app, malloryToken);
        // Both claim to be "Mallory" with a colour of their choosing: neither is shown so.
        var joined = await mallory.Connection.InvokeAsync<JsonElement>("Join", "kreis", "Mallory", "#000000");
        Assert.NotNull(Named(joined.GetProperty("participants"), "Martin Maler"));
        await using var lucja = await HubClient.ConnectAsync(_app, lucjaToken);
        await lucja.Connection.InvokeAsync<JsonElement>("Join", "kreis", "Mallory", "#000000");

        var (seen, _) = await watcher.WaitForAsync("presence",
            p => Named(p, "Martin Maler") is not null && Named(p, "Łucja Kılınç") is not null, Within);
        Assert.Null(Named(seen, "Mallory"));
        Assert.Null(Named(seen, "Watcher"));
        Assert.NotNull(Named(seen, TestApp.AdminName));
        Assert.Equal(Users.ColourOf(malloryId), Named(seen, "Martin Maler")!.Value.GetProperty("colour").GetString());
        Assert.Equal(Users.ColourOf(lucjaId), Named(seen, "Łucja Kılınç")!.Value.GetProperty("colour").GetString());

        // Łucja edits live: her move and her change reach the others under her name, spelt right.
        await lucja.Connection.InvokeAsync("Move", new Dictionary<string, object> { ["jc"] = new { x = 40.5, y = -7 } });
        var (moved, _) = await watcher.WaitForAsync("moved", m => m.GetProperty("by").GetString() == "Łucja Kılınç", Within);
        Assert.Equal(40.5, moved.GetProperty("positions").GetProperty("jc").GetProperty("x").GetDouble());
        var topic = await _app.GetAsync<JsonObject>("/api/networks/kreis/topics/arbeit");
        topic["name"] = "Arbeit und Ausbildung";
        using var lucjaHttp = _app.CreateAnonymousClient();
        lucjaHttp.DefaultRequestHeaders.Authorization = new("Bearer", lucjaToken);
        (await lucjaHttp.PutAsJsonAsync("/api/networks/kreis/topics/arbeit", topic)).EnsureSuccessStatusCode();
        var (changed, _) = await watcher.WaitForAsync("changed", c => c.GetProperty("author").GetString() == "Łucja Kılınç", Within);
        Assert.Equal(lucjaId, changed.GetProperty("authorId").GetString());
        await lucja.Connection.InvokeAsync("Select", "jc");
        await watcher.WaitForAsync("presence", p => Named(p, "Łucja Kılınç") is { } l && l.GetProperty("selection").GetString() == "jc", Within);
    }

    [Fact]
    public async Task AShareLinksVisitorIsShownByTheLinksLabelNeverAsAnAccount()
    {
        (await _app.ImportAsync(Samples.Small)).EnsureSuccessStatusCode();
        using var admin = _app.CreateClient();
        var made = await admin.PostAsJsonAsync("/api/networks/kreis/shares", new { label = "Beamer Sitzungssaal", view = "/present", days = 1 });
        made.EnsureSuccessStatusCode();
        var token = (await made.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString();

        await using var watcher = await HubClient.ConnectAsync(_app, _app.AdminToken);
        await watcher.JoinAsync("kreis", "Watcher");
        await using var projector = await HubClient.ConnectAsync(_app, token: null, cookie: $"{ShareLinks.CookieName}={token}");
        await projector.JoinAsync("kreis", TestApp.AdminName); // posing as the administrator does not work either
        var (seen, _) = await watcher.WaitForAsync("presence", p => Named(p, "Beamer Sitzungssaal (link)") is not null, Within);
        Assert.Single(seen.EnumerateArray(), p => p.GetProperty("name").GetString() == TestApp.AdminName);
    }
}
