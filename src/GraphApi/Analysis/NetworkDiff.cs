using System.Text.Json.Nodes;
using GraphApi.Domain;
using GraphApi.Networks;

namespace GraphApi.Analysis;

/// <summary>
/// One change between two dates. <see cref="Change"/>: appeared, ended or changed. <see cref="Source"/>: <c>validity</c>
/// (a since/founded or until/dissolved date in the data; <see cref="Date"/> holds it) or <c>history</c> (an edit committed
/// to the store; <see cref="At"/>, <see cref="Author"/> and <see cref="Operation"/> say when, who and what, <see cref="Fields"/>
/// which fields an update changed).
/// </summary>
public sealed record DiffEntry(string Change, string Source, string Type, string Id, string Name, string? Date, DateTimeOffset? At,
    string? Author, string? Operation, IReadOnlyList<string>? Fields, string Sentence);

public sealed record DiffSection(IReadOnlyList<DiffEntry> Appeared, IReadOnlyList<DiffEntry> Ended, IReadOnlyList<DiffEntry> Changed);

public sealed record DiffReport(string NetworkId, long Revision, string From, string To, DiffSection Actors, DiffSection Bodies,
    DiffSection Memberships, DiffSection Collaborations, string Summary, string Language);

/// <summary>
/// One line of a comparison ("Was hat sich geändert?"): <see cref="Change"/> is appeared, ended or changed; <see cref="Nodes"/>
/// are the map's nodes it concerns (the entity itself, or a membership's member and body), <see cref="Sentence"/> says it in words.
/// </summary>
public sealed record ComparisonEntry(string Change, string Type, string Id, string Name, IReadOnlyList<string> Nodes, string Sentence);

/// <summary>
/// A comparison of two points of a network: two days (what the data says held then, <see cref="NetworkDiff.Compute"/>),
/// or two revisions such as a meeting's start and end (<see cref="NetworkDiff.Between"/>). <see cref="From"/> and <see cref="To"/>
/// name the points for people ("12.03.2025", "Sitzung der Steuerungsgruppe, 12.03.2025 (Ende)").
/// </summary>
public sealed record Comparison(string NetworkId, string From, string To, long? FromRevision, long? ToRevision,
    IReadOnlyList<ComparisonEntry> Entries, string Summary)
{
    /// <summary>
    /// How the map marks each node: "new", "ended" or "changed"; a node whose memberships or collaborations changed counts as changed.
    /// </summary>
    public IReadOnlyDictionary<string, string> Marks()
    {
        var marks = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var e in Entries.Where(e => e.Nodes is [_] && e.Nodes[0] == e.Id))
            marks[e.Id] = e.Change == ChangeSentences.Appeared ? "new" : e.Change;
        foreach (var node in Entries.Where(e => !(e.Nodes is [_] && e.Nodes[0] == e.Id)).SelectMany(e => e.Nodes))
            marks.TryAdd(node, "changed");
        foreach (var e in Removed.Where(e => e is not (Membership or Collaboration)))
            marks[e.Id] = ChangeSentences.Ended;
        return marks;
    }

    /// <summary>
    /// How the map marks each relationship (membership, collaboration) by its id: "new", "ended" or "changed" (the last entry of it
    /// wins); one deleted in between is drawn back in as "ended".
    /// </summary>
    public IReadOnlyDictionary<string, string> LinkMarks()
    {
        var marks = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var e in Entries.Where(e => e.Type is "membership" or "collaboration"))
            marks[e.Id] = e.Change == ChangeSentences.Appeared ? "new" : e.Change;
        foreach (var e in Removed.Where(e => e is Membership or Collaboration))
            marks[e.Id] = ChangeSentences.Ended;
        return marks;
    }

    /// <summary>The map's marks by node id (what <see cref="Marks"/> says), for clients that draw the comparison.</summary>
    public IReadOnlyDictionary<string, string> MapMarks => Marks();

    /// <summary>
    /// Entries deleted between the two points that the network no longer holds, as they were last stored: the comparison's
    /// map draws them (greyed, "beendet") beside what is there now. Their ids are <see cref="RemovedIds"/>.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore] public IReadOnlyList<Entity> Removed { get; init; } = [];

    public IReadOnlyList<string> RemovedIds => Removed.Select(e => e.Id).ToList();

    /// <summary>The network to draw for the comparison: the current one with the removed entries back in it (relationships only
    /// where both ends are drawn).</summary>
    public NetworkSnapshot MapOf(NetworkSnapshot current)
    {
        if (Removed.Count == 0) return current;
        var back = Removed.Where(e => current.Find(e.Id) is null).ToList();
        var all = current.Everything.Concat(back).ToList();
        var ids = all.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        bool Ends(Entity e) => e switch
        {
            Membership m => ids.Contains(m.Member) && ids.Contains(m.Body),
            Collaboration c => ids.Contains(c.From) && ids.Contains(c.To),
            _ => true,
        };
        return NetworkSnapshot.Create(current.Network, current.Revision, all.Where(Ends));
    }
}

