using System.Text;
using Bunit.TestDoubles;
using GraphUi.Components.Networks;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;

namespace GraphUi.Components.Tests;

public sealed class NetworkListTests(SeededStore store) : ComponentTest(store)
{
    [Fact]
    public void ListsTheNetworksWithTheirSizeInWordsAndTheirPages()
    {
        var cut = Render<NetworkList>();
        var peine = cut.Find("tr[data-network=peine]");
        Assert.Equal("Landkreis Peine", peine.QuerySelector("th a")!.TextContent);
        Assert.Matches(@"^\d+ Akteure, \d+ Gremien, \d+ Mitgliedschaften$", peine.QuerySelector("td.counts")!.TextContent);
        var links = peine.QuerySelectorAll("td.actions a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["/networks/peine", "/networks/peine/table", "/networks/peine/report", "/api/networks/peine/export?format=json"], links);
        Assert.NotNull(cut.Find("table.networks caption"));
        Assert.Equal(3, cut.FindAll("table.networks thead th[scope=col]").Count);
    }

    [Fact]
    public async Task AnEmptyNameIsShownBesideTheFieldAndWhatWasTypedStays()
    {
        var cut = Render<NetworkList>();
        cut.Find("#new-network-id").Change("leer-" + Guid.NewGuid().ToString("N")[..6]);
        var typedId = cut.Find("#new-network-id").GetAttribute("value");
        cut.Find("[data-testid=create-network]").Submit();

        cut.WaitForAssertion(() => Assert.Equal("Darf nicht leer sein.", cut.Find("#new-network-name-error").TextContent));
        Assert.Equal("true", cut.Find("#new-network-name").GetAttribute("aria-invalid"));
        Assert.Contains("new-network-name-error", cut.Find("#new-network-name").GetAttribute("aria-describedby"));
        Assert.Equal(typedId, cut.Find("#new-network-id").GetAttribute("value"));
        Assert.Null((await Networks.TryGetAsync(typedId!)));
    }

    [Fact]
    public void ATakenIdIsRefusedWithAMessage()
    {
        var cut = Render<NetworkList>();
        cut.Find("#new-network-name").Change("Noch einmal Peine");
        cut.Find("#new-network-id").Change("peine");
        cut.Find("[data-testid=create-network]").Submit();
        cut.WaitForAssertion(() => Assert.Contains("„peine“ gibt es schon", cut.Find("[data-testid=create-conflict]").TextContent));
    }

    [Fact]
    public async Task ANewNetworkIsCreatedAndItsMapOpens()
    {
        var id = "neu-" + Guid.NewGuid().ToString("N")[..6];
        var cut = Render<NetworkList>();
        cut.Find("#new-network-name").Change("Kreis Stormarn");
        cut.Find("#new-network-id").Change(id);
        cut.Find("[data-testid=create-network]").Submit();

        var navigation = Services.GetRequiredService<NavigationManager>();
        cut.WaitForAssertion(() => Assert.EndsWith($"/networks/{id}", navigation.Uri));
        Assert.Equal("Kreis Stormarn", (await Networks.GetAsync(id)).Network.Name);
        // The list itself follows the commit.
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find($"tr[data-network=\"{id}\"]")));
    }

    [Fact]
    public async Task ABrokenFileListsEveryProblemWithItsPlaceAndWritesNothing()
    {
        const string broken = """
            { "network": { "id": "peine", "name": "" },
              "actors": [ { "id": "x", "name": "X", "kind": "ngo", "territories": [], "topics": ["nirgends"] } ] }
            """;
        var revision = (await Networks.GetAsync("peine")).Revision;
        var cut = Render<NetworkList>();
        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(broken, "kaputt.json"));
        cut.Find("#import-form").Submit();

        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("#import-result ul.problems li").Count));
        var problems = cut.Find("#import-result").TextContent;
        Assert.Contains("$.network.name", problems);
        Assert.Contains("$.actors[0].kind", problems);
        Assert.Contains("$.actors[0].topics[0]", problems);
        Assert.Contains("Es wurde nichts verändert", problems);
        Assert.Equal(revision, (await Networks.GetAsync("peine")).Revision);
    }

    [Fact]
    public void UnreadableJsonIsReportedNotThrown()
    {
        var cut = Render<NetworkList>();
        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(Encoding.UTF8.GetBytes("{ nicht json"), "kaputt.json"));
        cut.Find("#import-form").Submit();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("#import-result ul.problems li")));
    }

    [Fact]
    public async Task AGoodFileIsImportedAndItsMapOpens()
    {
        var id = "boerde-" + Guid.NewGuid().ToString("N")[..6];
        var good = $$"""
            { "network": { "id": "{{id}}", "name": "Landkreis Börde" },
              "topics": [ { "id": "sprache", "name": "Sprachförderung" } ],
              "actors": [ { "id": "vhs", "name": "Volkshochschule", "kind": "educationProvider", "territories": [], "topics": ["sprache"] } ] }
            """;
        var cut = Render<NetworkList>();
        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(good, "boerde.json"));
        cut.Find("#import-form").Submit();

        var navigation = Services.GetRequiredService<NavigationManager>();
        cut.WaitForAssertion(() => Assert.EndsWith($"/networks/{id}", navigation.Uri));
        Assert.Equal("Volkshochschule", (await Networks.GetAsync(id)).Find<GraphApi.Domain.Actor>("vhs")!.Name);
    }

    [Fact]
    public async Task AnExcelWorkbookIsImportedLikeAJsonFile()
    {
        // The issue's user forced an .xlsx into the JSON-only picker and got "Fehlerhaftes JSON". The form now reads every format.
        var id = "boerde-xlsx-" + Guid.NewGuid().ToString("N")[..6];
        var source = GraphApi.Domain.NetworkSnapshot.Create(new GraphApi.Domain.Network { Id = id, Name = "Landkreis Börde" }, 1,
            [new GraphApi.Domain.Actor { Id = "vhs", Name = "Volkshochschule Börde", Kind = GraphApi.Domain.ActorKinds.EducationProvider, Territories = [], Topics = [] }]);
        using var workbook = new MemoryStream();
        await new GraphApi.Exchange.Excel.ExcelNetworkWriter().WriteAsync(
            new GraphApi.Exchange.ExportRequest(source, new Dictionary<string, GraphApi.Storage.NodePosition>(), new Dictionary<string, string?>()),
            workbook, CancellationToken.None);

        var cut = Render<NetworkList>();
        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(workbook.ToArray(), "boerde.xlsx",
            contentType: GraphApi.Exchange.Excel.ExcelNetworkWriter.MediaType));
        cut.Find("#import-form").Submit();

        var navigation = Services.GetRequiredService<NavigationManager>();
        cut.WaitForAssertion(() => Assert.EndsWith($"/networks/{id}", navigation.Uri));
        Assert.Equal("Volkshochschule Börde", (await Networks.GetAsync(id)).Find<GraphApi.Domain.Actor>("vhs")!.Name);
    }
}
