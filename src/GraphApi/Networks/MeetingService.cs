using System.Globalization;
using System.Resources;
using System.Security.Cryptography;
using GraphApi.Analysis;
using GraphApi.Domain;
using GraphApi.Localization;

namespace GraphApi.Networks;

/// <summary>
/// Sitzungen: a meeting is started and ended on the map; each is kept on the network entity (<see cref="Network.Meetings"/>)
/// through the normal change path, so history and exchange carry it. The states at its start and end are the network at
/// <see cref="Meeting.StartRevision"/> and <see cref="Meeting.EndRevision"/>, rebuilt from the head and the history after
/// that revision (<see cref="StateAtAsync"/>).
/// </summary>
public sealed class MeetingService(NetworkService networks, Microsoft.Extensions.Options.IOptions<GraphLimits> limits)
{
    /// <summary>The meeting that has started and not ended, if any (at most one runs).</summary>
    public static Meeting? Running(Network network) => network.Meetings.LastOrDefault(m => m.EndRevision is null);

    public static Meeting? Find(Network network, string meetingId) => network.Meetings.FirstOrDefault(m => m.Id == meetingId);

    /// <summary>Starts a meeting: its start is the network's revision when it begins. One change, in the history.</summary>
    public Task<ChangeSet> StartAsync(string networkId, string title, DateOnly day, Author author, CancellationToken ct = default) =>
        networks.ReplaceAsync(networkId, snapshot =>
        {
            if (snapshot is null) throw NotFoundException.NoNetwork(networkId);
            var errors = new ValidationErrors();
            var meeting = new Meeting("meeting-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(5)), title.Trim(),
                AsOf.Format(day), snapshot.Revision);
            if (Running(snapshot.Network) is { } running)
                errors.Add("title", Say("meeting.error.running", running.Title));
            var network = snapshot.Network with { Meetings = [.. snapshot.Network.Meetings, meeting] };
            CheckOne(meeting, "", limits.Value.MaxNameLength, errors);
            errors.ThrowIfAny();
            return [new Change(ChangeOp.Update, EntityKind.Network, networkId, snapshot.Network, network)];
        }, author, ct);

    /// <summary>Ends a running meeting: its end is the network's revision now.</summary>
    public Task<ChangeSet> EndAsync(string networkId, string meetingId, Author author, CancellationToken ct = default) =>
        networks.ReplaceAsync(networkId, snapshot =>
        {
            if (snapshot is null) throw NotFoundException.NoNetwork(networkId);
            var meeting = Find(snapshot.Network, meetingId) ?? throw NoMeeting(networkId, meetingId);
            if (meeting.EndRevision is not null)
            {
                var errors = new ValidationErrors();
                errors.Add("meetingId", Say("meeting.error.ended", meeting.Title));
                errors.ThrowIfAny();
            }
            var ended = meeting with { EndRevision = snapshot.Revision };
            var network = snapshot.Network with { Meetings = snapshot.Network.Meetings.Select(m => m.Id == meetingId ? ended : m).ToList() };
            return [new Change(ChangeOp.Update, EntityKind.Network, networkId, snapshot.Network, network)];
        }, author, ct);

    /// <summary>
    /// The network as it was right after <paramref name="revision"/>: the head with every later change set undone, newest
    /// first. Costs one read of the history after that revision; the store keeps no snapshots of its own.
    /// </summary>
    public async Task<NetworkSnapshot> StateAtAsync(string networkId, long revision, CancellationToken ct = default)
    {
        var (head, later) = await HeadAndLaterAsync(networkId, revision, ct);
        return revision >= head.Revision ? head : NetworkService.RolledBack(head, later, Math.Max(0, revision));
    }

