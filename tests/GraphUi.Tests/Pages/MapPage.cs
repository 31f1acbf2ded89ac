using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GraphUi.Tests.Pages;

/// <summary>The map page as a user works it: open, filter, search, select and connect by keyboard, tidy up, present.</summary>
public class MapPage(IPage page)
{
    public IPage Page => page;

    public virtual string PathOf(string networkId, string? query = null) => $"/networks/{networkId}{(query is null ? "" : "?" + query)}";

    public async Task OpenAsync(string networkId, string? query = null)
    {
        await page.GotoAsync(PathOf(networkId, query));
        await WaitUntilDrawnAsync();
    }

    /// <summary>Waits until the circuit has drawn the map and fitted it to the screen.</summary>
    public async Task WaitUntilDrawnAsync()
    {
        await Expect(page.Locator("[data-testid=map]")).ToHaveAttributeAsync("data-ready", "true", new() { Timeout = 30_000 });
        await page.Locator("[data-testid=map] [data-node-id]").First.WaitForAsync();
    }

    public ILocator Map => page.Locator("[data-testid=map]");
    public ILocator Node(string id) => page.Locator($"[data-testid=map] .diagram-node[data-node-id='{id}']");
    public ILocator NodeCard(string id) => Node(id).Locator(".node-card");
    /// <summary>The node's keyboard target, which carries its accessible name.</summary>
    public ILocator NodeFocus(string id) => Node(id).Locator(".node-focus");
    public ILocator Status => page.Locator("#map-status");
    public ILocator Details => page.GetByRole(AriaRole.Complementary, new() { Name = "Details" });

    /// <summary>Switches the side panel to "details", "analysis" or "history".</summary>
    public async Task ShowPanelAsync(string panel)
    {
        var button = page.Locator($"#side-panel .panel-switch button[data-panel={panel}]");
        await button.ClickAsync();
        await Expect(button).ToHaveAttributeAsync("aria-pressed", "true");
    }

