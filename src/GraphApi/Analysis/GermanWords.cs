using System.Text;

namespace GraphApi.Analysis;

/// <summary>
/// Just enough German text handling to compare short texts (mandates, names): lower case, umlauts folded
/// (ä → ae, ß → ss), stopwords dropped, and a light suffix stripping so that "Arbeitsplätzen" and
/// "Arbeitsplätze" meet. Not a stemmer: it only has to make equal words equal, not to be right about German.
/// </summary>
public static class GermanWords
{
    /// <summary>Function words and words that say nothing about what a body does.</summary>
    public static readonly IReadOnlySet<string> Stopwords = new HashSet<string>(StringComparer.Ordinal)
    {
        "der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "eines", "einem", "einen", "und", "oder", "aber",
        "auch", "als", "an", "am", "auf", "aus", "bei", "beim", "bis", "durch", "fuer", "gegen", "im", "in", "ins", "ist", "sind",
        "war", "waren", "wird", "werden", "wurde", "wurden", "mit", "nach", "von", "vom", "vor", "zu", "zum", "zur", "ueber",
        "unter", "um", "sowie", "so", "sich", "sie", "er", "es", "wir", "ihr", "ihre", "ihren", "ihrer", "sein", "seine", "seiner",
        "nicht", "noch", "nur", "wie", "was", "wer", "wo", "dass", "da", "dort", "hier", "mehr", "sehr", "alle", "allen", "aller",
        "alles", "jeweils", "dabei", "dazu", "damit", "insbesondere", "etc", "ab", "zwischen", "welche", "welcher", "welches",
        "diese", "dieser", "dieses", "diesem", "diesen", "kann", "koennen", "soll", "sollen", "muss", "muessen", "haben", "hat",
        "hatte", "gibt", "sowohl", "einmal", "jaehrlich", "regelmaessig", "ggf", "bzw", "usw", "sowie", "zb", "ua", "u", "a", "b",
        "z", "neue", "neuen", "neuer", "weitere", "weiteren", "sonstige", "sonstigen", "eigene", "eigenen",
    };

    /// <summary>Words of an organisation's name that say what legal form or tier it has, not who it is.</summary>
    public static readonly IReadOnlySet<string> GenericNameWords = new HashSet<string>(StringComparer.Ordinal)
    {
        "verband", "kreisverband", "ortsverband", "landesverband", "bezirksverband", "regionalverband", "stadtverband",
        "verein", "ev", "gmbh", "ggmbh", "mbh", "eg", "gemeinnuetzige", "gemeinnuetziger", "der", "die", "das", "des", "fuer",
        "und", "im", "in", "zu", "von", "e", "v",
    };

    /// <summary>Lower-cased words with umlauts folded, split at anything that is not a letter or digit.</summary>
    public static IEnumerable<string> Words(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) yield break;
        var word = new StringBuilder();
        foreach (var ch in text)
        {
            if (char.IsLetterOrDigit(ch))
            {
                switch (char.ToLowerInvariant(ch))
                {
                    case 'ä': word.Append("ae"); break;
                    case 'ö': word.Append("oe"); break;
                    case 'ü': word.Append("ue"); break;
                    case 'ß': word.Append("ss"); break;
                    case var c: word.Append(c); break;
                }
            }
            else if (word.Length > 0)
            {
                yield return word.ToString();
                word.Clear();
            }
        }
        if (word.Length > 0) yield return word.ToString();
    }

    /// <summary>The content words of a text as (stem, first spelling seen), stopwords and very short words left out.</summary>
    public static IEnumerable<(string Stem, string Surface)> Terms(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) yield break;
        foreach (var raw in text.Split((char[])[' ', '\t', '\n', '\r', ',', ';', ':', '.', '(', ')', '/', '„', '“', '"', '–'],
                     StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var w in Words(raw))
            {
                if (w.Length < 3 || Stopwords.Contains(w) || w.All(char.IsDigit)) continue;
                yield return (Stem(w), raw.Trim('-'));
            }
        }
    }

    /// <summary>Strips one common inflection ending from longer words.</summary>
    public static string Stem(string word)
    {
        if (word.Length <= 5) return word;
        foreach (var suffix in (string[])["ungen", "en", "er", "es", "e", "n", "s"])
            if (word.EndsWith(suffix, StringComparison.Ordinal) && word.Length - suffix.Length >= 4)
                return suffix == "ungen" ? word[..^2] : word[..^suffix.Length];
        return word;
    }

    /// <summary>The words of an organisation's name that identify it: generic words and legal forms dropped, "Caritasverband" → "caritas".</summary>
    public static IReadOnlyList<string> NameCore(string name)
    {
        var core = new List<string>();
        foreach (var w in Words(name))
        {
            if (GenericNameWords.Contains(w)) continue;
            var stripped = w;
            foreach (var tier in (string[])["kreisverband", "verband"])
                if (stripped.Length > tier.Length + 2 && stripped.EndsWith(tier, StringComparison.Ordinal))
                {
                    stripped = stripped[..^tier.Length];
                    break;
                }
            if (!core.Contains(stripped)) core.Add(stripped);
        }
        return core.Count > 0 ? core : Words(name).ToList();
    }

    /// <summary>
    /// How alike two words are, 0..1: 1 − (optimal string alignment distance / length of the longer), so a typo or a
    /// swapped pair of letters ("Piene") costs one step. Words shorter than four letters must be equal ("CDU" is not "SPD").
    /// </summary>
    public static double WordSimilarity(string a, string b)
    {
        if (a == b) return 1;
        if (a.Length < 4 || b.Length < 4) return 0;
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        return 1 - (double)d[a.Length, b.Length] / Math.Max(a.Length, b.Length);
    }

    /// <summary>Dice similarity of the character trigrams of two strings, 0..1.</summary>
    public static double TrigramDice(string a, string b)
    {
        var x = Trigrams(a);
        var y = Trigrams(b);
        if (x.Count == 0 || y.Count == 0) return a == b ? 1 : 0;
        var shared = x.Count(y.Contains);
        return 2.0 * shared / (x.Count + y.Count);
    }

    private static HashSet<string> Trigrams(string s)
    {
        var padded = $"  {s} ";
        var set = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 3 <= padded.Length; i++) set.Add(padded.Substring(i, 3));
        return set;
    }
}
