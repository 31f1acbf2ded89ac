using System.Collections.Frozen;

namespace GraphUi.Localization;

/// <summary>
/// The interface's words, German first with English available. The language comes from the "lang"
/// cookie that the switch in the header sets; German when there is none.
/// </summary>
public sealed class UiText
{
    public const string CookieName = "lang";
    public static readonly string[] Languages = ["de", "en"];

    private readonly FrozenDictionary<string, string> _texts;

    private UiText(string language, FrozenDictionary<string, string> texts) => (Language, _texts) = (language, texts);

    public string Language { get; }

    public string this[string key] => _texts.TryGetValue(key, out var text) ? text : key;

    public string this[string key, params object?[] args] => string.Format(System.Globalization.CultureInfo.CurrentCulture, this[key], args);

    /// <summary>The texts of the current UI culture (a Blazor circuit keeps the culture of the request that started it).</summary>
    public static UiText Current => For(System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName);

    /// <summary>All texts, for the browser modules (they receive them as JSON in the page).</summary>
    public IReadOnlyDictionary<string, string> All => _texts;

    public static UiText For(string? language) => language == "en" ? English : German;

    public static UiText From(HttpContext? context) => For(context?.Request.Cookies[CookieName]);

    private static readonly UiText German = new("de", Texts.German.Concat(MapTexts.German).ToFrozenDictionary());
    private static readonly UiText English = new("en", Texts.English.Concat(MapTexts.English).ToFrozenDictionary());
}
