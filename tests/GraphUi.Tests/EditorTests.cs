using GraphApi.Domain;
using GraphApi.Networks;
using GraphUi.Tests.Pages;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GraphUi.Tests;

/// <summary>
/// Issue 9, point 1: a network built in the editors by keyboard (topics, territories with parent, persons, memberships), German
/// decimals in an English browser, deleting with undo, and Zusammenführen; axe on every editor and dialog.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class EditorTests(BrowserFixture browser, MapApp app) : IClassFixture<MapApp>, IAsyncLifetime
{
    private IPage _page = null!;
    private MapPage _map = null!;
    private EditorPanel _editor = null!;
    private string _id = "";

    private NetworkService Networks => app.Services.GetRequiredService<NetworkService>();

    public async Task InitializeAsync()
    {
        _id = "bau-" + Guid.NewGuid().ToString("N")[..6];
        await Networks.CreateNetworkAsync(new Network { Id = _id, Name = "Peine im Aufbau" }, "Test");
        await Networks.CreateAsync(_id, new Actor { Id = "jc", Name = "Jobcenter Peine", Kind = ActorKinds.Jobcenter }, "Test");
        await Networks.CreateAsync(_id, new Body { Id = "sg", Name = "Steuerungsgruppe Integration", Kind = BodyKinds.SteeringGroup }, "Test");
        await Networks.CreateAsync(_id, new Membership { Member = "jc", Body = "sg" }, "Test");
    }

    private async Task OpenAsync(string locale = "de-DE")
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseUrl, ViewportSize = new ViewportSize { Width = 1280, Height = 900 }, Locale = locale,
            StorageState = await browser.AdminStateAsync(app.BaseUrl),
        });
        _page = await context.NewPageAsync();
        _page.SetDefaultTimeout(15_000);
        _map = new MapPage(_page);
        _editor = new EditorPanel(_page);
        await _map.OpenAsync(_id);
    }

    public async Task DisposeAsync()
    {
        if (_page is not null) await _page.Context.CloseAsync();
    }

    [Fact]
    public async Task ATopicATerritoryWithItsParentAPersonAndAMembershipAreEnteredByKeyboard()
    {
        await OpenAsync();
        await _editor.NewAsync("Topic", "Neu: Handlungsfeld");
        await _page.AssertAccessibleAsync("new topic");
        await _page.Keyboard.TypeAsync("Sprachförderung");
        await _editor.PressEnterInAsync("name");
        await Expect(_editor.Title).ToHaveTextAsync("Sprachförderung");

        await _editor.NewAsync("Territory", "Neu: Gebiet");
        await _editor.TypeAsync("name", "Landkreis Peine");
        await _editor.ChooseAsync("kind", TerritoryKinds.District);
        await _editor.SaveAndNextAsync("Landkreis Peine");
        await _editor.TypeAsync("name", "Stadt Peine");
        await _editor.ChooseAsync("kind", TerritoryKinds.City);
        await _editor.TypeAsync("parent", "Landkreis Peine");
        await _page.AssertAccessibleAsync("territory with a parent picker");
        await _editor.PressEnterInAsync("name");
        await Expect(_editor.Title).ToHaveTextAsync("Stadt Peine");
        await Expect(_editor.Details.Locator("dd[data-field=parent]")).ToHaveTextAsync("Landkreis Peine");

        await _editor.NewAsync("Person", "Neu: Person");
        await _page.Keyboard.TypeAsync("Anna Beispiel");
        await _editor.TypeAsync("actor", "Jobcenter Peine");
        await _editor.PressEnterInAsync("function");
        await Expect(_editor.Title).ToHaveTextAsync("Anna Beispiel");

        await _editor.NewAsync("Membership", "Neu: Mitgliedschaft");
        await _page.Keyboard.TypeAsync("Anna Beispiel");
        await _editor.TypeAsync("body", "Steuerungsgruppe Integration");
        await _editor.TypeAsync("representing", "Jobcenter Peine");
        await _editor.TypeAsync("since", "01.03.2016");
        await _editor.PressEnterInAsync("since");
        await Expect(_editor.Title).ToHaveTextAsync("Anna Beispiel – Steuerungsgruppe Integration");

        var snapshot = await Networks.GetAsync(_id);
        var county = Assert.Single(snapshot.All<Territory>(), t => t.Name == "Landkreis Peine");
        Assert.Equal(county.Id, Assert.Single(snapshot.All<Territory>(), t => t.Name == "Stadt Peine").Parent);
        var person = Assert.Single(snapshot.All<Person>());
        Assert.Equal("jc", person.Actor);
        var m = Assert.Single(snapshot.All<Membership>(), m => m.Member == person.Id);
        Assert.Equal(("sg", "jc", "2016-03-01"), (m.Body, m.Representing, m.Since));
        Assert.Single(snapshot.All<Topic>(), t => t.Name == "Sprachförderung");
    }

    [Fact]
    public async Task EveryEditorAndTheNetworkEditorPassAxe()
    {
        await OpenAsync();
        foreach (var (code, title) in new[]
                 {
                     ("Actor", "Neu: Akteur"), ("Body", "Neu: Gremium"), ("Membership", "Neu: Mitgliedschaft"), ("Collaboration", "Neu: Kooperation"),
                     ("Person", "Neu: Person"), ("Topic", "Neu: Handlungsfeld"), ("Territory", "Neu: Gebiet"), ("Measure", "Neu: Maßnahme"),
                 })
        {
            await _editor.NewAsync(code, title);
            await _page.AssertAccessibleAsync($"editor {code}");
            await _editor.Editor.Locator("[data-testid=editor-cancel]").ClickAsync();
            await Expect(_editor.Editor).ToHaveCountAsync(0);
        }
        await _editor.Details.Locator("[data-testid=network-edit]").ClickAsync();
        await _editor.Editor.Locator("[data-testid=rule-add]").ClickAsync();
        await Expect(_page.Locator("#rule-0-bodyKind")).ToBeVisibleAsync();
        await _page.AssertAccessibleAsync("network editor with a rule");
        await _editor.TypeAsync("dataAsOf", "31.12.2024");
        await _editor.PressEnterInAsync("dataAsOf");
        await Expect(_editor.Details.Locator("dd[data-field=dataAsOf]")).ToHaveTextAsync("31.12.2024");
        Assert.Equal("2024-12-31", (await Networks.GetAsync(_id)).Network.DataAsOf);
    }

    [Fact]
    public async Task TwoAndAHalfHoursInAnAmericanBrowserAreStoredAsTwoAndAHalf()
    {
        await OpenAsync("en-US");
        await _map.Node("sg").ClickAsync();
        await Expect(_editor.Title).ToHaveTextAsync("Steuerungsgruppe Integration");
        await _editor.Details.Locator("[data-testid=details-edit]").ClickAsync();
        await _editor.TypeAsync("meetingHours", "2,5");
        await _editor.TypeAsync("founded", "01.03.2016");
        await _editor.PressEnterInAsync("meetingHours");
        await Expect(_editor.Status).ToContainTextAsync("Gespeichert.");
        await Expect(_editor.Details.Locator("dd[data-field=meetingHours]")).ToHaveTextAsync("2,5");

        var body = (await Networks.GetAsync(_id)).Find<Body>("sg")!;
        Assert.Equal((2.5, "2016-03-01"), (body.MeetingHours, body.Founded));
    }

    [Fact]
    public async Task DeletingAsksNamesWhatGoesWithItAndIsUndone()
    {
        await OpenAsync();
        await _map.Node("jc").ClickAsync();
        await Expect(_editor.Title).ToHaveTextAsync("Jobcenter Peine");
        await _editor.Details.Locator("[data-testid=details-delete]").ClickAsync();
        var confirm = _editor.Details.Locator("[data-testid=confirm-delete]");
        await Expect(confirm).ToContainTextAsync("Mit dem Akteur werden 1 Mitgliedschaft gelöscht");
        await _page.AssertAccessibleAsync("delete question");
        await confirm.Locator("[data-testid=confirm-delete-yes]").ClickAsync();

        await Expect(_editor.Status).ToContainTextAsync("„Jobcenter Peine“ gelöscht, mit 1 Mitgliedschaft.");
        await Expect(_map.Node("jc")).ToHaveCountAsync(0);
        await _page.AssertAccessibleAsync("deleted, with undo");
        await _editor.Status.Locator("[data-testid=details-undo]").ClickAsync();

        await Expect(_editor.Title).ToHaveTextAsync("Jobcenter Peine");
        await Expect(_map.Node("jc")).ToHaveCountAsync(1);
        Assert.Single((await Networks.GetAsync(_id)).All<Membership>());
    }

    [Fact]
    public async Task TwoActorsThatAreOneOrganisationAreMerged()
    {
        await Networks.CreateAsync(_id, new Actor { Id = "jc2", Name = "Jobcenter Landkreis Peine", Kind = ActorKinds.Jobcenter }, "Test");
        await Networks.CreateAsync(_id, new Membership { Member = "jc2", Body = "sg", Role = MembershipRoles.Chair }, "Test");
        await OpenAsync();
        await _map.Node("jc").ClickAsync();
        await Expect(_editor.Title).ToHaveTextAsync("Jobcenter Peine");
        await _editor.Details.Locator("[data-testid=details-merge]").ClickAsync();
        var dialog = _page.Locator("[data-testid=merge-dialog]");
        await dialog.Locator("#merge-other").FillAsync("Jobcenter Landkreis Peine");
        await dialog.Locator("#merge-other").PressAsync("Enter");
        await Expect(dialog.Locator("[data-testid=merge-plan]")).ToContainTextAsync("„Jobcenter Landkreis Peine“ geht in „Jobcenter Peine“ auf");
        await _page.AssertAccessibleAsync("merge preview");
        await dialog.Locator("[data-testid=merge-confirm]").ClickAsync();

        await Expect(_editor.Status).ToContainTextAsync("„Jobcenter Landkreis Peine“ ist in „Jobcenter Peine“ aufgegangen.");
        await Expect(_map.Node("jc2")).ToHaveCountAsync(0);
        var after = await Networks.GetAsync(_id);
        var m = Assert.Single(after.All<Membership>());
        Assert.Equal(("jc", MembershipRoles.Chair), (m.Member, m.Role));
    }
}
