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

    /// <summary>The name of an entity kind in both languages, with the German articles it takes (from the kind registry).</summary>
    public static Noun Of(EntityKind kind) => new(Kinds.Of(kind));

    public static Noun Of(Entity entity) => Of(entity.EntityKind);

    /// <summary>"Akteur" / "actor", with the forms that messages need: "ein Akteur, kein Gremium" / "an actor, not a body".</summary>
    public sealed record Noun(Term Term)
    {
        public string German => Term.German.Singular;
        public string English => Term.English.Singular.ToLowerInvariant();

        /// <summary>Nominative: "ein Akteur", "ein Gremium", "eine Person".</summary>
        public string Ein => Term.German.WithArticle(german: true);

        /// <summary>Nominative: "kein Akteur", "kein Gremium", "keine Person".</summary>
        public string Kein => "k" + Ein;

        /// <summary>Accusative ("es gibt …"): "keinen Akteur", "kein Gremium", "keine Person".</summary>
        public string Keinen => Term.German.Gender == Gender.Masculine ? "keinen " + German : Kein;

        /// <summary>"an actor", "a body".</summary>
        public string A => new Word(English, English).WithArticle(german: false);
    }
}
