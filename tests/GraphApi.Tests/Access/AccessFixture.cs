using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using GraphApi.Domain;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace GraphApi.Tests.Access;

/// <summary>
/// The real app with accounts: an administrator from configuration, and through the API (as the administrator) accounts
/// "viewer", "editor", "owner" with those roles in network "kreis" (their own), and "other", who owns network "fremd"
/// (foreign to the three). Everyone signs in at /api/auth/login and uses the bearer token, as scripts do.
/// </summary>
public sealed class AccessFixture : IAsyncLifetime
{
    public const string Own = "kreis", Foreign = "fremd", Password = "Geheim-123-ä";
    public static readonly string[] Members = ["viewer", "editor", "owner"];

    public TestApp App { get; } = new(settings: new Dictionary<string, string>
    {
        // The matrix sends some thousand requests and hub calls in a few seconds; the edge's budgets are tested elsewhere.
        ["Edge:RequestsPerSecond"] = "100000", ["Edge:RequestBurst"] = "100000",
        ["Edge:LiveCallsPerSecond"] = "100000", ["Edge:LiveBurst"] = "100000",
    });

    /// <summary>Bearer tokens by user name ("administrator", "viewer", …); no entry for "anonymous".</summary>
    public Dictionary<string, string> Tokens { get; } = new();

    /// <summary>Account ids by user name.</summary>
    public Dictionary<string, string> Ids { get; } = new();

    public string RefreshToken { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var (admin, refresh) = await LoginAsync(TestApp.AdminEmail, TestApp.AdminPassword);
        Tokens["administrator"] = admin;
        RefreshToken = refresh;
        var client = Client("administrator");
        foreach (var name in Members.Append("other").Append("spare"))
        {
            var created = await client.PostAsJsonAsync("/api/accounts", new { email = $"{name}@kreis.de", displayName = name, password = Password });
            Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
            Ids[name] = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
            if (name != "spare") Tokens[name] = (await LoginAsync($"{name}@kreis.de")).Access;
        }
        await ResetAsync(Own);
        await ResetAsync(Foreign);
    }

    public Task DisposeAsync()
    {
        App.Dispose();
        return Task.CompletedTask;
    }

    public async Task<(string Access, string Refresh)> LoginAsync(string email, string password = Password)
    {
        using var anonymous = App.CreateAnonymousClient();
        var answer = await anonymous.PostAsJsonAsync("/api/auth/login", new { email, password });
        Assert.True(answer.IsSuccessStatusCode, await answer.Content.ReadAsStringAsync());
        var json = await answer.Content.ReadFromJsonAsync<JsonElement>();
        return (json.GetProperty("accessToken").GetString()!, json.GetProperty("refreshToken").GetString()!);
    }

    /// <summary>A client of the user (bearer token), or without any credentials for "anonymous".</summary>
    public HttpClient Client(string user)
    {
        // No redirects followed: a redirect would drop the bearer header, and a 302 is an answer of its own.
        var client = App.CreateAnonymousClient();
        if (Tokens.TryGetValue(user, out var token)) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>The network as the sample holds it, with its members: after a call that may have changed or deleted it.</summary>
    public async Task ResetAsync(string networkId)
    {
        var client = Client("administrator");
        var imported = await client.PostAsync("/api/networks/import",
            new StringContent(Samples.Small.Replace("\"id\": \"kreis\"", $"\"id\": \"{networkId}\""), System.Text.Encoding.UTF8, "application/json"));
        Assert.True(imported.IsSuccessStatusCode, await imported.Content.ReadAsStringAsync());
        var members = networkId == Own
            ? Members.Select(m => (m, m))
            : [("other", "owner")];
        foreach (var (user, role) in members)
        {
            var put = await client.PutAsJsonAsync($"/api/networks/{networkId}/members/{user}@kreis.de", new { role });
            Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync());
        }
    }

    /// <summary>A live connection of the user through the .NET SignalR client (long polling over the test server).</summary>
    public HubConnection Hub(string user) => new HubConnectionBuilder()
        .WithUrl(new Uri(App.Server.BaseAddress, "hubs/network?lang=en"), o =>
        {
            o.HttpMessageHandlerFactory = _ => App.Server.CreateHandler();
            o.Transports = HttpTransportType.LongPolling;
            if (Tokens.TryGetValue(user, out var token)) o.AccessTokenProvider = () => Task.FromResult<string?>(token);
        })
        .AddJsonProtocol(o => GraphJson.Configure(o.PayloadSerializerOptions))
        .Build();

    public T Service<T>() where T : notnull => App.Services.GetRequiredService<T>();
}