    /// <summary>Ids of the nodes drawn now.</summary>
    public Task<string[]> VisibleNodeIdsAsync() =>
        page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('[data-testid=map] .diagram-node[data-node-id]')].map(n => n.dataset.nodeId)");

    /// <summary>How many relationships are drawn.</summary>
    public Task<int> LinkCountAsync() => page.EvaluateAsync<int>("() => document.querySelectorAll('[data-testid=map] path.rel').length");

    /// <summary>Waits until the map shows exactly this many nodes (after a filter or a commit).</summary>
    public Task WaitForNodeCountAsync(int count) =>
        Expect(page.Locator("[data-testid=map] .diagram-node[data-node-id]")).ToHaveCountAsync(count);

    public Task FilterAsync(string selectId, string value) => page.SelectOptionAsync($"#{selectId}", value);

    public async Task SetLayerAsync(string label, bool on)
    {
        var box = page.Locator("fieldset.layers").GetByLabel(label, new() { Exact = true });
        if (on) await box.CheckAsync(); else await box.UncheckAsync();
    }

    public async Task SearchAsync(string text)
    {
        await page.FillAsync("#search", text);
        await page.PressAsync("#search", "Enter");
    }

    /// <summary>The node that has keyboard focus (its data-node-id), or null.</summary>
    public Task<string?> FocusedNodeAsync() =>
        page.EvaluateAsync<string?>("() => document.activeElement?.closest('.diagram-node')?.dataset.nodeId ?? null");

    /// <summary>Tabs from the search field into the map (past the toolbar and the filters), as a keyboard user does.</summary>
    public async Task TabIntoMapAsync()
    {
        await page.Locator("[data-testid=map] .node-focus[tabindex='0']").First.WaitForAsync();
        for (var i = 0; i < 80 && await FocusedNodeAsync() is null; i++) await page.Keyboard.PressAsync("Tab");
        Assert.NotNull(await FocusedNodeAsync());
    }

    public Task PressAsync(string key) => page.Keyboard.PressAsync(key);

    /// <summary>Presses a key in the map and waits until the map has handled it and the browser's focus is where the map put it.</summary>
    public async Task PressInMapAsync(string key)
    {
        var map = page.Locator("[data-testid=map]");
        var handled = int.Parse(await map.GetAttributeAsync("data-keys") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        await page.Keyboard.PressAsync(key);
        await Expect(map).ToHaveAttributeAsync("data-keys", (handled + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        var focused = await map.GetAttributeAsync("data-focused");
        await Expect(page.Locator($".diagram-node[data-node-id=\"{focused}\"]:has(.node-focus:focus)")).ToHaveCountAsync(1);
    }

    /// <summary>The accessible name a screen reader announces for a node.</summary>
    public Task<string?> AccessibleNameAsync(string id) => NodeFocus(id).GetAttributeAsync("aria-label");

    /// <summary>On-screen rectangles and font sizes of every visible node label (CSS px after zoom).</summary>
    public Task<LabelBox[]> VisibleLabelsAsync() => page.EvaluateAsync<LabelBox[]>("""
        () => {
          const area = document.querySelector('[data-testid=map]').getBoundingClientRect();
          return [...document.querySelectorAll('[data-testid=map] .node-label')].map(el => {
            const r = el.getBoundingClientRect();
            const style = getComputedStyle(el);
            const scale = el.offsetWidth > 0 ? r.width / el.offsetWidth : 0;
            return { id: el.closest('.diagram-node')?.dataset.nodeId ?? '', type: el.closest('.diagram-node')?.querySelector('.node-card')?.classList[1] ?? '',
                     x: r.left, y: r.top, width: r.width, height: r.height, fontPx: parseFloat(style.fontSize) * scale,
                     visible: style.visibility !== 'hidden' && style.display !== 'none' && r.width > 0 && r.height > 0
                              && r.right > area.left && r.left < area.right && r.bottom > area.top && r.top < area.bottom };
          }).filter(l => l.visible);
        }
        """);

    /// <summary>
    /// What a room reads, asserted (the presentation view's rule, issue 8 point 4): every visible label at least <paramref name="minPx"/>
    /// CSS px and none on another; at fit zoom every body labelled and at least 60 % of the actors.
    /// </summary>
    public async Task AssertReadableAsync(bool atFit, double minPx = 16)
    {
        await Expect(Map).Not.ToHaveAttributeAsync("data-lod", "pending");
        var labels = await VisibleLabelsAsync();
        Assert.NotEmpty(labels);
        var small = labels.Where(l => l.FontPx < minPx - 0.01).Select(l => $"{l.Id} {l.FontPx:F1}px").ToList();
        Assert.True(small.Count == 0, $"labels under {minPx} px: " + string.Join(", ", small));
        var overlapping = labels.SelectMany((a, i) => labels.Skip(i + 1).Where(a.Overlaps).Select(b => $"{a.Id} × {b.Id}")).ToList();
        Assert.True(overlapping.Count == 0, "overlapping labels: " + string.Join(", ", overlapping.Take(10)));
        if (!atFit) return;
        var bodies = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('[data-testid=map] .node-card.body')].map(c => c.closest('.diagram-node').dataset.nodeId)");
        var actors = await page.Locator("[data-testid=map] .node-card.actor").CountAsync();
        var unlabelled = bodies.Except(labels.Where(l => l.Type == "body").Select(l => l.Id)).ToList();
        Assert.True(unlabelled.Count == 0, "bodies without a visible label at fit zoom: " + string.Join(", ", unlabelled));
        var actorLabels = labels.Count(l => l.Type == "actor");
        Assert.True(actorLabels >= 0.6 * actors, $"only {actorLabels} of {actors} actors labelled at fit zoom");
    }

    /// <summary>Cards not wholly inside the map's area (off screen or cut at its edge), by node id.</summary>
    public Task<string[]> CardsOffScreenAsync() => page.EvaluateAsync<string[]>("""
        () => { const area = document.querySelector('[data-testid=map]').getBoundingClientRect();
          return [...document.querySelectorAll('[data-testid=map] .node-card')].filter(c => { const r = c.getBoundingClientRect();
            return r.left < area.left - 0.5 || r.top < area.top - 0.5 || r.right > area.right + 0.5 || r.bottom > area.bottom + 0.5; })
            .map(c => c.closest('.diagram-node').dataset.nodeId); }
        """);

    /// <summary>Waits until the map shows this many cards, each wholly inside the map's area (the map fits itself with the new card, or just after).</summary>
    public async Task ExpectEveryCardOnScreenAsync(int cards)
    {
        await WaitForNodeCountAsync(cards);
        await page.WaitForFunctionAsync("""
            () => { const area = document.querySelector('[data-testid=map]').getBoundingClientRect();
              return [...document.querySelectorAll('[data-testid=map] .node-card')].every(c => { const r = c.getBoundingClientRect();
                return r.left >= area.left - 0.5 && r.top >= area.top - 0.5 && r.right <= area.right + 0.5 && r.bottom <= area.bottom + 0.5; }); }
            """);
    }

    /// <summary>Pairs of cards drawn on each other.</summary>
    public Task<string[]> OverlappingCardsAsync() => page.EvaluateAsync<string[]>("""
        () => { const cards = [...document.querySelectorAll('[data-testid=map] .node-card')].map(c => [c.closest('.diagram-node').dataset.nodeId, c.getBoundingClientRect()]);
          const pairs = []; for (let i = 0; i < cards.length; i++) for (let j = i + 1; j < cards.length; j++) {
            const a = cards[i][1], b = cards[j][1];
            if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1) pairs.push(cards[i][0] + ' × ' + cards[j][0]); }
          return pairs; }
        """);

    /// <summary>Where the diagram's layers are (their CSS transform): it changes exactly when the view is panned or zoomed.</summary>
    public Task<string> ViewTransformAsync() =>
        page.EvaluateAsync<string>("() => document.querySelector('[data-testid=map] .diagram-html-layer').style.transform");

    /// <summary>Screen boxes and font sizes (CSS px after zoom) of texts written on the map besides the labels: marks, group names.</summary>
    public Task<LabelBox[]> TextBoxesAsync(string selector) => page.EvaluateAsync<LabelBox[]>("""
        selector => [...document.querySelectorAll('[data-testid=map] ' + selector)].map(el => { const r = el.getBoundingClientRect();
            const scale = parseFloat(document.querySelector('[data-testid=map]').dataset.zoom); // the diagram's layers are scaled by its zoom
            return { id: el.dataset.group ?? el.closest('[data-node-id]')?.dataset.nodeId ?? '', type: el.getAttribute('class') ?? '', x: r.left, y: r.top,
                     width: r.width, height: r.height, fontPx: parseFloat(getComputedStyle(el).fontSize) * scale, visible: r.width > 0 && r.height > 0 }; })
        """, selector);

    public async Task ScreenshotAsync(string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Repository.Artifacts, name + ".png") });
}

