using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GraphApi.Analysis;
using GraphApi.Api;
using GraphApi.Domain;
using GraphApi.Exchange;

namespace GraphApi.Tests.Analysis;

/// <summary>Issue 9: finding marks (fingerprint, API, exchange), the report settings in the exchange, one figure everywhere.</summary>
public sealed class FindingMarkTests
{
    /// <summary>Two steering groups that share the Jobcenter and the Kreisverwaltung: a Doppelstruktur.</summary>
    private static FindingsNetwork Network() => new FindingsNetwork()
        .Topic("arbeit", "Arbeit")
        .Actor("kv", "Kreisverwaltung", ActorKinds.Administration).Actor("jc", "Jobcenter", ActorKinds.Jobcenter)
        .Actor("v1", "Verein 1", ActorKinds.MigrantOrganisation).Actor("v2", "Verein 2", ActorKinds.MigrantOrganisation)
        .Body(new Body { Id = "sg", Name = "Steuerungsgruppe Integration", Kind = BodyKinds.SteeringGroup, Topics = ["arbeit"], MeetingsPerYear = 4, MeetingHours = 2.5 },
            "kv", "jc", "v1")
        .Body(new Body { Id = "su", Name = "Steuerungsgruppe Übergang", Kind = BodyKinds.SteeringGroup, Topics = ["arbeit"], MeetingsPerYear = 3, MeetingHours = 1.5 },
            "kv", "jc", "v1");

    [Fact]
    public void AnOverlapsFingerprintChangesWithItsFactsNotWithItsLanguage()
    {
        var view = AnalysisView.For(Network().Snapshot("2024-06-30"), null);
        var german = Overlaps.Find(view, OverlapWeights.Default, Overlaps.DefaultThreshold, Phrases.German).Single();
        var english = Overlaps.Find(view, OverlapWeights.Default, Overlaps.DefaultThreshold, Phrases.English).Single();
        Assert.Equal("overlap:sg|su", FindingMarking.Of(german).Key);
        Assert.Equal((FindingMarking.Of(german).Key, FindingMarking.Of(german).Fingerprint), (FindingMarking.Of(english).Key, FindingMarking.Of(english).Fingerprint));

        var changed = AnalysisView.For(Network().Member("su", "v2").Snapshot("2024-06-30"), null);
        var after = FindingMarking.Of(Overlaps.Find(changed, OverlapWeights.Default, Overlaps.DefaultThreshold, Phrases.German).Single());
        Assert.Equal(FindingMarking.Of(german).Key, after.Key);
        Assert.NotEqual(FindingMarking.Of(german).Fingerprint, after.Fingerprint);
    }

    [Fact]
    public async Task AMarkIsSetThroughTheApiKeptInTheExchangeAndOutdatedWhenTheFactsChange()
    {
        using var app = await FindingsHttp.StartWith(Network());
        var client = app.CreateClient();
        var put = await client.PutAsJsonAsync("/api/networks/kreis/analysis/marks",
            new { key = "overlap:sg|su", state = "reviewed", note = "Beide bleiben: verschiedene Aufträge." });
        Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync());

        var marks = await app.Read<AnalysisApi.MarksResponse>("/api/networks/kreis/analysis/marks");
        var mark = marks.Marks.Single();
        Assert.Equal(("overlap:sg|su", "reviewed", true), (mark.Key, mark.State, mark.Applies));

        // The JSON export carries the mark; a re-import of a file without marks keeps them.
        var exported = JsonDocument.Parse(await (await client.GetAsync("/api/networks/kreis/export?format=json")).Content.ReadAsStringAsync());
        Assert.Equal("overlap:sg|su", exported.RootElement.GetProperty("findingMarks")[0].GetProperty("key").GetString());
        (await app.ImportAsync(Network().Member("su", "v2").Json())).EnsureSuccessStatusCode();

