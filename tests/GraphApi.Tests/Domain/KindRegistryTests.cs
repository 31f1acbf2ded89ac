using System.Globalization;
using GraphApi.Domain;
using GraphApi.Localization;

namespace GraphApi.Tests.Domain;

/// <summary>The kind registry is the one place for kinds: complete, unambiguous, and speaking both languages.</summary>
public sealed class KindRegistryTests
{
    public static TheoryData<string> VocabularyNames() =>
        new(All.Select(v => v.Name));

    private static readonly Vocabulary[] All =
        [Kinds.Actor, Kinds.Body, Kinds.BodyStatus, Kinds.Territory, Kinds.Role, Kinds.Collaboration, Kinds.Entity, Kinds.Relation];

    private static Vocabulary Named(string name) => All.Single(v => v.Name == name);

    [Theory, MemberData(nameof(VocabularyNames))]
    public void EveryTermHasBothLanguagesInBothNumbersAndAColour(string name)
    {
        foreach (var term in Named(name))
        {
            Assert.False(string.IsNullOrWhiteSpace(term.German.Singular), term.Code);
            Assert.False(string.IsNullOrWhiteSpace(term.German.Plural), term.Code);
            Assert.False(string.IsNullOrWhiteSpace(term.English.Singular), term.Code);
            Assert.False(string.IsNullOrWhiteSpace(term.English.Plural), term.Code);
            Assert.Matches("^#[0-9a-f]{6}$", term.Colour);
        }
        Assert.Equal(Named(name).Codes.Count, Named(name).Codes.Distinct(StringComparer.Ordinal).Count());
    }

    [Theory, MemberData(nameof(VocabularyNames))]
    public void ATypedWordFindsOneTermOnly(string name)
    {
        // A spreadsheet cell "Wohlfahrtsverband" or "welfareassociation" must name exactly one kind.
        var vocabulary = Named(name);
        foreach (var term in vocabulary)
            foreach (var word in new[] { term.Code, term.German.Singular, term.English.Singular.ToUpperInvariant() })
                Assert.Equal(term.Code, vocabulary.Parse(word)?.Code);
    }

    [Fact]
    public void TheConstantsListTheRegistrysCodes()
    {
        Assert.Equal(Kinds.Actor.Codes, ActorKinds.All);
        Assert.Contains(BodyKinds.SteeringGroup, BodyKinds.All);
        Assert.Equal(Enum.GetValues<EntityKind>().Length, Kinds.Entity.Count);
        foreach (var kind in Enum.GetValues<EntityKind>()) Assert.True(Kinds.Entity.Contains(Kinds.Code(kind)), kind.ToString());
    }

    [Fact]
    public void LabelsFollowTheUiCulture()
    {
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("de");
            Assert.Equal("Wohlfahrtsverband", Kinds.Actor.Label(ActorKinds.WelfareAssociation));
            Assert.Equal("ruhend", Kinds.BodyStatus.Label(BodyStatuses.Dormant));
            Assert.Equal("Gremien", Kinds.Of(EntityKind.Body).Plural);
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
            Assert.Equal("Welfare association", Kinds.Actor.Label(ActorKinds.WelfareAssociation));
            Assert.Equal("Bodies", Kinds.Of(EntityKind.Body).Plural);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public void AnUnknownCodeShowsItselfRatherThanNothing()
    {
        Assert.Equal("ngo", Kinds.Actor.Label("ngo"));
        Assert.False(Kinds.Actor.Contains("ngo"));
        Assert.Equal("", Kinds.Actor.Label(null));
    }
}
