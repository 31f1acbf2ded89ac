using GraphApi.Domain;
using GraphUi.Components.Table;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace GraphUi.Components.Tests;

public sealed class TableViewTests(SeededStore store) : ComponentTest(store)
{
    private IRenderedComponent<TablePage> Open(string networkId, string query = "")
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo($"/networks/{networkId}/table{query}");
        return Render<TablePage>(p => p.Add(x => x.NetworkId, networkId));
    }

    [Fact]
    public void BodiesAreListedWithTheirMembersAndRolesInProperTables()
    {
        var cut = Open("peine");
        var table = cut.Find("table.bodies");
        Assert.StartsWith("Gremien", table.QuerySelector("caption")!.TextContent.Trim());
        Assert.Equal(["Gremium", "Art", "Status", "Mitglieder"], table.QuerySelectorAll("thead th[scope=col]").Select(th => th.TextContent).ToArray());

        var row = cut.Find("tr[data-body=sg-uebergangsmanagement]");
        Assert.Equal("Steuerungsgruppe Übergangsmanagement", row.QuerySelector("th[scope=row]")!.TextContent);
        Assert.Equal("Steuerungsgruppe", row.QuerySelectorAll("td")[0].TextContent);
        var member = row.QuerySelector("li[data-member=afa-peine]")!.TextContent;
        Assert.Contains("Agentur für Arbeit Hildesheim – Geschäftsstelle Peine", member);
        Assert.Contains("(Mitglied)", member);
        Assert.Equal("ruhend", cut.Find("tr[data-body=sg-integration-peine] td:nth-of-type(2)").TextContent);
    }

    [Fact]
    public void ActorsAreListedWithTheirBodiesAndCollaborations()
    {
        var cut = Open("peine");
        var table = cut.Find("table.actors");
        Assert.Equal(["Akteur", "Art", "Gremien", "Kooperationen"], table.QuerySelectorAll("thead th[scope=col]").Select(th => th.TextContent).ToArray());
        var row = cut.Find("tr[data-actor=afa-peine]");
        Assert.Contains("Steuerungsgruppe Übergangsmanagement", row.QuerySelector("li[data-body=sg-uebergangsmanagement]")!.TextContent);
        Assert.Contains("Berufsbildende Schulen Peine (informell)", row.QuerySelector("li[data-partner=bbs-peine]")!.TextContent);
        Assert.Equal("Agentur für Arbeit", row.QuerySelectorAll("td")[0].TextContent);
    }

    [Fact]
    public void TheAsOfFilterShowsTheNetworkOfThatDayAndSaysSo()
    {
        var cut = Open("peine", "?asOf=2016-01-01");
        Assert.Contains("01.01.2016", cut.Find("[data-testid=table-filters]").TextContent);
        Assert.Empty(cut.FindAll("tr[data-body=kommission-mut]")); // founded 2019
        Assert.Empty(cut.FindAll("tr[data-body=sg-uebergangsmanagement]"));
        Assert.NotEmpty(cut.FindAll("tr[data-body=koordinierungsstab-mut]"));
        Assert.Equal("/networks/peine/report?asOf=2016-01-01", cut.Find(".table-links a:nth-of-type(2)").GetAttribute("href"));
    }

    [Fact]
    public void TheMapsFiltersApplyAndAreSaidInWords()
    {
        var cut = Open("peine", "?actorKind=jobcenter&layers=actor,body,person");
        var filters = cut.Find("[data-testid=table-filters]").TextContent;
        Assert.Contains("Akteursart: Jobcenter", filters);
        Assert.Contains("Ebenen: Akteure, Gremien, Personen", filters);
        Assert.All(cut.FindAll("tr[data-actor] td:nth-of-type(1)"), td => Assert.Equal("Jobcenter", td.TextContent));
        Assert.Equal("/networks/peine?layers=actor%2Cbody%2Cperson&actorKind=jobcenter", cut.Find(".table-links a").GetAttribute("href"));
    }

    [Fact]
    public void ABadDateIsSaidAndTheWholeNetworkShown()
    {
        var cut = Open("peine", "?asOf=gestern");
        Assert.Contains("„gestern“ ist kein Datum", cut.Find("[role=alert]").TextContent);
        Assert.NotEmpty(cut.FindAll("tr[data-body=kommission-mut]"));
    }

    [Fact]
    public async Task NamesWithAnyUnicodeRenderAsText()
    {
        var id = await Store.SmallNetworkAsync();
        // Control characters are refused in names (BadInputTests); everything else a name may hold renders as text.
        const string name = "<script>alert(1)</script> Ümit & Söhne \u202Eعربي\u202C 🤝 \u00A0Glocke";
        var actor = (await Networks.GetAsync(id)).Find<Actor>("mo")!;
        await Networks.UpdateAsync(id, actor with { Name = name }, "Test");
        var cut = Open(id);
        Assert.Equal(name, cut.Find("tr[data-actor=mo] th").TextContent);
        Assert.DoesNotContain("<script>", cut.Markup);
        Assert.Contains("&lt;script&gt;", cut.Markup);
    }

    [Fact]
    public async Task ACommitElsewhereShowsAtOnce()
    {
        var id = await Store.SmallNetworkAsync();
        var cut = Open(id);
        Assert.Empty(cut.FindAll("tr[data-actor=neu]"));
        await Networks.CreateAsync(id, new Actor { Id = "neu", Name = "Neuer Träger", Kind = ActorKinds.EducationProvider }, "Anna");
        cut.WaitForAssertion(() => Assert.Equal("Neuer Träger", cut.Find("tr[data-actor=neu] th").TextContent));
    }
}
