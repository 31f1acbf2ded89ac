using GraphApi.Domain;

namespace GraphApi.Analysis;

/// <summary>
/// Two measures that cover the same topics (Jaccard ≥ <see cref="DataQuality.MeasureTopicThreshold"/>) in a shared territory,
/// offered by different actors (no actor offers both).
/// </summary>
public sealed record DuplicateMeasure(NamedRef MeasureA, NamedRef MeasureB, IReadOnlyList<NamedRef> OfferedByA, IReadOnlyList<NamedRef> OfferedByB,
    IReadOnlyList<NamedRef> SharedTopics, IReadOnlyList<NamedRef> SharedTerritories, string Sentence);

/// <summary>
/// Two actor records that probably describe the same organisation (<see cref="DuplicateDetector"/>). <see cref="Reason"/>:
/// <c>sameName</c> (equal after normalising), <c>similarName</c> (similarity ≥ 0.8), <c>sameShortName</c> or
/// <c>nameContained</c> (the shorter name's words all in the longer, supported by <see cref="Evidence"/>).
/// <see cref="Evidence"/> lists what else they share: sameKind, sharedTopics, sharedTerritory, territoryInside, sameParent,
/// sharedRepresentative.
/// </summary>
public sealed record ProbableDuplicate(NamedRef ActorA, NamedRef ActorB, double Similarity, string Reason, string Sentence)
{
    public IReadOnlyList<string> Evidence { get; init; } = [];
}

/// <summary>
/// Data-quality findings that go with the overlaps: the same offer twice, the same organisation twice.
/// <para>Probable duplicate actors come from <see cref="DuplicateDetector"/>, the one detector the import preview uses too.</para>
/// </summary>
public static class DataQuality
{
    public const double NameThreshold = DuplicateDetector.NameThreshold;

    /// <summary>
    /// Measures count as duplicates when their topic sets are this alike (Jaccard) and they share a territory: one topic in
    /// common is not enough for a broad measure such as an Integrationskonzept that touches every topic.
    /// </summary>
    public const double MeasureTopicThreshold = 0.5;

    private static double Jaccard(IReadOnlyList<string> a, IReadOnlyList<string> b) =>
        a.Count + b.Count == 0 ? 0 : (double)a.Intersect(b).Count() / a.Union(b).Count();

    public static IReadOnlyList<DuplicateMeasure> DuplicateMeasures(AnalysisView view, Phrases t)
    {
        var measures = view.Snapshot.All<Measure>().Where(m => m.OfferedBy.Count > 0).ToList();
        var byCell = new Dictionary<(string Topic, string Territory), List<int>>();
        for (var i = 0; i < measures.Count; i++)
            foreach (var topic in measures[i].Topics)
                foreach (var territory in measures[i].Territories)
                {
                    if (!byCell.TryGetValue((topic, territory), out var list)) byCell[(topic, territory)] = list = [];
                    list.Add(i);
                }
        var pairs = new SortedSet<(int, int)>();
        foreach (var list in byCell.Values)
            for (var x = 0; x < list.Count; x++)
                for (var y = x + 1; y < list.Count; y++)
                    if (!measures[list[x]].OfferedBy.Intersect(measures[list[y]].OfferedBy).Any() &&
                        Jaccard(measures[list[x]].Topics, measures[list[y]].Topics) >= MeasureTopicThreshold)
                        pairs.Add((list[x], list[y]));

        var results = new List<DuplicateMeasure>();
        foreach (var (i, j) in pairs)
        {
            var (a, b) = (measures[i], measures[j]);
            var topics = a.Topics.Intersect(b.Topics).Select(view.Ref).ToList();
            var territories = a.Territories.Intersect(b.Territories).Select(view.Ref).ToList();
            var byA = a.OfferedBy.Select(view.Ref).ToList();
            var byB = b.OfferedBy.Select(view.Ref).ToList();
            var places = t.IsGerman ? t.List(territories.Select(x => GermanNames.InPlace(x.Name))) : "in " + t.List(territories.Select(x => x.Name));
            var sentence = t.Text("analysis.measuresAndBothCover", t.Quote(a.Name), t.List(byA.Select(x => view.Name(x.Id))), t.Quote(b.Name), t.List(byB.Select(x => view.Name(x.Id))), t.Names(topics.Select(x => x.Name)), places);
            results.Add(new DuplicateMeasure(view.Ref(a.Id), view.Ref(b.Id), byA, byB, topics, territories, sentence));
        }
        return results;
    }

    /// <summary>
    /// Jaccard similarity of two word sets where a word also matches a near-identical one (<see cref="GermanWords.WordSimilarity"/>
    /// ≥ 0.75, a typo): "Caritas Peine" ~ "Caritass Piene" is 1, "Flüchtlingssozialarbeit Ilsede" ~ "… Lengede" only 1/3.
    /// </summary>
    public static double SoftJaccard(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        var unmatched = b.ToList();
        var matched = 0;
        foreach (var word in a)
        {
            var best = unmatched.Select((w, i) => (i, Score: GermanWords.WordSimilarity(w, word)))
                .Where(x => x.Score >= 0.75).OrderByDescending(x => x.Score).FirstOrDefault((-1, 0));
            if (best.Item1 < 0) continue;
            matched++;
            unmatched.RemoveAt(best.Item1);
        }
        return (double)matched / (a.Count + b.Count - matched);
    }

    /// <summary>Probable duplicate actor records: the one <see cref="DuplicateDetector"/> on the network as of the day.</summary>
    public static IReadOnlyList<ProbableDuplicate> ProbableDuplicates(AnalysisView view, Phrases t) => DuplicateDetector.Find(view.Snapshot, t);
}
