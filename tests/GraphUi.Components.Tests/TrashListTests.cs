using GraphUi.Components.Networks;

namespace GraphUi.Components.Tests;

/// <summary>The Papierkorb on the network list (issue 10, point 4).</summary>
public sealed class TrashListTests(SeededStore store) : ComponentTest(store)
{
    [Fact]
    public async Task ADeletedNetworkIsListedInThePapierkorbAndRestoredFromIt()
    {
        var id = await Store.SmallNetworkAsync("Kreis Papierkorb");
        await Networks.DeleteNetworkAsync(id, 1, "Jürgen Müller");

        var cut = Render<NetworkList>();
        Assert.Equal("Papierkorb", cut.Find("#trash-title").TextContent);
        Assert.Empty(cut.FindAll($"tr[data-network={id}]"));
        var row = cut.Find($"tr[data-trashed={id}]");
        Assert.Equal("Kreis Papierkorb", row.QuerySelector("th")!.TextContent);
        Assert.EndsWith("von Jürgen Müller", row.QuerySelectorAll("td")[0].TextContent);
        Assert.Matches(@"^\d{2}\.\d{2}\.\d{4}$", row.QuerySelectorAll("td")[1].TextContent); // erased on, 30 days on
        Assert.Equal("„Kreis Papierkorb“ wiederherstellen", row.QuerySelector("button")!.GetAttribute("aria-label"));

        row.QuerySelector("button")!.Click();

        cut.WaitForAssertion(() => Assert.Equal("„Kreis Papierkorb“ ist wiederhergestellt.", cut.Find("[data-testid=trash-status]").TextContent));
        cut.WaitForAssertion(() => Assert.Equal("Kreis Papierkorb", cut.Find($"tr[data-network={id}] th a").TextContent));
        Assert.Empty(cut.FindAll($"tr[data-trashed={id}]"));
        Assert.Equal(5, (await Networks.GetAsync(id)).Everything.Count()); // everything came back
    }
}
