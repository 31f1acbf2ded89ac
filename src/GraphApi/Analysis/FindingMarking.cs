using System.Security.Cryptography;
using System.Text;
using GraphApi.Domain;
using GraphApi.Networks;

namespace GraphApi.Analysis;

/// <summary>One finding as a mark sees it: its stable key, the fingerprint of its facts, and its nodes.</summary>
public sealed record FindingRef(string Key, string Fingerprint, IReadOnlyList<string> Ids);

/// <summary>A mark as shown beside its finding: <see cref="Applies"/> is false once the finding's facts changed (outdated).</summary>
public sealed record MarkStatus(FindingMark Mark, bool Applies, bool Found);

/// <summary>
/// Marks on findings (issue 9, point 8). A finding has a stable <b>key</b> (what it is about: "overlap:b-1|b-2",
/// "gap:dormantBody:b-3", "broker:a-1") and a <b>fingerprint</b>: a hash of the facts it stands on, independent of the
/// language (ids, shared members, topics, territories, missing kinds, part sizes, meeting state). A mark remembers the
/// fingerprint it was set on; when the facts change the fingerprint differs and the mark no longer applies.
/// </summary>
public static class FindingMarking
{
    public static FindingRef Of(Overlap o) => new(
        "overlap:" + string.Join('|', Sorted([o.BodyA.Id, o.BodyB.Id])),
        Hash("overlap", Sorted([o.BodyA.Id, o.BodyB.Id]), Sorted(o.SharedMembers.Select(m => m.Id)), Sorted(o.SharedTopics.Select(t => t.Id)),
            Sorted(o.SharedTerritories.Select(t => t.Id)), [Math.Min(o.MembersA, o.MembersB).ToString(), Math.Max(o.MembersA, o.MembersB).ToString()]),
        [o.BodyA.Id, o.BodyB.Id, .. o.SharedMembers.Select(m => m.Id)]);

    public static FindingRef Of(Gap g, AnalysisView view)
    {
        var ids = g.Entities.Select(e => e.Id).ToList();
        // A dormant body's facts include why it is dormant (status, last meeting, rhythm), so a new meeting date outdates the mark.
        var state = g.Kind == GapKinds.DormantBody && view.Snapshot.Find<Body>(ids.FirstOrDefault()) is { } b
            ? new[] { b.Status, b.LastMeeting ?? "", (b.MeetingsPerYear ?? 0).ToString() }
            : [];
        return new FindingRef($"gap:{g.Kind}:{string.Join('|', ids)}",
            Hash("gap", [g.Kind], Sorted(ids), Sorted(g.Missing ?? []), (g.PartSizes ?? []).Select(s => s.ToString()), state), ids);
    }

    public static FindingRef OfDuplicate(ProbableDuplicate d) => new(
        "actor:" + string.Join('|', Sorted([d.ActorA.Id, d.ActorB.Id])),
        Hash("actor", Sorted([d.ActorA.Id, d.ActorB.Id]), [d.ActorA.Name, d.ActorB.Name]), [d.ActorA.Id, d.ActorB.Id]);

    /// <summary>A broker: the node and the bodies and actors it links (its neighbours on the day).</summary>
    public static FindingRef OfBroker(string id, IEnumerable<string> neighbours) =>
        new($"broker:{id}", Hash("broker", [id], Sorted(neighbours)), [id]);

    /// <summary>Every markable finding of the view with the default scoring, as the panel and the report show them.</summary>
    public static IReadOnlyList<FindingRef> All(AnalysisView view, Phrases phrases)
    {
        var found = new List<FindingRef>();
        found.AddRange(Overlaps.Find(view, OverlapWeights.Default, Overlaps.DefaultThreshold, phrases).Select(Of));
        found.AddRange(Gaps.Find(view, phrases).Select(g => Of(g, view)));
        found.AddRange(DataQuality.ProbableDuplicates(view, phrases).Select(OfDuplicate));
        var metrics = NetworkMetrics.Compute(view.Snapshot);
        var graph = AnalysisGraph.From(view.Snapshot);
        found.AddRange(MetricsFindings.Brokers(view, metrics).Select(b => OfBroker(b.Id, NeighboursOf(graph, b.Id))));
        return found;
    }

