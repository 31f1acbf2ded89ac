using GraphUi.Tests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GraphUi.Tests.Map;

/// <summary>The presentation view on a projector (1280×720): every label readable from the back of the room, none on another.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PresentationTests(BrowserFixture browser, MapApp app) : IClassFixture<MapApp>
{
    [Theory]
    [InlineData("peine", "light")]
    [InlineData("peine", "dark")]
    [InlineData("dithmarschen", "light")]
    public async Task AtProjectorSizeEveryLabelIsReadableAndNoneOverlaps(string network, string theme)
    {
        var page = await browser.NewPageAsync(app.BaseUrl, 1280, 720);
        var present = new PresentPage(page);
        await present.OpenAsync(network, theme == "dark" ? "theme=dark" : null);
        await present.ScreenshotAsync($"present-{network}-{theme}-1280x720");
        await present.AssertReadableAsync(atFit: true);
        await present.ScreenshotAsync($"present-{network}-{theme}-1280x720");
        await page.AssertAccessibleAsync($"presentation, {theme}");

        // Zoomed in, the cards show their full names: still readable, still apart.
        await present.ZoomInAsync();
        await present.ZoomInAsync();
        await present.ZoomInAsync();
        await present.AssertReadableAsync(atFit: false);
        await present.ScreenshotAsync($"present-{network}-{theme}-zoomed-1280x720");
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("light")]
    [InlineData("dark")]
    public async Task EveryRelationshipInTheLegendIsDrawnUnlikeTheOthers(string theme)
    {
        var page = await browser.NewPageAsync(app.BaseUrl, 1280, 720);
        var present = new PresentPage(page);
        await present.OpenAsync("peine", $"theme={theme}");
        // What a person can tell apart: colour, width and dashes of each legend line, as the browser draws them; and the
        // row's words, whole inside the legend (the projector's legend is narrow).
        var rows = await page.Locator(".legend-links li:has(> svg)").EvaluateAllAsync<string[]>("""
            items => items.map(li => { const s = getComputedStyle(li.querySelector('line'));
                const text = li.querySelector('span'), legend = li.closest('.legend').getBoundingClientRect();
                const inside = text.getBoundingClientRect().right <= legend.right + 0.5 && text.scrollWidth <= text.clientWidth + 0.5;
                return `${text.textContent.trim()}|${s.stroke} ${s.strokeWidth} ${s.strokeDasharray}|${inside}`; })
            """);
        Assert.True(rows.Length >= 11, string.Join("; ", rows)); // four roles, four kinds of collaboration, three structures
        Assert.Contains(rows, r => r.StartsWith("Kooperationsvereinbarung|", StringComparison.Ordinal));
        Assert.All(rows, r => Assert.EndsWith("|true", r));
        var looks = rows.Select(r => r.Split('|')[1]).ToList();
        Assert.True(looks.Distinct().Count() == looks.Count, $"alike in the {theme} theme: {string.Join("; ", rows)}");
        await present.ScreenshotAsync($"present-legend-{theme}-1280x720");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task TheProjectorFollowsThePresenter()
    {
        var presenter = await browser.NewPageAsync(app.BaseUrl, 1280, 720);
        var map = new MapPage(presenter);
        await map.OpenAsync("dithmarschen");
        var projector = await browser.NewPageAsync(app.BaseUrl, 1280, 720);
        var present = new PresentPage(projector);
        await present.OpenAsync("dithmarschen");

        await presenter.GetByRole(AriaRole.Button, new() { Name = "Präsentieren" }).ClickAsync();
        await Expect(presenter.GetByRole(AriaRole.Button, new() { Name = "Präsentieren" })).ToHaveAttributeAsync("aria-pressed", "true");
        var before = await present.Map.GetAttributeAsync("data-zoom");
        await presenter.GetByRole(AriaRole.Button, new() { Name = "Vergrößern" }).ClickAsync();
        await presenter.GetByRole(AriaRole.Button, new() { Name = "Vergrößern" }).ClickAsync();
        await Expect(present.Map).Not.ToHaveAttributeAsync("data-zoom", before!);
        await projector.AssertAccessibleAsync("following");
        await presenter.Context.CloseAsync();
        await projector.Context.CloseAsync();
    }
}
