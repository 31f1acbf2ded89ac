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
        await AssertReadableAsync(present, atFit: true);
        await present.ScreenshotAsync($"present-{network}-{theme}-1280x720");
        await page.AssertAccessibleAsync($"presentation, {theme}");

        // Zoomed in, the cards show their full names: still readable, still apart.
        await present.ZoomInAsync();
        await present.ZoomInAsync();
        await present.ZoomInAsync();
        await Task.Delay(400);
        await AssertReadableAsync(present, atFit: false);
        await present.ScreenshotAsync($"present-{network}-{theme}-zoomed-1280x720");
        await page.Context.CloseAsync();
    }

    private static async Task AssertReadableAsync(PresentPage present, bool atFit)
    {
        await Expect(present.Map).Not.ToHaveAttributeAsync("data-lod", "pending");
        var labels = await present.VisibleLabelsAsync();
        Assert.NotEmpty(labels);
        var small = labels.Where(l => l.FontPx < 16 - 0.01).Select(l => $"{l.Id} {l.FontPx:F1}px").ToList();
        Assert.True(small.Count == 0, "labels under 16 px: " + string.Join(", ", small));
        var overlapping = labels.SelectMany((a, i) => labels.Skip(i + 1).Where(a.Overlaps).Select(b => $"{a.Id} × {b.Id}")).ToList();
        Assert.True(overlapping.Count == 0, "overlapping labels: " + string.Join(", ", overlapping.Take(10)));
        if (!atFit) return;
        var bodies = await present.Page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('[data-testid=map] .node-card.body')].map(c => c.closest('.diagram-node').dataset.nodeId)");
        var actors = await present.Page.Locator("[data-testid=map] .node-card.actor").CountAsync();
        var unlabelled = bodies.Except(labels.Where(l => l.Type == "body").Select(l => l.Id)).ToList();
        Assert.True(unlabelled.Count == 0, "bodies without a visible label at fit zoom: " + string.Join(", ", unlabelled));
        var actorLabels = labels.Count(l => l.Type == "actor");
        Assert.True(actorLabels >= 0.6 * actors, $"only {actorLabels} of {actors} actors labelled at fit zoom");
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
