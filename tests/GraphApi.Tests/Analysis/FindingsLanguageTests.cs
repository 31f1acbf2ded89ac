using GraphApi.Analysis;
using GraphApi.Api;

namespace GraphApi.Tests.Analysis;

/// <summary>German by default, English with Accept-Language: en; names of bodies and places stay as entered.</summary>
public sealed class FindingsLanguageTests
{
    private const string Overlaps = "/api/networks/kreis/analysis/overlaps?asOf=2024-06-30";
    private const string Gaps = "/api/networks/kreis/analysis/gaps?asOf=2024-06-30";

    [Theory]
    [InlineData(null, "de")]
    [InlineData("de-DE", "de")]
    [InlineData("en", "en")]
    [InlineData("en-US,en;q=0.9,de;q=0.8", "en")]
    [InlineData("de;q=0.9,en;q=0.5", "de")]
    [InlineData("fr-FR,en;q=0.7", "en")]
    [InlineData("fr-FR", "de")]
    public async Task TheLanguageFollowsAcceptLanguage(string? header, string expected)
    {
        using var app = await FindingsHttp.StartWith(OverlapTests.Planted());
        var response = await FindingsHttp.Send(app, Overlaps, header);
        Assert.Equal([expected], response.Content.Headers.ContentLanguage);
        Assert.Equal(expected, (await app.Read<AnalysisApi.OverlapResponse>(Overlaps, header)).Language);
    }

    [Fact]
    public async Task AnOverlapReadsTheSameInEnglishWithHumanizedListsAndQuantities()
    {
        using var app = await FindingsHttp.StartWith(OverlapTests.Planted());
        var german = (await app.Read<AnalysisApi.OverlapResponse>(Overlaps)).Overlaps;
        var english = (await app.Read<AnalysisApi.OverlapResponse>(Overlaps, "en")).Overlaps;

        Assert.Equal(german.Select(o => (o.BodyA.Id, o.BodyB.Id, o.Score)), english.Select(o => (o.BodyA.Id, o.BodyB.Id, o.Score)));
        Assert.Equal("All 7 members of Steuerungsgruppe Übergangsmanagement also sit on Koordinierungsstab MuT; " +
                     "both work on Arbeit and Bildung in Landkreis Peine.", english.Single(o => o.BodyA.Id == "ueb").Sentence);
        Assert.StartsWith("Arbeitskreis Sprache and Netzwerk Sprachförderung share 4 members: Bildungswerk, Jugendmigrationsdienst, " +
                          "Kreisverwaltung, and Sprachpaten; both work on Sprachförderung in Landkreis Peine; their mandates are alike (", english.Single(o => o.BodyA.Id == "aks").Sentence);
    }

    [Fact]
    public async Task GapsReadInEnglishWithGermanNamesKept()
    {
        using var app = await FindingsHttp.StartWith(GapTests.Network());
        var gaps = (await app.Read<AnalysisApi.GapResponse>(Gaps, "en")).Gaps;

        Assert.Contains("Steuerungsgruppe Integration has no migrant organisation among its members, although the composition rule " +
                        "for steering groups requires one.", gaps.Select(g => g.Sentence));
        Assert.Contains("No active body works on the topic \"Sprachförderung\" (dormant only: Arbeitskreis Sprache).", gaps.Select(g => g.Sentence));
        Assert.Contains("Without \"Migrantenverein\" (actor) the network would fall into 2 parts (10 and 2 nodes); 2 nodes would lose " +
                        "the link to the largest part.", gaps.Select(g => g.Sentence));
        Assert.Contains("Netzwerk Arbeit has not met since 10 January 2022, longer than two meeting intervals before the chosen day 30 June 2024 " +
            "(with no meeting rhythm recorded once a year is assumed, so two intervals are 24 months).", gaps.Select(g => g.Sentence));
    }

    [Fact]
    public void GermanSentencesDeclineTheNamesOfBodies()
    {
        Assert.Equal("der Steuerungsgruppe Integration", GermanNames.Genitive("Steuerungsgruppe Integration"));
        Assert.Equal("des Koordinierungsstabs MuT", GermanNames.Genitive("Koordinierungsstab MuT"));
        Assert.Equal("des Arbeitskreises Wohnen", GermanNames.Genitive("Arbeitskreis Wohnen"));
        Assert.Equal("des Sozial- und Gesundheitsausschusses (Sozialausschuss)", GermanNames.Genitive("Sozial- und Gesundheitsausschuss (Sozialausschuss)"));
        Assert.Equal("im Netzwerk Ehrenamt", GermanNames.In("Netzwerk Ehrenamt"));
        Assert.Equal("in der Integrationskonferenz", GermanNames.In("Integrationskonferenz"));
        Assert.Equal("das Gremium „Runder Tisch Bildung“", GermanNames.Nominative("Runder Tisch Bildung"));
        Assert.Equal("im Landkreis Peine", GermanNames.InPlace("Landkreis Peine"));
        Assert.Equal("in der Gemeinde Ilsede", GermanNames.InPlace("Gemeinde Ilsede"));
        Assert.Equal("in Heide", GermanNames.InPlace("Heide"));
        Assert.Equal("in Neustadt", GermanNames.InPlace("Neustadt"));
    }
}
