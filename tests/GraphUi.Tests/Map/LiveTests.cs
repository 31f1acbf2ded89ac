using System.Net.Http.Json;
using GraphUi.Tests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GraphUi.Tests.Map;

/// <summary>A meeting: two laptops on one map; every commit and every participant is seen by both at once.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LiveTests(BrowserFixture browser, MapApp app) : IClassFixture<MapApp>
{
    [Fact]
    public async Task ACommitFromTheApiAppearsOnEveryOpenMap()
    {
        var a = await browser.NewPageAsync(app.BaseUrl);
        var b = await browser.NewPageAsync(app.BaseUrl);
        var mapA = new MapPage(a);
        var mapB = new MapPage(b);
        await mapA.OpenAsync("peine");
        await mapB.OpenAsync("peine");

        using var http = await app.ApiClientAsync();
        var created = await http.PostAsJsonAsync("/api/networks/peine/actors",
            new { id = "neu-verein", name = "Neuer Verein für Begegnung ‮RTL‬ 😀", kind = "migrantOrganisation" });
        created.EnsureSuccessStatusCode();
        await Expect(mapA.Node("neu-verein")).ToHaveCountAsync(1);
        await Expect(mapB.Node("neu-verein")).ToHaveCountAsync(1);
        await Expect(mapB.NodeFocus("neu-verein")).ToHaveAttributeAsync("aria-label", new System.Text.RegularExpressions.Regex("^Akteur Neuer Verein"));

        // Placed next to nothing it connects to yet, but on top of no other card.
        var overlaps = await a.EvaluateAsync<int>("""
            () => { const me = document.querySelector('[data-node-id="neu-verein"] .node-card').getBoundingClientRect();
              return [...document.querySelectorAll('.diagram-node:not([data-node-id="neu-verein"]) .node-card')].map(c => c.getBoundingClientRect())
                .filter(r => r.left < me.right && me.left < r.right && r.top < me.bottom && me.top < r.bottom).length; }
            """);
        Assert.Equal(0, overlaps);

        (await http.DeleteAsync("/api/networks/peine/actors/neu-verein?version=1")).EnsureSuccessStatusCode();
        await Expect(mapA.Node("neu-verein")).ToHaveCountAsync(0);
        await Expect(mapB.Node("neu-verein")).ToHaveCountAsync(0);
        await a.AssertAccessibleAsync("after a live commit");
        await a.Context.CloseAsync();
        await b.Context.CloseAsync();
    }

    [Fact]
    public async Task EachParticipantSeesTheOthersAndWhatTheySelected()
    {
        // Presence names come from the account: a Unicode sign-in name and display name.
        await app.CreateAccountAsync("jürgen.müller@kreis-peine.de", "Jürgen Müller");
        await app.GrantAsync("dithmarschen", "jürgen.müller@kreis-peine.de");
        var a = await browser.NewPageAsync(app.BaseUrl);
        var b = await browser.NewPageAsync(app.BaseUrl, email: "jürgen.müller@kreis-peine.de");
        var mapA = new MapPage(a);
        var mapB = new MapPage(b);
        await mapA.OpenAsync("dithmarschen");
        await mapB.OpenAsync("dithmarschen");
        await Expect(a.Locator("ul.presence")).ToContainTextAsync("Jürgen Müller");

        await mapB.SearchAsync("Jobcenter");
        await Expect(b.Locator(".node-card.is-selected")).ToHaveCountAsync(1);
        var selected = await b.EvaluateAsync<string>("() => document.querySelector('.node-card.is-selected').closest('.diagram-node').dataset.nodeId");
        await Expect(mapA.Node(selected).Locator(".peer")).ToHaveTextAsync("Jürgen Müller");
        await mapA.ScreenshotAsync("live-peer-selection-1280x720");
        await a.AssertAccessibleAsync("with a peer's selection");
        await a.Context.CloseAsync();
        await b.Context.CloseAsync();
    }
}
