using System.Net.Http.Json;
using GraphApi.Analysis;
using GraphApi.Api;
using GraphApi.Domain;

namespace GraphApi.Tests.Analysis;

/// <summary>Issue 13: dormant versus unknown, judged on the as-of day or the network's Datenstand, never on the clock.</summary>
public sealed class DormancyTests
{
    private static readonly DateOnly Day = new(2024, 3, 31);

    [Theory]
    [InlineData(4, "2023-10-01", "active")]   // 182 days: within two intervals of 3 months (182.6 days)
    [InlineData(4, "2023-09-29", "dormant")]  // 184 days
    [InlineData(3, "2023-08-05", "active")]   // 8 months allowed
    [InlineData(3, "2023-07-15", "dormant")]
    [InlineData(12, "2024-02-01", "active")]  // two months allowed (60.9 days): 59 days
    [InlineData(12, "2024-01-25", "dormant")] // 66 days
    [InlineData(null, "2022-04-01", "active")]  // no rhythm recorded: once a year, 24 months allowed
    [InlineData(null, "2022-03-01", "dormant")]
    [InlineData(4, "2024-05-01", "active")]   // met after the day
    [InlineData(4, null, "meetingsNotRecorded")]
    [InlineData(4, "not a date", "meetingsNotRecorded")]
    public void ABodyIsDormantWhenItsLastMeetingLiesMoreThanTwoIntervalsBeforeTheDay(int? meetingsPerYear, string? lastMeeting, string state)
    {
        var body = new Body { Id = "b", Name = "Netzwerk", Kind = BodyKinds.Network, MeetingsPerYear = meetingsPerYear, LastMeeting = lastMeeting };
        Assert.Equal(state, Dormancy.Of(body, Day).State);
    }

    [Fact]
    public void TheStatusSaysDormantWhateverTheDates()
    {
        var body = new Body { Id = "b", Name = "Steuerungsgruppe", Kind = BodyKinds.SteeringGroup, Status = BodyStatuses.Dormant, LastMeeting = "2024-03-30" };
        var activity = Dormancy.Of(body, Day);
        Assert.True(activity.IsDormant);
        Assert.Equal("status", activity.Reason);
        Assert.Equal(BodyActivityStates.Dormant, Dormancy.Of(body with { LastMeeting = null }, Day).State);
    }

    [Fact]
    public void TheDayIsTheAsOfDayElseTheDatenstandElseTheNewestRecordedDate()
    {
        var network = new FindingsNetwork().Actor("a", "Verein A")
            .Body(new Body { Id = "b", Name = "Netzwerk", Kind = BodyKinds.Network, LastMeeting = "2023-05-02", Founded = "2020-01-01" }, "a");
        Assert.Equal(new AnalysisDayChoice(new DateOnly(2025, 1, 1), AnalysisDay.FromAsOf), AnalysisDay.Of(network.Snapshot("2024-03-31"), new DateOnly(2025, 1, 1)));
        Assert.Equal(new AnalysisDayChoice(Day, AnalysisDay.FromDataAsOf), AnalysisDay.Of(network.Snapshot("2024-03-31"), null));
        Assert.Equal(new AnalysisDayChoice(new DateOnly(2023, 5, 2), AnalysisDay.FromLatestRecordedDate), AnalysisDay.Of(network.Snapshot(), null));
    }

    /// <summary>
    /// The case: meeting dates of 2023/24 read years later. With the Datenstand of the data nothing is dormant but the
    /// body whose status says so; a body without any recorded meeting is a data-quality note, not a dormant body.
    /// </summary>
    [Fact]
    public async Task OldDataIsJudgedOnItsDatenstandAndUnrecordedMeetingsAreANoteNotAGap()
    {
        var network = new FindingsNetwork().Topic("arbeit", "Arbeit").Actor("a", "Verein A").Actor("b", "Verein B")
            .Body(new Body { Id = "nw", Name = "Netzwerk Arbeit", Kind = BodyKinds.Network, Topics = ["arbeit"], MeetingsPerYear = 4, LastMeeting = "2024-02-20" }, "a")
            .Body(new Body { Id = "ak", Name = "Arbeitskreis Wohnen", Kind = BodyKinds.WorkingGroup, MeetingsPerYear = 4 }, "b")
            .Body(new Body { Id = "sg", Name = "Steuerungsgruppe", Kind = BodyKinds.SteeringGroup, Status = BodyStatuses.Dormant, LastMeeting = "2021-06-22" }, "a");
        using var app = await FindingsHttp.StartWith(network);
        var current = (await app.Read<NetworksApi.NetworkSummary>("/api/networks/kreis")).Network;
        var put = await app.CreateClient().PutAsJsonAsync("/api/networks/kreis", current with { DataAsOf = "2024-03-31" }, TestApp.Json);
        Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync());

        var gaps = await app.Read<AnalysisApi.GapResponse>("/api/networks/kreis/analysis/gaps");
        Assert.Equal(("2024-03-31", AnalysisDay.FromDataAsOf), (gaps.AsOf, gaps.DayFrom));
        Assert.Equal(["sg"], gaps.Gaps.Where(g => g.Kind == GapKinds.DormantBody).Select(g => g.Entities[0].Id));
        var note = Assert.Single(gaps.Notes!);
        Assert.Equal((DataNoteKinds.MeetingsNotRecorded, "ak"), (note.Kind, note.Entities[0].Id));
        Assert.Equal("Sitzungen nicht erfasst: Der Arbeitskreis Wohnen hat keine eingetragene Sitzung; ob das Gremium noch tagt, lässt sich nicht sagen.", note.Sentence);

        // A year later the Netzwerk has missed two of its quarterly meetings: dormant in the gaps, and not counted in the costs.
        var later = await app.Read<AnalysisApi.GapResponse>("/api/networks/kreis/analysis/gaps?asOf=2025-03-31");
        Assert.Equal(["nw", "sg"], later.Gaps.Where(g => g.Kind == GapKinds.DormantBody).Select(g => g.Entities[0].Id).Order());
        var costs = await app.Read<AnalysisApi.CostResponse>("/api/networks/kreis/analysis/costs?asOf=2025-03-31");
        Assert.False(costs.Bodies.Single(b => b.Body.Id == "nw").Counted);
    }

    [Fact]
    public async Task TheDatenstandIsCheckedAndTravelsWithTheExchangeDocument()
    {
        using var app = await FindingsHttp.StartWith(new FindingsNetwork().Actor("a", "Verein A"));
        var current = (await app.Read<NetworksApi.NetworkSummary>("/api/networks/kreis")).Network;
        var bad = await app.CreateClient().PutAsJsonAsync("/api/networks/kreis", current with { DataAsOf = "31.03.2024" }, TestApp.Json);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("dataAsOf", await bad.Content.ReadAsStringAsync());

        var json = new FindingsNetwork().Actor("a", "Verein A").Json().Replace("\"name\": \"Testkreis\"", "\"name\": \"Testkreis\",\n    \"dataAsOf\": \"2024-03-31\"");
        Assert.True((await app.ImportAsync(json)).IsSuccessStatusCode);
        var exported = await app.CreateClient().GetStringAsync("/api/networks/kreis/export");
        Assert.Contains("\"dataAsOf\": \"2024-03-31\"", exported);
    }
}
