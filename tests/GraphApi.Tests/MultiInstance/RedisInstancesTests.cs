using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Xunit.Abstractions;

namespace GraphApi.Tests.MultiInstance;

/// <summary>
/// Two instances with Live:Redis set (a redis-server the test starts): presence spans both, a node moved on one
/// instance moves on the other's maps (SignalR's Redis backplane), and commits cross at once over the live bus.
/// </summary>
public sealed class RedisInstancesTests(RedisServer redis, ITestOutputHelper output) : IClassFixture<RedisServer>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("networkgraph-redis-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { /* temp */ }
    }

    private Task<AppInstance> StartAsync() => AppInstance.StartAsync(Path.Combine(_folder, "graph.db"), new Dictionary<string, string>
    {
        ["Live__Redis"] = redis.Configuration,
        // Only the bus wakes the other instance here: the poll would take a minute, so a pass shows the bus works.
        ["Store__FollowMilliseconds"] = "60000",
    });

    private static bool Names(JsonElement participants, params string[] names) =>
        names.All(n => participants.EnumerateArray().Any(p => p.GetProperty("name").GetString() == n));

    /// <summary>
    /// A hub client of a new account (an editor of the network): presence shows the account's display name, not what a client
    /// sends, so two people need two accounts. Both instances share the accounts file (one folder).
    /// </summary>
    private static async Task<HubClient> ConnectAsAsync(AppInstance instance, string networkId, string email, string displayName)
    {
        (await instance.Client.PostAsJsonAsync("/api/accounts", new { email, displayName, password = TestApp.UserPassword })).EnsureSuccessStatusCode();
        (await instance.Client.PutAsJsonAsync($"/api/networks/{networkId}/members/{email}", new { role = "editor" })).EnsureSuccessStatusCode();
        var login = await instance.Client.PostAsJsonAsync("/api/auth/login", new { email, password = TestApp.UserPassword });
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        return await HubClient.ConnectAsync(instance.Url + "/hubs/network", token);
    }

    [SkippableFact]
    public async Task PresenceMovesAndEditsSpanBothInstances()
    {
        Skip.If(redis.SkipReason is not null, redis.SkipReason);
        await using var a = await StartAsync();
        await using var b = await StartAsync();
        await Instances.ImportAsync(a, Samples.Small);
        await b.Client.GetStringAsync("/api/networks/kreis/graph"); // B has the network open

        await using var onA = await ConnectAsAsync(a, "kreis", "anna@kreis.test", "Anna auf A");
        await using var onB = await ConnectAsAsync(b, "kreis", "ben@kreis.test", "Ben auf B");
        await onA.JoinAsync("kreis", "Anna auf A");
        await onB.JoinAsync("kreis", "Ben auf B");
        await onA.WaitForAsync("presence", p => Names(p, "Anna auf A", "Ben auf B"), TimeSpan.FromSeconds(10));
        await onB.WaitForAsync("presence", p => Names(p, "Anna auf A", "Ben auf B"), TimeSpan.FromSeconds(10));

        await onA.Connection.InvokeAsync("Move", new Dictionary<string, object> { ["jc"] = new { x = 12.5, y = -3 } });
        var (moved, _) = await onB.WaitForAsync("moved", m => m.GetProperty("by").GetString() == "Anna auf A", TimeSpan.FromSeconds(10));
        Assert.Equal(12.5, moved.GetProperty("positions").GetProperty("jc").GetProperty("x").GetDouble());

        // Warm the path once, then measure: an edit through A reaches B's client over the bus, with B's poll at a minute.
        var (_, first) = await Instances.RenameAsync(a, "kreis", "jc", "Jobcenter Mitte");
        await onB.WaitForAsync("changed", Instances.Revision(first), TimeSpan.FromSeconds(10));
        var (acknowledged, revision) = await Instances.RenameAsync(a, "kreis", "jc", "Jobcenter Nord");
        var (_, arrived) = await onB.WaitForAsync("changed", Instances.Revision(revision), TimeSpan.FromSeconds(10));
        output.WriteLine($"With Redis, an edit through A reached a hub client on B after {(arrived - acknowledged).TotalMilliseconds:F0} ms.");
        Assert.True(arrived - acknowledged < TwoInstancesTests.Promise, $"took {(arrived - acknowledged).TotalMilliseconds:F0} ms");
        // A's own client has it too: each instance sends the change sets to its own clients.
        await onA.WaitForAsync("changed", Instances.Revision(revision), TimeSpan.FromSeconds(10));

        await onB.DisposeAsync(); // Ben leaves: A's people see it
        await onA.WaitForAsync("presence", p => Names(p, "Anna auf A") && !Names(p, "Ben auf B"), TimeSpan.FromSeconds(10));
    }
}
