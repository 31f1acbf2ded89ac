using System.Diagnostics;
using Xunit.Abstractions;
using System.Text.Json;
using GraphApi.Domain;
using GraphApi.Networks;
using GraphUi.Tests.Pages;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GraphUi.Tests;

/// <summary>
/// Issue 9: the Peine example of the council paper (seed 000: the Steuerungsgruppe Integration and the Koordinierungsstab)
/// built in the UI from an empty network by keyboard and mouse, "Speichern und nächster" keeping the form open, Enter saving;
/// then the API's export holds exactly what was entered. The effort (clicks, keys, characters) goes to the test output and
/// docs/benchmarks.md.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class BuildPeineTests(BrowserFixture browser, MapApp app, ITestOutputHelper output) : IClassFixture<MapApp>
{
    private NetworkService Networks => app.Services.GetRequiredService<NetworkService>();

    private static readonly (string Name, string Kind)[] Actors =
    [
        ("Amt für Migration und Integration", ActorKinds.Administration),
        ("Ordnungsamt", ActorKinds.Administration),
        ("Amt für Kinder, Jugend und Familie", ActorKinds.Administration),
        ("Sozialplanung", ActorKinds.Administration),
        ("Referat Integration", ActorKinds.Administration),
        ("Jobcenter Peine", ActorKinds.Jobcenter),
        ("Stadt Peine", ActorKinds.Municipality),
        ("Kreisangehörige Gemeinden", ActorKinds.Municipality),
        ("Kreistagsfraktionen", ActorKinds.Politics),
        ("LIGA der freien Wohlfahrtspflege", ActorKinds.WelfareAssociation),
    ];

    private const string Steering = "Steuerungsgruppe Integration", Staff = "Koordinierungsstab Migration und Teilhabe";
    private const string Person = "Dr. Erika Beispiel";

    /// <summary>The Steuerungsgruppe: the administration's leaders, the towns, the parties, the LIGA; chaired by the Sozialdezernentin.</summary>
    private static readonly string[] SteeringMembers =
    [
        "Amt für Migration und Integration", "Ordnungsamt", "Amt für Kinder, Jugend und Familie", "Sozialplanung", "Jobcenter Peine",
        "Stadt Peine", "Kreisangehörige Gemeinden", "Kreistagsfraktionen", "LIGA der freien Wohlfahrtspflege",
    ];

    private static readonly string[] StaffMembers = ["Referat Integration", "Amt für Migration und Integration", "Jobcenter Peine"];

    [Fact]
    public async Task ThePeineExampleIsBuiltFromAnEmptyNetworkAndTheExportHoldsWhatWasEntered()
    {
        var id = "aufbau-" + Guid.NewGuid().ToString("N")[..6];
        await Networks.CreateNetworkAsync(new Network { Id = id, Name = "Landkreis Peine im Aufbau" }, "Test");
        var page = await browser.NewPageAsync(app.BaseUrl);
        var effort = new Effort();
        var editor = new EditorPanel(page, effort);
        var clock = Stopwatch.StartNew();
        try
        {
            await page.GotoAsync($"/networks/{id}");
            await Expect(page.Locator("[data-testid=map]")).ToHaveAttributeAsync("data-ready", "true", new() { Timeout = 30_000 });
            await Expect(editor.Details.Locator("[data-testid=network-edit]")).ToBeVisibleAsync();

            // The network: a composition rule (a steering group needs a migrant organisation) and its Datenstand.
            await editor.Details.Locator("[data-testid=network-edit]").ClickAsync();
            effort.Click();
            await editor.Editor.Locator("[data-testid=rule-add]").ClickAsync();
            effort.Click();
            await page.Locator("#rule-0-bodyKind").SelectOptionAsync(BodyKinds.SteeringGroup);
            effort.Click(2);
            await editor.PickAsync(page.Locator("#rule-0-kinds"), "migr", "Migrantenorganisation");
            await editor.TypeAsync("dataAsOf", "16.09.2022");
            await page.AssertAccessibleAsync("network editor with a rule and a picker");
            await editor.PressEnterAsync();
            await Expect(editor.Details.Locator("dd[data-field=compositionRules]")).ToHaveTextAsync("Steuerungsgruppe: Migrantenorganisation");

            // A topic and a territory.
            await editor.NewAsync("Topic", "Neu: Handlungsfeld");
            await editor.TypeHereAsync("Sprachförderung");
            await editor.PressEnterAsync();
            await Expect(editor.Title).ToHaveTextAsync("Sprachförderung");
            await editor.NewAsync("Territory", "Neu: Gebiet");
            await editor.TypeHereAsync("Landkreis Peine");
            await editor.ChooseAsync("kind", TerritoryKinds.District);
            await editor.PressEnterInAsync("name");
            await Expect(editor.Title).ToHaveTextAsync("Landkreis Peine");

            // Ten actors, one form: the kind stays for the next one.
            await editor.NewAsync("Actor", "Neu: Akteur");
            string? kind = null;
            for (var i = 0; i < Actors.Length; i++)
            {
                var (name, actorKind) = Actors[i];
                await editor.TypeHereAsync(name);
                if (actorKind != kind) await editor.ChooseAsync("kind", actorKind);
                kind = actorKind;
                if (i == 0)
                {
                    await editor.PickAsync("topics", "sprach", "Sprachförderung");
                    await editor.PickAsync("territories", "peine", "Landkreis Peine");
                    await page.AssertAccessibleAsync("actor editor with chosen topics and territories");
                }
                if (i < Actors.Length - 1) await editor.SaveAndNextAsync(name);
                else await editor.PressEnterInAsync("name");
            }
            await Expect(editor.Title).ToHaveTextAsync(Actors[^1].Name);

            // Two bodies.
            await editor.NewAsync("Body", "Neu: Gremium");
            await editor.TypeHereAsync(Steering);
            await editor.ChooseAsync("kind", BodyKinds.SteeringGroup);
            await editor.TypeAsync("meetingsPerYear", "3");
            await editor.TypeAsync("meetingHours", "2,5");
            await editor.SaveAndNextAsync(Steering);
            await editor.TypeHereAsync(Staff);
            await editor.ChooseAsync("kind", BodyKinds.CoordinationStaff);
            await editor.PressEnterInAsync("name");
            await Expect(editor.Title).ToHaveTextAsync(Staff);

            // The Sozialdezernentin, a person with her function.
            await editor.NewAsync("Person", "Neu: Person");
            await editor.TypeHereAsync("Sozialdezernentin"); // the function comes first, the name is optional (DSGVO)
            await editor.TypeAsync("name", Person);
            await editor.TypeAsync("actor", "Amt für Migration und Integration");
            await editor.PressEnterInAsync("function"); // Enter in a field without a list of suggestions
            await Expect(editor.Title).ToHaveTextAsync(Person);

            // Thirteen memberships: the body and the role stay for the next one.
            await editor.NewAsync("Membership", "Neu: Mitgliedschaft");
            await editor.TypeHereAsync(Person);
            await editor.TypeAsync("body", Steering);
            await editor.ChooseAsync("role", MembershipRoles.Chair);
            await editor.SaveAndNextAsync($"{Person} – {Steering}");
            await editor.ChooseAsync("role", MembershipRoles.Member);
            foreach (var member in SteeringMembers)
            {
                await editor.TypeHereAsync(member);
                await editor.SaveAndNextAsync($"{member} – {Steering}");
            }
            await editor.TypeHereAsync(StaffMembers[0]);
            await editor.TypeAsync("body", Staff);
            await editor.ChooseAsync("role", MembershipRoles.Management);
            await editor.SaveAndNextAsync($"{StaffMembers[0]} – {Staff}");
            await editor.ChooseAsync("role", MembershipRoles.Member);
            await editor.TypeHereAsync(StaffMembers[1]);
            await editor.SaveAndNextAsync($"{StaffMembers[1]} – {Staff}");
            await editor.TypeHereAsync(StaffMembers[2]);
            await editor.PressEnterInAsync("since");
            await Expect(editor.Title).ToHaveTextAsync($"{StaffMembers[2]} – {Staff}");

            // Two collaborations.
            await editor.NewAsync("Collaboration", "Neu: Kooperation");
            await editor.TypeHereAsync("Jobcenter Peine");
            await editor.TypeAsync("to", "Amt für Migration und Integration");
            await editor.ChooseAsync("kind", CollaborationKinds.Agreement);
            await editor.SaveAndNextAsync("Jobcenter Peine – Amt für Migration und Integration");
            await editor.TypeAsync("from", "LIGA der freien Wohlfahrtspflege"); // "von" keeps the last one: typed over
            await editor.TypeAsync("to", "Referat Integration");
            await editor.ChooseAsync("kind", CollaborationKinds.Referral);
            await editor.PressEnterInAsync("since");
            await Expect(editor.Title).ToHaveTextAsync("LIGA der freien Wohlfahrtspflege – Referat Integration");

            // A measure, offered by the Referat, in the topic.
            await editor.NewAsync("Measure", "Neu: Maßnahme");
            await editor.TypeHereAsync("Welcome-App");
            await editor.PickAsync("offeredBy", "referat", "Referat Integration");
            await editor.PickAsync("topics", "sprach", "Sprachförderung");
            await editor.PressEnterAsync(); // the list is closed: Enter saves
            await Expect(editor.Title).ToHaveTextAsync("Welcome-App");
            clock.Stop();
            // The map followed the growing network: all ten actors and both bodies on screen at 1280×720, none on another.
            var map = new MapPage(page);
            await map.ExpectEveryCardOnScreenAsync(Actors.Length + 2);
            Assert.Empty(await map.OverlappingCardsAsync());
            await page.AssertAccessibleAsync("the built network");
            await page.ScreenshotAsync(new() { Path = Path.Combine(Repository.Artifacts, "build-peine-1280x720.png") });
        }
        catch
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(Repository.Artifacts, "build-peine-failed.png") });
            throw;
        }
        finally
        {
            await page.Context.CloseAsync();
        }

        // The export holds what was entered: counts and names.
        using var client = await app.ApiClientAsync();
        var json = JsonDocument.Parse(await client.GetStringAsync($"/api/networks/{id}/export?format=json")).RootElement;
        string[] Names(string kind) => json.GetProperty(kind).EnumerateArray().Select(e => e.GetProperty("name").GetString()!).Order().ToArray();
        Assert.Equal(Actors.Select(a => a.Name).Order(), Names("actors"));
        Assert.Equal(new[] { Staff, Steering }.Order(), Names("bodies"));
        Assert.Equal([Person], Names("persons"));
        Assert.Equal(["Sprachförderung"], Names("topics"));
        Assert.Equal(["Landkreis Peine"], Names("territories"));
        Assert.Equal(["Welcome-App"], Names("measures"));
        var snapshot = await Networks.GetAsync(id);
        string NameOf(string entityId) => snapshot.Find(entityId) switch { Actor a => a.Name, { } e => e.Label, null => entityId };
        var memberships = json.GetProperty("memberships").EnumerateArray()
            .Select(m => $"{NameOf(m.GetProperty("member").GetString()!)} – {NameOf(m.GetProperty("body").GetString()!)}").Order().ToArray();
        var expected = SteeringMembers.Append(Person).Select(m => $"{m} – {Steering}").Concat(StaffMembers.Select(m => $"{m} – {Staff}")).Order().ToArray();
        Assert.Equal(13, memberships.Length);
        Assert.Equal(expected, memberships);
        Assert.Equal(2, json.GetProperty("collaborations").GetArrayLength());
        var chair = snapshot.All<Membership>().Single(m => m.Role == MembershipRoles.Chair);
        Assert.Equal((Person, Steering), (NameOf(chair.Member), NameOf(chair.Body)));
        Assert.Equal("Sozialdezernentin", snapshot.All<GraphApi.Domain.Person>().Single().Function);
        Assert.Equal(2.5, snapshot.All<Body>().Single(b => b.Name == Steering).MeetingHours);
        var rule = Assert.Single(snapshot.Network.CompositionRules);
        Assert.Equal(BodyKinds.SteeringGroup, rule.BodyKind);
        Assert.Equal([ActorKinds.MigrantOrganisation], rule.RequiredActorKinds);
        Assert.Equal("2022-09-16", snapshot.Network.DataAsOf);
        var amt = snapshot.All<Actor>().Single(a => a.Name == Actors[0].Name);
        Assert.Equal((1, 1), (amt.Topics.Count, amt.Territories.Count));

        // The API's counts (the figures) say the same.
        var summary = JsonDocument.Parse(await client.GetStringAsync($"/api/networks/{id}")).RootElement.GetProperty("counts");
        Assert.Equal((10, 2, 13, 2, 1), (summary.GetProperty("actors").GetInt32(), summary.GetProperty("bodies").GetInt32(),
            summary.GetProperty("memberships").GetInt32(), summary.GetProperty("collaborations").GetInt32(), summary.GetProperty("persons").GetInt32()));

        output.WriteLine($"Peine built in {clock.Elapsed.TotalSeconds:0.0} s: {effort}");
        await File.WriteAllTextAsync(Path.Combine(Repository.Artifacts, "build-peine-effort.txt"), $"{clock.Elapsed.TotalSeconds:0.0} s; {effort}\n");
    }
}
