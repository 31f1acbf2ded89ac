using System.Globalization;
using GraphApi.Domain;
using GraphApi.Privacy;

namespace GraphApi.Tests.Privacy;

/// <summary>The rule by which an erased person's name is found in free text (docs/security.md, "Free text").</summary>
public sealed class NameMentionsTests
{
    [Theory]
    [InlineData("Anna Berg", "Termin mit Anna Berg am Montag", "Termin mit [gelöscht] am Montag")]
    [InlineData("Anna Berg", "anna   BERG", "[gelöscht]")]                       // case and blanks do not matter
    [InlineData("Anna Berg", "Anna\nBerg\u00A0und Anna\u00A0Berg.", "[gelöscht]\u00A0und [gelöscht].")]
    [InlineData("Anna Berg", "Anna Bergs Vorschlag, Hans’ Antwort", "[gelöscht] Vorschlag, Hans’ Antwort")] // genitive
    [InlineData("Anna Berg", "Vertretung: Berg, Anna", "Vertretung: [gelöscht]")]  // surname first
    [InlineData("Dr. Anna Berg", "Dr. Anna Berg lädt ein; Anna Berg leitet", "[gelöscht] lädt ein; [gelöscht] leitet")]
    [InlineData("Jürgen Müller", "JÜRGEN MÜLLER", "[gelöscht]")]
    [InlineData("Jürgen Müller", "Ju\u0308rgen Mu\u0308ller (zerlegte Umlaute)", "[gelöscht] (zerlegte Umlaute)")]
    // Not the name: inside longer words, part of a hyphenated name, the surname or given name alone.
    [InlineData("Anna Berg", "Hanna Bergmann", null)]
    [InlineData("Anna Berg", "Anna Bergstraße 5", null)]
    [InlineData("Anna Berg", "Marie-Anna Berg und Anna Berg-Schulz", null)]
    [InlineData("Anna Berg", "Berg und Anna", null)]
    [InlineData("Jo", "Johanna, Jolanda", null)]
    public void AMentionIsTheWholeNameAsWordsOfItsOwn(string name, string text, string? expected)
    {
        var mentions = NameMentions.Of([name], "[gelöscht]")!;
        var replaced = mentions.Replace(text);
        if (expected is null) Assert.Same(text, replaced); // untouched: the very same string, so nothing is rewritten
        else Assert.Equal(expected, replaced);
    }

    [Fact]
    public void EveryNameThePersonHadIsLookedForAndNoNameMeansNothingToLookFor()
    {
        var mentions = NameMentions.Of(["Erika Mustermann", "Erika Musterfrau", null, ""], "[x]")!;
        Assert.Equal("[x] = [x]", mentions.Replace("Erika Mustermann = Erika Musterfrau"));
        Assert.Null(NameMentions.Of(["", "  ", null]));
        Assert.Null(NameMentions.Of(["A"]));
    }

    [Fact]
    public void ThePlaceholderIsGermanWhateverTheLanguageOfTheRequest()
    {
        var culture = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
            Assert.Equal("[gelöscht]", NameMentions.DefaultPlaceholder);
        }
        finally
        {
            CultureInfo.CurrentUICulture = culture;
        }
    }

    [Fact]
    public void EveryStringFieldIsSearchedButIdsReferencesCodesAndAnotherPersonsOwnNameAreNot()
    {
        var mentions = NameMentions.Of(["Anna Berg"], "[gelöscht]")!;
        var actor = new Actor
        {
            Id = "praxis", Name = "Praxis Anna Berg", ShortName = "Anna Berg", Kind = "healthService", Parent = "kv",
            Description = "Inhaberin: Anna Berg", Version = 3,
        };
        var scrubbed = (Actor)mentions.Scrub(actor);
        Assert.Equal(GraphJson.Serialize(actor with { Name = "Praxis [gelöscht]", ShortName = "[gelöscht]", Description = "Inhaberin: [gelöscht]" }),
            GraphJson.Serialize(scrubbed));

        var namesake = new Person { Id = "p-2", Name = "Anna Berg", Function = "Vertretung von Anna Berg", Actor = "praxis" };
        Assert.Equal(namesake with { Function = "Vertretung von [gelöscht]" }, mentions.Scrub(namesake));

        var network = new Network
        {
            Id = "kreis", Name = "Kreis", Description = "Koordination: Anna Berg",
            Meetings = [new Meeting("m-1", "Sitzung bei Anna Berg", "2026-11-30", 3)],
            Report = new ReportSettings { Unit = "Büro Anna Berg", MapFocus = "sg", Consultations = [new ReportConsultation("Ausschuss von Anna Berg", "2026-12-01")] },
            FindingMarks = [new FindingMark { Key = "overlap:a|b", Fingerprint = "f", Note = "mit Anna Berg geklärt", By = "Anna Berg" }],
        };
        var clean = (Network)mentions.Scrub(network);
        Assert.Equal("Koordination: [gelöscht]", clean.Description);
        Assert.Equal("Sitzung bei [gelöscht]", clean.Meetings[0].Title);
        Assert.Equal(("Büro [gelöscht]", "sg", "Ausschuss von [gelöscht]"), (clean.Report!.Unit, clean.Report.MapFocus, clean.Report.Consultations[0].Body));
        Assert.Equal(("overlap:a|b", "mit [gelöscht] geklärt", "[gelöscht]"), (clean.FindingMarks[0].Key, clean.FindingMarks[0].Note, clean.FindingMarks[0].By));

        var unrelated = new Body { Id = "sg", Name = "Steuerungsgruppe", Kind = "steeringGroup", Mandate = "Bergmann berichtet" };
        Assert.Same(unrelated, mentions.Scrub(unrelated));
    }
}
