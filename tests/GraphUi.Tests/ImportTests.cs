using System.Text.RegularExpressions;
using GraphUi.Tests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GraphUi.Tests;

/// <summary>The network list: the seed networks with their pages, creating a network, importing a file.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ImportTests(BrowserFixture browser, MapApp app) : IClassFixture<MapApp>, IAsyncLifetime
{
    private IPage _page = null!;
    private NetworksPage _networks = null!;

    public async Task InitializeAsync()
    {
        _page = await browser.NewPageAsync(app.BaseUrl);
        _networks = new NetworksPage(_page);
        await _networks.OpenAsync();
    }

    public async Task DisposeAsync() => await _page.Context.CloseAsync();

    [Fact]
    public async Task TheListShowsTheSeedNetworksWithTheirSizeAndPages()
    {
        await Expect(_networks.Row("peine").Locator("th a")).ToHaveTextAsync("Landkreis Peine");
        await Expect(_networks.Row("dithmarschen").Locator("th a")).ToHaveTextAsync("Kreis Dithmarschen");
        await Expect(_networks.Row("peine").Locator("td.counts")).ToHaveTextAsync(new Regex(@"^\d+ Akteure, \d+ Gremien, \d+ Mitgliedschaften$"));
        await Expect(_networks.Link("peine", "Tabelle")).ToHaveAttributeAsync("href", "/networks/peine/table");
        await _page.AssertAccessibleAsync();
        await _networks.ScreenshotAsync("networks-1280x720");

        await _networks.Link("peine", "Tabelle").ClickAsync();
        await Expect(_page).ToHaveURLAsync(new Regex("/networks/peine/table$"));
        await Expect(_page.Locator("main h1")).ToHaveTextAsync("Landkreis Peine");
    }

    [Fact]
    public async Task TheListAtFullHd()
    {
        var page = await browser.NewPageAsync(app.BaseUrl, 1920, 1080);
        var networks = new NetworksPage(page);
        await networks.OpenAsync();
        await page.AssertAccessibleAsync();
        await networks.ScreenshotAsync("networks-1920x1080");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ABrokenFileShowsEveryProblemWithItsPlaceAndChangesNothing()
    {
        const string broken = """
            { "network": { "id": "peine", "name": "" },
              "actors": [ { "id": "x", "name": "X", "kind": "ngo", "territories": [], "topics": ["nirgends"] } ] }
            """;
        await _networks.ImportAsync("kaputt.json", broken);
        await Expect(_networks.ImportProblems).ToHaveCountAsync(3);
        await Expect(_networks.ImportResult).ToContainTextAsync("Es wurde nichts verändert");
        await Expect(_networks.ImportResult).ToContainTextAsync("$.network.name");
        await Expect(_networks.ImportResult).ToContainTextAsync("$.actors[0].kind");
        await Expect(_networks.ImportResult).ToContainTextAsync("$.actors[0].topics[0]");
        await _page.AssertAccessibleAsync("import errors");
        await _networks.ScreenshotAsync("import-errors-1280x720");

        // Peine is untouched.
        await Expect(_networks.Row("peine").Locator("th a")).ToHaveTextAsync("Landkreis Peine");
    }

    [Fact]
    public async Task AGoodFileIsImportedAndItsMapOpens()
    {
        const string good = """
            { "network": { "id": "boerde", "name": "Landkreis Börde" },
              "topics": [ { "id": "sprache", "name": "Sprachförderung" } ],
              "actors": [ { "id": "vhs", "name": "Volkshochschule", "kind": "educationProvider", "territories": [], "topics": ["sprache"] } ] }
            """;
        await _networks.ImportAsync("boerde.json", good);
        await _page.WaitForURLAsync("**/networks/boerde");
        await Expect(_page.Locator("[data-testid=map] [data-node-id=vhs]")).ToHaveCountAsync(1, new() { Timeout = 30_000 });
    }

    [Fact]
    public async Task ANewNetworkIsCreatedWithTheFormAndMistakesAreShownBesideTheField()
    {
        await _networks.CreateAsync("", "leer");
        await Expect(_networks.NameError).ToHaveTextAsync("Darf nicht leer sein.");
        await Expect(_networks.NameField).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(_networks.IdField).ToHaveValueAsync("leer"); // what the user typed stays
        await _page.AssertAccessibleAsync("validation message");

        await _networks.CreateAsync("Kreis Stormarn 🌊 ‏עִברִית", "stormarn");
        await _page.WaitForURLAsync("**/networks/stormarn");
        await _page.GotoAsync("/");
        await _networks.WaitUntilInteractiveAsync();
        await Expect(_networks.Row("stormarn").Locator("th a")).ToHaveTextAsync("Kreis Stormarn 🌊 ‏עִברִית");
    }
}
