using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace GraphApi.Exchange.Cypher;

/// <summary>
/// Values written into Cypher text, for a script that has no parameters (cypher-shell, Neo4j Browser). The forms are those
/// of every Cypher from 3.1 to 5.x: single-quoted strings with backslash escapes, integers, floats with a point or an
/// exponent, <c>true</c>/<c>false</c>/<c>null</c>, lists and maps; names that are not plain identifiers in backticks.
/// </summary>
public static partial class CypherLiteral
{
    /// <summary>
    /// A string literal. Quotes and backslashes are escaped, and so is every character a reader or the lexer could take for
    /// something else: control characters (newlines among them), line and paragraph separators, format characters such as
    /// the bidirectional overrides (a right-to-left override could make a line read differently from what it is) and
    /// unpaired surrogates, as <c>\uXXXX</c>. Printable text (umlauts, Arabic, emoji) stays as it is; the script is UTF-8.
    /// </summary>
    public static string String(string value)
    {
        var text = new StringBuilder(value.Length + 2).Append('\'');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '\\': text.Append(@"\\"); break;
                case '\'': text.Append(@"\'"); break;
                case '\n': text.Append(@"\n"); break;
                case '\r': text.Append(@"\r"); break;
                case '\t': text.Append(@"\t"); break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                        text.Append(c).Append(value[++i]);
                    else if (NeedsEscape(c))
                        text.Append(@"\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    else
                        text.Append(c);
                    break;
            }
        }
        return text.Append('\'').ToString();
    }

    private static bool NeedsEscape(char c) => char.GetUnicodeCategory(c) is UnicodeCategory.Control or UnicodeCategory.Format
        or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Surrogate
        or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned;

    /// <summary>A label, relationship type or property key: as it is when it is a plain identifier, else in backticks.</summary>
    public static string Name(string name) =>
        PlainName().IsMatch(name) ? name : "`" + name.Replace("`", "``", StringComparison.Ordinal) + "`";

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex PlainName();

    /// <summary>Any parameter value the stores send: null, strings, booleans, integers, floats, lists and maps of these.</summary>
    public static string Of(object? value) => value switch
    {
        null => "null",
        string s => String(s),
        bool b => b ? "true" : "false",
        int or long or short or byte or sbyte or uint or ushort => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        double d => Float(d),
        float f => Float(f),
        decimal m => Float((double)m),
        IEnumerable<KeyValuePair<string, object?>> map => "{" + string.Join(", ", map.Select(kv => $"{Name(kv.Key)}: {Of(kv.Value)}")) + "}",
        IEnumerable list => "[" + string.Join(", ", list.Cast<object?>().Select(Of)) + "]",
        _ => throw new ArgumentException($"{value.GetType().Name} has no Cypher literal.", nameof(value)),
    };

    /// <summary>A float that reads back as the same double, and as a float: "2.0", "1.5E-07" (Cypher wants no "+" in the exponent).</summary>
    private static string Float(double d)
    {
        if (!double.IsFinite(d)) throw new ArgumentException($"{d} has no Cypher literal.", nameof(d));
        var text = d.ToString("R", CultureInfo.InvariantCulture).Replace("E+", "E", StringComparison.Ordinal);
        return text.Contains('.') || text.Contains('E') ? text : text + ".0";
    }

    /// <summary>
    /// A statement with its <c>$name</c> parameters replaced by their values as literals. The statement's own text never
    /// holds user text (the stores' rule), so every <c>$</c> in it is a parameter; a missing one is an error.
    /// </summary>
    /// <param name="statement">Cypher whose only <c>$</c> are parameters.</param>
    /// <param name="parameters">Their values.</param>
    /// <param name="rowPerLine">Lists of maps one element per line, so that a long UNWIND list reads as a table.</param>
    public static string Inline(string statement, IReadOnlyDictionary<string, object?>? parameters, bool rowPerLine = false) =>
        Parameter().Replace(statement, m => parameters is not null && parameters.TryGetValue(m.Groups[1].Value, out var value)
            ? rowPerLine && value is IEnumerable<IEnumerable<KeyValuePair<string, object?>>> rows
                ? "[\n  " + string.Join(",\n  ", rows.Select(Of)) + "\n]"
                : Of(value)
            : throw new ArgumentException($"The statement uses ${m.Groups[1].Value}, which has no value.", nameof(parameters)));

    [GeneratedRegex(@"\$([A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex Parameter();
}