        marks = await app.Read<AnalysisApi.MarksResponse>("/api/networks/kreis/analysis/marks");
        Assert.Equal(("overlap:sg|su", true, false), (marks.Marks.Single().Key, marks.Marks.Single().Found, marks.Marks.Single().Applies));

        (await client.DeleteAsync("/api/networks/kreis/analysis/marks?key=overlap:sg%7Csu")).EnsureSuccessStatusCode();
        Assert.Empty((await app.Read<AnalysisApi.MarksResponse>("/api/networks/kreis/analysis/marks")).Marks);
    }

    [Fact]
    public async Task BadMarksAreRefusedWithTheFieldNamedAndNothingWritten()
    {
        using var app = await FindingsHttp.StartWith(Network());
        var client = app.CreateClient();
        var before = await app.Read<JsonElement>("/api/networks/kreis");
        foreach (var (body, field) in new object[] { new { key = "overlap:x|y", state = "reviewed" }, new { key = "overlap:sg|su", state = "erledigt" }, new { state = "reviewed" } }
                     .Zip(["key", "state", "key"]))
        {
            var response = await client.PutAsJsonAsync("/api/networks/kreis/analysis/marks", body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var messages), problem.ToString());
            Assert.NotEmpty(messages.EnumerateArray().First().GetString()!);
        }
        var after = await app.Read<JsonElement>("/api/networks/kreis");
        Assert.Equal(before.GetProperty("revision").GetInt64(), after.GetProperty("revision").GetInt64());
    }

    [Fact]
    public async Task TheReportSettingsTravelThroughTheExchangeAndAreValidated()
    {
        var report = new ReportSettings
        {
            Unit = "Amt für Migration und Integration", Date = "2022-09-16", Number = "2022/248",
            Consultations = [new ReportConsultation("Sozialausschuss", "2022-09-26", "öffentlich")], MeetingDate = "2022-09-26",
            Purpose = ReportPurposes.Decision, Proposal = "Der Ausschuss beschließt, die Steuerungsgruppen zusammenzulegen.", MapFocus = "sg",
        };
        var document = JsonSerializer.Deserialize<NetworkDocument>(Network().Json(), TestApp.Json)! with { Report = report };
        using var app = new TestApp(language: "de");
        (await app.ImportAsync(NetworkExchange.Serialize(document))).EnsureSuccessStatusCode();
        var exported = JsonSerializer.Deserialize<NetworkDocument>(
            await (await app.CreateClient().GetAsync("/api/networks/kreis/export?format=json")).Content.ReadAsStringAsync(), TestApp.Json)!;
        Assert.Equal(report with { Consultations = [] }, exported.Report! with { Consultations = [] });
        Assert.Equal(report.Consultations, exported.Report!.Consultations);

        var bad = document with { Report = report with { Date = "16.09.2022", Proposal = null } };
        var response = await app.ImportAsync(NetworkExchange.Serialize(bad));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty("$.report.date", out _), errors.ToString());
        Assert.Contains("Beschlussvorschlag", errors.GetProperty("$.report.proposal")[0].GetString());
    }

    [Fact]
    public async Task TheFiguresAnswerMatchesTheCostsAndTheNetworkSummary()
    {
        using var app = await FindingsHttp.StartWith(Network());
        var figures = await app.Read<NetworkFigures>("/api/networks/kreis/analysis/figures");
        var costs = await app.Read<AnalysisApi.CostResponse>("/api/networks/kreis/analysis/costs");
        var summary = await app.Read<NetworksApi.NetworkSummary>("/api/networks/kreis");
        Assert.Equal(4 * 2.5 * 3 + 3 * 1.5 * 3, figures.HoursPerYear);
        Assert.Equal(costs.TotalHoursPerYear, figures.HoursPerYear);
        Assert.Equal((6, 6, 2), (figures.Memberships, figures.Seats, figures.Bodies));
        Assert.Equal(figures with { MembersByBody = summary.Figures!.MembersByBody }, summary.Figures);
    }
}
