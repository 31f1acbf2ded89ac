using GraphApi.Analysis;
using GraphApi.Api;
using GraphApi.Domain;

namespace GraphApi.Tests.Analysis;

/// <summary>Was kosten unsere Strukturen: meetings × hours × seats, by body, by actor and for the network.</summary>
public sealed class CostTests
{
    private const string Url = "/api/networks/kreis/analysis/costs?asOf=2024-06-30";

    /// <summary>
    /// Steuerungsgruppe: 4 × 2 h with Kreisverwaltung, Jobcenter, Anna (for the Jobcenter) and Max (for nobody) = 4 seats, 32 h.
    /// Arbeitskreis: 6 × 1.5 h with Kreisverwaltung and Jobcenter = 18 h, inside the Steuerungsgruppe. Netzwerk: no hours
    /// recorded. Runder Tisch: dormant. The Jobcenter's second seat in the Arbeitskreis ended in 2023 and does not count.
    /// </summary>
    internal static FindingsNetwork Network() => new FindingsNetwork()
        .Topic("arbeit", "Arbeit")
        .Actor("kv", "Kreisverwaltung", ActorKinds.Administration).Actor("jc", "Jobcenter", ActorKinds.Jobcenter)
        .Actor("v1", "Verein 1").Actor("v2", "Verein 2")
        .Add(new Person { Id = "anna", Name = "Anna Beispiel", Actor = "v1" }, new Person { Id = "max", Name = "Max Muster" })
        .Body(new Body { Id = "sg", Name = "Steuerungsgruppe Integration", Kind = BodyKinds.SteeringGroup, Topics = ["arbeit"], MeetingsPerYear = 4, MeetingHours = 2 },
            "kv", "jc", "max")
        .Member("sg", "anna", representing: "jc")
        .Body(new Body { Id = "ak", Name = "Arbeitskreis Arbeit", Kind = BodyKinds.WorkingGroup, Topics = ["arbeit"], MeetingsPerYear = 6, MeetingHours = 1.5 },
            "kv", "jc")
        .Member("ak", "v2", since: "2020-01-01", until: "2023-12-31")
        .Body(new Body { Id = "nw", Name = "Netzwerk Ehrenamt", Kind = BodyKinds.Network, MeetingsPerYear = 3 }, "v1", "v2")
        .Body(new Body { Id = "rt", Name = "Runder Tisch", Kind = BodyKinds.WorkingGroup, Status = BodyStatuses.Dormant, MeetingsPerYear = 2, MeetingHours = 2 },
            "v1");

    [Fact]
    public async Task EachBodyCostsMeetingsTimesHoursTimesSeats()
    {
        using var app = await FindingsHttp.StartWith(Network());
        var result = await app.Read<AnalysisApi.CostResponse>(Url);

        var byId = result.Bodies.ToDictionary(b => b.Body.Id);
        Assert.Equal((4, 32.0, true), (byId["sg"].Seats, byId["sg"].HoursPerYear!.Value, byId["sg"].Counted));
        Assert.Equal((2, 18.0, true), (byId["ak"].Seats, byId["ak"].HoursPerYear!.Value, byId["ak"].Counted));
        Assert.Equal((4.0, false), (byId["rt"].HoursPerYear!.Value, byId["rt"].Counted));
        Assert.Null(byId["nw"].HoursPerYear);
        Assert.Equal(["meetingHours"], byId["nw"].Missing);

        Assert.Equal(50, result.TotalHoursPerYear);
        Assert.Equal(["nw"], result.BodiesWithoutData.Select(b => b.Id));
        Assert.Equal("Die Gremien kosten zusammen 50 Personenstunden im Jahr; für 1 Gremium fehlen Angaben: Netzwerk Ehrenamt.", result.Summary);
        Assert.Contains("meetingsPerYear × meetingHours × seats", result.BodyFormula);
    }

    [Fact]
    public async Task AnActorsHoursIncludeThePersonsWhoRepresentIt()
    {
        using var app = await FindingsHttp.StartWith(Network());
        var result = await app.Read<AnalysisApi.CostResponse>(Url);

        var actors = result.Actors.ToDictionary(a => a.Actor.Id);
        // Jobcenter: itself and Anna in the Steuerungsgruppe (2 × 8 h), itself in the Arbeitskreis (9 h).
        Assert.Equal(25, actors["jc"].HoursPerYear);
        Assert.Equal([("sg", 2, 16.0), ("ak", 1, 9.0)], actors["jc"].Bodies.Select(b => (b.Body.Id, b.Seats, b.HoursPerYear)));
        Assert.Equal(17, actors["kv"].HoursPerYear);
        // Anna works for Verein 1 but sits for the Jobcenter; the Runder Tisch is dormant: Verein 1 has no counted hours.
        Assert.False(actors.ContainsKey("v1"));
        Assert.Equal(8, result.UnattributedHoursPerYear);
        Assert.Equal(["max"], result.UnattributedPersons.Select(p => p.Id));
        Assert.Equal(["jc", "kv"], result.Actors.Select(a => a.Actor.Id));
    }

    [Fact]
    public async Task MergingAnOverlappingPairSavesTheSmallerBodysMeetingsForTheSharedMembers()
    {
        using var app = await FindingsHttp.StartWith(Network());
        var result = await app.Read<AnalysisApi.CostResponse>(Url);

        var merger = Assert.Single(result.Mergers);
        Assert.Equal(("ak", "sg", 2), (merger.Dropped.Id, merger.Into.Id, merger.SharedMembers));
        Assert.Equal(18, merger.HoursSavedPerYear); // 6 meetings × 1.5 h × 2 shared members
        Assert.Equal("Ginge der Arbeitskreis Arbeit in der Steuerungsgruppe Integration auf, würden die 2 gemeinsamen Mitglieder " +
                     "18 Personenstunden im Jahr sparen (6 Sitzungen × 1,5 Stunden × 2).", merger.Sentence);
        Assert.Contains("body with fewer seats", result.MergerFormula);
        Assert.Equal(0.5, result.Threshold);
    }

    [Fact]
    public async Task CostsFollowTheAsOfDate()
    {
        using var app = await FindingsHttp.StartWith(Network());
        var then = await app.Read<AnalysisApi.CostResponse>("/api/networks/kreis/analysis/costs?asOf=2023-06-30");

        // In 2023 Verein 2 still sat in the Arbeitskreis: 3 seats, 27 h.
        var ak = then.Bodies.Single(b => b.Body.Id == "ak");
        Assert.Equal((3, 27.0), (ak.Seats, ak.HoursPerYear!.Value));
        Assert.Equal(59, then.TotalHoursPerYear);
    }

    [Fact]
    public async Task CostsAreInEnglishOnRequest()
    {
        using var app = await FindingsHttp.StartWith(Network());
        var result = await app.Read<AnalysisApi.CostResponse>(Url, "en-GB,en;q=0.9");

        Assert.Equal("en", result.Language);
        Assert.Equal("The bodies cost 50 person-hours a year in total; data is missing for 1 body: Netzwerk Ehrenamt.", result.Summary);
        Assert.Equal("Merging Arbeitskreis Arbeit into Steuerungsgruppe Integration would save its 2 shared members 18 person-hours a year " +
                     "(6 meetings × 1.5 hours × 2).", result.Mergers[0].Sentence);
    }
}