/// <summary>
/// What changed between two dates, from two sources (see docs/findings.md):
/// <list type="bullet">
/// <item><b>validity</b>, from the data as stored now: a body, membership or collaboration <i>appeared</i> when its
/// founded/since date lies in (from, to], it <i>ended</i> when its last valid day (dissolved/until, inclusive) lies in
/// [from, to), i.e. it counted on <c>from</c> and no longer on <c>to</c>. Actors carry no dates.</item>
/// <item><b>history</b>, from the store's committed change sets whose UTC date lies in (from, to]: an entity created then
/// <i>appeared</i>, one deleted <i>ended</i>, one updated <i>changed</i> (first state before the window against last state in it;
/// an entity created and deleted within the window is left out).</item>
/// </list>
/// An entry may show up from both sources: a membership entered on 3 May with "since 1 May" appeared in the data and in the store.
/// </summary>
public static class NetworkDiff
{
    private static readonly EntityKind[] Compared = [EntityKind.Actor, EntityKind.Body, EntityKind.Membership, EntityKind.Collaboration];

    public static DiffReport Compute(NetworkSnapshot current, IReadOnlyList<ChangeSet> history, DateOnly from, DateOnly to, Phrases t)
    {
        var (f, u) = (AsOf.Format(from), AsOf.Format(to));
        var entries = Compared.ToDictionary(k => k, _ => new List<DiffEntry>());

        foreach (var body in current.All<Body>())
        {
            if (In(body.Founded, f, u, startOpen: true))
                entries[EntityKind.Body].Add(Validity("appeared", body, current, body.Founded!, t));
            if (In(body.Dissolved, f, u, startOpen: false))
                entries[EntityKind.Body].Add(Validity("ended", body, current, body.Dissolved!, t));
        }
        foreach (var m in current.All<Membership>())
        {
            if (In(m.Since, f, u, startOpen: true)) entries[EntityKind.Membership].Add(Validity("appeared", m, current, m.Since!, t));
            if (In(m.Until, f, u, startOpen: false)) entries[EntityKind.Membership].Add(Validity("ended", m, current, m.Until!, t));
        }
        foreach (var c in current.All<Collaboration>())
        {
            if (In(c.Since, f, u, startOpen: true)) entries[EntityKind.Collaboration].Add(Validity("appeared", c, current, c.Since!, t));
            if (In(c.Until, f, u, startOpen: false)) entries[EntityKind.Collaboration].Add(Validity("ended", c, current, c.Until!, t));
        }

        // Per entity: the state before its first change in the window and after its last one.
        var touched = new Dictionary<string, (Change First, Change Last, ChangeSet LastSet)>(StringComparer.Ordinal);
        foreach (var set in history)
        {
            var day = AsOf.Format(DateOnly.FromDateTime(set.At.UtcDateTime));
            if (string.CompareOrdinal(day, f) <= 0 || string.CompareOrdinal(day, u) > 0) continue;
            foreach (var change in set.Changes.Where(c => Compared.Contains(c.Kind)))
                touched[change.Id] = touched.TryGetValue(change.Id, out var seen) ? (seen.First, change, set) : (change, change, set);
        }
        foreach (var (id, (first, last, set)) in touched)
        {
            var (before, after) = (first.Before, last.After);
            var entry = (before, after) switch
            {
                (null, null) => null,
                (null, { } a) => History("appeared", "created", a, current, set, null, t),
                ({ } b, null) => History("ended", "deleted", b, current, set, null, t),
                ({ } b, { } a) => ChangedFields(b, a) is { Count: > 0 } fields ? History("changed", "updated", a, current, set, fields, t) : null,
            };
            if (entry is not null) entries[first.Kind].Add(entry);
        }

        DiffSection Section(EntityKind k)
        {
            var list = entries[k].OrderBy(e => e.Date ?? AsOf.Format(DateOnly.FromDateTime(e.At!.Value.UtcDateTime)), StringComparer.Ordinal)
                .ThenBy(e => e.Id, StringComparer.Ordinal).ToList();
            return new DiffSection(list.Where(e => e.Change == "appeared").ToList(), list.Where(e => e.Change == "ended").ToList(),
                list.Where(e => e.Change == "changed").ToList());
        }
        var all = entries.Values.SelectMany(x => x).ToList();
        var (appeared, ended, changed) = (all.Count(e => e.Change == "appeared"), all.Count(e => e.Change == "ended"), all.Count(e => e.Change == "changed"));
        var summary = t.Text("analysis.betweenAndAppearedEndedChanged", t.Date(f), t.Date(u), appeared, ended, changed);
        return new DiffReport(current.Network.Id, current.Revision, f, u, Section(EntityKind.Actor), Section(EntityKind.Body),
            Section(EntityKind.Membership), Section(EntityKind.Collaboration), summary, t.Code);
    }

