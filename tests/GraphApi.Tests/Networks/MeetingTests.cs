using System.Net.Http.Json;
using GraphApi.Analysis;
using GraphApi.Domain;
using GraphApi.Exchange;
using GraphApi.Networks;
using GraphApi.Tests.Api;
using Microsoft.Extensions.DependencyInjection;

namespace GraphApi.Tests.Networks;

/// <summary>Sitzungen: started and ended through the change path, their states, their Protokoll, the exchange, the diff by meeting.</summary>
public sealed class MeetingTests : IDisposable
{
    private readonly TestApp _app = new(language: null);

    private NetworkService Networks => _app.Services.GetRequiredService<NetworkService>();
    private MeetingService Meetings => _app.Services.GetRequiredService<MeetingService>();

    public void Dispose() => _app.Dispose();

    private async Task<string> SmallAsync()
    {
        var response = await _app.ImportAsync(Samples.Small);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return "kreis";
    }

    /// <summary>Starts a meeting, adds an actor and ends a membership in it, ends it; returns the meeting.</summary>
    private async Task<Meeting> MeetingWithEditsAsync(string id)
    {
        await Meetings.StartAsync(id, "Sitzung der Steuerungsgruppe", new DateOnly(2025, 3, 12), "Anna Moderation");
        await Networks.CreateAsync(id, new Actor { Id = "bruecke", Name = "Verein Brücke", Kind = ActorKinds.MigrantOrganisation }, "Anna Moderation");
        var seat = (await Networks.GetAsync(id)).All<Membership>().First(m => m.Until is null);
        await Networks.UpdateAsync(id, seat with { Until = "2025-03-12" }, "Anna Moderation");
        var running = MeetingService.Running((await Networks.GetAsync(id)).Network)!;
        await Meetings.EndAsync(id, running.Id, "Anna Moderation");
        return MeetingService.Find((await Networks.GetAsync(id)).Network, running.Id)!;
    }

    [Fact]
    public async Task AMeetingKeepsItsStartAndEndAndItsChangesAreItsProtokoll()
    {
        var id = await SmallAsync();
        var before = (await Networks.GetAsync(id)).Revision;
        var meeting = await MeetingWithEditsAsync(id);

        Assert.Equal(("Sitzung der Steuerungsgruppe", "2025-03-12", before), (meeting.Title, meeting.Day, meeting.StartRevision));
        Assert.Equal(before + 3, meeting.EndRevision); // the start, the actor, the membership
        Assert.Null(MeetingService.Running((await Networks.GetAsync(id)).Network));

        var start = await Meetings.StateAtAsync(id, meeting.StartRevision);
        var end = await Meetings.StateAtAsync(id, meeting.EndRevision!.Value);
        Assert.Null(start.Find("bruecke"));
        Assert.NotNull(end.Find("bruecke"));
        Assert.Empty(start.Network.Meetings);

        var during = await Meetings.DuringAsync(id, meeting);
        Assert.Equal([EntityKind.Actor, EntityKind.Membership], during.SelectMany(s => s.Changes).Select(c => c.Kind));

        // Both the start and the end are in the history, in words.
        var history = await Networks.HistoryAsync(id, before, null, 10);
        Assert.Equal(EntityKind.Network, history[0].Changes.Single().Kind);
        Assert.Equal(EntityKind.Network, history[^1].Changes.Single().Kind);
    }

    [Fact]
    public async Task OnlyOneMeetingRunsAndEachNeedsATitle()
    {
        var id = await SmallAsync();
        var blank = await Assert.ThrowsAsync<ValidationFailedException>(() => Meetings.StartAsync(id, " ", new DateOnly(2025, 3, 12), "Anna"));
        Assert.Equal(["title"], blank.Errors.ToDictionary().Keys);
        await Meetings.StartAsync(id, "Sitzung", new DateOnly(2025, 3, 12), "Anna");
        var twice = await Assert.ThrowsAsync<ValidationFailedException>(() => Meetings.StartAsync(id, "Noch eine", new DateOnly(2025, 3, 12), "Anna"));
        Assert.Contains("Sitzung", twice.Errors.ToDictionary()["title"].Single());
        Assert.Single((await Networks.GetAsync(id)).Network.Meetings);
    }

    [Fact]
    public async Task TheExchangeCarriesTheMeetingsThereAndBack()
    {
        var id = await SmallAsync();
        var meeting = await MeetingWithEditsAsync(id);
        var json = NetworkExchange.Serialize(NetworkExchange.ToDocument(await Networks.GetAsync(id)));
        Assert.Contains("\"meetings\"", json);

        using var other = new TestApp(language: null);
        var imported = await other.ImportAsync(json);
        Assert.True(imported.IsSuccessStatusCode, await imported.Content.ReadAsStringAsync());
        var there = await other.Services.GetRequiredService<NetworkService>().GetAsync(id);
        Assert.Equal([meeting], there.Network.Meetings);
    }

