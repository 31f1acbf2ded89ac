using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace GraphApi.Tests.Storage.Neo4j;

/// <summary>The whole app on the real Neo4j: Store:Provider=Neo4j, the API, health, start-up errors.</summary>
[Collection(Neo4jCollection.Name)]
public sealed class Neo4jAppTests(Neo4jServer server) : IDisposable
{
    private readonly TestApp _host = new();

    public void Dispose() => _host.Dispose();

    private WebApplicationFactory<Program> App() => _host.WithWebHostBuilder(b =>
    {
        b.UseSetting("Store:Provider", "Neo4j");
        b.UseSetting("Neo4j:Url", server.Url);
        b.UseSetting("Neo4j:Password", server.Password);
    });

    /// <summary>The small sample under a network id of its own, as the tests share one database.</summary>
    public static (string Id, string Json) Sample()
    {
        var id = $"kreis-{Guid.NewGuid():N}"[..14];
        var doc = JsonNode.Parse(Samples.Small)!;
        doc["network"]!["id"] = id;
        return (id, doc.ToJsonString());
    }

    [SkippableFact]
    public async Task TheAppImportsEditsAndExportsOnNeo4jAndAnotherInstanceReadsTheSame()
    {
        Skip.If(server.SkipReason is not null, server.SkipReason);
        using var app = App();
        var client = app.CreateClient();
        var (id, json) = Sample();
        var imported = await client.PostAsync("/api/networks/import", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        Assert.True(imported.IsSuccessStatusCode, await imported.Content.ReadAsStringAsync());

        var actor = JsonNode.Parse(await client.GetStringAsync($"/api/networks/{id}/actors/jc"))!.AsObject();
        actor["name"] = "Jobcenter Landkreis";
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync($"/api/networks/{id}/actors/jc", actor)).StatusCode);
        var stale = await client.PutAsJsonAsync($"/api/networks/{id}/actors/jc", actor); // the same version again
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("application/problem+json", stale.Content.Headers.ContentType?.MediaType);

        var health = JsonNode.Parse(await client.GetStringAsync("/health"))!;
        Assert.Equal("Healthy", health["status"]!.GetValue<string>());
        Assert.Equal("Neo4j", health["checks"]!["store"]!["store"]!.GetValue<string>());

        using var other = App(); // a second instance with a cold cache reads what the first wrote
        var export = await client.GetStringAsync($"/api/networks/{id}/export");
        Assert.Equal(export, await other.CreateClient().GetStringAsync($"/api/networks/{id}/export"));
        Assert.Contains("Jobcenter Landkreis", export);
    }

    [SkippableFact]
    public async Task RefusedCredentialsStopTheStartWithTheUrlNamed()
    {
        Skip.If(server.SkipReason is not null, server.SkipReason);
        var info = AppProcess.StartInfo(Path.Combine(_host.Folder, "unused.db"));
        info.Environment["Store__Provider"] = "Neo4j";
        info.Environment["Neo4j__Url"] = server.Url;
        info.Environment["Neo4j__Password"] = "wrong";
        var (exit, _, error) = await AppProcess.RunAsync(info);
        Assert.Equal(2, exit);
        Assert.Contains($"Neo4j at {server.Url} refused the credentials of user 'neo4j'", error);
    }

    [Fact]
    public async Task AnUnreachableNeo4jStopsTheStartWithTheUrlNamed()
    {
        var url = $"http://127.0.0.1:{Neo4jServer.FreePort()}";
        var info = AppProcess.StartInfo(Path.Combine(_host.Folder, "unused.db"));
        info.Environment["Store__Provider"] = "Neo4j";
        info.Environment["Neo4j__Url"] = url;
        info.Environment["Neo4j__Password"] = "whatever";
        var (exit, _, error) = await AppProcess.RunAsync(info);
        Assert.Equal(2, exit);
        Assert.Contains($"Neo4j at {url} cannot be reached", error);
        Assert.DoesNotContain("whatever", error);
    }
}
