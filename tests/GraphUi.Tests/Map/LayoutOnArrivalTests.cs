using System.Net.Http.Json;
using System.Text;
using GraphApi.Domain;
using GraphApi.Exchange;
using GraphApi.Storage;
using GraphUi.Components.Map.Diagram;
using Microsoft.Extensions.DependencyInjection;

namespace GraphUi.Tests.Map;

/// <summary>
/// The shared map of an imported network is laid out in the background right after the import (and the seeds' at start),
/// so the first person to open it does not wait for the layout; a network built by hand is left to the open map.
/// Over HTTP only: nobody opens a map here.
/// </summary>
public sealed class LayoutOnArrivalTests(MapApp app) : IClassFixture<MapApp>
{
    [Fact]
    public async Task AnImportedNetworkAndTheSeedsHavePositionsBeforeAnyoneOpensTheirMap()
    {
        using var api = await app.ApiClientAsync();
        var document = GraphBench.SyntheticNetwork.Generate(new GraphBench.NetworkShape(60, 15, 0, 120, 40, 3, 3), 7, "ankunft");
        (await api.PostAsync("/api/networks/import", new StringContent(NetworkExchange.Serialize(document), Encoding.UTF8, "application/json")))
            .EnsureSuccessStatusCode();

        var peine = new GraphApi.Networks.NetworkFilter().Apply(Components.LayoutTests.Seed("peine")).Nodes.Count;
        foreach (var (id, nodes) in new[] { ("ankunft", 75), ("peine", peine) })
        {
            var positions = await PositionsWhenLaidOutAsync(api, id);
            Assert.Equal(nodes, positions.Count);
            Assert.All(positions.Values, p => Assert.True(double.IsFinite(p.X) && double.IsFinite(p.Y)));
        }
    }

    [Fact]
    public async Task ASmallNetworkBuiltThroughTheApiIsLeftToTheMap()
    {
        using var api = await app.ApiClientAsync();
        (await api.PostAsJsonAsync("/api/networks", new { id = "klein", name = "Klein" })).EnsureSuccessStatusCode();
        for (var i = 0; i < LayoutOnArrival.MinimumNodes - 1; i++)
            (await api.PostAsJsonAsync("/api/networks/klein/actors", new { name = $"Akteur {i}", kind = ActorKinds.Municipality })).EnsureSuccessStatusCode();
        // The big import in the other test is laid out within seconds; this one stays without positions until a map places it.
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Empty(await api.GetFromJsonAsync<Dictionary<string, NodePosition>>("/api/networks/klein/positions") ?? []);
    }

    [Fact]
    public async Task TheFirstMapIsDrawnOffScreenWithoutWritingAnything()
    {
        using var api = await app.ApiClientAsync();
        var positions = await PositionsWhenLaidOutAsync(api, "peine");
        var history = await api.GetStringAsync("/api/networks/peine/history");

        var (cards, ready) = await app.Services.GetRequiredService<MapWarmUp>().DrawAsync("peine");

        Assert.Equal(positions.Count, cards); // every card of the shared map, as a person's first open draws them
        Assert.True(ready, "the off-screen map knew its size and fitted the drawing");
        Assert.Equal(history, await api.GetStringAsync("/api/networks/peine/history"));
        Assert.Equal(positions, await api.GetFromJsonAsync<Dictionary<string, NodePosition>>("/api/networks/peine/positions"));
        // A network nobody laid out is not laid out for nobody.
        (await api.PostAsJsonAsync("/api/networks", new { id = "leer", name = "Leer" })).EnsureSuccessStatusCode();
        Assert.Equal((0, false), await app.Services.GetRequiredService<MapWarmUp>().DrawAsync("leer"));
    }

    private static async Task<Dictionary<string, NodePosition>> PositionsWhenLaidOutAsync(HttpClient api, string id)
    {
        for (var waited = 0; ; waited += 200)
        {
            var positions = await api.GetFromJsonAsync<Dictionary<string, NodePosition>>($"/api/networks/{id}/positions");
            if (positions!.Count > 0 || waited > 60_000) return positions;
            await Task.Delay(200);
        }
    }
}
