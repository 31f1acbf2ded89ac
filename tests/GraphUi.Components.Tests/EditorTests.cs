using System.Globalization;
using GraphApi.Domain;
using GraphUi.Components.Panels;

namespace GraphUi.Components.Tests;

/// <summary>The editors of every kind in the details panel: create, Speichern und nächster, pickers by name, German input, delete and merge with undo.</summary>
public sealed class EditorTests(SeededStore store) : DetailsPanelTest(store)
{
    private static void StartNew(IRenderedComponent<DetailsPanel> cut, EntityKind kind)
    {
        cut.Find("#new-entry-kind").Change(kind.ToString());
        cut.Find("[data-testid=new-entry]").Submit();
        cut.WaitForAssertion(() => Assert.Equal(kind.ToString().ToLowerInvariant(), cut.Find("[data-testid=editor]").GetAttribute("data-kind")));
    }

    /// <summary>Chooses an entry of a list field by typing part of its name and Enter (the first match is marked).</summary>
    private static void Pick(IRenderedComponent<DetailsPanel> cut, string id, string text)
    {
        var chosen = cut.FindAll($"[data-field={id}] [data-testid=picker-chosen] li").Count;
        cut.Find($"#{id}").Input(text);
        cut.WaitForAssertion(() => Assert.Equal($"{id}-option-0", cut.Find($"#{id}").GetAttribute("aria-activedescendant")));
        cut.Find($"#{id}").KeyDown("Enter");
        cut.WaitForAssertion(() => Assert.Equal(chosen + 1, cut.FindAll($"[data-field={id}] [data-testid=picker-chosen] li").Count));
    }

    [Fact]
    public async Task ATopicIsCreatedAndSelected()
    {
        var id = await Store.SmallNetworkAsync();
        var cut = Open(id, null);
        StartNew(cut, EntityKind.Topic);
        Assert.Equal("Neu: Handlungsfeld", cut.Find("#editor-title").TextContent);
        cut.Find("#edit-name").Change("Sprachförderung");
        cut.Find("#edit-description").Change("Kurse und Sprachmittlung");
        cut.Find("[data-testid=editor]").Submit();

        cut.WaitForAssertion(() => Assert.NotNull(_selected));
        var topic = (await Networks.GetAsync(id)).Find<Topic>(_selected!)!;
        Assert.Equal(("Sprachförderung", "Kurse und Sprachmittlung"), (topic.Name, topic.Description));
    }

    [Fact]
    public async Task SaveAndNextKeepsTheFormOpenWithTheKindAndParentForTheNextTerritory()
    {
        var id = await Store.SmallNetworkAsync();
        var cut = Open(id, null);
        StartNew(cut, EntityKind.Territory);
        cut.Find("#edit-name").Change("Landkreis Peine");
        cut.Find("#edit-kind").Change(TerritoryKinds.District);
        cut.Find("[data-testid=editor-save-next]").Click();

        cut.WaitForAssertion(() => Assert.Contains("„Landkreis Peine“ gespeichert", cut.Find("[data-testid=editor-status]").TextContent));
        Assert.Equal("", cut.Find("#edit-name").GetAttribute("value") ?? "");
        cut.Find("#edit-name").Change("Stadt Peine");
        cut.Find("#edit-kind").Change(TerritoryKinds.City);
        cut.Find("#edit-parent").Change("landkreis peine"); // the name, in any case
        cut.Find("[data-testid=editor-save-next]").Click();
        cut.WaitForAssertion(() => Assert.Contains("„Stadt Peine“ gespeichert", cut.Find("[data-testid=editor-status]").TextContent));

        var snapshot = await Networks.GetAsync(id);
        var county = Assert.Single(snapshot.All<Territory>(), t => t.Name == "Landkreis Peine");
        var town = Assert.Single(snapshot.All<Territory>(), t => t.Name == "Stadt Peine");
        Assert.Equal((county.Id, TerritoryKinds.City), (town.Parent, town.Kind));
        // The next one starts with the parent of the last.
        Assert.Equal("Landkreis Peine", cut.Find("#edit-parent").GetAttribute("value"));
    }

