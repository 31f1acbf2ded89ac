using System.Globalization;
using GraphApi.Analysis;
using GraphApi.Domain;
using GraphApi.Localization;
using Microsoft.Extensions.Localization;

namespace GraphApi.Networks;

/// <summary>
/// "Was hat sich geändert?": compares two points of a network. A point is a day (YYYY-MM-DD), a meeting (its id: the
/// state at its end, or at its start while it runs; "id:start" / "id:end" for either), or a revision ("r12"). Two days
/// compare what the data says held on them (<see cref="NetworkDiff.Compute"/>); anything else compares the stored states
/// (<see cref="NetworkDiff.Between"/>), a day then standing for the state at the end of that day in Europe/Berlin.
/// The map page, the comparison view and the diff API use it alike.
/// </summary>
public sealed class Comparisons(NetworkService networks, MeetingService meetings, ChangeSentences sentences, IStringLocalizer<Strings> texts)
{
    private sealed record Point(string Label, long? Revision, DateOnly? Day);

    /// <summary>True when the text is a plain day, so the API's day-to-day diff answers it.</summary>
    public static bool IsDay(string? text) => AsOf.TryParse(text, out _);

    /// <summary>
    /// Compares <paramref name="from"/> with <paramref name="to"/>, or a meeting's start with its end (<paramref name="meeting"/>).
    /// Bad input throws <see cref="ValidationFailedException"/> naming the field (from, to, meeting).
    /// </summary>
    public async Task<Comparison> CompareAsync(string networkId, string? from, string? to, string? meeting, CancellationToken ct = default,
        string fromField = "from", string toField = "to")
    {
        var head = await networks.GetAsync(networkId, ct);
        var errors = new ValidationErrors();
        Point? start, end;
        if (!string.IsNullOrWhiteSpace(meeting))
        {
            if (!string.IsNullOrWhiteSpace(from) || !string.IsNullOrWhiteSpace(to))
                errors.Add("meeting", texts["compare.error.meetingAndDates"]);
            var m = MeetingService.Find(head.Network, meeting.Trim());
            if (m is null) errors.Add("meeting", texts["compare.error.noMeeting", meeting]);
            errors.ThrowIfAny();
            (start, end) = (MeetingPoint(m!, atEnd: false, head), MeetingPoint(m!, atEnd: true, head));
        }
        else
        {
            start = Resolve(from, fromField, head, errors);
            end = Resolve(to, toField, head, errors);
            if (start is { Day: { } a } && end is { Day: { } b } && b < a)
                errors.Add(toField, texts["compare.error.order", to!, from!]);
            if (start is { Revision: { } ra, Day: null } && end is { Revision: { } rb, Day: null } && rb < ra)
                errors.Add(toField, texts["compare.error.order", to!, from!]);
            errors.ThrowIfAny();
        }

        if (start!.Day is { } fromDay && end!.Day is { } toDay && start.Revision is null && end.Revision is null)
        {
            var history = await HistoryAsync(networkId, ct);
            var report = NetworkDiff.Compute(head, history, fromDay, toDay, Phrases.Current);
            var (before, after) = await StatesAsync(networkId, start, end, ct);
            return Make(head, start, end, null, null, NetworkDiff.Entries(report, head)) with { Removed = RemovedBetween(before, after, head) };
        }

        var (r1, r2) = (await RevisionAsync(networkId, start, ct), await RevisionAsync(networkId, end!, ct));
        var (s1, s2) = (await meetings.StateAtAsync(networkId, r1, ct), await meetings.StateAtAsync(networkId, r2, ct));
        var names = new Names(texts, [s2, s1, head]);
        return Make(head, start, end!, r1, r2, NetworkDiff.Between(s1, s2, sentences, names)) with { Removed = RemovedBetween(s1, s2, head) };
    }

    private async Task<(NetworkSnapshot Before, NetworkSnapshot After)> StatesAsync(string networkId, Point start, Point end, CancellationToken ct) =>
        (await meetings.StateAtAsync(networkId, await RevisionAsync(networkId, start, ct), ct),
         await meetings.StateAtAsync(networkId, await RevisionAsync(networkId, end, ct), ct));

    /// <summary>What the first state held, the second no longer holds, and the network does not hold now: deleted in between.</summary>
    private static IReadOnlyList<Entity> RemovedBetween(NetworkSnapshot before, NetworkSnapshot after, NetworkSnapshot head) =>
        before.Everything.Where(e => e is not Network && after.Find(e.Id) is null && head.Find(e.Id) is null).ToList();

    private Comparison Make(NetworkSnapshot head, Point from, Point to, long? r1, long? r2, IReadOnlyList<ComparisonEntry> entries)
    {
        int Count(string change) => entries.Count(e => e.Change == change);
        var summary = texts["compare.summary", from.Label, to.Label, Count(ChangeSentences.Appeared), Count(ChangeSentences.Ended),
            Count(ChangeSentences.Changed)];
        return new Comparison(head.Network.Id, from.Label, to.Label, r1, r2, entries, summary);
    }

    private Point? Resolve(string? text, string field, NetworkSnapshot head, ValidationErrors errors)
    {
        text = text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            errors.Add(field, texts["compare.error.required"]);
            return null;
        }
        if (AsOf.TryParse(text, out var day)) return new Point(Dates.Day(day), null, day);
        if (text.Length > 1 && text[0] == 'r' && long.TryParse(text[1..], NumberStyles.None, CultureInfo.InvariantCulture, out var r))
        {
            if (r >= 0 && r <= head.Revision) return new Point(texts["compare.revision", r], r, null);
            errors.Add(field, texts["compare.error.revision", text, head.Revision]);
            return null;
        }
        var (id, edge) = text.EndsWith(":start", StringComparison.Ordinal) ? (text[..^6], false)
            : text.EndsWith(":end", StringComparison.Ordinal) ? (text[..^4], true) : (text, true);
        if (MeetingService.Find(head.Network, id) is { } m) return MeetingPoint(m, edge, head);
        errors.Add(field, texts["compare.error.point", text]);
        return null;
    }

    private Point MeetingPoint(Meeting m, bool atEnd, NetworkSnapshot head)
    {
        var revision = atEnd ? m.EndRevision ?? head.Revision : m.StartRevision;
        var edge = atEnd ? m.EndRevision is null ? texts["compare.now"] : texts["compare.end"] : texts["compare.start"];
        return new Point($"{sentences.MeetingName(m)} ({edge})", revision, null);
    }

    /// <summary>A point's revision: its own, or for a day the last change set committed by the end of that day in Berlin.</summary>
    private async Task<long> RevisionAsync(string networkId, Point point, CancellationToken ct)
    {
        if (point.Revision is { } r) return r;
        var day = point.Day!.Value;
        long last = 0;
        foreach (var set in await HistoryAsync(networkId, ct))
        {
            if (Dates.DayInBerlin(set.At) > day) break;
            last = set.Revision;
        }
        return last;
    }

    private async Task<IReadOnlyList<ChangeSet>> HistoryAsync(string networkId, CancellationToken ct) =>
        await networks.HistoryAsync(networkId, 0, null, int.MaxValue, ct);
}
