using GraphApi.Domain;
using GraphApi.Networks;
using GraphUi.Components.Compare;
using Microsoft.Extensions.DependencyInjection;

namespace GraphUi.Components.Tests;

public sealed class CompareListTests(SeededStore store) : ComponentTest(store)
{
    [Fact]
    public async Task AMeetingsChangesAreListedAsSentencesByWhatHappened()
    {
        var id = await Store.SmallNetworkAsync();
        var meetings = Store.Services.GetRequiredService<MeetingService>();
        await meetings.StartAsync(id, "Sitzung der Steuerungsgruppe", new DateOnly(2025, 3, 12), "Anna");
        await Networks.CreateAsync(id, new Actor { Id = "vhs", Name = "Volkshochschule", Kind = ActorKinds.EducationProvider }, "Anna");
        var seat = (await Networks.GetAsync(id)).All<Membership>().Single();
        await Networks.UpdateAsync(id, seat with { Until = "2025-03-12" }, "Anna");
        var collaboration = (await Networks.GetAsync(id)).All<Collaboration>().Single();
        await Networks.UpdateAsync(id, collaboration with { Kind = CollaborationKinds.Agreement }, "Anna");
        var meeting = MeetingService.Running((await Networks.GetAsync(id)).Network)!;
        await meetings.EndAsync(id, meeting.Id, "Anna");

        var comparison = await Store.Services.GetRequiredService<Comparisons>().CompareAsync(id, null, null, meeting.Id);
        var cut = Render<CompareList>(p => p.Add(x => x.Comparison, comparison));

        Assert.Equal(["Der Akteur „Volkshochschule“ ist neu."], cut.FindAll("[data-group=appeared] li").Select(li => li.TextContent));
        Assert.Equal(["Die Mitgliedschaft von „Jobcenter Testkreis“ im Gremium „Steuerungsgruppe Integration“ ist beendet."],
            cut.FindAll("[data-group=ended] li").Select(li => li.TextContent));
        Assert.Equal(["Die Kooperation zwischen „Jobcenter Testkreis“ und „Verein Brücke“ ist geändert (Art)."],
            cut.FindAll("[data-group=changed] li").Select(li => li.TextContent));
        Assert.Equal("Von Sitzung der Steuerungsgruppe, 12.03.2025 (Beginn) bis Sitzung der Steuerungsgruppe, 12.03.2025 (Ende): 1 neu, 1 beendet, 1 geändert.",
            cut.Find("[data-testid=compare-summary]").TextContent);
        Assert.Equal("new", comparison.Marks()["vhs"]);
        Assert.Equal("changed", comparison.Marks()["sg"]);
    }

    [Fact]
    public async Task NothingChangedSaysSo()
    {
        var id = await Store.SmallNetworkAsync();
        var revision = (await Networks.GetAsync(id)).Revision;
        var comparison = await Store.Services.GetRequiredService<Comparisons>().CompareAsync(id, $"r{revision}", $"r{revision}", null);
        var cut = Render<CompareList>(p => p.Add(x => x.Comparison, comparison));
        Assert.Equal("Zwischen den beiden Zeitpunkten hat sich nichts geändert.", cut.Find("[data-testid=compare-none]").TextContent);
        Assert.Empty(cut.FindAll("ul.compare-entries"));
    }
}