    [Fact]
    public async Task AMembershipIsAddedInTheBodysListByNameWithAGermanDay()
    {
        var id = await Store.SmallNetworkAsync();
        var cut = Open(id, "sg");
        cut.Find("[data-testid=relation-add]").Click();
        Assert.Equal("Steuerungsgruppe Integration", cut.Find("#edit-body").GetAttribute("value"));
        Assert.Contains(cut.FindAll("#edit-member-options option"), o => o.GetAttribute("value") == "Verein Brücke");
        cut.Find("#edit-member").Change("Verein Brücke");
        cut.Find("#edit-role").Change(MembershipRoles.Management);
        cut.Find("#edit-since").Change("1.3.2016");
        cut.Find("[data-testid=editor]").Submit();

        cut.WaitForAssertion(() => Assert.Equal("Gespeichert.", cut.Find("[data-testid=details-status]").TextContent.Trim()));
        var m = Assert.Single((await Networks.GetAsync(id)).All<Membership>(), m => m.Member == "mo");
        Assert.Equal(("sg", MembershipRoles.Management, "2016-03-01"), (m.Body, m.Role, m.Since));
        Assert.Contains("Verein Brücke", cut.Find("[data-testid=relations]").TextContent);
    }

    [Fact]
    public async Task ANameThatNamesNoEntryAndADayThatIsNoDayAreSaidBesideTheirFieldsAndTheInputStays()
    {
        var id = await Store.SmallNetworkAsync();
        var cut = Open(id, null);
        StartNew(cut, EntityKind.Membership);
        cut.Find("#edit-member").Change("Caritas");
        cut.Find("#edit-body").Change("Steuerungsgruppe Integration");
        cut.Find("#edit-since").Change("32.01.2020");
        cut.Find("[data-testid=editor]").Submit();

        cut.WaitForAssertion(() => Assert.Equal("„Caritas“ gibt es nicht; bitte einen Eintrag aus der Liste wählen.", cut.Find("#edit-member-error").TextContent));
        Assert.StartsWith("„32.01.2020“ ist kein Tag", cut.Find("#edit-since-error").TextContent);
        Assert.Equal("Caritas", cut.Find("#edit-member").GetAttribute("value"));
        Assert.Single((await Networks.GetAsync(id)).All<Membership>());
    }

    [Fact]
    public async Task DatesInTheWrongOrderAreExplainedInGermanWordsBesideTheEnd()
    {
        var id = await Store.SmallNetworkAsync();
        var cut = Open(id, null);
        StartNew(cut, EntityKind.Membership);
        cut.Find("#edit-member").Change("Verein Brücke");
        cut.Find("#edit-body").Change("Steuerungsgruppe Integration");
        cut.Find("#edit-since").Change("01.01.2020");
        cut.Find("#edit-until").Change("30.06.2019");
        cut.Find("[data-testid=editor]").Submit();

        cut.WaitForAssertion(() => Assert.Equal("„Ende“ (30.06.2019) liegt vor „Beginn“ (01.01.2020); die Daten sind in der falschen Reihenfolge.",
            cut.Find("#edit-until-error").TextContent));
        Assert.Equal("30.06.2019", cut.Find("#edit-until").GetAttribute("value"));
    }

