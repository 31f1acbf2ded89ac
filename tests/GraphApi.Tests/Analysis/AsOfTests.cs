using GraphApi.Analysis;
using GraphApi.Api;
using GraphApi.Domain;

namespace GraphApi.Tests.Analysis;

/// <summary>The network as of a day: periods count from their first to their last day, both inclusive.</summary>
public sealed class AsOfTests
{
    private static NetworkSnapshot Sample() => NetworkSnapshot.Create(new Network { Id = "n", Name = "Kreis" }, 7,
    [
        new Actor { Id = "a", Name = "A", Kind = ActorKinds.Other }, new Actor { Id = "b", Name = "B", Kind = ActorKinds.Other },
        new Body { Id = "old", Name = "Ausschuss 2016", Kind = BodyKinds.PoliticalCommittee, Status = BodyStatuses.Dissolved,
            Founded = "2016-11-01", Dissolved = "2021-10-31" },
        new Body { Id = "new", Name = "Ausschuss 2021", Kind = BodyKinds.PoliticalCommittee, Founded = "2021-11-01" },
        new Body { Id = "always", Name = "Netzwerk", Kind = BodyKinds.Network },
        new Membership { Id = "m-old", Member = "a", Body = "old" },
        new Membership { Id = "m-new", Member = "a", Body = "new", Since = "2021-11-01" },
        new Membership { Id = "m-ended", Member = "b", Body = "always", Until = "2021-10-31" },
        new Collaboration { Id = "c", From = "a", To = "b", Since = "2020-01-01", Until = "2020-12-31" },
        new Measure { Id = "x", Name = "Kurs", Since = "2021-01-01" },
    ]);

    private static string[] Ids(NetworkSnapshot s) => s.Everything.Where(e => e is not Actor).Select(e => e.Id).Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public void BothEndsOfAPeriodCount()
    {
        Assert.Equal(["always", "m-ended", "m-old", "old", "x"], Ids(AsOf.Apply(Sample(), new DateOnly(2021, 10, 31))));
        Assert.Equal(["always", "c", "m-ended", "m-old", "old"], Ids(AsOf.Apply(Sample(), new DateOnly(2020, 12, 31))));
        Assert.Equal(["always", "m-new", "new", "x"], Ids(AsOf.Apply(Sample(), new DateOnly(2021, 11, 1))));
        Assert.Equal(["always", "c", "m-ended", "m-old", "old"], Ids(AsOf.Apply(Sample(), new DateOnly(2020, 1, 1))));
    }

    [Fact]
    public void ABodyDissolvedLaterWasActiveBeforeAndItsMembershipsGoWithIt()
    {
        var then = AsOf.Apply(Sample(), new DateOnly(2019, 5, 1));
        Assert.Equal(BodyStatuses.Active, then.Find<Body>("old")!.Status);
        Assert.Null(then.Find<Body>("new"));
        Assert.Null(then.Find<Membership>("m-new"));
        Assert.Equal(7, then.Revision);
        // Before the founding of the old committee its membership (without own dates) does not count either.
        Assert.Null(AsOf.Apply(Sample(), new DateOnly(2016, 10, 31)).Find<Membership>("m-old"));
    }

    [Fact]
    public async Task EveryAnalysisAnswersForTheRequestedDayAndTheNewestRecordedDateWithoutADatenstand()
    {
        var network = new FindingsNetwork()
            .Actor("kv", "Kreisverwaltung", ActorKinds.Administration).Actor("jc", "Jobcenter", ActorKinds.Jobcenter)
            .Actor("afa", "Agentur für Arbeit", ActorKinds.EmploymentAgency)
            .Body(new Body { Id = "a", Name = "Arbeitskreis A", Kind = BodyKinds.WorkingGroup, MeetingsPerYear = 4, MeetingHours = 2 }, "kv", "jc", "afa")
            .Body(new Body { Id = "b", Name = "Arbeitskreis B", Kind = BodyKinds.WorkingGroup, MeetingsPerYear = 4, MeetingHours = 2 })
            .Member("b", "kv", since: "2023-01-01").Member("b", "jc", since: "2023-01-01").Member("b", "afa", since: "2023-01-01");
        using var app = await FindingsHttp.StartWith(network);
        const string root = "/api/networks/kreis/analysis";

        // Before 2023 the Arbeitskreis B has no members: no overlap, no cost, and it is not connected.
        Assert.Empty((await app.Read<AnalysisApi.OverlapResponse>($"{root}/overlaps?asOf=2022-12-31")).Overlaps);
        Assert.Single((await app.Read<AnalysisApi.OverlapResponse>($"{root}/overlaps?asOf=2023-01-01")).Overlaps);
        Assert.Equal(24, (await app.Read<AnalysisApi.CostResponse>($"{root}/costs?asOf=2022-12-31")).TotalHoursPerYear);
        Assert.Equal(48, (await app.Read<AnalysisApi.CostResponse>($"{root}/costs?asOf=2023-01-01")).TotalHoursPerYear);
        Assert.Equal(3, (await app.Read<AnalysisApi.MetricsResponse>($"{root}/metrics?asOf=2022-12-31")).EdgeCount);
        Assert.Equal(6, (await app.Read<AnalysisApi.MetricsResponse>($"{root}/metrics?asOf=2023-01-01")).EdgeCount);

        // No Datenstand and no as-of day: the newest date the data records (the memberships of B since 2023-01-01), never the clock.
        var byDefault = await app.Read<AnalysisApi.GapResponse>($"{root}/gaps");
        Assert.Equal(("2023-01-01", AnalysisDay.FromLatestRecordedDate), (byDefault.AsOf, byDefault.DayFrom));
        Assert.Equal("2023-01-01", (await app.Read<AnalysisApi.OverlapResponse>($"{root}/overlaps")).AsOf);
    }
}
