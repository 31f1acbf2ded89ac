using GraphApi.Domain;

namespace GraphApi.Exchange.Tables;

/// <summary>
/// A kind registry vocabulary (<see cref="Kinds"/>) as a spreadsheet uses it: on export the German word as the UI shows it
/// (a workbook is German whatever the request's language, like its sheet and column names); on import the code, or the
/// German or English word, singular or plural, in any case.
/// </summary>
internal sealed class KindWords(Vocabulary vocabulary, string germanName)
{
    /// <summary>"keine Akteursart": what the value is not, in error messages.</summary>
    public string NotOne { get; } = germanName;

    public IReadOnlyList<string> Codes => vocabulary.Codes;

    public string Word(string code) => vocabulary[code].German.Singular;

    public bool TryParse(string text, out string code)
    {
        code = vocabulary.Parse(text)?.Code ?? "";
        return code.Length > 0;
    }

    /// <summary>The words to offer in a message: "Verwaltung, Jobcenter, …".</summary>
    public string Offer() => string.Join(", ", vocabulary.Select(t => t.German.Singular));

    public static readonly KindWords Actor = new(Kinds.Actor, "keine Akteursart");
    public static readonly KindWords Body = new(Kinds.Body, "keine Gremienart");
    public static readonly KindWords Status = new(Kinds.BodyStatus, "kein Status");
    public static readonly KindWords Territory = new(Kinds.Territory, "keine Gebietsart");
    public static readonly KindWords Role = new(Kinds.Role, "keine Rolle");
    public static readonly KindWords Collaboration = new(Kinds.Collaboration, "keine Kooperationsart");
}
