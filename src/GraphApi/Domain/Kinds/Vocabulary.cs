using System.Collections;
using System.Globalization;

namespace GraphApi.Domain;

public enum Gender { Masculine, Feminine, Neuter }

/// <summary>A noun in one language: "Gremium" / "Gremien", neuter. German plurals are written out, never derived.</summary>
public sealed record Word(string Singular, string Plural, Gender Gender = Gender.Neuter)
{
    /// <summary>"ein Gremium", "eine Person" (nominative); English words get "a"/"an".</summary>
    public string WithArticle(bool german) => german
        ? (Gender == Gender.Feminine ? "eine " : "ein ") + Singular
        : ("aeiou".Contains(char.ToLowerInvariant(Singular[0])) ? "an " : "a ") + Singular;
}

/// <summary>
/// One allowed value of a kind field (an actor kind, a role...): its code as stored and sent, its words in both
/// languages, and how the map and the exports draw it.
/// </summary>
/// <param name="GermanNoun">The word a German sentence uses for one such thing, where it differs from the label
/// ("eine Verwaltungsstelle" where the legend says "Verwaltung").</param>
/// <param name="EnglishNoun">The same for English sentences ("a job centre" where the legend says "Jobcenter").</param>
public sealed record Term(string Code, Word German, Word English, string Colour = "#8d99a6", string Icon = "",
    Word? GermanNoun = null, Word? EnglishNoun = null)
{
    /// <summary>The words of the current UI culture.</summary>
    public Word Word => Vocabulary.IsGerman ? German : English;

    public string Label => Word.Singular;
    public string Plural => Word.Plural;

    /// <summary>The noun for sentences in the current UI culture ("eine Verwaltungsstelle").</summary>
    public Word SentenceNoun => Vocabulary.IsGerman ? GermanNoun ?? German : EnglishNoun ?? English;
}

/// <summary>The allowed values of one kind field, in their order of display.</summary>
public sealed class Vocabulary : IReadOnlyList<Term>
{
    private readonly IReadOnlyList<Term> _terms;
    private readonly Dictionary<string, Term> _byCode;
    private readonly Dictionary<string, Term> _byWord;

    public Vocabulary(string name, params Term[] terms)
    {
        Name = name;
        _terms = terms;
        _byCode = terms.ToDictionary(t => t.Code, StringComparer.Ordinal);
        _byWord = new Dictionary<string, Term>(StringComparer.OrdinalIgnoreCase);
        foreach (var t in terms)
            foreach (var word in new[] { t.Code, t.German.Singular, t.German.Plural, t.English.Singular, t.English.Plural })
                _byWord.TryAdd(word, t);
        Codes = terms.Select(t => t.Code).ToList();
    }

    internal static bool IsGerman => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "de";

    /// <summary>The field this vocabulary belongs to, e.g. "actorKind".</summary>
    public string Name { get; }

    public IReadOnlyList<string> Codes { get; }

    /// <summary>The term of a code; an unknown code gets a term whose words are the code itself, so nothing shows blank.</summary>
    public Term this[string code] => _byCode.TryGetValue(code, out var t) ? t : new Term(code, new(code, code), new(code, code));

    public bool Contains(string? code) => code is not null && _byCode.ContainsKey(code);

    /// <summary>The label of a code in the current UI culture; empty for null.</summary>
    public string Label(string? code) => code is null ? "" : this[code].Label;

    /// <summary>
    /// The term a person typed: its code, or its German or English word in singular or plural, in any case
    /// ("Wohlfahrtsverband", "welfareassociation"). For spreadsheets and forms typed by hand.
    /// </summary>
    public Term? Parse(string? text) => text is null ? null : _byWord.GetValueOrDefault(text.Trim());

    public Term this[int index] => _terms[index];
    public int Count => _terms.Count;
    public IEnumerator<Term> GetEnumerator() => _terms.GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
