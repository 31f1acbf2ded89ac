using System.Globalization;
using System.Resources;

namespace GraphApi.Localization;

/// <summary>
/// The resx texts (<see cref="Strings"/>) where no <c>IStringLocalizer</c> is at hand (validators, static analyses): the
/// current UI culture's text, German by default.
/// </summary>
public static class Resx
{
    private static readonly ResourceManager Manager = new(typeof(Strings));

    public static string Say(string key, params object[] args)
    {
        var text = Manager.GetString(key, CultureInfo.CurrentUICulture) ?? key;
        return args.Length == 0 ? text : string.Format(CultureInfo.CurrentCulture, text, args);
    }
}
