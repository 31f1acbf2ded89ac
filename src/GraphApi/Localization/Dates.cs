using System.Globalization;
using Humanizer;

namespace GraphApi.Localization;

/// <summary>
/// Times as people in a Landkreis read them: in Europe/Berlin, days as "12.03.2025", and "vor 3 Minuten"
/// for recent events (Humanizer with its German resources).
/// </summary>
public static class Dates
{
    public static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    private static bool German => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "de";
    private static CultureInfo Culture => German ? CultureInfo.GetCultureInfo("de-DE") : CultureInfo.GetCultureInfo("en-GB");

    public static DateTimeOffset ToBerlin(DateTimeOffset when) => TimeZoneInfo.ConvertTime(when, Berlin);

    /// <summary>The calendar day in Berlin at that moment: what "today" means for the people using the map.</summary>
    public static DateOnly DayInBerlin(DateTimeOffset when) => DateOnly.FromDateTime(ToBerlin(when).DateTime);

    /// <summary>"vor 3 Minuten", "gestern" / "3 minutes ago", relative to <paramref name="now"/>.</summary>
    public static string Relative(DateTimeOffset when, DateTimeOffset now) =>
        when.UtcDateTime.Humanize(utcDate: true, dateToCompareAgainst: now.UtcDateTime, culture: Culture);

    /// <summary>"12.03.2025" / "12 Mar 2025".</summary>
    public static string Day(DateOnly day) => day.ToString(German ? "dd.MM.yyyy" : "d MMM yyyy", Culture);

    /// <summary>"12.03.2025, 14:05" in Berlin time.</summary>
    public static string Moment(DateTimeOffset when) => ToBerlin(when).ToString(German ? "dd.MM.yyyy, HH:mm" : "d MMM yyyy, HH:mm", Culture);

    /// <summary>"1 Stunde, 30 Minuten" / "1 hour, 30 minutes".</summary>
    public static string Duration(TimeSpan span, int precision = 2) => span.Humanize(precision, Culture);
}
