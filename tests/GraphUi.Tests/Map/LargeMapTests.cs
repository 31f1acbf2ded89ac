using System.Text;
using GraphApi.Exchange;
using GraphUi.Tests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GraphUi.Tests.Map;

/// <summary>
/// A network of 2,000 drawn nodes (the benchmark's generated district) at a projector's 1280×720: it opens grouped with
/// readable group cards, a group opens by keyboard, and the search still finds a node inside a closed group.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LargeMapTests(BrowserFixture browser, MapApp app) : IClassFixture<MapApp>, IAsyncLifetime
{
    private const string NetworkId = "gross-2000";
    private static readonly GraphBench.NetworkShape Shape = new(1_700, 300, 450, 6_000, 2_500, 12, 30);
    private IPage _page = null!;
    private GroupedMapPage _map = null!;
    private NetworkDocument _document = null!;

    public async Task InitializeAsync()
    {
        _document = GraphBench.SyntheticNetwork.Generate(Shape, 20_240_602, NetworkId);
        using var api = await app.ApiClientAsync();
        using var response = await api.PostAsync("/api/networks/import",
            new StringContent(NetworkExchange.Serialize(_document), Encoding.UTF8, "application/json"));
        response.EnsureSuccessStatusCode();
        _page = await browser.NewPageAsync(app.BaseUrl);
        _page.SetDefaultTimeout(30_000);
        _map = new GroupedMapPage(_page);
    }

    public async Task DisposeAsync() => await _page.Context.CloseAsync();

    [Fact]
    public async Task TwoThousandNodesOpenGroupedAGroupOpensByKeyboardAndTheSearchFindsAHiddenNode()
    {
        // The first open computes and saves the layout of 2,000 nodes: give it the time a loaded machine needs.
        await _page.GotoAsync(_map.PathOf(NetworkId));
        await Expect(_map.Map).ToHaveAttributeAsync("data-ready", "true", new() { Timeout = 120_000 });
        await _map.ExpectGroupedAsync();
        await Expect(_map.GroupBar).ToContainTextAsync("2.000 Knoten in");

        var fitZoom = await _map.Map.GetAttributeAsync("data-zoom");
        var groups = await _map.Groups.CountAsync();
        var drawn = (await _map.VisibleNodeIdsAsync()).Length;
        Assert.True(groups is >= 8 and <= 120, $"{groups} groups: " + string.Join(" ", (await _map.VisibleNodeIdsAsync()).Take(60)));
        Assert.True(drawn < 200, $"{drawn} nodes drawn for 2,000");
        // Readable at a projector's size: the labels shown are at least 13 px and none overlaps another; most groups keep theirs.
        var labels = await _map.VisibleLabelsAsync();
        Assert.All(labels, l => Assert.True(l.FontPx >= 12.9, $"label of {l.Id} at {l.FontPx:F1} px"));
        foreach (var a in labels)
            foreach (var b in labels.Where(b => string.CompareOrdinal(a.Id, b.Id) < 0))
                Assert.False(a.Overlaps(b), $"labels of {a.Id} and {b.Id} overlap");
        Assert.True(labels.Count(l => l.Id.StartsWith("~g", StringComparison.Ordinal)) >= groups * 0.5,
            $"{labels.Length} labels for {groups} groups");
        await _map.ScreenshotAsync("map-2000-grouped-1280x720");
        await _page.AssertAccessibleAsync("2,000 nodes grouped");

        // A node inside a closed group, found by the search (a four-digit number makes its name unique).
        var visible = (await _map.VisibleNodeIdsAsync()).ToHashSet();
        var wanted = _document.Actors!.First(a => !visible.Contains(a.Id) && int.Parse(a.Id[^5..], System.Globalization.CultureInfo.InvariantCulture) >= 1_000);

        // By keyboard: Tab into the map, the arrows to a group, Enter opens it in place and the focus goes to one of its members.
        await _map.TabIntoMapAsync();
        var group = await _map.FocusAGroupAsync();
        var name = await _map.AccessibleNameAsync(group);
        Assert.Matches(@"^Gruppe .+, [\d.]+ (Akteure|Akteur|Gremien|Gremium)(, .+)?, aufklappen$", name);
        var members = System.Text.RegularExpressions.Regex.Matches(name!, @"([\d.]+) (Akteure|Akteur|Gremien|Gremium)")
            .Sum(m => int.Parse(m.Groups[1].Value.Replace(".", ""), System.Globalization.CultureInfo.InvariantCulture));
        await _map.PressInMapAsync("Enter");
        await Expect(_map.Node(group)).ToHaveCountAsync(0);
        await Expect(_map.Groups).ToHaveCountAsync(groups - 1);
        await Expect(_map.Entities).ToHaveCountAsync(drawn - groups + members);
        Assert.False((await _map.FocusedNodeAsync())!.StartsWith("~g", StringComparison.Ordinal));
        await Expect(_map.Status).ToContainTextAsync("aufgeklappt");
        await Expect(_map.GroupBar.GetByRole(AriaRole.Button, new() { Name = "Gruppen zuklappen" })).ToBeVisibleAsync();
        await _map.ScreenshotAsync("map-2000-group-open-1280x720");
        await _page.AssertAccessibleAsync("a group opened");

        await _map.SearchAsync(wanted.Name);
        await Expect(_map.Node(wanted.Id)).ToHaveCountAsync(1);
        await Expect(_map.NodeFocus(wanted.Id)).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(_map.Details).ToContainTextAsync(wanted.Name);
        // The search zooms to the node: closer than the whole map, with the node inside the map's area.
        await Expect(_map.Map).Not.ToHaveAttributeAsync("data-zoom", fitZoom!);
        await Expect(_map.Map).ToHaveAttributeAsync("data-lod", "done");
        var box = await _map.NodeCard(wanted.Id).BoundingBoxAsync();
        Assert.True(box is { X: > 230, Y: > 108 } && box.X + box.Width < 950 && box.Y + box.Height < 720,
            $"found node at {box?.X:F0},{box?.Y:F0} {box?.Width:F0}×{box?.Height:F0}");
        await _map.ScreenshotAsync("map-2000-search-1280x720");
        await _page.AssertAccessibleAsync("a node found inside a group");
    }
}
