using GraphApi.Domain;
using GraphApi.Networks;
using GraphUi.Tests.Pages;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace GraphUi.Tests;

/// <summary>
/// Every page once at a projector's 1280×720 and at 1920×1080, as the room and a keyboard user see it: axe, a screenshot
/// for the eye (artifacts/screenshots/tour-*), and what a person would notice at once: the page scrolls sideways, or a
/// text is cut off without "…".
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PageTourTests(BrowserFixture browser, MapApp app, ITestOutputHelper output) : IClassFixture<MapApp>
{
    private NetworkService Networks => app.Services.GetRequiredService<NetworkService>();

    /// <summary>A small network with a meeting in which something changed: the history, the comparison and the Protokoll have content.</summary>
    private async Task<(string Network, string Meeting)> MeetingNetworkAsync()
    {
        var id = "rundgang-" + Guid.NewGuid().ToString("N")[..6];
        await Networks.CreateNetworkAsync(new Network { Id = id, Name = "Landkreis Peine (Rundgang)" }, "Einrichtung");
        await Networks.CreateAsync(id, new Actor { Id = "jc", Name = "Jobcenter Peine", Kind = ActorKinds.Jobcenter }, "Einrichtung");
        await Networks.CreateAsync(id, new Actor { Id = "caritas", Name = "Caritasverband Peine", Kind = ActorKinds.WelfareAssociation }, "Einrichtung");
        await Networks.CreateAsync(id, new Body { Id = "mut", Name = "Koordinierungsstab Migration und Teilhabe", Kind = BodyKinds.CoordinationStaff }, "Einrichtung");
        await Networks.CreateAsync(id, new Membership { Id = "m-jc", Member = "jc", Body = "mut" }, "Einrichtung");
        var meetings = app.Services.GetRequiredService<MeetingService>();
        await meetings.StartAsync(id, "Sitzung der Steuerungsgruppe", new DateOnly(2025, 3, 12), MapApp.AdminName);
        await Networks.CreateAsync(id, new Actor { Id = "bruecke", Name = "Verein Brücke", Kind = ActorKinds.MigrantOrganisation }, MapApp.AdminName);
        await Networks.CreateAsync(id, new Membership { Id = "m-br", Member = "bruecke", Body = "mut" }, MapApp.AdminName);
        var seat = (await Networks.GetAsync(id)).Find<Membership>("m-jc")!;
        await Networks.UpdateAsync(id, seat with { Until = "2025-03-12" }, MapApp.AdminName);
        var meeting = MeetingService.Running((await Networks.GetAsync(id)).Network)!;
        await meetings.EndAsync(id, meeting.Id, MapApp.AdminName);
        return (id, meeting.Id);
    }

    [Theory]
    [InlineData(1280, 720)]
    [InlineData(1920, 1080)]
    public async Task EveryPageFitsTheScreenAndCutsNoText(int width, int height)
    {
        var (network, meeting) = await MeetingNetworkAsync();
        var page = await browser.NewPageAsync(app.BaseUrl, width, height);
        var map = new MapPage(page);
        var size = $"{width}x{height}";
        var problems = new List<string>();
        async Task LookAsync(string name)
        {
            await page.AssertAccessibleAsync(name);
            await page.ScreenshotAsync(new() { Path = Path.Combine(Repository.Artifacts, $"tour-{name}-{size}.png") });
            problems.AddRange((await ProblemsAsync(page)).Select(p => $"{name}: {p}"));
        }
        try
        {
            await page.GotoAsync("/");
            await page.WaitUntilInteractiveAsync("network-list");
            await LookAsync("networks");

            await map.OpenAsync("peine");
            await Expect(map.Map).ToHaveAttributeAsync("data-lod", "done");
            await LookAsync("map");
            // The network's description reads across the panel, not in the narrow column beside the terms (words broke mid-word).
            var facts = (await page.Locator("[data-testid=network-facts]").BoundingBoxAsync())!;
            var description = (await page.Locator("[data-testid=network-facts] dd[data-field=description]").BoundingBoxAsync())!;
            Assert.True(description.Width >= 0.95 * facts.Width, $"the description is {description.Width:0} px wide in a panel of {facts.Width:0} px");
            await map.ShowPanelAsync("analysis");
            await LookAsync("map-analysis");

            await map.OpenAsync(network);
            await map.ShowPanelAsync("history");
            await Expect(page.Locator("[data-testid=history-panel] ol.history > li").First).ToBeVisibleAsync();
            await LookAsync("history");

            foreach (var theme in new[] { "light", "dark" })
            {
                var present = new PresentPage(page);
                await present.OpenAsync("peine", theme == "dark" ? "theme=dark&layout=territory" : null);
                await Expect(present.Map).ToHaveAttributeAsync("data-lod", "done");
                await LookAsync($"present-{theme}");
            }

            await page.GotoAsync("/networks/peine/table");
            await page.WaitUntilInteractiveAsync("table-view");
            await LookAsync("table");

            await page.GotoAsync("/networks/peine/report");
            await page.WaitUntilInteractiveAsync("report");
            await LookAsync("report");

            var compare = new ComparePage(page);
            await compare.OpenAsync(network, $"meeting={meeting}");
            await Expect(compare.Map).ToHaveAttributeAsync("data-lod", "done");
            await LookAsync("compare");

            await page.GotoAsync($"/networks/{network}/meetings/{meeting}/protokoll");
            await Expect(page.Locator("[data-testid=protokoll-print]")).ToBeEnabledAsync();
            await LookAsync("protokoll");

            await page.GotoAsync("/networks/peine/access");
            await Expect(page.Locator("[data-testid=access-page]")).ToBeVisibleAsync();
            await LookAsync("access");

            await page.GotoAsync("/account");
            await Expect(page.Locator("[data-testid=account]")).ToBeVisibleAsync();
            await LookAsync("account");

            await page.GotoAsync("/admin/accounts");
            await Expect(page.Locator("[data-testid=accounts]")).ToBeVisibleAsync();
            await LookAsync("accounts");
        }
        finally
        {
            await page.Context.CloseAsync();
        }
        foreach (var p in problems) output.WriteLine(p);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>
    /// What a person notices at once: the page is wider than the window (it scrolls sideways), or a visible text is cut off at
    /// its box without "…" (a label, a button, a heading). Text in fields, in scrolling boxes and in the map's cards (which
    /// clamp to two lines with the level of detail's rules) is left out.
    /// </summary>
    private static Task<string[]> ProblemsAsync(IPage page) => page.EvaluateAsync<string[]>("""
        () => {
          const out = [];
          const doc = document.scrollingElement;
          if (doc.scrollWidth > window.innerWidth + 1) out.push(`the page is ${doc.scrollWidth} px wide in a ${window.innerWidth} px window`);
          for (const el of document.querySelectorAll('body *')) {
            if (el.closest('[data-testid=map], svg, input, select, textarea, [aria-hidden=true], .visually-hidden, .skip-link')) continue;
            const s = getComputedStyle(el);
            if (s.visibility === 'hidden' || s.display === 'none' || el.offsetParent === null) continue;
            const clips = ['hidden', 'clip'].includes(s.overflowX) || ['hidden', 'clip'].includes(s.overflowY);
            if (!clips || s.textOverflow === 'ellipsis' || s.webkitLineClamp !== 'none') continue;
            if (![...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim())) continue;
            if (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1)
              out.push(`"${el.textContent.trim().slice(0, 40)}" (${el.tagName.toLowerCase()}.${[...el.classList].join('.')}) is cut off`);
          }
          return out;
        }
        """);
}
