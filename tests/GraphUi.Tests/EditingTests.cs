using System.Net.Http.Json;
using System.Text.Json.Nodes;
using GraphUi.Tests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GraphUi.Tests;

/// <summary>Editing from the map, as a coordinator would: add, connect, edit, refuse bad input, delete, undo.</summary>
[Collection(BrowserCollection.Name)]
public sealed class EditingTests(BrowserFixture browser, MapApp app) : IClassFixture<MapApp>, IAsyncLifetime
{
    private IPage _page = null!;
    private MapPage _map = null!;

    public async Task InitializeAsync()
    {
        _page = await browser.NewPageAsync(app.BaseUrl);
        _map = new MapPage(_page);
        await _map.OpenAsync("dithmarschen");
    }

    public async Task DisposeAsync() => await _page.Context.CloseAsync();

    private async Task<JsonObject?> ApiGetAsync(string path)
    {
        using var client = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        var response = await client.GetAsync(path);
        return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonObject>() : null;
    }

    [Fact]
    public async Task ACoordinatorAddsConnectsEditsDeletesAndUndoes()
    {
        // Add an actor: it appears on the map, selected.
        await _map.AddActorAsync("Afghanischer Kulturverein Heide", "migrantOrganisation");
        await Expect(_map.DetailsTitle).ToHaveTextAsync("Afghanischer Kulturverein Heide");
        var id = (await _map.SelectedIdAsync())!;
        Assert.Contains(id, await _map.VisibleNodeIdsAsync());
        await _map.ScreenshotAsync("editing-added");

        // Connect it to the Steuerungsgruppe as a guest: a membership edge appears.
        await _map.ConnectAsync(id, "sg-integration-dithmarschen");
        await _map.ChooseAsync("role", "guest");
        await _map.FillFieldAsync("since", "2023-01-01");
        await _map.SaveAsync();
        await Expect(_map.EditDialog).ToBeHiddenAsync();
        Assert.Contains($"m-{id}-sg-integration-dithmarschen-2023-01-01", await _map.VisibleEdgeIdsAsync());

        // Edit: a bad date order is refused beside the field, and nothing is saved.
        await _map.SelectNodeAsync(id);
        await _map.EditSelectedAsync();
        await _map.FillFieldAsync("name", "");
        await _map.SaveAsync();
        await Expect(_map.FieldError("name")).ToHaveTextAsync("Darf nicht leer sein.");
        await _map.ScreenshotAsync("editing-validation");
        await _map.FillFieldAsync("name", "Afghanischer Kulturverein Heide e.V.");
        await _map.SaveAsync();
        await Expect(_map.EditDialog).ToBeHiddenAsync();
        Assert.Equal("Afghanischer Kulturverein Heide e.V.", await _map.NodeDataAsync(id, "label"));

        // Delete with confirmation: the actor and its membership go.
        await _map.DeleteSelectedAsync();
        await Expect(_map.Status).ToHaveTextAsync("Gelöscht.");
        Assert.DoesNotContain(id, await _map.VisibleNodeIdsAsync());
        Assert.Null(await ApiGetAsync($"/api/networks/dithmarschen/actors/{id}"));

        // Undo brings both back.
        await _map.UndoAsync();
        await Expect(_map.Status).ToHaveTextAsync("Rückgängig gemacht.");
        Assert.Contains(id, await _map.VisibleNodeIdsAsync());
        Assert.Contains($"m-{id}-sg-integration-dithmarschen-2023-01-01", await _map.VisibleEdgeIdsAsync());
        Assert.Equal("Afghanischer Kulturverein Heide e.V.", (await ApiGetAsync($"/api/networks/dithmarschen/actors/{id}"))!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task TheHistoryPanelShowsWhoChangedWhatAndRestoresAnEarlierState()
    {
        await _map.SelectNodeAsync("runder-tisch-bildung");
        await _map.EditSelectedAsync();
        await _map.FillFieldAsync("name", "Runder Tisch Schule");
        await _map.SaveAsync();
        Assert.Equal("Runder Tisch Schule", await _map.NodeDataAsync("runder-tisch-bildung", "label"));

        // The entry's own history in the details panel names the change.
        await Expect(_page.Locator(".entity-history")).ToContainTextAsync("Runder Tisch Schule");

        await _map.OpenTabAsync("history");
        var newest = _page.Locator("#pane-history ol.history > li").First;
        await Expect(newest).ToContainTextAsync("geändert");
        await _map.ScreenshotAsync("history-panel");

        // Restore the state right after the seed import (revision 1); the confirmation is accepted.
        _page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await _page.Locator("#pane-history li[data-revision='1'] button.restore").ClickAsync();
        await _map.WaitIdleAsync();
        await _page.WaitForFunctionAsync("() => networkMap.diagram.cy.getElementById('runder-tisch-bildung').data('label') === 'Runder Tisch Bildung und Integration'");
        await Expect(_map.Status).ToContainTextAsync("Stand 1 wiederhergestellt");
    }

    [Fact]
    public async Task TheFormShowsTheApisMessagesBesideTheFields()
    {
        await _page.ClickAsync("#add-body");
        await _map.FillFieldAsync("name", "Runder Tisch Wohnen");
        await _map.FillFieldAsync("founded", "2024-05-01");
        await _map.FillFieldAsync("meetingHours", "30");
        await _map.SaveAsync();
        await Expect(_map.FieldError("meetingHours")).ToContainTextAsync("höchstens 24");
        await Expect(_page.Locator("#ef-meetingHours")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(_map.EditDialog).ToBeVisibleAsync();
        await _map.FillFieldAsync("meetingHours", "2");
        await _map.SaveAsync();
        await Expect(_map.EditDialog).ToBeHiddenAsync();
        await Expect(_map.DetailsTitle).ToHaveTextAsync("Runder Tisch Wohnen");
    }

    [Fact]
    public async Task AStaleEditShowsTheCurrentStateInsteadOfOverwriting()
    {
        await _map.SelectNodeAsync("netzwerk-ehrenamt-dithmarschen");
        await _map.EditSelectedAsync();
        // Someone else renames the body meanwhile.
        using (var client = new HttpClient { BaseAddress = new Uri(app.BaseUrl) })
        {
            var body = (await ApiGetAsync("/api/networks/dithmarschen/bodies/netzwerk-ehrenamt-dithmarschen"))!;
            body["name"] = "Netzwerk Engagement";
            (await client.PutAsJsonAsync("/api/networks/dithmarschen/bodies/netzwerk-ehrenamt-dithmarschen", body)).EnsureSuccessStatusCode();
        }
        await _map.FillFieldAsync("mandate", "Mein Text");
        await _map.SaveAsync();
        await Expect(_page.Locator("#edit-error")).Not.ToBeEmptyAsync();
        await Expect(_page.Locator("#ef-name")).ToHaveValueAsync("Netzwerk Engagement");
    }
}