    [Fact]
    public async Task TwoAndAHalfHoursStayTwoAndAHalfInAnEnglishCulture()
    {
        var id = await Store.SmallNetworkAsync();
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("en-US");
        try
        {
            var cut = Open(id, "sg");
            cut.Find("[data-testid=details-edit]").Click();
            cut.Find("#edit-meetingHours").Change("2,5");
            cut.Find("[data-testid=editor]").Submit();
            cut.WaitForAssertion(() => Assert.Equal("Gespeichert.", cut.Find("[data-testid=details-status]").TextContent.Trim()));
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
        Assert.Equal(2.5, (await Networks.GetAsync(id)).Find<Body>("sg")!.MeetingHours);
    }

    [Fact]
    public async Task ACollaborationAndAnActorAreCreatedWithTheirKinds()
    {
        var id = await Store.SmallNetworkAsync();
        var cut = Open(id, null);
        StartNew(cut, EntityKind.Actor);
        cut.Find("#edit-name").Change("Caritasverband Peine");
        cut.Find("#edit-shortName").Change("Caritas");
        cut.Find("#edit-kind").Change(ActorKinds.WelfareAssociation);
        cut.Find("[data-testid=editor-save-next]").Click();
        cut.WaitForAssertion(() => Assert.Contains("„Caritasverband Peine“ gespeichert", cut.Find("[data-testid=editor-status]").TextContent));
        // The next actor starts with the same kind.
        Assert.Equal(ActorKinds.WelfareAssociation, cut.Find("#edit-kind").GetAttribute("value"));
        cut.Find("[data-testid=editor-cancel]").Click();

        StartNew(cut, EntityKind.Collaboration);
        cut.Find("#edit-from").Change("Caritasverband Peine");
        cut.Find("#edit-to").Change("Jobcenter Testkreis");
        cut.Find("#edit-kind").Change(CollaborationKinds.Agreement);
        cut.Find("[data-testid=editor]").Submit();
        cut.WaitForAssertion(() => Assert.NotNull(_selected));
        var snapshot = await Networks.GetAsync(id);
        var caritas = Assert.Single(snapshot.All<Actor>(), a => a.ShortName == "Caritas");
        var c = snapshot.Find<Collaboration>(_selected!)!;
        Assert.Equal((caritas.Id, "jc", CollaborationKinds.Agreement), (c.From, c.To, c.Kind));
    }

    [Fact]
    public async Task AnActorCannotWorkWithItselfAndTheMessageStandsBesideTo()
    {
        var id = await Store.SmallNetworkAsync();
        var cut = Open(id, null);
        StartNew(cut, EntityKind.Collaboration);
        cut.Find("#edit-from").Change("Verein Brücke");
        cut.Find("#edit-to").Change("Verein Brücke");
        cut.Find("[data-testid=editor]").Submit();
        cut.WaitForAssertion(() => Assert.Equal("Ein Akteur kann nicht mit sich selbst zusammenarbeiten.", cut.Find("#edit-to-error").TextContent));
    }

    [Fact]
    public async Task APersonIsCreatedWithTheActorChosenByName()
    {
        var id = await Store.SmallNetworkAsync();
        var cut = Open(id, null);
        StartNew(cut, EntityKind.Person);
        cut.Find("#edit-name").Change("Anna Beispiel");
        cut.Find("#edit-function").Change("Fallmanagerin");
        cut.Find("#edit-actor").Change("Jobcenter Testkreis");
        cut.Find("[data-testid=editor]").Submit();
        cut.WaitForAssertion(() => Assert.NotNull(_selected));
        var person = (await Networks.GetAsync(id)).Find<Person>(_selected!)!;
        Assert.Equal(("Anna Beispiel", "Fallmanagerin", "jc"), (person.Name, person.Function, person.Actor));
    }

    [Fact]
    public async Task AMeasureIsCreatedWithItsProviders()
    {
        var id = await Store.SmallNetworkAsync();
        var cut = Open(id, null);
        StartNew(cut, EntityKind.Measure);
        cut.Find("#edit-name").Change("Welcome-App");
        Pick(cut, "edit-offeredBy", "jobcenter");
        Pick(cut, "edit-offeredBy", "Brücke");
        cut.Find("#edit-since").Change("01.04.2017");
        cut.Find("[data-testid=editor]").Submit();
        cut.WaitForAssertion(() => Assert.NotNull(_selected));
        var measure = (await Networks.GetAsync(id)).Find<Measure>(_selected!)!;
        Assert.Equal(["jc", "mo"], measure.OfferedBy);
        Assert.Equal("2017-04-01", measure.Since);
    }

    [Fact]
    public async Task TheNetworkItselfIsEditedWithItsDatenstandAndACompositionRule()
    {
        var id = await Store.SmallNetworkAsync();
        var cut = Open(id, null);
        cut.Find("[data-testid=network-edit]").Click();
        cut.Find("#edit-description").Change("Integrationsnetzwerk des Landkreises");
        cut.Find("#edit-dataAsOf").Change("31.12.2024");
        cut.Find("[data-testid=rule-add]").Click();
        cut.Find("#rule-0-bodyKind").Change(BodyKinds.SteeringGroup);
        Pick(cut, "rule-0-kinds", "Migrantenorg");
        Pick(cut, "rule-0-kinds", "Jobcenter");
        cut.Find("[data-testid=editor]").Submit();

        cut.WaitForAssertion(() => Assert.Equal("31.12.2024", cut.Find("dd[data-field=dataAsOf]").TextContent));
        var network = (await Networks.GetAsync(id)).Network;
        Assert.Equal(("Integrationsnetzwerk des Landkreises", "2024-12-31"), (network.Description, network.DataAsOf));
        var rule = Assert.Single(network.CompositionRules);
        Assert.Equal((BodyKinds.SteeringGroup, 2), (rule.BodyKind, rule.RequiredActorKinds.Count));
        Assert.Contains("Steuerungsgruppe: ", cut.Find("dd[data-field=compositionRules]").TextContent);
    }

    [Fact]
    public async Task ADeleteNamesWhatGoesWithItAndCanBeUndone()
    {
        var id = await Store.SmallNetworkAsync();
        var cut = Open(id, "jc");
        cut.Find("[data-testid=details-delete]").Click();
        Assert.Contains("Mit dem Akteur werden 1 Mitgliedschaft und 1 Kooperation gelöscht", cut.Find("[data-testid=confirm-delete]").TextContent);
        cut.Find("[data-testid=confirm-delete-yes]").Click();
        cut.WaitForAssertion(() => Assert.Null(_selected));
        cut.Render(p => p.Add(x => x.SelectedId, _selected));
        Assert.Contains("„Jobcenter Testkreis“ gelöscht, mit 1 Mitgliedschaft, 1 Kooperation.", cut.Find("[data-testid=details-status]").TextContent);
        Assert.Null((await Networks.GetAsync(id)).Find("jc"));

        cut.Find("[data-testid=details-undo]").Click();
        cut.WaitForAssertion(() => Assert.Equal("jc", _selected));
        var after = await Networks.GetAsync(id);
        Assert.NotNull(after.Find("jc"));
        Assert.Single(after.All<Membership>());
        Assert.Single(after.All<Collaboration>());
    }

    [Fact]
    public async Task AMembershipIsEndedInTheListAndTheEndCanBeUndone()
    {
        var id = await Store.SmallNetworkAsync();
        var cut = Open(id, "sg");
        cut.Find("[data-testid=relation-end]").Click();
        cut.WaitForAssertion(() => Assert.Contains("beendet", cut.Find("[data-testid=details-status]").TextContent));
        Assert.NotNull(Assert.Single((await Networks.GetAsync(id)).All<Membership>()).Until);
        cut.Find("[data-testid=details-undo]").Click();
        await Eventually(async () => (await Networks.GetAsync(id)).All<Membership>().Single().Until is null);
    }

    [Fact]
    public async Task TwoActorsAreMergedAfterAPreviewAndTheMergeCanBeUndone()
    {
        var id = await Store.SmallNetworkAsync();
        await Networks.CreateAsync(id, new Actor { Id = "jc2", Name = "Jobcenter im Testkreis", Kind = ActorKinds.Jobcenter }, "Test");
        await Networks.CreateAsync(id, new Membership { Member = "jc2", Body = "sg", Role = MembershipRoles.Member }, "Test");
        await Networks.CreateAsync(id, new Person { Id = "p", Name = "Fallmanagerin", Actor = "jc2" }, "Test");
        var cut = Open(id, "jc");
        cut.Find("[data-testid=details-merge]").Click();
        cut.Find("#merge-other").Change("Jobcenter im Testkreis");
        cut.Find("[data-testid=merge-dialog] form").Submit();

        var plan = cut.Find("[data-testid=merge-plan]").TextContent;
        Assert.Contains("„Jobcenter im Testkreis“ geht in „Jobcenter Testkreis“ auf", plan);
        Assert.Contains("Akteur „Jobcenter im Testkreis“: entfällt", plan);
        Assert.NotNull((await Networks.GetAsync(id)).Find("jc2")); // nothing changed by the preview
        cut.Find("[data-testid=merge-confirm]").Click();

        cut.WaitForAssertion(() => Assert.Contains("ist in „Jobcenter Testkreis“ aufgegangen", cut.Find("[data-testid=details-status]").TextContent));
        var merged = await Networks.GetAsync(id);
        Assert.Null(merged.Find("jc2"));
        Assert.Single(merged.All<Membership>()); // the same body twice became one
        Assert.Equal("jc", merged.Find<Person>("p")!.Actor);

        cut.Find("[data-testid=details-undo]").Click();
        await Eventually(async () => (await Networks.GetAsync(id)).Find("jc2") is not null);
        Assert.Equal("jc2", (await Networks.GetAsync(id)).Find<Person>("p")!.Actor);
    }

    [Fact]
    public async Task MergingABodyNeedsADayAndSaysSoBesideIt()
    {
        var id = await Store.SmallNetworkAsync();
        await Networks.CreateAsync(id, new Body { Id = "ks", Name = "Koordinierungsstab", Kind = BodyKinds.CoordinationStaff }, "Test");
        var cut = Open(id, "sg");
        cut.Find("[data-testid=details-merge]").Click();
        cut.Find("#merge-other").Change("Koordinierungsstab");
        cut.Find("#merge-asOf").Change("morgen");
        cut.Find("[data-testid=merge-dialog] form").Submit();
        Assert.StartsWith("„morgen“ ist kein Tag", cut.Find("#merge-asOf-error").TextContent);

        cut.Find("#merge-asOf").Change("12.03.2025");
        cut.Find("[data-testid=merge-dialog] form").Submit();
        Assert.Contains("„Koordinierungsstab“ wird aufgelöst", cut.Find("[data-testid=merge-plan]").TextContent);
        cut.Find("[data-testid=merge-confirm]").Click();
        await Eventually(async () => (await Networks.GetAsync(id)).Find<Body>("ks")!.Dissolved == "2025-03-12");
    }

    [Fact]
    public async Task TopicsAreChosenByTypingPartOfTheirNameWithTheKeyboard()
    {
        var id = await Store.SmallNetworkAsync();
        foreach (var (topic, name) in new[] { ("sprache", "Sprachförderung"), ("wohnen", "Wohnen und Unterbringung"), ("arbeit", "Arbeit und Ausbildung") })
            await Networks.CreateAsync(id, new Topic { Id = topic, Name = name }, "Test");
        var cut = Open(id, null);
        StartNew(cut, EntityKind.Actor);
        cut.Find("#edit-name").Change("Sprachschule Peine");
        cut.Find("#edit-kind").Change(ActorKinds.EducationProvider);

        var box = cut.Find("#edit-topics");
        Assert.Equal(("combobox", "false", "edit-topics-options"), (box.GetAttribute("role"), box.GetAttribute("aria-expanded"), box.GetAttribute("aria-controls")));
        box.Input("UNTER"); // part of a name, any case
        cut.WaitForAssertion(() => Assert.Equal("true", cut.Find("#edit-topics").GetAttribute("aria-expanded")));
        var options = cut.FindAll("#edit-topics-options li[role=option]");
        Assert.Equal(["Wohnen und Unterbringung"], options.Select(o => o.TextContent).ToArray());
        Assert.Equal("edit-topics-option-0", cut.Find("#edit-topics").GetAttribute("aria-activedescendant"));
        cut.Find("#edit-topics").KeyDown("Enter");
        cut.WaitForAssertion(() => Assert.Equal("false", cut.Find("#edit-topics").GetAttribute("aria-expanded")));
        Assert.Equal("", cut.Find("#edit-topics").GetAttribute("value") ?? "");

        // Arrow keys move through the matches, sorted by name; the one already chosen is marked so.
        cut.Find("#edit-topics").Input("ung");
        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("#edit-topics-options li[role=option]").Count));
        Assert.Equal("true", cut.Find("#edit-topics-options li[data-value=wohnen]").GetAttribute("aria-selected"));
        cut.Find("#edit-topics").KeyDown("ArrowDown");
        cut.WaitForAssertion(() => Assert.Equal("edit-topics-option-1", cut.Find("#edit-topics").GetAttribute("aria-activedescendant")));
        Assert.Equal("Sprachförderung", cut.Find("#edit-topics-option-1").TextContent);
        cut.Find("#edit-topics").KeyDown("Enter");
        cut.WaitForAssertion(() => Assert.Equal(["sprache", "wohnen"], cut.FindAll("[data-testid=picker-chosen] li").Select(li => li.GetAttribute("data-value") ?? "").Order().ToArray()));

        // A typed text nothing matches says so; Escape closes the list; a chosen one is removed by its button.
        cut.Find("#edit-topics").Input("xyz");
        cut.WaitForAssertion(() => Assert.Contains("Kein Name enthält „xyz“", cut.Find("#edit-topics-options").TextContent));
        cut.Find("#edit-topics").KeyDown("Escape");
        cut.WaitForAssertion(() => Assert.Equal("false", cut.Find("#edit-topics").GetAttribute("aria-expanded")));
        cut.Find("[data-testid=picker-chosen] li[data-value=wohnen] button[aria-label='„Wohnen und Unterbringung“ entfernen']").Click();
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=picker-chosen] li")));

        cut.Find("[data-testid=editor]").Submit();
        cut.WaitForAssertion(() => Assert.NotNull(_selected));
        Assert.Equal(["sprache"], (await Networks.GetAsync(id)).Find<Actor>(_selected!)!.Topics);
    }
}
