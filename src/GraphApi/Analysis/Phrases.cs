using System.Globalization;
using GraphApi.Domain;
using Humanizer;

namespace GraphApi.Analysis;

public enum Language { De, En }

/// <summary>
/// The words of the findings: German by default, English on request. Sentences and counted nouns come from the
/// resx (both plural forms written out), kinds from the kind registry, English lists from Humanizer.
/// Names of bodies, actors, topics and territories are data and stay as entered.
/// </summary>
public sealed class Phrases(Language language)
{
    public static readonly Phrases German = new(Language.De);
    public static readonly Phrases English = new(Language.En);

    private static readonly CultureInfo De = CultureInfo.GetCultureInfo("de-DE");
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en-GB");

    public Language Language { get; } = language;
    public bool IsGerman => Language == Language.De;
    public string Code => IsGerman ? "de" : "en";
    public CultureInfo Culture => IsGerman ? De : En;

    /// <summary>One of two words that come in both languages from elsewhere (the kind registry); sentences come from the resx (<see cref="Text"/>).</summary>
    public string Pick(string de, string en) => IsGerman ? de : en;

    /// <summary>A sentence of the resx in this language, its numbers and dates formatted in this language's way.</summary>
    public string Text(string key, params object?[] args) => Texts.Get(Culture, Culture, key, args);

    /// <summary>
    /// "7 Mitglieder" / "7 members": the resx keys <c>count.{noun}.one</c> and <c>count.{noun}.other</c>, both forms written
    /// out in each language (Humanizer's German plurals are wrong: "3 Gremia").
    /// </summary>
    public string Count(int n, string noun) => Text($"count.{noun}.{(n == 1 ? "one" : "other")}", n);

    /// <summary>"22.06.2021" / "22 June 2021"; text that is not a date is returned as it is.</summary>
    public string Date(string? iso) => AsOf.TryParse(iso, out var d) ? d.ToString(IsGerman ? "dd.MM.yyyy" : "d MMMM yyyy", Culture) : iso ?? "";

    public string Number(double value, int decimals = 1) =>
        Math.Round(value, decimals).ToString(decimals == 0 ? "N0" : "#,##0.#", Culture);

    /// <summary>"A, B und C" / "A, B, and C"; longer lists end in "und 4 weitere" / "and 4 more".</summary>
    public string List(IEnumerable<string> items, int max = 6)
    {
        var all = items.ToList();
        if (all.Count > max)
        {
            var rest = all.Count - (max - 1);
            all = [.. all.Take(max - 1), Text("list.more", rest)];
        }
        return all.Count switch
        {
            0 => "",
            1 => all[0],
            _ when IsGerman => Text("list.and", string.Join(", ", all.Take(all.Count - 1)), all[^1]),
            _ => Configurator.CollectionFormatters.ResolveForCulture(En).Humanize(all),
        };
    }

    /// <summary>A list of names, each quoted when one of them holds a comma or "und" itself ("„Kinder, Jugend und Familie“ und „Bildung“").</summary>
    public string Names(IEnumerable<string> names, int max = 6)
    {
        var all = names.ToList();
        var quote = all.Count > 1 && all.Any(n => n.Contains(',') || n.Contains(" und ") || n.Contains(" and "));
        return List(quote ? all.Select(Quote) : all, max);
    }

    public string Quote(string name) => IsGerman ? $"„{name}“" : $"\"{name}\"";

    public string ActorKind(string kind) => (IsGerman ? Kinds.Actor[kind].GermanNoun ?? Kinds.Actor[kind].German : Kinds.Actor[kind].EnglishNoun ?? Kinds.Actor[kind].English).Singular;

    /// <summary>Body kinds in the plural, as a composition rule speaks of them ("für Steuerungsgruppen").</summary>
    public string BodyKindPlural(string kind)
    {
        var term = Kinds.Body[kind];
        return (IsGerman ? term.GermanNoun ?? term.German : term.EnglishNoun ?? term.English).Plural;
    }

    /// <summary>"keine Migrantenorganisation", "kein Jobcenter": the kind is always the subject.</summary>
    public static string GermanNone(string kind)
    {
        var (label, gender) = GermanActorKind(kind);
        return (gender == Gender.Feminine ? "keine " : "kein ") + label;
    }

    public static (string Label, Gender Gender) GermanActorKind(string kind)
    {
        var noun = Kinds.Actor[kind].GermanNoun ?? Kinds.Actor[kind].German;
        return (noun.Singular, noun.Gender);
    }

    /// <summary>The phrases of the current request's language (set by the API's request localization).</summary>
    public static Phrases Current => Texts.German ? German : English;
}


