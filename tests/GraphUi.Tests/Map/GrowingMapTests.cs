using GraphApi.Domain;
using GraphApi.Networks;
using GraphUi.Tests.Pages;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GraphUi.Tests.Map;

/// <summary>
/// A map that grows while it is open (a network built from nothing, a meeting's new entries) at a projector's 1280×720:
/// a view nobody has moved keeps every card on screen; a view the person zoomed stays theirs, and only their own new card
/// is brought on screen; no new card lands on another (issue 8 point 3).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class GrowingMapTests(BrowserFixture browser, MapApp app) : IClassFixture<MapApp>
{
    private NetworkService Networks => app.Services.GetRequiredService<NetworkService>();

    private static readonly (string Name, string Kind)[] Actors =
    [
        ("Amt für Migration und Integration", ActorKinds.Administration),
        ("Ordnungsamt", ActorKinds.Administration),
        ("Sozialplanung", ActorKinds.Administration),
        ("Jobcenter Peine", ActorKinds.Jobcenter),
        ("Stadt Peine", ActorKinds.Municipality),
        ("Kreistagsfraktionen", ActorKinds.Politics),
        ("LIGA der freien Wohlfahrtspflege", ActorKinds.WelfareAssociation),
        ("Verein Brücke", ActorKinds.MigrantOrganisation),
    ];

    private async Task<string> EmptyNetworkAsync()
    {
        var id = "wachsen-" + Guid.NewGuid().ToString("N")[..6];
        await Networks.CreateNetworkAsync(new Network { Id = id, Name = "Landkreis Peine im Aufbau" }, "Test");
        return id;
    }

    /// <summary>Drags the drawing by the mouse from a spot of the map where no card is, as a person pans.</summary>
    private static async Task DragViewAsync(IPage page, float dx, float dy)
    {
        var start = await page.EvaluateAsync<float[]>("""
            ([dx, dy]) => { const a = document.querySelector('[data-testid=map] .diagram-canvas').getBoundingClientRect();
              for (let y = a.top + 40; y < a.bottom - 40; y += 20) for (let x = a.left + 20; x < a.right - 20; x += 20) {
                if (x + dx < a.left + 10 || x + dx > a.right - 10 || y + dy < a.top + 10 || y + dy > a.bottom - 10) continue;
                const el = document.elementFromPoint(x, y);
                if (el && el.closest('.diagram-canvas') && !el.closest('.diagram-node')) return [x, y]; }
              return null; }
            """, new[] { dx, dy });
        Assert.NotNull(start);
        var before = await new MapPage(page).ViewTransformAsync();
        await page.Mouse.MoveAsync(start[0], start[1]);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(start[0] + dx, start[1] + dy, new() { Steps = 8 });
        await page.Mouse.UpAsync();
        await page.WaitForFunctionAsync("t => document.querySelector('[data-testid=map] .diagram-html-layer').style.transform !== t", before);
    }

    [Fact]
    public async Task ANetworkBuiltFromNothingKeepsEveryCardOnScreenAndNoneOnAnother()
    {
        var id = await EmptyNetworkAsync();
        var page = await browser.NewPageAsync(app.BaseUrl, 1280, 720);
        var map = new MapPage(page);
        var editor = new EditorPanel(page);
        try
        {
            await page.GotoAsync($"/networks/{id}");
            await Expect(map.Map).ToHaveAttributeAsync("data-ready", "true", new() { Timeout = 30_000 });

            await editor.NewAsync("Actor", "Neu: Akteur");
            string? kind = null;
            for (var i = 0; i < Actors.Length; i++)
            {
                var (name, actorKind) = Actors[i];
                await editor.TypeHereAsync(name);
                if (actorKind != kind) await editor.ChooseAsync("kind", actorKind);
                kind = actorKind;
                if (i < Actors.Length - 1) await editor.SaveAndNextAsync(name);
                else await editor.PressEnterInAsync("name");
                await map.ExpectEveryCardOnScreenAsync(i + 1);
            }
            await Expect(editor.Title).ToHaveTextAsync(Actors[^1].Name);

            await editor.NewAsync("Body", "Neu: Gremium");
            await editor.TypeHereAsync("Steuerungsgruppe Integration");
            await editor.ChooseAsync("kind", BodyKinds.SteeringGroup);
            await editor.PressEnterInAsync("name");
            await Expect(editor.Title).ToHaveTextAsync("Steuerungsgruppe Integration");
            await map.ExpectEveryCardOnScreenAsync(Actors.Length + 1);

            // Two memberships: lines between cards that are already placed; nothing moves, everything stays on screen.
            await editor.NewAsync("Membership", "Neu: Mitgliedschaft");
            await editor.TypeHereAsync("Jobcenter Peine");
            await editor.TypeAsync("body", "Steuerungsgruppe Integration");
            await editor.SaveAndNextAsync("Jobcenter Peine – Steuerungsgruppe Integration");
            await editor.TypeHereAsync("Verein Brücke");
            await editor.PressEnterInAsync("since");
            await Expect(editor.Title).ToHaveTextAsync("Verein Brücke – Steuerungsgruppe Integration");
            await Expect(page.Locator("[data-testid=map] path.rel-membership")).ToHaveCountAsync(2);

            await map.ExpectEveryCardOnScreenAsync(Actors.Length + 1);
            Assert.Empty(await map.OverlappingCardsAsync());
            await Expect(map.Map).ToHaveAttributeAsync("data-view", "fit");
            await page.AssertAccessibleAsync("a network built from nothing");
            await map.ScreenshotAsync("growing-built-1280x720");
        }
        catch (Exception e)
        {
            await map.ScreenshotAsync("growing-built-failed");
            throw new Xunit.Sdk.XunitException($"{e.Message} (map: view {await map.Map.GetAttributeAsync("data-view")}, zoom {await map.Map.GetAttributeAsync("data-zoom")}, " +
                $"cards off screen: {string.Join(", ", await map.CardsOffScreenAsync())})");
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task AViewThePersonZoomedStaysTheirsAndOnlyTheirOwnNewCardIsBroughtOnScreen()
    {
        var id = await EmptyNetworkAsync();
        foreach (var (name, kind) in Actors.Take(5))
            await Networks.CreateAsync(id, new Actor { Name = name, Kind = kind }, "Einrichtung");
        var page = await browser.NewPageAsync(app.BaseUrl, 1280, 720);
        var map = new MapPage(page);
        var editor = new EditorPanel(page);
        try
        {
            await map.OpenAsync(id);
            await map.ExpectEveryCardOnScreenAsync(5);

            // The person zooms in and drags the drawing aside: the view is theirs now.
            for (var i = 0; i < 2; i++)
            {
                var zoom = await map.Map.GetAttributeAsync("data-zoom") ?? "";
                await page.GetByRole(AriaRole.Button, new() { Name = "Vergrößern" }).ClickAsync();
                await Expect(map.Map).Not.ToHaveAttributeAsync("data-zoom", zoom);
            }
            var before = await map.ViewTransformAsync();
            for (var i = 0; i < 3; i++) await DragViewAsync(page, 350, 0); // the drawing goes out to the right, off screen
            await Expect(map.Map).ToHaveAttributeAsync("data-view", "chosen");
            Assert.NotEqual(before, await map.ViewTransformAsync());
            var chosenZoom = await map.Map.GetAttributeAsync("data-zoom");

            // Someone else adds a card: this person's view does not move.
            var view = await map.ViewTransformAsync();
            await Networks.CreateAsync(id, new Actor { Id = "fremd", Name = "Caritasverband Peine", Kind = ActorKinds.WelfareAssociation }, "Bea Beispiel");
            await map.WaitForNodeCountAsync(6);
            Assert.Equal(view, await map.ViewTransformAsync());

            // The person adds one: the view keeps its zoom and pans just enough to show the new card.
            await editor.NewAsync("Actor", "Neu: Akteur");
            await editor.TypeHereAsync("Diakonisches Werk Peine");
            await editor.ChooseAsync("kind", ActorKinds.WelfareAssociation);
            await editor.PressEnterInAsync("name");
            await Expect(editor.Title).ToHaveTextAsync("Diakonisches Werk Peine");
            await map.WaitForNodeCountAsync(7);
            Assert.NotEqual(view, await map.ViewTransformAsync());
            var created = (await Networks.GetAsync(id)).All<Actor>().Single(a => a.Name == "Diakonisches Werk Peine").Id;
            await page.WaitForFunctionAsync("""
                id => { const area = document.querySelector('[data-testid=map]').getBoundingClientRect();
                  const r = document.querySelector(`[data-testid=map] .diagram-node[data-node-id="${id}"] .node-card`)?.getBoundingClientRect();
                  return !!r && r.left >= area.left && r.top >= area.top && r.right <= area.right && r.bottom <= area.bottom; }
                """, created);
            await Expect(map.Map).ToHaveAttributeAsync("data-zoom", chosenZoom!);
            await Expect(map.Map).ToHaveAttributeAsync("data-view", "chosen");
            Assert.Empty(await map.OverlappingCardsAsync());
            await page.AssertAccessibleAsync("a zoomed view after the person's own new card");

            // "Alles zeigen" gives the view back to the map: everything on screen again.
            await page.GetByRole(AriaRole.Button, new() { Name = "Alles zeigen" }).ClickAsync();
            await Expect(map.Map).ToHaveAttributeAsync("data-view", "fit");
            await map.ExpectEveryCardOnScreenAsync(7);
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }
}
