using System.Text.RegularExpressions;
using GraphApi.Domain;
using GraphApi.Networks;
using GraphUi.Tests.Pages;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GraphUi.Tests;

/// <summary>
/// The readable history, the Sitzungen and "Was hat sich geändert?" (issue 9, points 2 and 3). Each test works on a
/// network of its own; the changes "made earlier" are committed through the app's service with the user's name.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class HistoryTests(BrowserFixture browser, MapApp app) : IClassFixture<MapApp>, IAsyncLifetime
{
    private const string Me = "Anna Moderation";
    private const string MyEmail = "anna.moderation@kreis.test";
    /// <summary>The account the page is signed in as; the service writes "earlier" changes as it (name and user id).</summary>
    private Author _me;
    private IPage _page = null!;
    private MapPage _map = null!;
    private HistoryPanel _history = null!;

    private NetworkService Networks => app.Services.GetRequiredService<NetworkService>();

    public async Task InitializeAsync()
    {
        await app.CreateAccountAsync(MyEmail, Me);
        _me = await app.AuthorAsync(MyEmail);
        _page = await browser.NewPageAsync(app.BaseUrl, email: MyEmail);
        _map = new MapPage(_page);
        _history = new HistoryPanel(_page);
    }

    public async Task DisposeAsync() => await _page.Context.CloseAsync();

    private async Task<string> NetworkAsync()
    {
        var id = "h-" + Guid.NewGuid().ToString("N")[..8];
        await Networks.CreateNetworkAsync(new Network { Id = id, Name = "Landkreis Peine (Test)" }, "Einrichtung");
        await Networks.CreateAsync(id, new Actor { Id = "jc", Name = "Jobcenter Peine", Kind = ActorKinds.Jobcenter }, "Einrichtung");
        await app.GrantAsync(id, MyEmail);
        await Networks.CreateAsync(id, new Actor { Id = "caritas", Name = "Caritasverband Peine", Kind = ActorKinds.WelfareAssociation }, "Einrichtung");
        await Networks.CreateAsync(id, new Body { Id = "mut", Name = "Koordinierungsstab MuT", Kind = BodyKinds.CoordinationStaff }, "Einrichtung");
        await Networks.CreateAsync(id, new Membership { Id = "m-jc", Member = "jc", Body = "mut" }, "Einrichtung");
        return id;
    }

    /// <summary>Opens the map as the signed-in account, which is who one is on the map and in the history.</summary>
    private async Task OpenAsMeAsync(string id)
    {
        await _map.OpenAsync(id);
        await Expect(_page.Locator("ul.presence li.me")).ToContainTextAsync(Me);
    }

    private async Task RenameAsync(string id, string actorId, string name)
    {
        var actor = (await Networks.GetAsync(id)).Find<Actor>(actorId)!;
        await Networks.UpdateAsync(id, actor with { Name = name }, _me);
    }

    [Fact]
    public async Task AnEditReadsAsASentenceAndIsUndoneAndAfterAReloadRedone()
    {
        var id = await NetworkAsync();
        await OpenAsMeAsync(id);
        await _map.ShowPanelAsync("history");
        await RenameAsync(id, "caritas", "Caritas Peine e.V.");

        await Expect(_history.NewestSentence).ToHaveTextAsync($"{Me} hat den Akteur „Caritasverband Peine“ in „Caritas Peine e.V.“ umbenannt");
        await Expect(_history.NewestTime).ToHaveTextAsync(new Regex("^(jetzt|gerade eben|vor \\d+ Sekunden|vor einer Minute|vor \\d+ Minuten)$"));
        await Expect(_history.Root).Not.ToContainTextAsync("„caritas“");
        await _page.AssertAccessibleAsync("history with a sentence");

        await Expect(_history.Undo).ToBeEnabledAsync();
        await _history.Undo.ClickAsync();
        await Expect(_history.Status).ToHaveTextAsync("Rückgängig gemacht.");
        await Expect(_history.NewestSentence).ToHaveTextAsync($"{Me} hat den Akteur „Caritas Peine e.V.“ in „Caritasverband Peine“ umbenannt");

        await _page.ReloadAsync();
        await _map.WaitUntilDrawnAsync();
        await Expect(_page.Locator("ul.presence li.me")).ToContainTextAsync(Me);
        await _map.ShowPanelAsync("history");
        await Expect(_history.Redo).ToBeEnabledAsync();
        await _history.Redo.ClickAsync();
        await Expect(_history.Status).ToHaveTextAsync("Wiederholt.");
        await Expect(_history.NewestSentence).ToHaveTextAsync($"{Me} hat den Akteur „Caritasverband Peine“ in „Caritas Peine e.V.“ umbenannt");
        Assert.Equal("Caritas Peine e.V.", (await Networks.GetAsync(id)).Find<Actor>("caritas")!.Name);
        await _page.AssertAccessibleAsync("history after redo");
    }

    [Fact]
    public async Task RestoringAStateShowsWhatItWillChangeBeforeItRestores()
    {
        var id = await NetworkAsync();
        var earlier = (await Networks.GetAsync(id)).Revision;
        await Networks.CreateAsync(id, new Actor { Id = "bruecke", Name = "Verein Brücke", Kind = ActorKinds.MigrantOrganisation }, "Bea");
        await RenameAsync(id, "jc", "Jobcenter Landkreis Peine");
        await OpenAsMeAsync(id);
        await _map.ShowPanelAsync("history");

        await _history.AskToRestoreAsync(earlier);
        await Expect(_history.Preview).ToHaveTextAsync([
            "Der Akteur „Jobcenter Landkreis Peine“ heißt jetzt „Jobcenter Peine“.",
            "Der Akteur „Verein Brücke“ ist entfernt.",
        ]);
        await _page.AssertAccessibleAsync("restore preview");
        Assert.NotNull((await Networks.GetAsync(id)).Find("bruecke")); // nothing happened yet

        await _history.ConfirmRestore.ClickAsync();
        await Expect(_history.Status).ToHaveTextAsync($"Stand {earlier} wiederhergestellt.");
        await Expect(_map.Node("bruecke")).ToHaveCountAsync(0);
        Assert.Equal("Jobcenter Peine", (await Networks.GetAsync(id)).Find<Actor>("jc")!.Name);
    }

    [Fact]
    public async Task AMeetingIsStartedAndEndedAndItsChangesShowOnTheMapInSentencesAndInItsProtokoll()
    {
        var id = await NetworkAsync();
        await OpenAsMeAsync(id);
        var meeting = new MeetingControl(_page);
        await meeting.StartAsync("Sitzung der Steuerungsgruppe", "12.03.2025");
        await Expect(meeting.Running).ToHaveTextAsync("Sitzung läuft: Sitzung der Steuerungsgruppe, 12.03.2025");
        await _page.AssertAccessibleAsync("meeting running");

        await Networks.CreateAsync(id, new Actor { Id = "bruecke", Name = "Verein Brücke", Kind = ActorKinds.MigrantOrganisation }, _me);
        var seat = (await Networks.GetAsync(id)).Find<Membership>("m-jc")!;
        await Networks.UpdateAsync(id, seat with { Until = "2025-03-12" }, _me);
        await Expect(_map.Node("bruecke")).ToHaveCountAsync(1);
        await meeting.EndAsync();

        await meeting.CompareLink.ClickAsync();
        var compare = new ComparePage(_page);
        await compare.WaitUntilDrawnAsync();
        await Expect(compare.Group("appeared")).ToHaveTextAsync(["Der Akteur „Verein Brücke“ ist neu."]);
        await Expect(compare.Group("ended")).ToHaveTextAsync(["Die Mitgliedschaft von „Jobcenter Peine“ im Gremium „Koordinierungsstab MuT“ ist beendet."]);
        await Expect(compare.NodeCard("bruecke")).ToHaveAttributeAsync("data-mark", "new");
        await Expect(compare.NodeCard("mut")).ToHaveAttributeAsync("data-mark", "changed");
        await Expect(compare.NodeCard("caritas")).Not.ToHaveAttributeAsync("data-mark", new Regex("."));
        await Expect(compare.Legend).ToContainTextAsync("neu");
        Assert.Contains($"meeting=", _page.Url);

        // Read from the back of the room like the presentation view: labels of 16 px at least, none on another; the marks in
        // words beside the cards and on the ended membership's line (dashed), not in colour alone.
        await compare.AssertReadableAsync(atFit: true);
        await Expect(compare.Node("bruecke").Locator(".mark-badge")).ToHaveTextAsync("neu");
        await Expect(compare.Node("mut").Locator(".mark-badge")).ToHaveTextAsync("geändert");
        var ended = _page.Locator("[data-testid=map] path.rel[data-mark=ended]");
        await Expect(ended).ToHaveCountAsync(1);
        Assert.NotEqual("none", await ended.EvaluateAsync<string>("p => getComputedStyle(p).strokeDasharray"));
        await Expect(_page.Locator("[data-testid=map] .link-mark.mark-ended")).ToHaveTextAsync("beendet");
        var words = await compare.TextBoxesAsync(".link-mark, .node-badges");
        Assert.Equal(4, words.Length); // "neu" (Brücke), "geändert" (the Jobcenter and the Koordinierungsstab), "beendet" (their membership)
        Assert.All(words, w => Assert.True(w.FontPx >= 16 - 0.01, $"{w.Type} {w.Id}: {w.FontPx:F1} px"));
        var labels = await compare.VisibleLabelsAsync();
        var covered = words.SelectMany(w => labels.Where(w.Overlaps).Select(l => $"{w.Type} {w.Id} × {l.Id}")).ToList();
        Assert.True(covered.Count == 0, "marks on labels: " + string.Join(", ", covered));
        await Expect(compare.Legend.Locator("li[data-mark=ended] line.mark-ended")).ToHaveCountAsync(1);
        await _page.AssertAccessibleAsync("comparison of a meeting");
        await compare.ScreenshotAsync("compare-meeting-1280x720");

        await _page.GoBackAsync();
        await _map.WaitUntilDrawnAsync();
        await meeting.ProtokollLink.ClickAsync();
        var protokoll = new ProtokollPage(_page);
        await Expect(protokoll.Heading).ToHaveTextAsync("Protokoll: Sitzung der Steuerungsgruppe, 12.03.2025");
        await Expect(protokoll.Group("Actor")).ToHaveTextAsync([new Regex($"^\\d\\d:\\d\\d Uhr {Me} hat den Akteur „Verein Brücke“ angelegt$")]);
        await Expect(protokoll.Group("Membership")).ToHaveTextAsync(
            [new Regex($"{Me} hat die Mitgliedschaft von „Jobcenter Peine“ im Gremium „Koordinierungsstab MuT“ beendet$")]);
        await Expect(protokoll.Root.Locator("section")).ToHaveCountAsync(2); // the meeting's own start and end are not part of it
        await _page.AssertAccessibleAsync("Protokoll");

        // "Drucken" opens the browser's print dialog (through the interop: the CSP allows no inline handler).
        await _page.EvaluateAsync("() => { window.__printed = 0; window.print = () => { window.__printed++; }; }");
        await Expect(protokoll.Print).ToBeEnabledAsync();
        await protokoll.Print.ClickAsync();
        await _page.WaitForFunctionAsync("() => window.__printed === 1");

        await _page.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(protokoll.Actions).ToBeHiddenAsync();
        var pdf = await _page.PdfAsync(new() { Format = "A4" });
        Assert.True(pdf.Length > 1000 && pdf[0] == (byte)'%', "the Protokoll prints to a PDF");
    }
}
