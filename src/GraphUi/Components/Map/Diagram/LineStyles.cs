using System.Globalization;
using GraphApi.Exchange.Svg;

namespace GraphUi.Components.Map.Diagram;

/// <summary>
/// A relationship's <see cref="LineLook"/> as CSS variables for the map and its legend (app.css draws <c>.rel</c> with
/// them): the stroke in the light and the dark theme, resolved by the same rule as the exported pictures, its width and
/// its dashes. Variables rather than inline strokes, so that a theme, a dimmed line or a comparison's mark still win.
/// </summary>
public static class LineStyles
{
    /// <param name="width">A width of its own (a grouped map's summed link grows with its count); null: the look's.</param>
    public static string Variables(LineLook look, double? width = null) => string.Create(CultureInfo.InvariantCulture,
        $"--rel: {look.Stroke(PictureTheme.Light)}; --rel-dark: {look.Stroke(PictureTheme.Dark)}; --rel-width: {width ?? look.Width:0.#}; --rel-dash: {look.Dash ?? "none"}");
}
