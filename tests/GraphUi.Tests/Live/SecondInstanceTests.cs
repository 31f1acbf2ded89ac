using System.Diagnostics;
using System.Net.Http.Json;
using GraphApi.Tests.MultiInstance;
using GraphUi.Tests.Pages;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace GraphUi.Tests.Live;

/// <summary>
/// A meeting spread over two app instances (one SQLite file, a test-started Redis as the live bus): a map open on B
/// sees who is on A, A's edits and moved nodes, and follows A's presenter — the same as two maps on one instance.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SecondInstanceTests(BrowserFixture browser, RedisServer redis, ITestOutputHelper output) : IClassFixture<RedisServer>
{
    [SkippableFact]
    public async Task AMapOnTheSecondInstanceSeesTheFirstsPeopleEditsMovesAndPresenter()
    {
        Skip.If(redis.SkipReason is not null, redis.SkipReason);
        var folder = Directory.CreateTempSubdirectory("networkgraph-instances-").FullName;
        var settings = new Dictionary<string, string> { ["Live:Redis"] = redis.Configuration };
        try
        {
            using var a = MapApp.Instance(folder, settings);
            using var b = MapApp.Instance(folder, settings);
            await a.CreateAccountAsync("anna@kreis.test", "Anna auf A");
            await a.GrantAsync("dithmarschen", "anna@kreis.test");
            var onA = await browser.NewPageAsync(a.BaseUrl, email: "anna@kreis.test");
            var onB = await browser.NewPageAsync(b.BaseUrl);
            var mapA = new MapPage(onA);
            var mapB = new MapPage(onB);
            await mapA.OpenAsync("dithmarschen");
            await mapB.OpenAsync("dithmarschen");

            // Presence spans both instances (the name is the account's).
            await Expect(onB.Locator("ul.presence")).ToContainTextAsync("Anna auf A");

            // An edit through A's API is drawn on B's map.
            using var http = await a.ApiClientAsync();
            var clock = Stopwatch.StartNew();
            (await http.PostAsJsonAsync("/api/networks/dithmarschen/actors",
                new { id = "verein-auf-a", name = "Verein, angelegt auf A", kind = "migrantOrganisation" })).EnsureSuccessStatusCode();
            var acknowledged = clock.Elapsed;
            await Expect(mapB.Node("verein-auf-a")).ToHaveCountAsync(1);
            output.WriteLine($"An actor created through A was drawn on B's map {(clock.Elapsed - acknowledged).TotalMilliseconds:F0} ms after A acknowledged it.");

            // A node moved through A moves on B's map.
            var before = await mapB.Node("verein-auf-a").GetAttributeAsync("style");
            (await http.PutAsJsonAsync("/api/networks/dithmarschen/positions",
                new Dictionary<string, object> { ["verein-auf-a"] = new { x = -900, y = -700 } })).EnsureSuccessStatusCode();
            await Expect(mapB.Node("verein-auf-a")).Not.ToHaveAttributeAsync("style", before!);

            // A presents and selects a body: B shows the presenter and follows to that body's details.
            await onA.GetByRole(AriaRole.Button, new() { Name = "Präsentieren" }).ClickAsync();
            await Expect(onB.Locator("ul.presence")).ToContainTextAsync("Anna auf A (");
            await mapA.SearchAsync("Runder Tisch Integration Brunsbüttel");
            await Expect(onA.Locator(".node-card.is-selected")).ToHaveCountAsync(1);
            var selected = await onA.EvaluateAsync<string>("() => document.querySelector('.node-card.is-selected')?.closest('.diagram-node').dataset.nodeId");
            Assert.NotNull(selected);
            await Expect(mapB.Node(selected).Locator(".peer")).ToHaveTextAsync("Anna auf A");
            await onA.GetByRole(AriaRole.Button, new() { Name = "Vergrößern" }).ClickAsync();
            await Expect(mapB.Details.Locator("[data-testid=details-title]")).ToContainTextAsync("Runder Tisch Integration Brunsbüttel");
            await mapB.ScreenshotAsync("second-instance-following-1280x720");
            await onB.AssertAccessibleAsync("a map on the second instance");
            await onA.Context.CloseAsync();
            await onB.Context.CloseAsync();
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { /* the OS cleans temp */ }
        }
    }
}
