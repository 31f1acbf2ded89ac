using GraphApi.Live;
using GraphApi.Storage;
using Microsoft.AspNetCore.SignalR.Client;

namespace GraphUi.Tests.Live;

/// <summary>
/// /hubs/network stays the live API for other clients; driven here with the .NET SignalR client, the way a broken or
/// hostile client would: each bad call gets an error to its caller only, nothing reaches anyone else, a flood is throttled.
/// </summary>
public sealed class HubTests(MapApp app) : IClassFixture<MapApp>
{
    private async Task<(HubConnection Connection, List<string> Heard)> ConnectAsync()
    {
        var token = await app.TokenAsync();
        var connection = new HubConnectionBuilder().WithUrl($"{app.BaseUrl}/hubs/network?lang=en", o => o.AccessTokenProvider = () => Task.FromResult<string?>(token)).Build();
        var heard = new List<string>();
        foreach (var name in new[] { ClientEvents.Changed, ClientEvents.Presence, ClientEvents.Moved, ClientEvents.Follow })
            connection.On<object>(name, _ => { lock (heard) heard.Add(name); });
        await connection.StartAsync();
        return (connection, heard);
    }

    private static async Task<string?> ErrorOf(Func<Task> call)
    {
        try
        {
            await call();
            return null;
        }
        catch (Exception e)
        {
            return e.Message;
        }
    }

    [Fact]
    public async Task BadCallsGetAnErrorToTheCallerOnlyAndFloodsAreThrottled()
    {
        var (watcher, heard) = await ConnectAsync();
        await watcher.InvokeAsync<JoinResult>("Join", "dithmarschen", "Watcher", "#123456");
        var (bad, _) = await ConnectAsync();

        Assert.Contains("There is no network 'nowhere'", await ErrorOf(() => bad.InvokeAsync<JoinResult>("Join", "nowhere", "Bad", "#123456")));
        Assert.Contains("Join a network first", await ErrorOf(() => bad.InvokeAsync("Select", "stadt-heide")));
        // The name and colour a client sends are ignored (the account's are shown), so a blank name or a bad colour does no harm.
        var joined = await bad.InvokeAsync<JoinResult>("Join", "dithmarschen", "   ", "red");
        Assert.True(joined.Revision > 0);
        Assert.DoesNotContain(joined.Participants, p => string.IsNullOrWhiteSpace(p.Name) || p.Colour == "red");
        await Task.Delay(400);
        lock (heard) heard.Clear(); // from here on the watcher must hear nothing

        Assert.Contains("'nobody' does not exist", await ErrorOf(() => bad.InvokeAsync("Select", "nobody")));
        Assert.Contains("'nobody' is not a node", await ErrorOf(() => bad.InvokeAsync("Move", new Dictionary<string, NodePosition> { ["nobody"] = new(1, 2) })));
        Assert.NotNull(await ErrorOf(() => bad.InvokeAsync("Move", "not a dictionary")));
        Assert.Contains("1 to 5000 positions", await ErrorOf(() => bad.InvokeAsync("Move", new Dictionary<string, NodePosition>())));
        Assert.Contains("Only the presenter", await ErrorOf(() => bad.InvokeAsync("Show", new Viewport(0, 0, 1, 1, null))));
        Assert.NotNull(await ErrorOf(() => bad.InvokeAsync("DropAllTables")));
        await Task.Delay(600);
        lock (heard) Assert.Empty(heard);

        var flood = await Task.WhenAll(Enumerable.Range(0, 150).Select(_ => ErrorOf(() => bad.InvokeAsync("Present", false))));
        Assert.True(flood.Count(e => e is not null) > 0, "a flood of 150 calls was not throttled");
        // The budget is the client's (this address's), shared with the calls above: most of the burst is left.
        Assert.True(flood.Count(e => e is null) >= 30, "the burst allowance was not honoured");
        Assert.Contains("Too many calls", flood.First(e => e is not null));
        Assert.Equal(HubConnectionState.Connected, watcher.State);
        await bad.DisposeAsync();
        await watcher.DisposeAsync();
    }

    [Fact]
    public async Task AHubClientHearsCommitsAndTheMapsMoves()
    {
        var (client, heard) = await ConnectAsync();
        await client.InvokeAsync<JoinResult>("Join", "peine", "Hub client", "#336699");
        using var http = await app.ApiClientAsync();
        (await http.PutAsync("/api/networks/peine/positions",
            new StringContent("""{"jobcenter-peine":{"x":10,"y":20}}""", System.Text.Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
        var body = new StringContent("""{"id":"hub-test-actor","name":"Hub-Test","kind":"other"}""", System.Text.Encoding.UTF8, "application/json");
        (await http.PostAsync("/api/networks/peine/actors", body)).EnsureSuccessStatusCode();
        for (var i = 0; i < 50 && !HeardChanged(); i++) await Task.Delay(100);
        Assert.True(HeardChanged(), "the hub client did not hear the commit");
        await client.DisposeAsync();

        bool HeardChanged()
        {
            lock (heard) return heard.Contains(ClientEvents.Changed);
        }
    }
}