/// <summary>
/// Articles for German names of bodies and territories, so that a sentence can say "der Steuerungsgruppe",
/// "im Koordinierungsstab MuT" or "des Arbeitskreises Wohnen". The gender comes from the head noun (the first
/// noun of the name, compounds by their last part). A name whose head is not recognised is wrapped:
/// "das Gremium „Runder Tisch Bildung“" for bodies, a bare "in Heide" for places.
/// </summary>
public static class GermanNames
{
    // Longest suffix wins; "-gruppe" decides "Steuerungsgruppe", "-stab" decides "Koordinierungsstab".
    private static readonly (string Suffix, Gender Gender)[] Heads =
    [
        ("gruppe", Gender.Feminine), ("runde", Gender.Feminine), ("konferenz", Gender.Feminine),
        ("kommission", Gender.Feminine), ("versammlung", Gender.Feminine), ("stelle", Gender.Feminine),
        ("initiative", Gender.Feminine), ("plattform", Gender.Feminine), ("allianz", Gender.Feminine),
        ("agentur", Gender.Feminine), ("werkstatt", Gender.Feminine), ("tagung", Gender.Feminine),
        ("stadt", Gender.Feminine), ("gemeinde", Gender.Feminine), ("schaft", Gender.Feminine),
        ("ung", Gender.Feminine), ("ion", Gender.Feminine), ("heit", Gender.Feminine), ("keit", Gender.Feminine),
        ("stab", Gender.Masculine), ("kreis", Gender.Masculine), ("ausschuss", Gender.Masculine),
        ("tag", Gender.Masculine), ("tisch", Gender.Masculine), ("rat", Gender.Masculine),
        ("austausch", Gender.Masculine), ("verbund", Gender.Masculine), ("dialog", Gender.Masculine),
        ("treff", Gender.Masculine), ("zirkel", Gender.Masculine), ("verein", Gender.Masculine),
        ("verband", Gender.Masculine), ("dienst", Gender.Masculine), ("bezirk", Gender.Masculine),
        ("werk", Gender.Neuter), ("gremium", Gender.Neuter), ("forum", Gender.Neuter),
        ("bündnis", Gender.Neuter), ("team", Gender.Neuter), ("treffen", Gender.Neuter),
        ("komitee", Gender.Neuter), ("plenum", Gender.Neuter), ("amt", Gender.Neuter),
        ("referat", Gender.Neuter), ("dezernat", Gender.Neuter), ("büro", Gender.Neuter), ("zentrum", Gender.Neuter),
    ];

    /// <summary>Words that name a kind of place and take an article even alone ("im Landkreis"), unlike a place name ("in Heide").</summary>
    private static readonly HashSet<string> PlaceTypes = ["landkreis", "kreis", "stadt", "gemeinde", "samtgemeinde", "amt", "region", "bezirk"];

    /// <summary>The gender of the head noun and its position among the words, or null when not recognised.</summary>
    public static (Gender Gender, int Index)? Head(string name, bool requireFollowingName = false)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < words.Length; i++)
        {
            var w = words[i];
            if (w.EndsWith('-') || w is "und" or "&") continue; // "Sozial- und Gesundheitsausschuss"
            var lower = w.ToLowerInvariant();
            if (!char.IsUpper(w[0]) || (requireFollowingName && i == words.Length - 1 && !PlaceTypes.Contains(lower))) return null;
            var best = Heads.Where(h => lower.EndsWith(h.Suffix, StringComparison.Ordinal)).OrderByDescending(h => h.Suffix.Length).FirstOrDefault();
            return best.Suffix is null ? null : (best.Gender, i);
        }
        return null;
    }

    /// <summary>"die Steuerungsgruppe X", "der Koordinierungsstab MuT", "das Netzwerk Ehrenamt".</summary>
    public static string Nominative(string name) => Head(name) switch
    {
        { Gender: Gender.Feminine } => "die " + name,
        { Gender: Gender.Masculine } => "der " + name,
        { Gender: Gender.Neuter } => "das " + name,
        _ => $"das Gremium „{name}“",
    };

    /// <summary>"der Steuerungsgruppe X", "des Koordinierungsstabs MuT", "des Arbeitskreises Wohnen".</summary>
    public static string Genitive(string name)
    {
        if (Head(name) is not { } head) return $"des Gremiums „{name}“";
        if (head.Gender == Gender.Feminine) return "der " + name;
        var words = name.Split(' ');
        var index = words.Select((w, i) => (w, i)).Where(x => x.w.Length > 0).Skip(head.Index).First().i;
        words[index] = GenitiveOf(words[index]);
        return "des " + string.Join(' ', words);
    }

    /// <summary>"der Steuerungsgruppe X", "dem Koordinierungsstab MuT".</summary>
    public static string Dative(string name) => Head(name) switch
    {
        { Gender: Gender.Feminine } => "der " + name,
        { } => "dem " + name,
        _ => $"dem Gremium „{name}“",
    };

    /// <summary>"in der Steuerungsgruppe X", "im Koordinierungsstab MuT".</summary>
    public static string In(string name) => Head(name) switch
    {
        { Gender: Gender.Feminine } => "in der " + name,
        { } => "im " + name,
        _ => $"im Gremium „{name}“",
    };

    /// <summary>"im Landkreis Peine", "in der Gemeinde Ilsede", "in Heide".</summary>
    public static string InPlace(string name) => Head(name, requireFollowingName: true) switch
    {
        { Gender: Gender.Feminine } => "in der " + name,
        { } => "im " + name,
        _ => "in " + name,
    };

    public static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string GenitiveOf(string noun)
    {
        var lower = noun.ToLowerInvariant();
        if (lower.EndsWith("nis", StringComparison.Ordinal)) return noun + "ses";
        if (lower.EndsWith('s') || lower.EndsWith('ß') || lower.EndsWith('x') || lower.EndsWith('z') || lower.EndsWith("sch", StringComparison.Ordinal))
            return noun + "es";
        return noun + "s";
    }
}

internal static class QuantityText
{
    /// <summary>"1,234.5 person-hours" through Humanizer, with the number in the reader's format.</summary>
    public static string ToQuantityText(this string noun, double quantity, Phrases t) =>
        Humanizer.ToQuantityExtensions.ToQuantity(noun, quantity, "#,##0.#", t.Culture);
}
