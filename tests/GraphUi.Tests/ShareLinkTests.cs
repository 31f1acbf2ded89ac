using GraphUi.Tests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GraphUi.Tests;

/// <summary>
/// The owner shares a read-only view with someone without an account (the projector's PC, a steering-group member): the
/// link opens the map with the owner's filters, without editing and without persons; revoked, it opens nothing.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ShareLinkTests(BrowserFixture browser, MapApp app) : IClassFixture<MapApp>
{
    [Fact]
    public async Task AShareLinkOpensTheMapReadOnlyWithItsFiltersUntilItIsRevoked()
    {
        var owner = await browser.NewPageAsync(app.BaseUrl);
        var visitor = await browser.NewPageAsync(app.BaseUrl, signedIn: false);
        try
        {
            await owner.GotoAsync("/networks/dithmarschen/access");
            await Expect(owner.GetByTestId("access-page")).ToBeVisibleAsync();
            await owner.WaitUntilInteractiveAsync();
            await Expect(owner).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("Dithmarschen")); // the page's title comes with its data
            await owner.AssertAccessibleAsync("members and share links");

            await owner.FillAsync("#share-label", "Beamer Sitzungssaal");
            await owner.FillAsync("#share-filters", "layers=actor,body,person&bodyKind=steeringGroup");
            await owner.GetByRole(AriaRole.Button, new() { Name = "Link erstellen" }).ClickAsync();
            var created = owner.GetByTestId("new-share-link");
            await Expect(created).ToContainTextAsync("/s/");
            var link = (await created.TextContentAsync())!.Trim();
            await Expect(owner.GetByTestId("shares")).ToContainTextAsync("Beamer Sitzungssaal");
            await owner.AssertAccessibleAsync("a share link created");

            // Someone without an account opens the link: the map with the owner's filter, nothing to edit, no persons.
            var map = new MapPage(visitor);
            await visitor.GotoAsync(link);
            await map.WaitUntilDrawnAsync();
            Assert.Contains("bodyKind=steeringGroup", visitor.Url);
            await Expect(visitor.Locator("#filter-body-kind")).ToHaveValueAsync("steeringGroup");
            await Expect(map.Node("p-amtsleitung-migration")).ToHaveCountAsync(0); // the person layer asked for stays off
            Assert.DoesNotContain("Amtsleitung Migration und Integration", await visitor.ContentAsync());
            await Expect(visitor.GetByRole(AriaRole.Button, new() { Name = "Aufräumen", Exact = true })).ToHaveCountAsync(0);
            await Expect(visitor.Locator("#side-panel")).ToHaveCountAsync(0);
            await visitor.AssertAccessibleAsync("the map through a share link");
            // The owner's pages stay closed to the link.
            await visitor.GotoAsync("/networks/dithmarschen/access");
            await Expect(visitor.GetByTestId("access-page")).ToHaveCountAsync(0);

            await owner.GetByRole(AriaRole.Button, new() { Name = "Link „Beamer Sitzungssaal“ zurückziehen" }).ClickAsync();
            await Expect(owner.GetByTestId("shares")).ToHaveCountAsync(0);
            await visitor.GotoAsync(link);
            await Expect(visitor.GetByTestId("map-page")).ToHaveCountAsync(0);
        }
        finally
        {
            await owner.Context.CloseAsync();
            await visitor.Context.CloseAsync();
        }
    }
}
