using GraphApi.Domain;

namespace GraphApi.Analysis;

/// <summary>The meeting states of a body on a reference day (see <see cref="Dormancy"/>).</summary>
public static class BodyActivityStates
{
    /// <summary>Meets as often as its rhythm says, or met after the reference day.</summary>
    public const string Active = "active";

    /// <summary>Status 'dormant', or its last recorded meeting lies more than two of its intervals before the reference day.</summary>
    public const string Dormant = "dormant";

    /// <summary>No meeting date recorded ("Sitzungen nicht erfasst"): nothing can be said, which is a data-quality note, not a finding.</summary>
    public const string MeetingsNotRecorded = "meetingsNotRecorded";

    /// <summary>Status 'dissolved' on the day (only for a stored body read without <see cref="AsOf"/>).</summary>
    public const string Dissolved = "dissolved";
}

/// <summary>
/// Why a body is in its state: <c>status</c> (its status says so), <c>overdue</c> (last meeting more than two intervals
/// before the day), <c>recent</c> (within two intervals), <c>metAfterDay</c> (its last meeting lies after the day),
/// <c>notRecorded</c> (no meeting date).
/// </summary>
/// <param name="State">One of <see cref="BodyActivityStates"/>.</param>
/// <param name="Reason">status, overdue, recent, metAfterDay or notRecorded.</param>
/// <param name="ReferenceDay">The day the body is judged on, YYYY-MM-DD.</param>
/// <param name="LastMeeting">The last recorded meeting, if any.</param>
/// <param name="MeetingsPerYear">The rhythm used: the body's own, or 1 when none is recorded (<see cref="RhythmAssumed"/>).</param>
/// <param name="RhythmAssumed">True when the body has no meetings per year recorded and once a year was assumed.</param>
/// <param name="AllowedGapDays">Two intervals in days: 2 × 365.25 / meetings per year.</param>
/// <param name="DaysSinceLastMeeting">Days from the last meeting to the reference day (negative when it lies after).</param>
public sealed record BodyActivity(string State, string Reason, string ReferenceDay, string? LastMeeting, int MeetingsPerYear, bool RhythmAssumed,
    double AllowedGapDays, int? DaysSinceLastMeeting)
{
    public bool IsDormant => State == BodyActivityStates.Dormant;

    /// <summary>Two intervals in months (24 / meetings per year), as the sentences say it.</summary>
    public double AllowedGapMonths => 24.0 / MeetingsPerYear;
}

/// <summary>
/// The one dormancy rule, used by the gaps, the costs, the panels and the report: a body is <b>dormant</b> when its status
/// says so, or when its last recorded meeting lies more than two of its intervals before the reference day (interval =
/// 12 months / meetings per year, so 6 months for a body that meets 4 times a year; once a year is assumed when no rhythm
/// is recorded). A body without any recorded meeting is <b>not</b> dormant: its meetings are not recorded
/// (<see cref="BodyActivityStates.MeetingsNotRecorded"/>), a separate data-quality note. A meeting recorded after the day
/// counts as active. The reference day comes from <see cref="AnalysisDay.Of"/>: the as-of day when one is asked for, else
/// the network's Datenstand; never the machine's clock.
/// </summary>
public static class Dormancy
{
    /// <summary>Days in a year for the interval arithmetic (months differ in length; an average year does not).</summary>
    private const double DaysPerYear = 365.25;

    /// <summary>How many intervals without a meeting make a body dormant.</summary>
    public const int MissedIntervals = 2;

    public static BodyActivity Of(Body body, DateOnly referenceDay)
    {
        ArgumentNullException.ThrowIfNull(body);
        var rhythm = body.MeetingsPerYear is > 0 ? body.MeetingsPerYear.Value : 1;
        var assumed = body.MeetingsPerYear is not > 0;
        var allowed = MissedIntervals * DaysPerYear / rhythm;
        var day = AsOf.Format(referenceDay);
        int? since = AsOf.TryParse(body.LastMeeting, out var last) ? referenceDay.DayNumber - last.DayNumber : null;
        var lastText = since is null ? null : body.LastMeeting;
        BodyActivity Make(string state, string reason) => new(state, reason, day, lastText, rhythm, assumed, Math.Round(allowed, 2), since);

        if (body.Status == BodyStatuses.Dormant) return Make(BodyActivityStates.Dormant, "status");
        if (body.Status == BodyStatuses.Dissolved) return Make(BodyActivityStates.Dissolved, "status");
        if (since is null) return Make(BodyActivityStates.MeetingsNotRecorded, "notRecorded");
        if (since < 0) return Make(BodyActivityStates.Active, "metAfterDay");
        return since > allowed ? Make(BodyActivityStates.Dormant, "overdue") : Make(BodyActivityStates.Active, "recent");
    }
}

/// <summary>Where the day of an analysis came from: <c>asOf</c> (asked for), <c>dataAsOf</c> (the network's Datenstand),
/// <c>latestRecordedDate</c> (no Datenstand: the newest meeting, founding or start date in the data) or <c>lastChange</c>
/// (no dates in the data at all: the day of the network's last change).</summary>
public sealed record AnalysisDayChoice(DateOnly Day, string Source)
{
    public string DayText => AsOf.Format(Day);
}

/// <summary>
/// The reference day of an analysis: the as-of day when one is asked for, otherwise the network's Datenstand
/// (<see cref="Network.DataAsOf"/>). A network without one is judged on the newest date its data records (the last meeting,
/// founding or membership start), so old data never looks stale just because time has passed on the machine.
/// </summary>
public static class AnalysisDay
{
    public const string FromAsOf = "asOf", FromDataAsOf = "dataAsOf", FromLatestRecordedDate = "latestRecordedDate", FromLastChange = "lastChange";

    public static AnalysisDayChoice Of(NetworkSnapshot stored, DateOnly? asOf)
    {
        ArgumentNullException.ThrowIfNull(stored);
        if (asOf is { } day) return new(day, FromAsOf);
        if (AsOf.TryParse(stored.Network.DataAsOf, out var dataAsOf)) return new(dataAsOf, FromDataAsOf);
        string? latest = null;
        foreach (var e in stored.Everything)
        {
            var dates = e switch
            {
                Body b => [b.LastMeeting, b.Founded],
                Membership m => [m.Since],
                Collaboration c => [c.Since],
                Measure me => [me.Since],
                _ => (string?[])[],
            };
            foreach (var d in dates)
                if (AsOf.TryParse(d, out _) && (latest is null || string.CompareOrdinal(d, latest) > 0)) latest = d;
        }
        if (AsOf.TryParse(latest, out var recorded)) return new(recorded, FromLatestRecordedDate);
        var changed = stored.Network.Updated ?? stored.Network.Created;
        return new(changed is { } c2 ? DateOnly.FromDateTime(c2.UtcDateTime) : DateOnly.MinValue, FromLastChange);
    }
}
