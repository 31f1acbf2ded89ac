using System.Text.RegularExpressions;
using GraphUi.Tests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GraphUi.Tests;

/// <summary>The table view: the map's content as tables for keyboard and screen-reader users, with the map's filters.</summary>
[Collection(BrowserCollection.Name)]
public sealed class TableTests(BrowserFixture browser, MapApp app) : IClassFixture<MapApp>, IAsyncLifetime
{
    private IPage _page = null!;
    private TablePage _table = null!;

    public async Task InitializeAsync()
    {
        _page = await browser.NewPageAsync(app.BaseUrl);
        _table = new TablePage(_page);
    }

    public async Task DisposeAsync() => await _page.Context.CloseAsync();

    [Fact]
    public async Task BodiesWithMembersAndActorsWithBodiesAreTablesWithCaptionsAndHeaders()
    {
        await _table.OpenAsync("peine");
        await Expect(_table.BodiesTable).ToBeVisibleAsync();
        await Expect(_table.ActorsTable).ToBeVisibleAsync();
        await Expect(_table.BodiesTable.GetByRole(AriaRole.Columnheader)).ToHaveTextAsync(["Gremium", "Art", "Status", "Mitglieder"]);
        await Expect(_table.Body("sg-integration-peine").GetByRole(AriaRole.Rowheader)).ToHaveTextAsync("Steuerungsgruppe Integration");
        await Expect(_table.Body("sg-integration-peine")).ToContainTextAsync("ruhend");
        await Expect(_table.MemberOf("sg-uebergangsmanagement", "afa-peine")).ToContainTextAsync("(Mitglied)");
        await Expect(_table.Actor("afa-peine")).ToContainTextAsync("Berufsbildende Schulen Peine (informell)");
        await _page.AssertAccessibleAsync();
        await _table.ScreenshotAsync("table-peine-1280x720");

        var wide = await browser.NewPageAsync(app.BaseUrl, 1920, 1080);
        await new TablePage(wide).OpenAsync("dithmarschen");
        await wide.AssertAccessibleAsync();
        await new TablePage(wide).ScreenshotAsync("table-dithmarschen-1920x1080");
        await wide.Context.CloseAsync();
    }

    [Fact]
    public async Task TheFiltersOfTheQueryStringApplyAndAreSaidInWords()
    {
        await _table.OpenAsync("peine", "asOf=2016-01-01&bodyKind=steeringGroup");
        await Expect(_table.Filters).ToContainTextAsync("Stand am 01.01.2016");
        await Expect(_table.Filters).ToContainTextAsync("Gremienart: Steuerungsgruppe");
        await Expect(_table.Body("kommission-mut")).ToHaveCountAsync(0);
        await Expect(_page.Locator("tr[data-body]")).ToHaveCountAsync(await _page.Locator("tr[data-body] td:nth-of-type(1)", new() { HasText = "Steuerungsgruppe" }).CountAsync());
        await _page.AssertAccessibleAsync();

        // Back to the map with the same view.
        await Expect(_page.GetByRole(AriaRole.Link, new() { Name = "Zur Karte" })).ToHaveAttributeAsync("href", new Regex("^/networks/peine\\?.*asOf=2016-01-01"));
    }

    [Fact]
    public async Task AnUnknownNetworkIsNotFound()
    {
        var response = await _table.OpenAsync("gibt-es-nicht");
        Assert.Equal(404, response!.Status);
        await Expect(_page.Locator("main h1")).ToHaveTextAsync("Nicht gefunden");
        await Expect(_page.Locator("main")).ToContainTextAsync("gibt-es-nicht");
        await _page.AssertAccessibleAsync();
    }
}
