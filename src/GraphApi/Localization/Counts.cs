using System.Globalization;
using GraphApi.Domain;

namespace GraphApi.Localization;

/// <summary>
/// "3 Gremien", "1 Gremium", "1.250 Mitglieder": a number and its noun in the current UI culture. The plural is the
/// registry's written-out word; Humanizer's German plurals are wrong ("3 Gremia") and are never used.
/// </summary>
public static class Counts
{
    public static string Of(int n, Term term) => Of(n, term.Word);

    public static string Of(int n, Word word)
    {
        var culture = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "de" ? CultureInfo.GetCultureInfo("de-DE") : CultureInfo.GetCultureInfo("en-GB");
        return $"{n.ToString("N0", culture)} {(n == 1 ? word.Singular : word.Plural)}";
    }
}
