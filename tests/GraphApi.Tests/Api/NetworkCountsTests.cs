using System.Text.Json.Nodes;
using GraphApi.Analysis;
using GraphApi.Domain;
using GraphApi.Networks;
using Microsoft.Extensions.DependencyInjection;

namespace GraphApi.Tests.Api;

/// <summary>Issue 9, point 6: the counts of <c>GET /api/networks/{id}</c> are the figures (one definition), never the records stored over the years.</summary>
public sealed class NetworkCountsTests : IDisposable
{
    private readonly TestApp _app = new(seed: true);

    public void Dispose() => _app.Dispose();

    [Theory]
    [InlineData("peine")]
    [InlineData("dithmarschen")]
    public async Task CountsAreTheFiguresOfTheAnalysisDay(string networkId)
    {
        var summary = await _app.GetAsync<JsonObject>($"/api/networks/{networkId}");
        var snapshot = await _app.Services.GetRequiredService<NetworkService>().GetAsync(networkId);
        var figures = Figures.Of(AnalysisView.For(snapshot, null));

        var counts = summary["counts"]!.AsObject();
        Assert.Equal(8, counts.Count);
        foreach (var (segment, kind) in new[]
                 {
                     ("actors", EntityKind.Actor), ("bodies", EntityKind.Body), ("persons", EntityKind.Person), ("topics", EntityKind.Topic),
                     ("territories", EntityKind.Territory), ("measures", EntityKind.Measure), ("memberships", EntityKind.Membership),
                     ("collaborations", EntityKind.Collaboration),
                 })
        {
            Assert.Equal(figures.Of(kind), counts[segment]!.GetValue<int>());
        }
        var f = summary["figures"]!;
        Assert.Equal(counts["memberships"]!.GetValue<int>(), f["memberships"]!.GetValue<int>());
        Assert.Equal(counts["bodies"]!.GetValue<int>(), f["bodies"]!.GetValue<int>());
        Assert.Equal(figures.HoursPerYear, f["hoursPerYear"]!.GetValue<double>());
        // Records valid on the day, not every record stored: Peine keeps 186 membership records, 118 hold on its Datenstand.
        if (networkId == "peine") Assert.Equal((186, 118), (snapshot.Count(EntityKind.Membership), counts["memberships"]!.GetValue<int>()));
    }
}
