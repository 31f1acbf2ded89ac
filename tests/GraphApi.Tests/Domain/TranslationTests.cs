using System.Globalization;
using GraphApi.Domain;

namespace GraphApi.Tests.Domain;

/// <summary>
/// Runs every rule of the validator on broken entries in German and in English: a message that reads the
/// same in both has lost its translation.
/// </summary>
public sealed class TranslationTests
{
    private static readonly GraphLimits Limits = new() { MaxMembersPerBody = 1, MaxListLength = 2 };

    /// <summary>Breaks each rule at least once; the result is every message by path, in the current language.</summary>
    private static Dictionary<string, string[]> Messages()
    {
        var validator = new EntityValidator(Limits);
        var errors = new ValidationErrors();
        var fields = new Entity[]
        {
            new Network
            {
                Id = "", Name = "",
                CompositionRules = [new("club", ["ngo"]), new("club", [])],
            },
            new Topic { Id = "has space", Name = new string('x', 201), Description = new string('d', 10_001) },
            new Territory { Id = new string('t', 251), Name = "T", Kind = "planet" },
            new Actor { Id = "a", Name = "A", Kind = "ngo", Topics = ["t", "t", "u"] },
            new Body
            {
                Id = "b", Name = "B", Kind = "club", Status = "sleeping", MeetingsPerYear = 400, MeetingHours = 30,
                LastMeeting = "09.06.2022", Founded = "2021-01-01", Dissolved = "2020-01-01",
            },
            new Body { Id = "b2", Name = "B", Kind = BodyKinds.Network, Status = BodyStatuses.Dissolved },
            new Membership { Id = "m", Member = "", Body = "b", Role = "boss" },
            new Collaboration { Id = "c", From = "a", To = "a", Kind = "love" },
        };
        foreach (var (entity, i) in fields.Select((e, i) => (e, i)))
            validator.CheckFields(EntityValidator.Normalize(entity), $"f{i}", errors);

        var network = NetworkSnapshot.Create(new Network { Id = "n", Name = "N" }, 1,
        [
            new Topic { Id = "t", Name = "T" },
            new Actor { Id = "a", Name = "A", Kind = "other", Parent = "x" },
            new Actor { Id = "x", Name = "X", Kind = "other", Parent = "a" },
            new Body { Id = "b", Name = "B", Kind = "network" },
            new Person { Id = "p", Name = "P" },
        ]);
        var references = new Entity[]
        {
            new Actor { Id = "a", Name = "A", Kind = "other", Parent = "x", Topics = ["nope", "b"] },
            new Membership { Id = "m1", Member = "t", Body = "a" },
            new Membership { Id = "m2", Member = "a", Body = "b", Representing = "a" },
            new Collaboration { Id = "c", From = "p", To = "nope" },
        };
        foreach (var (entity, i) in references.Select((e, i) => (e, i)))
            validator.CheckReferences(entity, network, $"r{i}", errors);
        validator.CheckBodySize("b", 2, "size", errors);
        return errors.ToDictionary().ToDictionary(e => e.Key, e => e.Value);
    }

    private static Dictionary<string, string[]> MessagesIn(string culture)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            return Messages();
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    [Fact]
    public void EveryValidationMessageIsTranslated()
    {
        var german = MessagesIn("de");
        var english = MessagesIn("en");

        Assert.Equal(english.Keys.Order(), german.Keys.Order());
        var count = 0;
        foreach (var (path, messages) in english)
        {
            Assert.Equal(messages.Length, german[path].Length);
            for (var i = 0; i < messages.Length; i++, count++)
            {
                Assert.NotEqual(messages[i], german[path][i]);
                // German texts quote with „…“; a straight quote means an English text slipped through.
                Assert.DoesNotContain('\'', german[path][i]);
            }
        }
        Assert.True(count >= 30, $"only {count} messages: the broken entries no longer break every rule");
    }

    [Fact]
    public void TheGermanKindNamesTakeTheirArticles()
    {
        Assert.Equal(("ein Akteur", "kein Akteur", "keinen Akteur"), Forms(EntityKind.Actor));
        Assert.Equal(("ein Gremium", "kein Gremium", "kein Gremium"), Forms(EntityKind.Body));
        Assert.Equal(("eine Person", "keine Person", "keine Person"), Forms(EntityKind.Person));
        Assert.Equal(("eine Maßnahme", "keine Maßnahme", "keine Maßnahme"), Forms(EntityKind.Measure));
        Assert.Equal("an actor", Texts.Of(EntityKind.Actor).A);
        Assert.Equal("a body", Texts.Of(EntityKind.Body).A);
        foreach (var kind in Enum.GetValues<EntityKind>()) Assert.NotEmpty(Texts.Of(kind).German);

        static (string, string, string) Forms(EntityKind kind) => (Texts.Of(kind).Ein, Texts.Of(kind).Kein, Texts.Of(kind).Keinen);
    }
}
