using GraphApi.Domain;
using GraphUi.Components.Panels;

namespace GraphUi.Components.Tests;

public sealed class DetailsPanelTests(SeededStore store) : DetailsPanelTest(store)
{
    [Fact]
    public void IsALandmarkNamedDetailsAndSaysWhatToDoWhenNothingIsSelected()
    {
        var cut = Open("peine", null);
        var aside = cut.Find("aside");
        Assert.Equal("Details", aside.GetAttribute("aria-label"));
        Assert.Contains("Wählen Sie einen Knoten", aside.TextContent);
    }

    [Fact]
    public void ShowsTheFieldsInWordsAndTheRelationships()
    {
        var cut = Open("peine", "sg-integration-peine");
        Assert.Equal("Steuerungsgruppe Integration", cut.Find("#details-title").TextContent);
        Assert.Equal("Gremium", cut.Find(".kind-line").TextContent);
        Assert.Equal("ruhend", cut.Find("dd[data-field=status]").TextContent);
        Assert.Equal("Steuerungsgruppe", cut.Find("dd[data-field=kind]").TextContent);
        Assert.NotEmpty(cut.FindAll("[data-testid=relations] li"));
        Assert.Contains("Mitgliedschaft", cut.Find("[data-testid=relations]").TextContent);
    }

    [Fact]
    public void AClickOnAnotherEntrySelectsIt()
    {
        var cut = Open("peine", "afa-peine");
        cut.Find("[data-testid=relations] li .entity-link[data-id=sg-uebergangsmanagement]").Click();
        Assert.Equal("sg-uebergangsmanagement", _selected);
    }

    [Fact]
    public async Task AnEmptyNameIsRefusedBesideTheFieldAndTheOtherInputStays()
    {
        var id = await Store.SmallNetworkAsync();
        var cut = Open(id, "jc");
        cut.Find("[data-testid=details-edit]").Click();
        cut.Find("#edit-name").Change("");
        cut.Find("#edit-shortName").Change("JC");
        cut.Find("[data-testid=editor]").Submit();

        cut.WaitForAssertion(() => Assert.Equal("Darf nicht leer sein.", cut.Find("#edit-name-error").TextContent));
        Assert.Equal("true", cut.Find("#edit-name").GetAttribute("aria-invalid"));
        Assert.Equal("JC", cut.Find("#edit-shortName").GetAttribute("value"));
        Assert.Equal("Jobcenter Testkreis", (await Networks.GetAsync(id)).Find<Actor>("jc")!.Name);
    }

    [Fact]
    public async Task AnEditIsSavedWithGermanNumbers()
    {
        var id = await Store.SmallNetworkAsync();
        var cut = Open(id, "sg");
        cut.Find("[data-testid=details-edit]").Click();
        cut.Find("#edit-name").Change("Steuerungsgruppe Integration und Teilhabe");
        cut.Find("#edit-meetingsPerYear").Change("4");
        cut.Find("#edit-meetingHours").Change("2,5");
        cut.Find("#edit-founded").Change("2016-03-01");
        cut.Find("[data-testid=editor]").Submit();

        cut.WaitForAssertion(() => Assert.Equal("Gespeichert.", cut.Find("[role=status]").TextContent));
        var body = (await Networks.GetAsync(id)).Find<Body>("sg")!;
        Assert.Equal("Steuerungsgruppe Integration und Teilhabe", body.Name);
        Assert.Equal(2.5, body.MeetingHours);
        Assert.Equal("2016-03-01", body.Founded);
        Assert.Equal("01.03.2016", cut.Find("dd[data-field=founded]").TextContent);
    }

    [Fact]
    public async Task ANumberThatIsNoNumberIsSaidBesideItsField()
    {
        var id = await Store.SmallNetworkAsync();
        var cut = Open(id, "sg");
        cut.Find("[data-testid=details-edit]").Click();
        cut.Find("#edit-meetingHours").Change("zwei");
        cut.Find("[data-testid=editor]").Submit();
        cut.WaitForAssertion(() => Assert.Equal("„zwei“ ist keine Zahl.", cut.Find("#edit-meetingHours-error").TextContent));
    }

