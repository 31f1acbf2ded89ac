using System.Text.Json.Nodes;
using GraphApi.Domain;
using GraphApi.Networks;
using Microsoft.Extensions.DependencyInjection;

namespace GraphApi.Tests.Networks;

/// <summary>Issue 9, point 3: the comparison's map draws what was deleted between the two points greyed ("beendet/entfernt"), the new in one colour, the changed marked.</summary>
public sealed class CompareMapTests : IDisposable
{
    private readonly TestApp _app = new(language: null);

    private NetworkService Networks => _app.Services.GetRequiredService<NetworkService>();
    private MeetingService Meetings => _app.Services.GetRequiredService<MeetingService>();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task WhatWasDeletedInAMeetingIsDrawnEndedBesideTheNewAndTheChanged()
    {
        const string id = "vergleich";
        await Networks.CreateNetworkAsync(new Network { Id = id, Name = "Vergleichskreis" }, "Test");
        await Networks.CreateAsync(id, new Actor { Id = "jc", Name = "Jobcenter", Kind = ActorKinds.Jobcenter }, "Test");
        await Networks.CreateAsync(id, new Actor { Id = "mo", Name = "Verein Brücke", Kind = ActorKinds.MigrantOrganisation }, "Test");
        await Networks.CreateAsync(id, new Body { Id = "sg", Name = "Steuerungsgruppe", Kind = BodyKinds.SteeringGroup }, "Test");
        await Networks.CreateAsync(id, new Membership { Id = "m-mo", Member = "mo", Body = "sg" }, "Test");
        await Networks.CreateAsync(id, new Actor { Id = "alt", Name = "Altes Projekt", Kind = ActorKinds.Other }, "Test");

        await Meetings.StartAsync(id, "Sitzung der Steuerungsgruppe", new DateOnly(2025, 3, 12), "Anna");
        await Networks.DeleteAsync(id, EntityKind.Actor, "mo", null, "Anna"); // with its membership
        await Networks.CreateAsync(id, new Actor { Id = "vhs", Name = "Volkshochschule", Kind = ActorKinds.EducationProvider }, "Anna");
        var jc = (await Networks.GetAsync(id)).Find<Actor>("jc")!;
        await Networks.UpdateAsync(id, jc with { Name = "Jobcenter Vergleichskreis" }, "Anna");
        var meeting = MeetingService.Running((await Networks.GetAsync(id)).Network)!;
        await Meetings.EndAsync(id, meeting.Id, "Anna");

        var diff = await _app.GetAsync<JsonObject>($"/api/networks/{id}/diff?meeting={meeting.Id}");
        var marks = diff["mapMarks"]!.AsObject();
        Assert.Equal(("ended", "new", "changed"), (marks["mo"]!.GetValue<string>(), marks["vhs"]!.GetValue<string>(), marks["jc"]!.GetValue<string>()));
        Assert.False(marks.ContainsKey("alt")); // untouched
        Assert.Equal(["m-mo", "mo"], diff["removedIds"]!.AsArray().Select(n => n!.GetValue<string>()).Order());

        // The map of the comparison: the network now, with the deleted actor and its membership back in it.
        var comparison = await _app.Services.GetRequiredService<Comparisons>().CompareAsync(id, null, null, meeting.Id);
        var head = await Networks.GetAsync(id);
        var drawn = comparison.MapOf(head);
        Assert.Null(head.Find("mo"));
        Assert.Equal("Verein Brücke", drawn.Find<Actor>("mo")!.Name);
        Assert.NotNull(drawn.Find<Membership>("m-mo"));
        Assert.Equal(head.Count(EntityKind.Actor) + 1, drawn.Count(EntityKind.Actor));
        Assert.Equal("ended", comparison.Marks()["mo"]);

        // The same by revisions.
        var byRevision = await _app.GetAsync<JsonObject>($"/api/networks/{id}/diff?fromRevision={meeting.StartRevision}&toRevision={head.Revision}");
        Assert.Equal("ended", byRevision["mapMarks"]!["mo"]!.GetValue<string>());
    }
}
