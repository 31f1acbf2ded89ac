using System.Globalization;
using System.Resources;
using GraphApi.Localization;

namespace GraphApi.Domain;

/// <summary>
/// The product's messages: German first, English on request, all in the resx (<c>Strings.resx</c>, <c>Strings.en.resx</c>),
/// the one place texts live; the Blazor UI reads the same files through <c>IStringLocalizer&lt;Strings&gt;</c>.
/// The language is the current UI culture: per HTTP request and circuit it is set by the request localization
/// (cookie, Accept-Language, ?lang=, default German); outside a request, as in the command-line import, it is the process's.
/// </summary>
public static class Texts
{
    public static bool German => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "de";

    private static readonly ResourceManager Resources = new("GraphApi.Localization.Strings", typeof(Strings).Assembly);

    /// <summary>A text of the resx (<c>Strings.resx</c> German, <c>Strings.en.resx</c> English) in the current UI culture, formatted with <paramref name="args"/>.</summary>
    public static string Get(string key, params object?[] args) => Get(CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture, key, args);

    /// <summary>A text of the resx in a given language (a finding written in German whatever the request asked for), formatted in <paramref name="format"/>.</summary>
    public static string Get(CultureInfo language, CultureInfo format, string key, params object?[] args)
    {
        var text = Resources.GetString(key, language) ?? key;
        return args.Length == 0 ? text : string.Format(format, text, args);
    }

    /// <summary>
    /// The word a person reads for a field the API names ("since" → "Beginn", "$.bodies[2].reportsTo" → "berichtet an"),
    /// from the resx keys <c>field.*</c>; a field without one keeps its API name.
    /// </summary>
    public static string Field(string path)
    {
        var last = path.Split('.', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? path;
        var bracket = last.IndexOf('[');
        if (bracket > 0) last = last[..bracket];
        return Resources.GetString("field." + last, CultureInfo.CurrentUICulture) ?? last;
    }

    /// <summary>An ISO day as people read it ("12.03.2025" / "12 Mar 2025"); anything else as it is.</summary>
    public static string Day(string value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? Dates.Day(d) : value;

    /// <summary>The name of an entity kind in both languages, with the German articles it takes (from the kind registry).</summary>
    public static Noun Of(EntityKind kind) => new(Kinds.Of(kind));

    public static Noun Of(Entity entity) => Of(entity.EntityKind);

    /// <summary>"Akteur" / "actor", with the forms that messages need: "ein Akteur, kein Gremium" / "an actor, not a body".</summary>
    public sealed record Noun(Term Term)
    {
        public string German => Term.German.Singular;
        public string English => Term.English.Singular.ToLowerInvariant();

        /// <summary>The word in the current request's language.</summary>
        public string Name => Texts.German ? German : English;

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
