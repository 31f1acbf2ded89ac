using System.Globalization;

namespace GraphUi.Components.Panels.Forms;

/// <summary>
/// Days and decimals typed the German way, whatever language the browser or the page speaks: "12.03.2025" is the
/// 12th of March and "2,5" is two and a half (never 25). ISO days ("2025-03-12") and a decimal point ("2.5") are
/// understood too, so a pasted value is not misread.
/// </summary>
public static class GermanInput
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");
    private static readonly string[] DayForms = ["d.M.yyyy", "dd.MM.yyyy", "d.M.yy", "yyyy-MM-dd"];

    /// <summary>Reads a typed day; <paramref name="iso"/> is YYYY-MM-DD, as the service stores it.</summary>
    public static bool TryDay(string text, out string iso)
    {
        iso = "";
        if (!DateOnly.TryParseExact(text.Trim(), DayForms, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) return false;
        iso = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return true;
    }

    /// <summary>A stored day as it is typed: "2025-03-12" → "12.03.2025"; anything else as it is.</summary>
    public static string? Day(string? iso) =>
        DateOnly.TryParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture) : iso;

    /// <summary>A day as it is typed: "12.03.2025".</summary>
    public static string Day(DateOnly day) => day.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    /// <summary>Reads a typed decimal: a comma is the decimal separator; a lone point is one too; "1.234,5" is 1234.5.</summary>
    public static bool TryNumber(string text, out double value)
    {
        text = text.Trim();
        var ok = text.Contains(',')
            ? double.TryParse(text, NumberStyles.Float | NumberStyles.AllowThousands, German, out value)
            : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
        return ok && double.IsFinite(value);
    }

    /// <summary>A stored number (as text in any culture's form the form received) shown with a German comma.</summary>
    public static string? Number(string? text) =>
        text is not null && double.TryParse(text, NumberStyles.Float, CultureInfo.CurrentCulture, out var n) ? n.ToString(German) : text;

    public static string Number(double value) => value.ToString(German);
}