    /// <summary>The mark on <paramref name="finding"/>, if any, and whether it still applies.</summary>
    public static MarkStatus? StatusOf(Network network, FindingRef finding) =>
        network.FindingMarks.FirstOrDefault(m => m.Key == finding.Key) is { } mark ? new MarkStatus(mark, mark.Fingerprint == finding.Fingerprint, true) : null;

    /// <summary>
    /// Sets the mark on the finding <paramref name="key"/> as it is on the day of <paramref name="asOf"/> (the analysis day when null):
    /// one change of the network, validated; a key that names no finding on that day is refused (field "key").
    /// </summary>
    public static async Task<ChangeSet> SetAsync(NetworkService networks, EntityValidator validator, string networkId, string key,
        string state, string? note, DateOnly? asOf, Author author, DateOnly today, CancellationToken ct = default)
    {
        var snapshot = await networks.GetAsync(networkId, ct);
        var view = AnalysisView.For(snapshot, asOf);
        var finding = All(view, Phrases.Current).FirstOrDefault(f => f.Key == key);
        var errors = new ValidationErrors();
        if (finding is null) errors.Add("key", Texts.Get("validation.mark.noFinding", key, view.DayText));
        if (!FindingMarkStates.All.Contains(state)) errors.Add("state", EntityValidator.NotAllowed(state, FindingMarkStates.All));
        errors.ThrowIfAny();
        var mark = new FindingMark { Key = key, Fingerprint = finding!.Fingerprint, State = state, Note = note, By = author.Name, On = AsOf.Format(today) };
        return await ChangeNetworkAsync(networks, validator, networkId, n => n with { FindingMarks = [.. n.FindingMarks.Where(m => m.Key != key), mark] }, author, ct);
    }

    /// <summary>Removes the mark on <paramref name="key"/>; nothing happens when there is none.</summary>
    public static Task<ChangeSet> ClearAsync(NetworkService networks, EntityValidator validator, string networkId, string key, Author author,
        CancellationToken ct = default) =>
        ChangeNetworkAsync(networks, validator, networkId, n => n with { FindingMarks = n.FindingMarks.Where(m => m.Key != key).ToList() }, author, ct);

    /// <summary>
    /// One change of the network entity, planned against the network as it is when the change is committed (so a concurrent
    /// edit of its name is not overwritten), validated as every network change; nothing is written when it breaks a rule.
    /// </summary>
    public static Task<ChangeSet> ChangeNetworkAsync(NetworkService networks, EntityValidator validator, string networkId,
        Func<Network, Network> change, Author author, CancellationToken ct = default) =>
        networks.ReplaceAsync(networkId, current =>
        {
            if (current is null) throw NotFoundException.NoNetwork(networkId);
            var changed = (Network)EntityValidator.Normalize(change(current.Network));
            var errors = new ValidationErrors();
            validator.CheckFields(changed, "", errors);
            errors.ThrowIfAny();
            return ChangePlan.Between(current, NetworkSnapshot.Create(changed, current.Revision, current.Everything));
        }, author, ct);

    /// <summary>The ids of a node's neighbours on the analysis graph of the day.</summary>
    public static IReadOnlyList<string> NeighboursOf(AnalysisGraph graph, string id) =>
        graph.IndexOf(id) is { } i ? graph.Graph.NeighborsOf(i).ToArray().Select(n => graph.Nodes[n].Id).ToList() : [];

    private static IEnumerable<string> Sorted(IEnumerable<string> ids) => ids.Order(StringComparer.Ordinal);

    private static string Hash(string kind, params IEnumerable<string>[] parts)
    {
        var text = kind + "\n" + string.Join("\n", parts.Select(p => string.Join("\u001f", p)));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
    }
}