    [Fact]
    public async Task BrokenMeetingsAreRefusedFieldByField()
    {
        var document = NetworkExchange.Parse(Samples.Small) with
        {
            Meetings = [new Meeting("s1", "Sitzung", "12.03.2025", 5, 3), new Meeting("s2", "", "2025-03-12", 1), new Meeting("s3", "Offen", "2025-03-13", 1)],
        };
        var response = await _app.CreateClient().PostAsync("/api/networks/import",
            new StringContent(NetworkExchange.Serialize(document), System.Text.Encoding.UTF8, "application/json"));
        var errors = await ProblemAssert.Invalid(response, "$.meetings[0].day", "$.meetings[0].endRevision", "$.meetings[1].title", "$.meetings");
        Assert.Equal("„12.03.2025“ ist kein Datum der Form JJJJ-MM-TT.", errors["$.meetings[0].day"].Single());
        Assert.Null(await Networks.TryGetAsync("kreis"));
    }

    [Fact]
    public async Task TheDiffByMeetingComparesItsStartWithItsEndInSentences()
    {
        var id = await SmallAsync();
        var meeting = await MeetingWithEditsAsync(id);
        var diff = await _app.GetAsync<Comparison>($"/api/networks/{id}/diff?meeting={meeting.Id}");

        Assert.Equal((meeting.StartRevision, meeting.EndRevision), (diff.FromRevision!.Value, diff.ToRevision));
        var added = diff.Entries.Single(e => e.Id == "bruecke");
        Assert.Equal((ChangeSentences.Appeared, "Der Akteur „Verein Brücke“ ist neu."), (added.Change, added.Sentence));
        var ended = diff.Entries.Single(e => e.Type == "membership");
        Assert.Equal(ChangeSentences.Ended, ended.Change);
        Assert.EndsWith("ist beendet.", ended.Sentence);
        Assert.Equal(2, diff.Entries.Count);
        Assert.Equal("new", diff.Marks()["bruecke"]);
        Assert.Contains("Sitzung der Steuerungsgruppe, 12.03.2025 (Beginn)", diff.Summary);

        // The same by revisions, and from a meeting's start to now.
        var byRevision = await _app.GetAsync<Comparison>($"/api/networks/{id}/diff?fromRevision={meeting.StartRevision}&toRevision={meeting.EndRevision}");
        Assert.Equal(diff.Entries.Select(e => e.Sentence), byRevision.Entries.Select(e => e.Sentence));
        var toNow = await _app.GetAsync<Comparison>($"/api/networks/{id}/diff?fromMeeting={meeting.Id}:start&toRevision={(await Networks.GetAsync(id)).Revision}");
        Assert.Equal(2, toNow.Entries.Count);
    }

    [Fact]
    public async Task TwoDaysCompareWhatTheDataSaysAndADayAgainstAMeetingComparesStates()
    {
        System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo("de-DE");
        var id = await SmallAsync();
        var comparisons = _app.Services.GetRequiredService<Comparisons>();
        var days = await comparisons.CompareAsync(id, "2016-01-01", "2016-12-31", null);
        Assert.Null(days.FromRevision);
        Assert.Contains(days.Entries, e => e.Type == "membership" && e.Change == ChangeSentences.Appeared && e.Nodes.Contains("sg"));
        Assert.All(days.Entries, e => Assert.DoesNotContain("„amt“", e.Sentence));
        Assert.StartsWith("Von 01.01.2016 bis 31.12.2016:", days.Summary);

        var meeting = await MeetingWithEditsAsync(id);
        // The import was committed today: a day long ago stands for the state before it (revision 0), today for the state after it.
        var sinceNothing = await comparisons.CompareAsync(id, "2000-01-01", meeting.Id, null);
        Assert.Equal((0L, meeting.EndRevision), (sinceNothing.FromRevision!.Value, sinceNothing.ToRevision));
        Assert.Contains(sinceNothing.Entries, e => e.Sentence == "Der Akteur „Verein Brücke“ ist neu.");
        Assert.All(sinceNothing.Entries, e => Assert.Equal(ChangeSentences.Appeared, e.Change));
    }

    [Theory]
    [InlineData("meeting=keine", "meeting")]
    [InlineData("meeting=keine&from=2025-01-01", "meeting")]
    [InlineData("fromMeeting=keine&to=2025-01-01", "fromMeeting")]
    [InlineData("fromRevision=1&toRevision=0", "toRevision")]
    [InlineData("fromRevision=3&toRevision=1", "fromRevision")]
    [InlineData("fromRevision=1&toRevision=999", "toRevision")]
    [InlineData("fromRevision=1", "to")]
    public async Task BadPointsAreNamed(string query, string field)
    {
        var id = await SmallAsync();
        var response = await _app.CreateClient().GetAsync($"/api/networks/{id}/diff?{query}");
        await ProblemAssert.Invalid(response, field);
    }

    [Fact]
    public async Task ARestoreKeepsTheMeetingsAndChangesWhatItsPreviewSaid()
    {
        var id = await SmallAsync();
        var start = (await Networks.GetAsync(id)).Revision;
        var meeting = await MeetingWithEditsAsync(id);
        var (_, preview) = await Meetings.RestorePreviewAsync(id, start);
        var endedSeat = (await Networks.GetAsync(id)).All<Membership>().Single(m => m.Until is not null).Id;
        Assert.Equal(new[] { "bruecke", endedSeat }.Order(StringComparer.Ordinal), preview.Select(c => c.Id).Order(StringComparer.Ordinal));

        var restored = await Networks.RestoreAsync(id, start, "Anna");
        Assert.Equal(preview.Select(c => c.Id).Order(), restored.Changes.Select(c => c.Id).Order());
        Assert.Equal([meeting], (await Networks.GetAsync(id)).Network.Meetings);
    }
}