    /// <summary>
    /// The differences between two states of a network (two revisions: a meeting's start and end, two meetings), each as a
    /// sentence from <see cref="ChangeSentences"/>; the meetings themselves are bookkeeping and left out.
    /// </summary>
    public static IReadOnlyList<ComparisonEntry> Between(NetworkSnapshot from, NetworkSnapshot to, ChangeSentences sentences, Names names) =>
        ChangePlan.Between(from, to).Where(c => !ChangeSentences.OnlyMeetings(c))
            .Select(c => (Change: c, Entity: (c.After ?? c.Before)!))
            .OrderBy(x => Kinds.Entity.Codes.ToList().IndexOf(Kinds.Of(x.Entity.EntityKind).Code))
            .ThenBy(x => names.Of(x.Entity), StringComparer.CurrentCulture)
            .Select(x => new ComparisonEntry(ChangeSentences.Category(x.Change), AnalysisView.TypeOf(x.Entity), x.Entity.Id, names.Of(x.Entity),
                NodesOf(x.Entity), sentences.Difference(x.Change, names)))
            .ToList();

    /// <summary>The day-to-day diff (<see cref="Compute"/>) as comparison entries, each with the nodes it concerns.</summary>
    public static IReadOnlyList<ComparisonEntry> Entries(DiffReport report, NetworkSnapshot current) =>
        new[] { report.Actors, report.Bodies, report.Memberships, report.Collaborations }
            .SelectMany(s => s.Appeared.Concat(s.Ended).Concat(s.Changed))
            .Select(e => new ComparisonEntry(e.Change, e.Type, e.Id, e.Name, current.Find(e.Id) is { } found ? NodesOf(found) : [e.Id], e.Sentence))
            .ToList();

    /// <summary>The map nodes an entity concerns: a membership's member and body, a collaboration's two actors, else itself.</summary>
    public static IReadOnlyList<string> NodesOf(Entity e) => e switch
    {
        Membership m => [m.Member, m.Body],
        Collaboration c => [c.From, c.To],
        _ => [e.Id],
    };