    [Fact]
    public async Task AConflictNamesWhoChangedTheEntryAndKeepsWhatWasTyped()
    {
        var id = await Store.SmallNetworkAsync();
        var cut = Open(id, "mo");
        cut.Find("[data-testid=details-edit]").Click();
        cut.Find("#edit-name").Change("Verein Brücke e.V.");

        var current = (await Networks.GetAsync(id)).Find<Actor>("mo")!;
        await Networks.UpdateAsync(id, current with { Name = "Brücke – Verein für Integration" }, "Anna Moderation");
        cut.Find("[data-testid=editor]").Submit();

        cut.WaitForAssertion(() => Assert.Contains("Anna Moderation hat diesen Eintrag", cut.Find("[data-testid=conflict]").TextContent));
        Assert.Contains("Brücke – Verein für Integration", cut.Find("[data-testid=conflict]").TextContent);
        Assert.Equal("Verein Brücke e.V.", cut.Find("#edit-name").GetAttribute("value"));

        // Saving again is a decision to overwrite, based on the version now current.
        cut.Find("[data-testid=editor]").Submit();
        await Eventually(async () => Equals("Verein Brücke e.V.", (await Networks.GetAsync(id)).Find<Actor>("mo")!.Name));
    }

    [Fact]
    public async Task DeletingAsksAndNamesWhatGoesWithIt()
    {
        var id = await Store.SmallNetworkAsync();
        var cut = Open(id, "jc");
        cut.Find("[data-testid=details-delete]").Click();
        var question = cut.Find("[data-testid=confirm-delete]").TextContent;
        Assert.Contains("„Jobcenter Testkreis“ löschen?", question);
        Assert.Contains("Mit dem Akteur werden 1 Mitgliedschaft und 1 Kooperation gelöscht", question);
        Assert.Contains("Jobcenter Testkreis – Steuerungsgruppe Integration", question);

        cut.Find("[data-testid=confirm-delete-no]").Click();
        Assert.Empty(cut.FindAll("[data-testid=confirm-delete]"));
        Assert.NotNull((await Networks.GetAsync(id)).Find("jc"));

        cut.Find("[data-testid=details-delete]").Click();
        cut.Find("[data-testid=confirm-delete-yes]").Click();
        cut.WaitForAssertion(() => Assert.Null(_selected));
        var after = await Networks.GetAsync(id);
        Assert.Null(after.Find("jc"));
        Assert.Empty(after.All<Membership>());
        Assert.Empty(after.All<Collaboration>());
    }

    [Fact]
    public async Task ADeleteThatOthersReferToIsExplainedAndNotOffered()
    {
        var id = await Store.SmallNetworkAsync();
        var sg = (await Networks.GetAsync(id)).Find<Body>("sg")!;
        await Networks.UpdateAsync(id, sg with { Lead = "mo" }, "Test");
        var cut = Open(id, "mo");
        cut.Find("[data-testid=details-delete]").Click();
        Assert.Contains("Steuerungsgruppe Integration", cut.Find("ul.blocking").TextContent);
        Assert.Contains("Leitung", cut.Find("ul.blocking").TextContent);
        Assert.True(cut.Find("[data-testid=confirm-delete-yes]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task ACommitElsewhereReRendersThePanel()
    {
        var id = await Store.SmallNetworkAsync();
        var cut = Open(id, "mo");
        var current = (await Networks.GetAsync(id)).Find<Actor>("mo")!;
        await Networks.UpdateAsync(id, current with { Name = "Brücke e.V." }, "Anna");
        cut.WaitForAssertion(() => Assert.Equal("Brücke e.V.", cut.Find("#details-title").TextContent));
    }
}