public sealed class LabelBox
{
    public string Id { get; set; } = "";
    public string Type { get; set; } = "";
    public double X { get; set; }
    public double Y { get; set; }
    public double Width { get; set; }
    public double Height { get; set; }
    public double FontPx { get; set; }
    public bool Visible { get; set; }

    public bool Overlaps(LabelBox other) =>
        X < other.X + other.Width - 0.5 && other.X < X + Width - 0.5 && Y < other.Y + other.Height - 0.5 && other.Y < Y + Height - 0.5;
}

/// <summary>The presentation view: the same map, full screen, with large controls.</summary>
public sealed class PresentPage(IPage page) : MapPage(page)
{
    public override string PathOf(string networkId, string? query = null) => $"/networks/{networkId}/present{(query is null ? "" : "?" + query)}";

    public Task FitAsync() => Page.GetByRole(AriaRole.Button, new() { Name = "Alles zeigen" }).ClickAsync();
    /// <summary>"Vergrößern", then waits until the map shows the new zoom (its labels are laid out in the same render).</summary>
    public async Task ZoomInAsync()
    {
        var before = await Map.GetAttributeAsync("data-zoom") ?? "";
        await Page.GetByRole(AriaRole.Button, new() { Name = "Vergrößern" }).ClickAsync();
        await Expect(Map).Not.ToHaveAttributeAsync("data-zoom", before);
    }
}
