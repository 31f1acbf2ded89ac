using System.Globalization;

namespace GraphApi.Domain;

/// <summary>
/// The API's messages: German first, English on request. Each message is written in both languages at
/// the place it is raised, so it names the field or rule in either language and cannot lose one of them.
/// The language is the current UI culture: per HTTP request it is set by the request localization
/// (Accept-Language, ?lang=, default German); outside a request, as in the command-line import, it is the process's.
/// </summary>
public static class Texts
{
    public static bool German => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "de";

    /// <summary>The German or the English text, whichever the current request asked for.</summary>
    public static string Say(string german, string english) => German ? german : english;

    /// <summary>The name of an entity kind in both languages, with the German articles it takes.</summary>
    public static Noun Of(EntityKind kind) => kind switch
    {
        EntityKind.Network => new("Netzwerk", Gender.Neuter, "network"),
        EntityKind.Topic => new("Handlungsfeld", Gender.Neuter, "topic"),
        EntityKind.Territory => new("Gebiet", Gender.Neuter, "territory"),
        EntityKind.Actor => new("Akteur", Gender.Masculine, "actor"),
        EntityKind.Body => new("Gremium", Gender.Neuter, "body"),
        EntityKind.Person => new("Person", Gender.Feminine, "person"),
        EntityKind.Measure => new("Maßnahme", Gender.Feminine, "measure"),
        EntityKind.Membership => new("Mitgliedschaft", Gender.Feminine, "membership"),
        EntityKind.Collaboration => new("Kooperation", Gender.Feminine, "collaboration"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static Noun Of(Entity entity) => Of(entity.EntityKind);

    public enum Gender { Masculine, Neuter, Feminine }

    /// <summary>"Akteur" / "actor", with the forms that messages need: "ein Akteur, kein Gremium" / "an actor, not a body".</summary>
    public sealed record Noun(string German, Gender Gender, string English)
    {
        /// <summary>Nominative: "ein Akteur", "ein Gremium", "eine Person".</summary>
        public string Ein => (Gender == Gender.Feminine ? "eine " : "ein ") + German;

        /// <summary>Nominative: "kein Akteur", "kein Gremium", "keine Person".</summary>
        public string Kein => (Gender == Gender.Feminine ? "keine " : "kein ") + German;

        /// <summary>Accusative ("es gibt …"): "keinen Akteur", "kein Gremium", "keine Person".</summary>
        public string Keinen => Gender switch
        {
            Gender.Masculine => "keinen ",
            Gender.Feminine => "keine ",
            _ => "kein ",
        } + German;

        /// <summary>"an actor", "a body".</summary>
        public string A => ("aeiou".Contains(English[0]) ? "an " : "a ") + English;
    }
}
