using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GraphUi.Tests.Pages;

/// <summary>A large network's map, drawn grouped: group cards, the group bar, opening a group.</summary>
public sealed class GroupedMapPage(IPage page) : MapPage(page)
{
    /// <summary>The collapsed groups' nodes on the map.</summary>
    public ILocator Groups => Page.Locator("[data-testid=map] .diagram-node:has(.node-card.group)");
    /// <summary>Nodes drawn as themselves (not groups).</summary>
    public ILocator Entities => Page.Locator("[data-testid=map] .diagram-node:not(:has(.node-card.group))");
    public ILocator GroupBar => Page.Locator("[data-testid=map-groups]");

    /// <summary>Moves the keyboard focus with the arrows until it is on a group card; returns the group's node id.</summary>
    public async Task<string> FocusAGroupAsync()
    {
        string[] keys = ["ArrowRight", "ArrowDown", "ArrowRight", "ArrowUp", "ArrowLeft", "ArrowDown"];
        for (var i = 0; i < 40; i++)
        {
            var focused = await FocusedNodeAsync();
            if (focused is not null && await Node(focused).Locator(".node-card.group").CountAsync() == 1) return focused;
            await PressInMapAsync(keys[i % keys.Length]);
        }
        throw new InvalidOperationException("the arrows found no group card");
    }

    public async Task ExpectGroupedAsync()
    {
        await Expect(GroupBar).ToBeVisibleAsync();
        await Expect(Groups.First).ToBeVisibleAsync();
    }
}