    /// <summary>A start date counts in (from, to]; a last valid day in [from, to).</summary>
    private static bool In(string? date, string from, string to, bool startOpen) => date is not null && (startOpen
        ? string.CompareOrdinal(date, from) > 0 && string.CompareOrdinal(date, to) <= 0
        : string.CompareOrdinal(date, from) >= 0 && string.CompareOrdinal(date, to) < 0);

    private static DiffEntry Validity(string change, Entity e, NetworkSnapshot s, string date, Phrases t)
    {
        var d = t.Date(date);
        var sentence = (e, change) switch
        {
            (Body b, "appeared") => t.Text("analysis.wasFoundedOn", GermanNames.Capitalise(GermanNames.Nominative(b.Name)), d, b.Name),
            (Body b, _) => t.Text("analysis.wasDissolvedAsOf", GermanNames.Capitalise(GermanNames.Nominative(b.Name)), d, b.Name),
            (Membership m, "appeared") => t.Text("analysis.sinceSitsOn", d, Name(s, m.Member), GermanNames.In(Name(s, m.Body)), Name(s, m.Body)),
            (Membership m, _) => t.Text("analysis.untilSatOn", d, Name(s, m.Member), GermanNames.In(Name(s, m.Body)), Name(s, m.Body)),
            (Collaboration c, "appeared") => t.Text("analysis.sinceAndCollaborate", d, Name(s, c.From), Name(s, c.To), CollaborationKind(c.Kind, t)),
            (Collaboration c, _) => t.Text("analysis.untilAndCollaborated", d, Name(s, c.From), Name(s, c.To), CollaborationKind(c.Kind, t)),
            _ => "",
        };
        return new DiffEntry(change, "validity", AnalysisView.TypeOf(e), e.Id, Label(e, s), date, null, null, null, null, sentence);
    }

    private static DiffEntry History(string change, string operation, Entity e, NetworkSnapshot s, ChangeSet set, IReadOnlyList<string>? fields, Phrases t)
    {
        var d = t.Date(AsOf.Format(DateOnly.FromDateTime(set.At.UtcDateTime)));
        var what = $"{TypeName(e.EntityKind, t)} {t.Quote(Label(e, s))}";
        var sentence = operation switch
        {
            "created" => t.Text("analysis.wasAddedOnBy", what, d, set.Author),
            "deleted" => t.Text("analysis.wasDeletedOnBy", what, d, set.Author),
            _ => t.Text("analysis.wasChangedOnBy", what, d, set.Author, string.Join(", ", fields!)),
        };
        return new DiffEntry(change, "history", AnalysisView.TypeOf(e), e.Id, Label(e, s), null, set.At, set.Author, operation, fields, sentence);
    }

    /// <summary>The fields whose values differ, store metadata left out.</summary>
    public static IReadOnlyList<string> ChangedFields(Entity before, Entity after)
    {
        var a = JsonNode.Parse(GraphJson.Serialize(before))!.AsObject();
        var b = JsonNode.Parse(GraphJson.Serialize(after))!.AsObject();
        return a.Select(p => p.Key).Union(b.Select(p => p.Key))
            .Where(k => k is not ("version" or "created" or "updated" or "$type") && !JsonNode.DeepEquals(a[k], b[k]))
            .ToList();
    }

    private static string Name(NetworkSnapshot s, string id) => s.Find(id) switch
    {
        Actor a => a.Name,
        { } e => e.Label,
        null => id,
    };

    private static string Label(Entity e, NetworkSnapshot s) => e switch
    {
        Actor a => a.Name,
        Membership m => $"{Name(s, m.Member)} → {Name(s, m.Body)}",
        Collaboration c => $"{Name(s, c.From)} ↔ {Name(s, c.To)}",
        _ => e.Label,
    };

    private static string TypeName(EntityKind kind, Phrases t) => t.Pick(Kinds.Of(kind).German.Singular, Kinds.Of(kind).English.Singular);

    private static string CollaborationKind(string kind, Phrases t) =>
        t.Pick(Kinds.Collaboration[kind].German.Singular, Kinds.Collaboration[kind].English.Singular.ToLowerInvariant());
}
