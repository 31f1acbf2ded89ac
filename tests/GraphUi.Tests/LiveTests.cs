using System.Net.Http.Json;
using System.Text.Json.Nodes;
using GraphUi.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace GraphUi.Tests;

/// <summary>A steering group meeting: several people on one map, each in their own browser.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LiveTests(BrowserFixture browser) : IAsyncLifetime
{
    private MapApp _app = new();
    private readonly List<LiveParticipant> _people = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var person in _people) await person.CloseAsync();
        _app.Dispose();
    }

    private async Task<LiveParticipant> JoinAsync(string name)
    {
        var person = await LiveParticipant.JoinAsync(browser, _app.BaseUrl, "dithmarschen", name);
        _people.Add(person);
        return person;
    }

    [Fact]
    public async Task AnEditInOneBrowserAppearsInTheOthersWithinASecond()
    {
        var anna = await JoinAsync("Anna");
        var ben = await JoinAsync("Ben");
        var cem = await JoinAsync("Cem");

        await anna.Map.SelectNodeAsync("netzwerk-ehrenamt-dithmarschen");
        await anna.Map.EditSelectedAsync();
        await anna.Map.FillFieldAsync("name", "Netzwerk Engagement Dithmarschen");
        await anna.Map.SaveAsync();

        await Task.WhenAll(
            ben.ExpectLabelAsync("netzwerk-ehrenamt-dithmarschen", "Netzwerk Engagement Dithmarschen", 1000),
            cem.ExpectLabelAsync("netzwerk-ehrenamt-dithmarschen", "Netzwerk Engagement Dithmarschen", 1000));
        await Expect(ben.Map.Status).ToContainTextAsync("Anna");
    }

    [Fact]
    public async Task PresenceShowsWhoIsHereAndWhatTheySelected()
    {
        var anna = await JoinAsync("Anna");
        var ben = await JoinAsync("Ben");
        await anna.ExpectParticipantsAsync("Anna", "Ben");

        await ben.Map.SelectNodeAsync("jobcenter-dithmarschen");
        await anna.Page.WaitForFunctionAsync("() => networkMap.diagram.cy.getElementById('jobcenter-dithmarschen').hasClass('peer')");

        await ben.CloseAsync();
        _people.Remove(ben);
        await anna.ExpectParticipantsAsync("Anna");
        await anna.Page.WaitForFunctionAsync("() => !networkMap.diagram.cy.getElementById('jobcenter-dithmarschen').hasClass('peer')");
    }

    [Fact]
    public async Task AStaleEditIsRefusedWithTheCurrentState()
    {
        var anna = await JoinAsync("Anna");
        var ben = await JoinAsync("Ben");
        await anna.Map.SelectNodeAsync("runder-tisch-bildung");
        await ben.Map.SelectNodeAsync("runder-tisch-bildung");
        await anna.Map.EditSelectedAsync();
        await ben.Map.EditSelectedAsync();

        await anna.Map.FillFieldAsync("meetingsPerYear", "6");
        await anna.Map.SaveAsync();
        await ben.Map.FillFieldAsync("meetingsPerYear", "2");
        await ben.Map.SaveAsync();

        await Expect(ben.Page.Locator("#edit-error")).ToContainTextAsync("inzwischen geändert");
        await Expect(ben.Page.Locator("#ef-meetingsPerYear")).ToHaveValueAsync("6");
    }

    [Fact]
    public async Task AnUndoReachesEveryone()
    {
        var anna = await JoinAsync("Anna");
        var ben = await JoinAsync("Ben");
        await anna.Map.AddActorAsync("Eritreischer Verein Heide", "migrantOrganisation");
        var id = (await anna.Map.SelectedIdAsync())!;
        await ben.ExpectNodeAsync(id, true, 1000);

        await anna.Map.UndoAsync();
        await ben.ExpectNodeAsync(id, false, 1000);
        await anna.Page.ClickAsync("#redo");
        await ben.ExpectNodeAsync(id, true, 2000);
    }

    [Fact]
    public async Task OthersFollowThePresenterUntilTheyStop()
    {
        var anna = await JoinAsync("Anna");
        var ben = await JoinAsync("Ben");
        await anna.Page.ClickAsync("#present");
        await Expect(ben.Page.Locator("#follow")).ToBeVisibleAsync();

        await anna.Map.SelectNodeAsync("stadt-brunsbuettel"); // zooms in on it
        var target = await anna.PositionAsync("stadt-brunsbuettel");
        await ben.Page.WaitForFunctionAsync("([x, y]) => { const e = networkMap.diagram.cy.extent(); return Math.abs((e.x1 + e.x2) / 2 - x) < 40 && Math.abs((e.y1 + e.y2) / 2 - y) < 40; }",
            target);

        await ben.Page.ClickAsync("#follow"); // leave follow mode
        var before = await ben.ViewCentreAsync();
        await anna.Map.SelectNodeAsync("stadt-heide");
        await anna.Page.WaitForTimeoutAsync(600);
        Assert.Equal(before, await ben.ViewCentreAsync());

        await ben.Page.ClickAsync("#follow"); // and back
        await anna.Map.SelectNodeAsync("stadt-meldorf");
        var meldorf = await anna.PositionAsync("stadt-meldorf");
        await ben.Page.WaitForFunctionAsync("([x, y]) => { const e = networkMap.diagram.cy.extent(); return Math.abs((e.x1 + e.x2) / 2 - x) < 40 && Math.abs((e.y1 + e.y2) / 2 - y) < 40; }",
            meldorf);
    }

    [Fact]
    public async Task TwoPeopleDraggingOneNodeEndWithOneAgreedPosition()
    {
        var anna = await JoinAsync("Anna");
        var ben = await JoinAsync("Ben");
        async Task DragAsync(LiveParticipant who, double dx)
        {
            var point = await who.Page.EvaluateAsync<double[]>("""
                () => { const cy = networkMap.diagram.cy; const n = cy.getElementById('stadt-heide'); cy.zoom(1.5); cy.center(n);
                  const p = n.renderedPosition(); const b = document.getElementById('diagram').getBoundingClientRect(); return [b.left + p.x, b.top + p.y]; }
                """);
            await who.Page.Mouse.MoveAsync((float)point[0], (float)point[1]);
            await who.Page.Mouse.DownAsync();
            for (var step = 1; step <= 5; step++) await who.Page.Mouse.MoveAsync((float)(point[0] + dx * step / 5), (float)point[1]);
            await who.Page.Mouse.UpAsync();
        }
        await Task.WhenAll(DragAsync(anna, 120), DragAsync(ben, -120));

        await anna.Page.WaitForTimeoutAsync(800);
        var a = await anna.PositionAsync("stadt-heide");
        var b = await ben.PositionAsync("stadt-heide");
        Assert.Equal(a[0], b[0], 3);
        Assert.Equal(a[1], b[1], 3);
        using var client = new HttpClient { BaseAddress = new Uri(_app.BaseUrl) };
        var saved = (await client.GetFromJsonAsync<JsonObject>("/api/networks/dithmarschen/positions"))!["stadt-heide"]!;
        Assert.Equal(a[0], saved["x"]!.GetValue<double>(), 3);
    }

    [Fact]
    public async Task AfterAServerRestartClientsReconnectCatchUpAndSendTheirOfflineEdits()
    {
        var anna = await JoinAsync("Anna");
        var ben = await JoinAsync("Ben");
        var nodes = (await anna.Map.VisibleNodeIdsAsync()).Length;

        await anna.Map.SelectNodeAsync("runder-tisch-bildung");
        var folder = _app.Folder;
        var port = _app.Port;
        _app.Stop(); // the server goes away
        await Expect(anna.Page.Locator("#offline-banner")).ToBeVisibleAsync();

        // Anna edits the entry she had open while offline: the edit waits.
        await anna.Map.EditSelectedAsync();
        await anna.Map.FillFieldAsync("name", "Runder Tisch Bildung (neu)");
        await anna.Map.SaveAsync();
        await Expect(anna.Map.Status).ToContainTextAsync("nach der Wiederverbindung");

        _app = MapApp.On(folder, port); // and comes back on the same file and port
        await Expect(anna.Page.Locator("#offline-banner")).ToBeHiddenAsync(new() { Timeout = 20_000 });
        await Expect(ben.Page.Locator("#offline-banner")).ToBeHiddenAsync(new() { Timeout = 20_000 });

        // The offline edit went out after reconnecting and reached Ben; nothing else was lost.
        await ben.ExpectLabelAsync("runder-tisch-bildung", "Runder Tisch Bildung (neu)", 10_000);
        Assert.Equal(nodes, (await ben.Map.VisibleNodeIdsAsync()).Length);
        await anna.ExpectParticipantsAsync("Anna", "Ben");
    }
}
