using System.Net;
using GraphApi.Analysis;
using GraphApi.Api;

namespace GraphApi.Tests.Analysis;

/// <summary>Bad input gets a 400 that names the parameter; an unknown network 404; an empty network empty results.</summary>
public sealed class FindingsInputTests
{
    private static readonly string[] Analyses = ["overlaps", "gaps", "metrics", "costs"];

    [Fact]
    public async Task AnUnknownNetworkIsNotFoundOnEveryEndpoint()
    {
        using var app = new TestApp();
        foreach (var url in Analyses.Select(a => $"/api/networks/nowhere/analysis/{a}").Append("/api/networks/nowhere/diff?from=2024-01-01&to=2024-02-01"))
        {
            var response = await FindingsHttp.Send(app, url);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{url}: {(int)response.StatusCode}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Theory]
    [InlineData("2024-13-01")]
    [InlineData("2024-02-30")]
    [InlineData("01.03.2024")]
    [InlineData("2024-3-1")]
    [InlineData("heute")]
    public async Task AMalformedAsOfDateIsRejectedOnEveryAnalysis(string asOf)
    {
        using var app = await FindingsHttp.StartWith(new FindingsNetwork());
        foreach (var analysis in Analyses)
        {
            var messages = await app.BadRequest($"/api/networks/kreis/analysis/{analysis}?asOf={Uri.EscapeDataString(asOf)}", "asOf");
            Assert.Contains("JJJJ-MM-TT", messages[0]); // German: the default language
        }
    }

    [Theory]
    [InlineData("threshold", "1.5")]
    [InlineData("threshold", "-0.1")]
    [InlineData("threshold", "NaN")]
    [InlineData("wMembers", "2")]
    [InlineData("wTopics", "-1")]
    [InlineData("wTerritories", "NaN")]
    [InlineData("wMandate", "1.01")]
    [InlineData("limit", "0")]
    public async Task AScoreParameterOutsideItsRangeIsRejected(string parameter, string value)
    {
        using var app = await FindingsHttp.StartWith(new FindingsNetwork());
        foreach (var analysis in (string[])["overlaps", "costs"])
            await app.BadRequest($"/api/networks/kreis/analysis/{analysis}?{parameter}={value}", parameter);
    }

    [Fact]
    public async Task AllWeightsZeroIsRejected()
    {
        using var app = await FindingsHttp.StartWith(new FindingsNetwork());
        var messages = await app.BadRequest("/api/networks/kreis/analysis/overlaps?wMembers=0&wTopics=0&wTerritories=0&wMandate=0", "wMembers");
        Assert.Contains("größer als 0", messages[0]);
    }

    [Fact]
    public async Task AnUnknownGapKindOrCutOffIsRejected()
    {
        using var app = await FindingsHttp.StartWith(new FindingsNetwork());
        var messages = await app.BadRequest("/api/networks/kreis/analysis/gaps?kind=holes", "kind");
        Assert.Contains(GapKinds.Composition, messages[0]);
        await app.BadRequest("/api/networks/kreis/analysis/gaps?minCutOff=0", "minCutOff");
    }

    [Theory]
    [InlineData("to=2024-01-01", "from")]
    [InlineData("from=2024-01-01", "to")]
    [InlineData("from=2024-02-01&to=2024-01-01", "to")]
    [InlineData("from=2024-01-01&to=31.01.2024", "to")]
    [InlineData("from=gestern&to=2024-01-31", "from")]
    public async Task DiffDatesMustBeGivenWellFormedAndInOrder(string query, string parameter)
    {
        using var app = await FindingsHttp.StartWith(new FindingsNetwork());
        await app.BadRequest($"/api/networks/kreis/diff?{query}", parameter);
    }

    [Fact]
    public async Task AnEmptyNetworkGivesEmptyResults()
    {
        using var app = await FindingsHttp.StartWith(new FindingsNetwork());
        const string root = "/api/networks/kreis/analysis";

        var overlaps = await app.Read<AnalysisApi.OverlapResponse>($"{root}/overlaps");
        Assert.Empty(overlaps.Overlaps);
        Assert.Empty(overlaps.DuplicateMeasures);
        Assert.Empty(overlaps.ProbableDuplicates);
        Assert.Empty((await app.Read<AnalysisApi.GapResponse>($"{root}/gaps")).Gaps);
        var metrics = await app.Read<AnalysisApi.MetricsResponse>($"{root}/metrics");
        Assert.Equal((0, 0), (metrics.NodeCount, metrics.EdgeCount));
        Assert.Empty(metrics.Brokers);
        var costs = await app.Read<AnalysisApi.CostResponse>($"{root}/costs");
        Assert.Empty(costs.Bodies);
        Assert.Equal(0, costs.TotalHoursPerYear);
        var diff = await app.Read<DiffReport>("/api/networks/kreis/diff?from=2020-01-01&to=2020-12-31");
        Assert.Empty(diff.Bodies.Appeared);
    }

    [Fact]
    public async Task TheEndpointsAreDescribedInTheOpenApiDocument()
    {
        using var app = new TestApp();
        var document = await app.CreateClient().GetStringAsync("/openapi/v1.json");
        foreach (var name in (string[])["GetOverlaps", "GetGaps", "GetMetrics", "GetCosts", "GetDiff"])
            Assert.Contains($"\"operationId\": \"{name}\"", document);
        foreach (var parameter in (string[])["asOf", "threshold", "wMembers", "wTopics", "wTerritories", "wMandate", "minCutOff", "from", "to"])
            Assert.Contains($"\"name\": \"{parameter}\"", document);
    }
}
