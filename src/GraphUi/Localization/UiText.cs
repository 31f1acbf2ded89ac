using System.Collections;
using System.Collections.Frozen;
using System.Globalization;
using System.Resources;
using GraphApi.Domain;
using GraphApi.Localization;

namespace GraphUi.Localization;

/// <summary>
/// The texts of the static pages and their browser modules, read from the one resx mechanism
/// (<see cref="Strings"/>) in the request's culture. Kind words ("kind.actor.jobcenter", "type.body") come from
/// the kind registry. Goes away with the static pages when the UI is interactive Blazor.
/// </summary>
public sealed class UiText
{
    private readonly FrozenDictionary<string, string> _texts;

    private UiText(string language, FrozenDictionary<string, string> texts) => (Language, _texts) = (language, texts);

    public string Language { get; }

    public string this[string key] => _texts.TryGetValue(key, out var text) ? text : key;

    /// <summary>All texts, for the browser modules (they receive them as JSON in the page).</summary>
    public IReadOnlyDictionary<string, string> All => _texts;

    public static UiText From(HttpContext? _) => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? English : German;

    private static readonly UiText German = Load("de");
    private static readonly UiText English = Load("en");

    private static UiText Load(string language)
    {
        var culture = CultureInfo.GetCultureInfo(language);
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = culture;
        try
        {
            var texts = new Dictionary<string, string>();
            var resources = new ResourceManager("GraphApi.Localization.Strings", typeof(Strings).Assembly);
            foreach (DictionaryEntry e in resources.GetResourceSet(CultureInfo.InvariantCulture, true, true)!) texts[(string)e.Key] = (string)e.Value!;
            if (language != "de")
                foreach (DictionaryEntry e in resources.GetResourceSet(culture, true, false)!) texts[(string)e.Key] = (string)e.Value!;
            foreach (var (prefix, vocabulary) in new[] { ("actor", Kinds.Actor), ("body", Kinds.Body), ("territory", Kinds.Territory),
                         ("status", Kinds.BodyStatus), ("role", Kinds.Role), ("collaboration", Kinds.Collaboration) })
                foreach (var term in vocabulary) texts[$"kind.{prefix}.{term.Code}"] = term.Label;
            foreach (var term in Kinds.Entity.Concat(Kinds.Relation)) texts[$"type.{term.Code}"] = term.Label;
            return new UiText(language, texts.ToFrozenDictionary());
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
