using GraphUi.Tests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GraphUi.Tests;

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
    public async Task TheListShowsTheSeedNetworks()
    {
        await Expect(_page.Locator("tr[data-network=peine] th a")).ToHaveTextAsync("Landkreis Peine");
        await Expect(_page.Locator("tr[data-network=dithmarschen] th a")).ToHaveTextAsync("Kreis Dithmarschen");
        await _page.ClickAsync("tr[data-network=peine] th a");
        await new MapPage(_page).WaitUntilDrawnAsync();
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
        await Expect(_page.Locator("#import-result")).ToContainTextAsync("$.network.name");
        await Expect(_page.Locator("#import-result")).ToContainTextAsync("$.actors[0].kind");
        await Expect(_page.Locator("#import-result")).ToContainTextAsync("$.actors[0].topics[0]");
        await _page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Repository.Artifacts, "import-errors.png") });

        // Peine is untouched.
        await _page.GotoAsync("/networks/peine");
        await Expect(_page.Locator("h1.network-name")).ToHaveTextAsync("Landkreis Peine");
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
        await new MapPage(_page).WaitUntilDrawnAsync();
        Assert.Contains("vhs", await new MapPage(_page).VisibleNodeIdsAsync());
    }

    [Fact]
    public async Task ANewNetworkIsCreatedWithTheForm()
    {
        await _networks.CreateAsync("", "leer");
        await Expect(_page.Locator("#f-form-name-error")).ToHaveTextAsync("Darf nicht leer sein.");
        await Expect(_page.Locator("#f-form-id")).ToHaveValueAsync("leer"); // what the user typed stays
        await _networks.CreateAsync("Kreis Stormarn", "stormarn");
        await _page.WaitForURLAsync("**/networks/stormarn");
        await Expect(_page.Locator("h1.network-name")).ToHaveTextAsync("Kreis Stormarn");
    }
}
