using System.Globalization;
using System.Text;

namespace GraphApi.Exchange.Svg;

/// <summary>
/// Makes any name safe for XML and fits it into a card: measured with DejaVu Sans metrics (the font the server renders
/// the PNG with, and close to Verdana, the browsers' fallback), wrapped at spaces and hyphens, cut with "…" when it
/// does not fit. Measuring here rather than with Skia keeps the SVG the same on machines without the native library.
/// </summary>
public static class TextFit
{
    /// <summary>
    /// Removes what XML 1.0 cannot hold (C0 controls, U+FFFE/U+FFFF, unpaired surrogates) and turns tabs and line
    /// breaks into spaces; right-to-left scripts and emoji (paired surrogates) stay.
    /// </summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    sb.Append(c).Append(text[i + 1]);
                    i++;
                }
                continue;
            }
            if (char.IsLowSurrogate(c) || c is '\uFFFE' or '\uFFFF' or BreakHyphen) continue;
            if (c is '\t' or '\n' or '\r' or '\u0085' or '\u2028' or '\u2029') sb.Append(' ');
            else if (c >= ' ' && c is < '\u007F' or > '\u009F') sb.Append(c);
        }
        return string.Join(' ', sb.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>The width of the text in px at the font size (rounded up per character, so a little generous).</summary>
    public static double Width(string text, double fontSize, bool bold = false)
    {
        double em = 0;
        var e = StringInfo.GetTextElementEnumerator(text);
        while (e.MoveNext()) em += Em(e.GetTextElement());
        return em * fontSize * (bold ? 1.1 : 1.0);
    }

    /// <summary>
    /// The text in at most <paramref name="maxLines"/> lines of at most <paramref name="width"/> px, broken at spaces
    /// (or inside a word that is wider than a line); the last line ends in "…" when the text does not fit.
    /// </summary>
    public static IReadOnlyList<string> Wrap(string text, double width, double fontSize, int maxLines, bool bold = false)
    {
        text = Clean(text);
        if (text.Length == 0) return [];
        if (maxLines <= 1) return [Ellipsize(text, width, fontSize, bold)];
        var lines = new List<string>();
        var words = new Queue<string>(SplitWords(text));
        var line = "";
        while (words.Count > 0)
        {
            var word = words.Peek();
            var candidate = line.Length == 0 ? word : Join(line, word);
            if (Width(candidate, fontSize, bold) <= width)
            {
                line = candidate;
                words.Dequeue();
                continue;
            }
            if (line.Length == 0)
            {
                // One word wider than the line: break it, with a hyphen.
                var (head, tail) = Split(word, width, fontSize, bold);
                line = head;
                words.Dequeue();
                if (tail.Length > 0) words = new Queue<string>(new[] { tail }.Concat(words));
            }
            lines.Add(line);
            line = "";
            if (lines.Count == maxLines) break;
        }
        if (line.Length > 0 && lines.Count < maxLines) lines.Add(line);
        if (words.Count > 0)
        {
            var last = words.Aggregate(lines[^1], Join);
            lines[^1] = Ellipsize(last, width, fontSize, bold);
        }
        return lines.Select(l => l.Replace(BreakHyphen, '-')).ToList();
    }

    // Marks a hyphen this class put in to break a word, so that it goes again when the word is joined back.
    private const char BreakHyphen = '\u00AD';

    private static string Join(string line, string word) =>
        line.EndsWith(BreakHyphen) ? line[..^1] + word : line.EndsWith('-') ? line + word : line + " " + word;

    /// <summary>The text cut to fit the width, with "…" when cut.</summary>
    public static string Ellipsize(string text, double width, double fontSize, bool bold = false)
    {
        text = Clean(text);
        if (Width(text, fontSize, bold) <= width) return text;
        var elements = TextElements(text);
        for (var n = elements.Count - 1; n > 0; n--)
        {
            var cut = string.Concat(elements.Take(n)).TrimEnd(' ', ',', '-', '(', '/') + "…";
            if (Width(cut, fontSize, bold) <= width) return cut;
        }
        return "…";
    }

    private static IEnumerable<string> SplitWords(string text)
    {
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            // "Migrations-Beratung" may break after its hyphen.
            var start = 0;
            for (var i = 1; i < word.Length - 1; i++)
            {
                if (word[i] != '-' || !char.IsLetter(word[i - 1])) continue;
                yield return word[start..(i + 1)];
                start = i + 1;
            }
            yield return word[start..];
        }
    }

    /// <summary>
    /// Breaks a word too long for a line, with a hyphen: where German compounds join ("Gleichstellungs-beauftragte")
    /// if such a place fits, else between syllables (a vowel and a consonant), else where the line is full.
    /// </summary>
    private static (string Head, string Tail) Split(string word, double width, double fontSize, bool bold)
    {
        var elements = TextElements(word);
        var best = (Score: -1, N: 0);
        for (var n = elements.Count - 3; n >= 4; n--)
        {
            var head = string.Concat(elements.Take(n));
            if (Width(head + "-", fontSize, bold) > width) continue;
            var score = Joint(head, elements[n]);
            if (score > best.Score) best = (score, n);
        }
        if (best.Score >= 0)
            return (string.Concat(elements.Take(best.N)) + BreakHyphen, string.Concat(elements.Skip(best.N)));
        for (var n = elements.Count - 1; n > 0; n--)
        {
            var head = string.Concat(elements.Take(n));
            if (Width(head, fontSize, bold) <= width) return (head, string.Concat(elements.Skip(n)));
        }
        return (elements[0], string.Concat(elements.Skip(1)));
    }

    private static readonly string[] CompoundEnds = ["ungs", "heits", "keits", "tions", "schafts", "täts", "ings"];

    private static int Joint(string head, string next)
    {
        static bool Vowel(char c) => "aeiouäöüyAEIOUÄÖÜY".Contains(c);
        if (next.Length != 1 || !char.IsLower(next[0])) return head.Length > 0 && char.IsLetter(head[^1]) ? 0 : -1;
        if (CompoundEnds.Any(e => head.EndsWith(e, StringComparison.Ordinal))) return 3;
        if (head.EndsWith('s') && !Vowel(next[0]) && next[0] is not ('s' or 'c' or 't')) return 1; // a Fugen-s, often
        // Between two consonants ("Kreishand-werkerschaft"), but never inside ch, ck, sch, st, ph, th.
        var pair = $"{char.ToLowerInvariant(head[^1])}{next[0]}";
        return !Vowel(head[^1]) && char.IsLetter(head[^1]) && !Vowel(next[0]) && pair is not ("ch" or "ck" or "sc" or "st" or "ph" or "th") ? 0 : -1;
    }

    private static List<string> TextElements(string text)
    {
        var list = new List<string>();
        var e = StringInfo.GetTextElementEnumerator(text);
        while (e.MoveNext()) list.Add(e.GetTextElement());
        return list;
    }

    // DejaVu Sans advance widths in em (units per em 2048), rounded up.
    private static double Em(string element)
    {
        if (element.Length != 1) return 1.0; // emoji, combined characters: a full em
        var c = element[0];
        if (c is >= '0' and <= '9') return 0.64;
        if (char.IsUpper(c))
        {
            var basic = char.ToUpperInvariant(RemoveDiacritic(c));
            return basic switch
            {
                'I' or 'J' => 0.30,
                'L' or 'F' => 0.58,
                'E' or 'P' or 'T' or 'Y' => 0.63,
                'S' or 'B' or 'Z' or 'K' => 0.66,
                'A' or 'C' or 'R' or 'V' or 'X' => 0.70,
                'M' => 0.87,
                'W' => 0.99,
                _ => 0.78,
            };
        }
        if (char.IsLower(c))
        {
            return RemoveDiacritic(c) switch
            {
                'i' or 'j' or 'l' => 0.28,
                'f' or 't' => 0.40,
                'r' => 0.42,
                's' or 'z' => 0.53,
                'c' => 0.56,
                'k' or 'v' or 'x' or 'y' => 0.60,
                'w' => 0.82,
                'm' => 0.98,
                'ß' => 0.64,
                _ => 0.64,
            };
        }
        return c switch
        {
            ' ' or '.' or ',' or ':' or ';' or '!' or '\'' or '|' => 0.32,
            '-' or '\u00AD' or '(' or ')' or '[' or ']' or '/' or '\\' => 0.40,
            '"' or '„' or '“' or '”' => 0.46,
            '&' => 0.78,
            '@' or '%' => 1.0,
            < '\u0250' => 0.84,
            _ => 1.0,
        };
    }

    private static char RemoveDiacritic(char c)
    {
        var d = c.ToString().Normalize(NormalizationForm.FormD);
        return d.Length > 0 ? d[0] : c;
    }
}
