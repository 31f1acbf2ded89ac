using GraphApi.Analysis;
using GraphApi.Api;
using GraphApi.Networks;
using Microsoft.Extensions.DependencyInjection;

namespace GraphApi.Tests.Analysis;

/// <summary>GET analysis/metrics serves <see cref="NetworkMetrics"/> on the network as of the day, with a readable summary.</summary>
public sealed class FindingsMetricsEndpointTests
{
    [Fact]
    public async Task TheEndpointServesTheMetricsOfTheAsOfNetwork()
    {
        using var app = new TestApp(language: null);
        (await app.ImportAsync(Samples.Small)).EnsureSuccessStatusCode();
        var result = await app.Read<AnalysisApi.MetricsResponse>("/api/networks/kreis/analysis/metrics?asOf=2024-06-30");

        var snapshot = await app.Services.GetRequiredService<NetworkService>().GetAsync("kreis");
        var expected = NetworkMetrics.Compute(AsOf.Apply(snapshot, new DateOnly(2024, 6, 30)));
        Assert.Equal((expected.NodeCount, expected.EdgeCount), (result.NodeCount, result.EdgeCount));
        Assert.Equal(expected.Nodes.Select(n => (n.Id, Math.Round(n.Betweenness, 12), Math.Round(n.PageRank, 12))),
            result.Nodes.Select(n => (n.Id, Math.Round(n.Betweenness, 12), Math.Round(n.PageRank, 12))));
        Assert.Equal(expected.Modularity, result.Modularity, 1e-12);

        // The Steuerungsgruppe joins the Amt, the Jobcenter and the Leitung: the strongest broker.
        Assert.Equal("sg", result.Brokers[0].Id);
        Assert.StartsWith($"Das Netz hat {result.NodeCount} Knoten und {result.EdgeCount} Verbindungen in ", result.Summary);
        Assert.Contains("die stärksten Vermittler (Betweenness) sind Steuerungsgruppe Integration", result.Summary);

        // Before the collaboration began (2018) the Caritas hung on nothing.
        var before = await app.Read<AnalysisApi.MetricsResponse>("/api/networks/kreis/analysis/metrics?asOf=2017-06-30", "en");
        Assert.Equal(result.EdgeCount - 1, before.EdgeCount);
        Assert.Equal(0, before.Nodes.Single(n => n.Id == "caritas").Degree);
        Assert.StartsWith($"The network has {before.NodeCount} nodes and {before.EdgeCount} ties in ", before.Summary);
    }
}
