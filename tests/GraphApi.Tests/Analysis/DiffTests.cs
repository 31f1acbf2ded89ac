using System.Net.Http.Json;
using GraphApi.Analysis;
using GraphApi.Domain;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace GraphApi.Tests.Analysis;

/// <summary>What changed between two dates: by the dates in the data, and by the edits in the store.</summary>
public sealed class DiffTests
{
    private static FindingsNetwork Network() => new FindingsNetwork()
        .Actor("kv", "Kreisverwaltung", ActorKinds.Administration).Actor("jc", "Jobcenter", ActorKinds.Jobcenter)
        .Actor("caritas", "Caritasverband", ActorKinds.WelfareAssociation)
        .Body(new Body { Id = "alt", Name = "Ausschuss für Gleichstellung, Arbeit und Soziales", Kind = BodyKinds.PoliticalCommittee,
            Status = BodyStatuses.Dissolved, Founded = "2016-11-01", Dissolved = "2021-10-31" })
        .Body(new Body { Id = "neu", Name = "Ausschuss für Gesundheit, Arbeit und Soziales", Kind = BodyKinds.PoliticalCommittee, Founded = "2021-11-01" })
        .Body(new Body { Id = "sg", Name = "Steuerungsgruppe Integration", Kind = BodyKinds.SteeringGroup, Founded = "2021-01-01" })
        .Member("alt", "kv", since: "2016-11-01", until: "2021-10-31")
        .Member("neu", "kv", since: "2021-11-01")
        .Member("sg", "jc", since: "2021-01-01")
        .Member("sg", "caritas", since: "2021-06-01", until: "2021-12-31")
        .Collaboration("jc", "caritas", since: "2021-03-15");

    [Fact]
    public async Task ValidityDatesSayWhatAppearedAndEndedInTheWindow()
    {
        using var app = await FindingsHttp.StartWith(Network());
        var diff = await app.Read<DiffReport>("/api/networks/kreis/diff?from=2021-01-01&to=2021-12-31");

        // The Steuerungsgruppe was founded on 'from' itself: it already held then, so it did not appear in the window.
        Assert.Equal(["neu"], diff.Bodies.Appeared.Where(e => e.Source == "validity").Select(e => e.Id));
        Assert.Equal(["alt"], diff.Bodies.Ended.Where(e => e.Source == "validity").Select(e => e.Id));
        Assert.Equal("Der Ausschuss für Gesundheit, Arbeit und Soziales wurde am 01.11.2021 gegründet.", diff.Bodies.Appeared.Single(e => e.Source == "validity").Sentence);
        Assert.Equal("2021-10-31", diff.Bodies.Ended[0].Date);

        Assert.Equal([Membership.DerivedId("caritas", "sg", "2021-06-01"), Membership.DerivedId("kv", "neu", "2021-11-01")],
            diff.Memberships.Appeared.Where(e => e.Source == "validity").Select(e => e.Id));
        // Caritas's last day, 31.12.2021, is the 'to' day itself: it still held then, so it has not ended within the window.
        Assert.Equal([Membership.DerivedId("kv", "alt", "2016-11-01")], diff.Memberships.Ended.Where(e => e.Source == "validity").Select(e => e.Id));
        Assert.Equal("Bis zum 31.10.2021 saß Kreisverwaltung im Ausschuss für Gleichstellung, Arbeit und Soziales.",
            diff.Memberships.Ended.Single(e => e.Source == "validity").Sentence);
        Assert.Equal("Seit dem 15.03.2021 arbeiten Jobcenter und Caritasverband zusammen (informell).",
            diff.Collaborations.Appeared.Single(e => e.Source == "validity").Sentence);

        var next = await app.Read<DiffReport>("/api/networks/kreis/diff?from=2021-12-31&to=2022-06-30");
        Assert.Equal([Membership.DerivedId("caritas", "sg", "2021-06-01")], next.Memberships.Ended.Select(e => e.Id));
    }

