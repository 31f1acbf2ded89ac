using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GraphUi.Tests.Pages;

/// <summary>One person in a live meeting: a browser context with the map open under a display name.</summary>
public sealed class LiveParticipant(MapPage map, string name)
{
    public MapPage Map => map;
    public IPage Page => map.Page;
    public string Name => name;

    public static async Task<LiveParticipant> JoinAsync(BrowserFixture browser, string baseUrl, string networkId, string name)
    {
        var page = await browser.NewPageAsync(baseUrl);
        await page.AddInitScriptAsync($"localStorage.setItem('networkgraph.user', {System.Text.Json.JsonSerializer.Serialize(name)});");
        var map = new MapPage(page);
        await map.OpenAsync(networkId);
        await Expect(page.Locator("#map-page")).ToHaveAttributeAsync("data-live", "connected");
        return new LiveParticipant(map, name);
    }

    public ILocator Presence => Page.Locator("#presence li");

    public Task ExpectParticipantsAsync(params string[] names) =>
        Expect(Presence).ToHaveTextAsync(names.Order(StringComparer.Ordinal).Select(n => new System.Text.RegularExpressions.Regex($"^{System.Text.RegularExpressions.Regex.Escape(n)}")).ToArray());

    /// <summary>Waits until the node's label on this screen is the given one.</summary>
    public Task ExpectLabelAsync(string id, string label, float timeoutMs = 5000) =>
        Page.WaitForFunctionAsync("([id, l]) => networkMap.diagram.cy.getElementById(id).data('label') === l", new[] { id, label },
            new PageWaitForFunctionOptions { Timeout = timeoutMs });

    public Task ExpectNodeAsync(string id, bool present, float timeoutMs = 5000) =>
        Page.WaitForFunctionAsync("([id, p]) => networkMap.diagram.cy.getElementById(id).nonempty() === p", new object[] { id, present },
            new PageWaitForFunctionOptions { Timeout = timeoutMs });

    public Task<double[]> PositionAsync(string id) =>
        Page.EvaluateAsync<double[]>("id => { const p = networkMap.diagram.cy.getElementById(id).position(); return [p.x, p.y]; }", id);

    /// <summary>The middle of what this participant sees, in diagram coordinates.</summary>
    public Task<double[]> ViewCentreAsync() =>
        Page.EvaluateAsync<double[]>("() => { const e = networkMap.diagram.cy.extent(); return [(e.x1 + e.x2) / 2, (e.y1 + e.y2) / 2]; }");

    public async Task CloseAsync() => await Page.Context.CloseAsync();
}
