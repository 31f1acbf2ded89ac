using System.Text.Json.Serialization;

namespace GraphApi.Domain;

/// <summary>
/// The report settings of a network: the header of its Mitteilungsvorlage for the political committee (as seed 000:
/// Organisationseinheit, Datum, Drucksachen-Nr., Beratungsfolge, Sitzungstermin) and what the paper asks of the committee.
/// Kept with the network, so history and the exchange format carry it. Dates are days, YYYY-MM-DD.
/// </summary>
public sealed record ReportSettings
{
    /// <summary>Organisationseinheit: the unit that submits the paper ("Amt für Migration und Integration").</summary>
    public string? Unit { get; init; }
    /// <summary>Datum: the day the paper is dated.</summary>
    public string? Date { get; init; }
    /// <summary>Drucksachen-Nr.: the paper's number ("2022/248").</summary>
    public string? Number { get; init; }
    /// <summary>Tagesordnungspunkt / Betreff: the paper's title; the network's name when absent.</summary>
    public string? Subject { get; init; }
    /// <summary>Beratungsfolge: the bodies that deliberate the paper, in order, each with its meeting day.</summary>
    public IReadOnlyList<ReportConsultation> Consultations { get; init; } = [];
    /// <summary>Sitzungstermin: the day of the meeting the paper is for.</summary>
    public string? MeetingDate { get; init; }
    /// <summary>"notice" (zur Kenntnisnahme) or "decision" (Beschlussvorschlag, then <see cref="Proposal"/> is its text).</summary>
    public string Purpose { get; init; } = ReportPurposes.Notice;
    /// <summary>The text of the Beschlussvorschlag, when <see cref="Purpose"/> is "decision".</summary>
    public string? Proposal { get; init; }
    /// <summary>The map section the paper shows: a body's id (that body and its members), or null for all bodies and actors.</summary>
    public string? MapFocus { get; init; }
}

/// <summary>One step of the Beratungsfolge: the deliberating body (a name, it need not be on the map) and its meeting day.</summary>
public sealed record ReportConsultation(string Body, string? Date, string? Session = null);

public static class ReportPurposes
{
    public const string Notice = "notice";
    public const string Decision = "decision";
    public static readonly IReadOnlyList<string> All = [Notice, Decision];
}

/// <summary>
/// A coordinator's mark on one finding of the analyses ("geprüft — kein Handlungsbedarf", "in Bearbeitung") with a note.
/// <see cref="Key"/> names the finding stably ("overlap:b-1|b-2"); <see cref="Fingerprint"/> is a hash of the facts the finding
/// stood on when it was marked: when the facts change, the fingerprint differs and the mark is shown as outdated.
/// </summary>
public sealed record FindingMark
{
    public string Key { get; init; } = "";
    public string Fingerprint { get; init; } = "";
    /// <summary>"reviewed" (geprüft — kein Handlungsbedarf) or "inProgress" (in Bearbeitung).</summary>
    public string State { get; init; } = FindingMarkStates.Reviewed;
    public string? Note { get; init; }
    public string? By { get; init; }
    /// <summary>The day the mark was set, YYYY-MM-DD.</summary>
    public string? On { get; init; }
}

public static class FindingMarkStates
{
    public const string Reviewed = "reviewed";
    public const string InProgress = "inProgress";
    public static readonly IReadOnlyList<string> All = [Reviewed, InProgress];
}
