using System.Net;
using System.Net.Http.Json;
using GraphApi.Domain;
using GraphApi.Networks;
using GraphApi.Tests.Api;
using Microsoft.Extensions.DependencyInjection;

namespace GraphApi.Tests.Networks;

/// <summary>Zusammenführen: the service operation (one change set, undoable) and POST /api/networks/{id}/merge.</summary>
public sealed class MergingTests : SampleNetworkTest
{
    private NetworkService Service => _app.Services.GetRequiredService<NetworkService>();

    /// <summary>A second Jobcenter entry with its own membership in "sg" (a twin of jc's), a collaboration, a person and a measure.</summary>
    private async Task<NetworkSnapshot> WithDuplicateJobcenterAsync()
    {
        var s = Service;
        await s.CreateAsync("kreis", new Actor { Id = "jc2", Name = "Jobcenter Landkreis", Kind = ActorKinds.Jobcenter, Topics = ["sprache"] }, "t");
        await s.CreateAsync("kreis", new Membership { Id = "m-jc2-sg", Member = "jc2", Body = "sg", Role = MembershipRoles.Management, Since = "2015-01-01" }, "t");
        await s.CreateAsync("kreis", new Membership { Id = "m-jc2-a", Member = "jc2", Body = "ausschuss", Role = MembershipRoles.Guest }, "t");
        await s.CreateAsync("kreis", new Collaboration { Id = "c-jc2-caritas", From = "caritas", To = "jc2", Kind = CollaborationKinds.Referral, Topics = ["sprache"] }, "t");
        await s.CreateAsync("kreis", new Collaboration { Id = "c-jc-jc2", From = "jc", To = "jc2", Kind = CollaborationKinds.Informal }, "t");
        await s.CreateAsync("kreis", new Person { Id = "p", Name = "Fallmanagerin", Actor = "jc2" }, "t");
        await s.CreateAsync("kreis", new Measure { Id = "kurs", Name = "Sprachkurs", OfferedBy = ["jc2", "jc"] }, "t");
        var b = (await s.GetAsync("kreis")).Find<Body>("ausschuss")!;
        await s.UpdateAsync("kreis", b with { Lead = "jc2" }, "t");
        return await s.GetAsync("kreis");
    }

    [Fact]
    public async Task MergingTwoActorsMovesEveryReferenceAndUnitesDuplicatesInOneChange()
    {
        var before = await WithDuplicateJobcenterAsync();

        var set = await Service.MergeAsync("kreis", new MergeRequest(EntityKind.Actor, "jc", "jc2"), "Anna");

        Assert.Equal(before.Revision + 1, set.Revision);
        var after = await Service.GetAsync("kreis");
        Assert.Null(after.Find("jc2"));
        Assert.Equal(["arbeit", "sprache"], after.Find<Actor>("jc")!.Topics);
        // The twin membership in sg became one: the stronger role (management over member), the earlier start.
        var sg = after.All<Membership>().Where(m => m.Body == "sg" && m.Member == "jc").ToList();
        var one = Assert.Single(sg);
        Assert.Equal((MembershipRoles.Management, "2015-01-01"), (one.Role, one.Since));
        Assert.Equal("jc", after.Find<Membership>("m-jc2-a")!.Member);
        // The same referral twice became one with both topics; the collaboration between the two went.
        var referral = Assert.Single(after.All<Collaboration>(), c => c.Kind == CollaborationKinds.Referral);
        Assert.Equal(["arbeit", "sprache"], referral.Topics);
        Assert.Null(after.Find("c-jc-jc2"));
        Assert.Equal("jc", after.Find<Person>("p")!.Actor);
        Assert.Equal(["jc"], after.Find<Measure>("kurs")!.OfferedBy);
        Assert.Equal("jc", after.Find<Body>("ausschuss")!.Lead);
    }

    [Fact]
    public async Task AMergeIsUndoneAsAWhole()
    {
        var before = await WithDuplicateJobcenterAsync();
        var set = await Service.MergeAsync("kreis", new MergeRequest(EntityKind.Actor, "jc", "jc2"), "Anna");
        Assert.Single(await Service.HistoryAsync("kreis", set.Revision - 1, null, 10));

        await Service.RevertAsync("kreis", set.Revision, "Anna");

        var undone = await Service.GetAsync("kreis");
        foreach (var e in before.Everything)
            Assert.Equal(GraphJsonOf(e with { Version = 0, Created = null, Updated = null }), GraphJsonOf(undone.Find(e.Id)! with { Version = 0, Created = null, Updated = null }));
        Assert.Equal(before.Everything.Count(), undone.Everything.Count());
    }