    /// <summary>
    /// What "Diesen Stand wiederherstellen" would change, planned exactly as <see cref="NetworkService.RestoreAsync"/> plans it:
    /// the changes from now to the state at <paramref name="revision"/>, meetings kept.
    /// </summary>
    public async Task<(NetworkSnapshot Now, IReadOnlyList<Change> Changes)> RestorePreviewAsync(string networkId, long revision, CancellationToken ct = default)
    {
        var (head, later) = await HeadAndLaterAsync(networkId, revision, ct);
        return (head, ChangePlan.Between(head, NetworkService.RolledBack(head, later, revision, keepMeetings: true)));
    }

    /// <summary>The head and the change sets after <paramref name="revision"/> up to it (a commit in between is left out).</summary>
    private async Task<(NetworkSnapshot Head, IReadOnlyList<ChangeSet> Later)> HeadAndLaterAsync(string networkId, long revision, CancellationToken ct)
    {
        var head = await networks.GetAsync(networkId, ct);
        if (revision >= head.Revision) return (head, []);
        var later = await networks.HistoryAsync(networkId, Math.Max(0, revision), null, int.MaxValue, ct);
        return (head, later.Where(s => s.Revision <= head.Revision).ToList());
    }

    /// <summary>The change sets made during a meeting (its start to its end, or now while it runs), meeting bookkeeping left out.</summary>
    public async Task<IReadOnlyList<ChangeSet>> DuringAsync(string networkId, Meeting meeting, CancellationToken ct = default)
    {
        var sets = await networks.HistoryAsync(networkId, meeting.StartRevision, null, int.MaxValue, ct);
        return sets.Where(s => meeting.EndRevision is not { } end || s.Revision <= end)
            .Select(s => s with { Changes = s.Changes.Where(c => !ChangeSentences.OnlyMeetings(c)).ToList() })
            .Where(s => s.Changes.Count > 0).ToList();
    }

    /// <summary>The rules for the meetings of a network (the validator's block for <see cref="Network.Meetings"/>).</summary>
    public static void Check(IReadOnlyList<Meeting>? meetings, string path, int maxNameLength, ValidationErrors errors)
    {
        meetings ??= [];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < meetings.Count; i++)
        {
            var p = $"{path}[{i}]";
            if (meetings[i] is not { } m)
            {
                errors.Add(p, Say("meeting.error.empty"));
                continue;
            }
            CheckOne(m, p, maxNameLength, errors);
            if (!string.IsNullOrEmpty(m.Id) && !seen.Add(m.Id)) errors.Add(ValidationErrors.Join(p, "id"), Say("meeting.error.twice", m.Id));
        }
        if (meetings.Count(m => m is { EndRevision: null }) > 1)
            errors.Add(path, Say("meeting.error.twoRunning"));
    }

    private static void CheckOne(Meeting m, string path, int maxNameLength, ValidationErrors errors)
    {
        var p = (string field) => ValidationErrors.Join(path, field);
        if (string.IsNullOrWhiteSpace(m.Id)) errors.Add(p("id"), Say("meeting.error.required"));
        if (string.IsNullOrWhiteSpace(m.Title)) errors.Add(p("title"), Say("meeting.error.required"));
        else if (m.Title.Length > maxNameLength) errors.Add(p("title"), Say("meeting.error.tooLong", maxNameLength, m.Title.Length));
        if (!DateOnly.TryParseExact(m.Day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            errors.Add(p("day"), Say("meeting.error.day", m.Day));
        if (m.StartRevision < 0) errors.Add(p("startRevision"), Say("meeting.error.revision"));
        if (m.EndRevision is { } end && end < m.StartRevision) errors.Add(p("endRevision"), Say("meeting.error.endBeforeStart", end, m.StartRevision));
    }

    private static NotFoundException NoMeeting(string networkId, string meetingId) =>
        new(Say("meeting.error.notFound", networkId, meetingId));

    private static readonly ResourceManager Resources = new(typeof(Strings));

    /// <summary>A resx text in the current UI culture, for code that runs without the localizer (the validator).</summary>
    private static string Say(string key, params object?[] args) =>
        string.Format(CultureInfo.CurrentUICulture, Resources.GetString(key, CultureInfo.CurrentUICulture) ?? key, args);
}
