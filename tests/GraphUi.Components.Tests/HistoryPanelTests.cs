using GraphApi.Domain;
using GraphUi.Components.Panels;
using Microsoft.Extensions.DependencyInjection;

namespace GraphUi.Components.Tests;

public sealed class HistoryPanelTests(SeededStore store) : ComponentTest(store)
{
    private IRenderedComponent<HistoryPanel> Open(string networkId) =>
        Render<HistoryPanel>(p => p.Add(x => x.NetworkId, networkId));

    [Fact]
    public async Task ListsWhoChangedWhatAndWhenInSentencesNewestFirst()
    {
        var id = await Store.SmallNetworkAsync();
        var cut = Open(id);
        var items = cut.FindAll("ol.history > li");
        Assert.Equal(6, items.Count);
        var newest = items[0];
        Assert.Equal("Test hat die Kooperation zwischen „Jobcenter Testkreis“ und „Verein Brücke“ angelegt", newest.QuerySelector("ul.changes li")!.TextContent);
        Assert.Matches("^(gerade eben|jetzt|vor .+)$", newest.QuerySelector("time")!.TextContent);
        Assert.Equal("Test hat die Mitgliedschaft von „Jobcenter Testkreis“ im Gremium „Steuerungsgruppe Integration“ angelegt",
            items[1].QuerySelector("ul.changes li")!.TextContent);
        Assert.Equal("Test hat den Akteur „Jobcenter Testkreis“ angelegt", items[4].QuerySelector("ul.changes li")!.TextContent);
        Assert.DoesNotContain("„jc“", cut.Find("ol.history").TextContent);
    }

    [Fact]
    public async Task OwnChangesAreKnownByTheAuthorAndCanBeUndoneAndRedoneAfterAReload()
    {
        var id = await Store.SmallNetworkAsync();
        Services.GetRequiredService<EditSession>().Author = "Bea";
        var actor = (await Networks.GetAsync(id)).Find<Actor>("mo")!;
        // Made in an earlier circuit: this session never saw it, the history says it is Bea's.
        await Networks.UpdateAsync(id, actor with { Name = "Brücke e.V." }, "Bea");

        var cut = Open(id);
        Assert.Single(cut.FindAll("ol.history li.own"));
        Assert.Equal("Bea hat den Akteur „Verein Brücke“ in „Brücke e.V.“ umbenannt", cut.Find("ol.history li.own ul.changes li").TextContent);
        Assert.False(cut.Find("[data-testid=history-undo]").HasAttribute("disabled"));
        Assert.True(cut.Find("[data-testid=history-redo]").HasAttribute("disabled"));

        cut.Find("[data-testid=history-undo]").Click();
        await Eventually(async () => Equals("Verein Brücke", (await Networks.GetAsync(id)).Find<Actor>("mo")!.Name));
        cut.WaitForAssertion(() => Assert.Equal("Rückgängig gemacht.", cut.Find("[data-testid=history-status]").TextContent));

        var reloaded = Open(id);
        Assert.False(reloaded.Find("[data-testid=history-redo]").HasAttribute("disabled"));
        Assert.True(reloaded.Find("[data-testid=history-undo]").HasAttribute("disabled"));
        reloaded.Find("[data-testid=history-redo]").Click();
        await Eventually(async () => Equals("Brücke e.V.", (await Networks.GetAsync(id)).Find<Actor>("mo")!.Name));
        var newest = (await Networks.HistoryAsync(id, 0, null, 1, newest: true))[0];
        Assert.Equal("Bea", newest.Author);
        reloaded.WaitForAssertion(() => Assert.False(reloaded.Find("[data-testid=history-undo]").HasAttribute("disabled")));
    }

    [Fact]
    public async Task OthersChangesHaveNoUndoButton()
    {
        var id = await Store.SmallNetworkAsync();
        var cut = Open(id);
        Assert.Empty(cut.FindAll("button.undo-this"));
        Assert.Empty(cut.FindAll("ol.history li.own"));
        Assert.True(cut.Find("[data-testid=history-undo]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task RestoringSaysWhatItWillChangeBeforeItDoes()
    {
        var id = await Store.SmallNetworkAsync();
        var revision = (await Networks.GetAsync(id)).Revision;
        await Networks.CreateAsync(id, new Actor { Id = "neu", Name = "Neuer Träger", Kind = ActorKinds.Other }, "Anna");
        var cut = Open(id);
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll($"li[data-revision=\"{revision}\"] button.restore")));

        cut.Find($"li[data-revision=\"{revision}\"] button.restore").Click();
        cut.WaitForAssertion(() => Assert.Equal(["Der Akteur „Neuer Träger“ ist entfernt."],
            cut.FindAll("[data-testid=restore-preview] li").Select(li => li.TextContent)));
        Assert.Contains($"Stand {revision}", cut.Find("[data-testid=confirm-restore]").TextContent);
        Assert.NotNull((await Networks.GetAsync(id)).Find("neu"));

        cut.Find("[data-testid=confirm-restore-yes]").Click();
        await Eventually(async () => (await Networks.GetAsync(id)).Find("neu") is null);
        cut.WaitForAssertion(() => Assert.Equal($"Stand {revision} wiederhergestellt.", cut.Find("[data-testid=history-status]").TextContent));
    }

    [Fact]
    public async Task ACommitElsewhereAppearsAtOnce()
    {
        var id = await Store.SmallNetworkAsync();
        var cut = Open(id);
        await Networks.CreateAsync(id, new Topic { Id = "wohnen", Name = "Wohnen" }, "Carla");
        cut.WaitForAssertion(() => Assert.Equal("Carla hat das Handlungsfeld „Wohnen“ angelegt", cut.Find("ol.history > li ul.changes li").TextContent));
    }
}