    private static string GraphJsonOf(Entity e) => System.Text.Json.JsonSerializer.Serialize(e, GraphJson.Options);

    [Fact]
    public async Task MergingTwoBodiesUnitesTheMembersWithTheStrongerRoleAndDissolvesTheOther()
    {
        var s = Service;
        await s.CreateAsync("kreis", new Body { Id = "ks", Name = "Koordinierungsstab", Kind = BodyKinds.CoordinationStaff, Founded = "2017-01-01" }, "t");
        await s.CreateAsync("kreis", new Membership { Id = "ks-jc", Member = "jc", Body = "ks", Role = MembershipRoles.Chair }, "t");
        await s.CreateAsync("kreis", new Membership { Id = "ks-car", Member = "caritas", Body = "ks", Since = "2018-01-01" }, "t");
        await s.CreateAsync("kreis", new Body { Id = "unter", Name = "AG Sprache", Kind = BodyKinds.WorkingGroup, ReportsTo = "ks" }, "t");

        await s.MergeAsync("kreis", new MergeRequest(EntityKind.Body, "sg", "ks", "2025-03-12"), "Anna");

        var after = await s.GetAsync("kreis");
        var ks = after.Find<Body>("ks")!;
        Assert.Equal((BodyStatuses.Dissolved, "2025-03-12"), (ks.Status, ks.Dissolved));
        Assert.All(after.All<Membership>().Where(m => m.Body == "ks"), m => Assert.Equal("2025-03-12", m.Until));
        var jc = Assert.Single(after.All<Membership>(), m => m.Body == "sg" && m.Member == "jc");
        Assert.Equal(MembershipRoles.Chair, jc.Role); // chair in ks is stronger than member in sg
        var car = Assert.Single(after.All<Membership>(), m => m.Body == "sg" && m.Member == "caritas");
        Assert.Equal(("2025-03-12", MembershipRoles.Member), (car.Since, car.Role));
        Assert.Equal("sg", after.Find<Body>("unter")!.ReportsTo);
    }

    [Fact]
    public async Task TheHttpEndpointMergesAndAnswersOneChangeSet()
    {
        await WithDuplicateJobcenterAsync();
        var response = await _client.PostAsJsonAsync("/api/networks/kreis/merge", new { kind = "actor", keep = "jc", other = "jc2" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var set = await response.Content.ReadFromJsonAsync<ChangeSet>(TestApp.Json);
        Assert.Contains(set!.Changes, c => c.Op == ChangeOp.Delete && c.Id == "jc2");
        Assert.Equal(404, (int)(await _client.GetAsync("/api/networks/kreis/actors/jc2")).StatusCode);
    }

    [Fact]
    public async Task BadMergeRequestsAreProblemDetailsNamingTheField()
    {
        var errors = await ProblemAssert.Invalid(
            await _client.PostAsJsonAsync("/api/networks/kreis/merge", new { kind = "actor", keep = "jc", other = "sg" }), "other");
        Assert.Equal("'Steuerungsgruppe Integration' is a body, not an actor.", Assert.Single(errors["other"]));

        errors = await ProblemAssert.Invalid(
            await _client.PostAsJsonAsync("/api/networks/kreis/merge", new { kind = "body", keep = "sg", other = "ausschuss" }), "asOf");
        Assert.Equal("Name the day the other body is dissolved.", Assert.Single(errors["asOf"]));

        await ProblemAssert.Invalid(await _client.PostAsJsonAsync("/api/networks/kreis/merge", new { kind = "topic", keep = "a", other = "b" }), "kind");
        await ProblemAssert.Invalid(await _client.PostAsJsonAsync("/api/networks/kreis/merge", new { kind = "actor", keep = "jc", other = "jc" }), "other");

        // German by default: the message in words, nothing written.
        var german = new TestApp(language: null);
        try
        {
            var client = german.CreateClient();
            (await german.ImportAsync(Samples.Small)).EnsureSuccessStatusCode();
            errors = await ProblemAssert.Invalid(
                await client.PostAsJsonAsync("/api/networks/kreis/merge", new { kind = "body", keep = "sg", other = "ausschuss", asOf = "12.03.2025" }), "asOf");
            Assert.Equal("„12.03.2025“ ist kein Datum der Form JJJJ-MM-TT.", Assert.Single(errors["asOf"]));
            Assert.Equal("active", (await german.Services.GetRequiredService<NetworkService>().GetAsync("kreis")).Find<Body>("ausschuss")!.Status);
        }
        finally
        {
            german.Dispose();
        }
    }
}
