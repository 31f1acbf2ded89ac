namespace GraphApi.Localization;

/// <summary>
/// The product's texts: <c>Strings.resx</c> is German, the default; <c>Strings.en.resx</c> is English. Pages,
/// panels and the command line read them through <c>IStringLocalizer&lt;Strings&gt;</c>; kinds and their words
/// are in the kind registry (<see cref="GraphApi.Domain.Kinds"/>), not here.
/// </summary>
public sealed class Strings;