    [Fact]
    public async Task TheStoresHistorySaysWhatWasAddedChangedAndDeleted()
    {
        // The store stamps history with the app's clock: import in January, edit in March.
        var clock = new SettableClock(new DateTimeOffset(2024, 1, 10, 9, 0, 0, TimeSpan.Zero));
        using var testApp = new TestApp(language: null);
        using var app = testApp.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<TimeProvider>(clock)));
        var client = app.CreateClient();
        (await client.PostAsync("/api/networks/import", new StringContent(Network().Json(), System.Text.Encoding.UTF8, "application/json")))
            .EnsureSuccessStatusCode();

        clock.Now = new DateTimeOffset(2024, 3, 5, 14, 30, 0, TimeSpan.Zero);
        var anna = await testApp.AccountTokenAsync("anna@kreis.test", "anna");
        (await client.PutAsJsonAsync("/api/networks/kreis/members/anna@kreis.test", new { role = "editor" })).EnsureSuccessStatusCode();
        client.DefaultRequestHeaders.Authorization = new("Bearer", anna);
        var caritas = await client.GetFromJsonAsync<Actor>("/api/networks/kreis/actors/caritas", TestApp.Json);
        (await client.PutAsJsonAsync("/api/networks/kreis/actors/caritas", caritas! with { Name = "Caritas Peine", Kind = ActorKinds.Counselling }, TestApp.Json))
            .EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync("/api/networks/kreis/actors", new Actor { Id = "awo", Name = "AWO", Kind = ActorKinds.WelfareAssociation }, TestApp.Json))
            .EnsureSuccessStatusCode();
        var collaboration = Collaboration.DerivedId("jc", "caritas", CollaborationKinds.Informal);
        (await client.DeleteAsync($"/api/networks/kreis/collaborations/{collaboration}?version=1")).EnsureSuccessStatusCode();

        var diff = (await client.GetFromJsonAsync<DiffReport>("/api/networks/kreis/diff?from=2024-03-01&to=2024-03-31", TestApp.Json))!;

        var changed = Assert.Single(diff.Actors.Changed);
        Assert.Equal(("caritas", "history", "updated", "anna"), (changed.Id, changed.Source, changed.Operation, changed.Author));
        Assert.Equal(["kind", "name"], changed.Fields!.Order(StringComparer.Ordinal));
        Assert.Equal("Akteur „Caritas Peine“ wurde am 05.03.2024 von anna geändert (name, kind).", changed.Sentence);
        var added = Assert.Single(diff.Actors.Appeared);
        Assert.Equal(("awo", "created"), (added.Id, added.Operation));
        var deleted = Assert.Single(diff.Collaborations.Ended);
        Assert.Equal((collaboration, "deleted", "history"), (deleted.Id, deleted.Operation, deleted.Source));
        Assert.Equal("Kooperation „Jobcenter ↔ Caritas Peine“ wurde am 05.03.2024 von anna gelöscht.", deleted.Sentence);
        Assert.Empty(diff.Bodies.Appeared);

        // January's import made everything appear then; an entity created and edited in one window is simply "appeared".
        var january = (await client.GetFromJsonAsync<DiffReport>("/api/networks/kreis/diff?from=2024-01-01&to=2024-01-31", TestApp.Json))!;
        Assert.Equal(["caritas", "jc", "kv"], january.Actors.Appeared.Select(e => e.Id));
        Assert.Empty(january.Actors.Changed);
        var whole = (await client.GetFromJsonAsync<DiffReport>("/api/networks/kreis/diff?from=2023-12-31&to=2024-12-31", TestApp.Json))!;
        Assert.Equal(["awo", "caritas", "jc", "kv"], whole.Actors.Appeared.Select(e => e.Id).Order(StringComparer.Ordinal));
        Assert.Empty(whole.Actors.Changed);
        Assert.DoesNotContain(whole.Collaborations.Appeared.Concat(whole.Collaborations.Ended), e => e.Source == "history");

        // The baseline day itself is not part of the window: edits on 05.03. are not between 05.03. and 06.03.
        var after = (await client.GetFromJsonAsync<DiffReport>("/api/networks/kreis/diff?from=2024-03-05&to=2024-03-06", TestApp.Json))!;
        Assert.Empty(after.Actors.Changed);
        Assert.Equal("Zwischen dem 05.03.2024 und dem 06.03.2024: 0 neu, 0 beendet, 0 geändert.", after.Summary);
    }

    private sealed class SettableClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;
        public override DateTimeOffset GetUtcNow() => Now;
    }

    [Fact]
    public async Task ADiffOverAnEmptyWindowIsEmptyAndEnglishOnRequest()
    {
        using var app = await FindingsHttp.StartWith(Network());
        var diff = await app.Read<DiffReport>("/api/networks/kreis/diff?from=2010-01-01&to=2010-01-01", "en");

        Assert.Equal("en", diff.Language);
        Assert.Equal("Between 1 January 2010 and 1 January 2010: 0 appeared, 0 ended, 0 changed.", diff.Summary);
        Assert.Empty(diff.Bodies.Appeared);

        var english = await app.Read<DiffReport>("/api/networks/kreis/diff?from=2021-01-01&to=2021-12-31", "en");
        Assert.Equal("Until 31 October 2021, Kreisverwaltung sat on Ausschuss für Gleichstellung, Arbeit und Soziales.",
            english.Memberships.Ended.Single().Sentence);
    }
}
