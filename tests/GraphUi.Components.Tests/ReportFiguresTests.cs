using System.Globalization;
using GraphApi.Analysis;
using GraphApi.Exchange;
using GraphApi.Localization;
using GraphUi.Components.Panels;
using GraphUi.Components.Report;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace GraphUi.Components.Tests;

/// <summary>
/// Issue 9: one figure everywhere, the Mitteilungsvorlage's header kept with the network, finding marks in the panel.
/// The report, the analysis panel and the API (Figures.Of, what GET /analysis/figures answers) print the same numbers.
/// </summary>
public sealed class ReportFiguresTests(SeededStore store) : ComponentTest(store)
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    private IRenderedComponent<ReportPage> Report(string networkId)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo($"/networks/{networkId}/report");
        return Render<ReportPage>(p => p.Add(x => x.NetworkId, networkId));
    }

    private IRenderedComponent<AnalysisPanel> Panel(string networkId) =>
        Render<AnalysisPanel>(p => p.Add(x => x.NetworkId, networkId).Add(x => x.Highlight, _ => { }));

    [Theory]
    [InlineData("peine")]
    [InlineData("dithmarschen")]
    public async Task ReportPanelAndApiShowTheSameFigures(string networkId)
    {
        var api = Figures.Of(AnalysisView.For(await Networks.GetAsync(networkId), null));
        var report = Report(networkId);
        var panel = Panel(networkId);
        panel.Find("#tab-costs").Click();

        var memberships = Figures.FormatCount(api.Memberships, German);
        var hours = Figures.FormatHours(api.HoursPerYear, German);
        Assert.Equal(memberships, report.Find("#key-figures dd[data-figure=memberships]").TextContent);
        Assert.Equal(memberships, panel.Find("dd[data-figure=memberships]").TextContent);
        Assert.Equal(hours, report.Find("#key-figures dd[data-figure=hours]").TextContent);
        Assert.Equal(hours, report.Find("table.bodies tfoot td[data-figure=hours]").TextContent);
        Assert.Equal(hours, panel.Find("dd[data-figure=total]").TextContent);
        Assert.Contains($"{hours} Personenstunden", report.Find(".facts-costs").TextContent);
        Assert.Contains($"{hours} Personenstunden", panel.Find("p.summary").TextContent);
        Assert.Equal(Figures.FormatCount(api.Seats, German), report.Find("table.bodies tfoot td[data-figure=seats]").TextContent);
        Assert.Equal(Figures.FormatCount(api.Seats, German), panel.Find("dd[data-figure=seats]").TextContent);
        Assert.Equal(Figures.FormatCount(api.Actors, German), report.Find("#key-figures dd[data-figure=actors]").TextContent);
        // Every body's members in the report's table are the figure's, and the column sums to the seats.
        foreach (var (body, members) in api.MembersByBody)
            Assert.Equal(Figures.FormatCount(members, German), report.Find($"table.bodies tr[data-body={body}] td:nth-of-type(4)").TextContent);
        Assert.Equal(api.Seats, api.MembersByBody.Values.Sum());
        // The Sachverhalt's sentence counts as the figures do.
        Assert.Contains($"{memberships} Mitgliedschaften", report.Find(".facts-size").TextContent);
    }

    [Theory]
    [InlineData("peine")]
    [InlineData("dithmarschen")]
    public async Task TheTableShowsTheFiguresOfTheReportAndThePanel(string networkId)
    {
        var api = Figures.Of(AnalysisView.For(await Networks.GetAsync(networkId), null));
        var report = Report(networkId);
        var panel = Panel(networkId);
        panel.Find("#tab-costs").Click();
        Services.GetRequiredService<NavigationManager>().NavigateTo($"/networks/{networkId}/table");
        var table = Render<GraphUi.Components.Table.TablePage>(p => p.Add(x => x.NetworkId, networkId));

        foreach (var figure in new[] { "actors", "bodies", "memberships", "hours" })
            Assert.Equal(report.Find($"#key-figures dd[data-figure={figure}]").TextContent.Split(' ')[0], table.Find($"[data-testid=table-figures] dd[data-figure={figure}]").TextContent);
        Assert.Equal(panel.Find("dd[data-figure=memberships]").TextContent, table.Find("[data-testid=table-figures] dd[data-figure=memberships]").TextContent);
        Assert.Equal(panel.Find("dd[data-figure=seats]").TextContent, table.Find("[data-testid=table-figures] dd[data-figure=seats]").TextContent);
        Assert.Equal(panel.Find("dd[data-figure=total]").TextContent, table.Find("[data-testid=table-figures] dd[data-figure=hours]").TextContent);
        Assert.Equal(Figures.FormatHours(api.HoursPerYear, German), table.Find("[data-testid=table-figures] dd[data-figure=hours]").TextContent);
        Assert.Matches(@"^\d{1,3}(\.\d{3})*(,\d)?$", table.Find("[data-testid=table-figures] dd[data-figure=hours]").TextContent); // "1.121,5"
        // The captions count as the figures do, and so do the rows (the table shows the analysis day, as the report does).
        Assert.Contains($"({Figures.FormatCount(api.Bodies, German)} Gremien)", table.Find("table.bodies caption").TextContent);
        Assert.Contains($"({Figures.FormatCount(api.Actors, German)} Akteure)", table.Find("table.actors caption").TextContent);
        Assert.Equal(api.Bodies, table.FindAll("tr[data-body]").Count);
        Assert.Contains(Dates.Day(DateOnly.ParseExact(api.AsOf, "yyyy-MM-dd")), table.Find("#table-figures-title").TextContent);
        foreach (var (body, members) in api.MembersByBody)
        {
            Assert.Equal(members.ToString(German), table.Find($"tr[data-body={body}] td[data-members]").GetAttribute("data-members"));
            // Persons are folded into the actor they stand for (the map's default layers): a person and their actor share a line.
            Assert.InRange(table.FindAll($"tr[data-body={body}] li[data-member]").Count, Math.Min(members, 1), members);
        }
    }

    [Fact]
    public async Task PersonsAreNotNamedInThePaper()
    {
        var id = await Store.SmallNetworkAsync();
        await Networks.CreateAsync(id, new GraphApi.Domain.Person { Id = "anna", Name = "Anna Beispiel", Function = "Leitung Referat Integration", Actor = "jc" }, "Test");
        await Networks.CreateAsync(id, new GraphApi.Domain.Membership { Member = "anna", Body = "sg", Representing = "jc" }, "Test");
        var cut = Report(id);
        Assert.DoesNotContain("Anna", cut.Markup);
        Assert.Contains("Leitung Referat Integration", cut.Find(".facts-body[data-body=sg]").TextContent);
    }

    [Fact]
    public void HoursAreRoundedOnceAndWrittenTheGermanWay()
    {
        Assert.Equal("1.121,5", Figures.FormatHours(1121.5, German));
        Assert.Equal("1.122", Figures.FormatHours(1121.96, German));
        Assert.Equal(0.3, Figures.Hours(0.1 + 0.2));
    }

    [Fact]
    public async Task TheHeaderIsEditedOnThePageKeptWithTheNetworkAndShownInTheHeader()
    {
        var id = await Store.SmallNetworkAsync("Kreis Vorlage");
        var cut = Report(id);
        cut.Find("#rs-unit").Change("Amt für Migration und Integration");
        cut.Find("#rs-date").Change("16.09.2022");
        cut.Find("#rs-number").Change("2022/248");
        cut.Find("#rs-meeting").Change("26.09.2022");
        cut.Find("button.add-consultation").Click();
        cut.Find("#rs-c-body-0").Change("Sozialausschuss");
        cut.Find("#rs-c-date-0").Change("26.9.2022");
        cut.Find("form.report-settings-form").Submit();

        await Eventually(async () => (await Networks.GetAsync(id)).Network.Report?.Number == "2022/248");
        var stored = (await Networks.GetAsync(id)).Network.Report!;
        Assert.Equal("2022-09-16", stored.Date);
        Assert.Equal("2022-09-26", stored.MeetingDate);
        Assert.Equal(new GraphApi.Domain.ReportConsultation("Sozialausschuss", "2022-09-26", "öffentlich"), stored.Consultations.Single());
        cut.WaitForAssertion(() => Assert.Equal("2022/248", cut.Find("[data-field=number]").TextContent));
        Assert.Equal("Amt für Migration und Integration", cut.Find("[data-field=unit]").TextContent);
        Assert.Equal("16.09.2022", cut.Find("[data-field=date]").TextContent);
        Assert.Equal("26.09.2022", cut.Find("[data-field=meetingDate]").TextContent);
        Assert.Contains("Sozialausschuss", cut.Find("tr[data-field=consultation]").TextContent);
        Assert.Contains("Zur Kenntnisnahme", cut.Find("#proposal-title").TextContent);
    }

    [Fact]
    public async Task ABadDateAndADecisionWithoutTextAreRefusedBesideTheirFieldsAndNothingIsSaved()
    {
        var id = await Store.SmallNetworkAsync();
        var cut = Report(id);
        cut.Find("#rs-date").Change("32.13.2022");
        cut.Find("form.report-settings-form").Submit();
        cut.WaitForAssertion(() => Assert.Contains("„32.13.2022“ ist kein Datum", cut.Find(".report-settings .validation-message").TextContent));
        Assert.Equal("32.13.2022", cut.Find("#rs-date").GetAttribute("value")); // what the user typed stays

        cut.Find("#rs-date").Change("01.02.2023");
        cut.FindAll("input[type=radio]").Single(r => r.GetAttribute("value") == "decision").Change("decision");
        cut.Find("form.report-settings-form").Submit();
        cut.WaitForAssertion(() => Assert.Contains("Beschlussvorschlag braucht seinen Text", cut.Find(".report-settings").TextContent));
        Assert.Null((await Networks.GetAsync(id)).Network.Report);
    }

    [Fact]
    public async Task AMarkedFindingShowsItsMarkUntilItsFactsChange()
    {
        var id = await Store.SmallNetworkAsync();
        var cut = Panel(id);
        cut.Find("#tab-gaps").Click();
        const string item = "ol.findings > li:first-child";
        cut.Find($"{item} button.open-mark").Click();
        cut.Find($"{item} select").Change(GraphApi.Domain.FindingMarkStates.InProgress);
        cut.Find($"{item} input[type=text]").Change("Gespräch mit dem Verein im März");
        cut.Find($"{item} form.mark-form").Submit();
        cut.WaitForAssertion(() => Assert.Equal("true", cut.Find($"{item} p.mark").GetAttribute("data-applies")));
        Assert.Contains("In Bearbeitung: Gespräch mit dem Verein im März", cut.Find($"{item} p.mark").TextContent);
        var mark = (await Networks.GetAsync(id)).Network.FindingMarks.Single();
        Assert.StartsWith("gap:", mark.Key);
        Assert.Equal("Gespräch mit dem Verein im März", mark.Note);

        // The exchange carries the mark.
        var document = NetworkExchange.ToDocument(await Networks.GetAsync(id));
        Assert.Equal(mark, document.FindingMarks!.Single());

        // Facts that differ from the marked ones: the mark is shown as no longer applying.
        var validator = Store.Services.GetRequiredService<GraphApi.Domain.EntityValidator>();
        await FindingMarking.ChangeNetworkAsync(Networks, validator, id, n => n with { FindingMarks = [mark with { Fingerprint = "0000000000000000" }] }, "Test");
        cut.WaitForAssertion(() => Assert.Equal("false", cut.Find($"{item} p.mark").GetAttribute("data-applies")));
        Assert.Contains("gilt nicht mehr", cut.Find($"{item} p.mark").TextContent);
        // The paper shows a mark only while it applies.
        Assert.Empty(Report(id).FindAll($"[data-mark=\"{mark.Key}\"]"));
        await FindingMarking.ChangeNetworkAsync(Networks, validator, id, n => n with { FindingMarks = [mark] }, "Test");
        Assert.Contains("In Bearbeitung", Report(id).Find($"[data-mark=\"{mark.Key}\"]").TextContent);
    }
}
