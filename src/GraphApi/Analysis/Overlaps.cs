using GraphApi.Domain;

namespace GraphApi.Analysis;

/// <summary>How much each kind of evidence counts in an overlap score; normalised to sum 1 before use.</summary>
public sealed record OverlapWeights(double Members, double Topics, double Territories, double Mandate)
{
    /// <summary>
    /// Members count most: a steering group decides on merging bodies by the people who sit in both. Topics, territories
    /// and mandate together stay below the default threshold (0.45 &lt; 0.5), so with the defaults no pair is listed without
    /// evidence from its members, however alike its papers read.
    /// </summary>
    public static readonly OverlapWeights Default = new(0.55, 0.2, 0.1, 0.15);

    public double Sum => Members + Topics + Territories + Mandate;

    public OverlapWeights Normalised() => new(Members / Sum, Topics / Sum, Territories / Sum, Mandate / Sum);
}

/// <summary>
/// The calibrated constants of the overlap parts (docs/analysis.md): the pseudo-counts by which small member and topic
/// sets are shrunk from containment towards Jaccard, and what a territory inside the other's counts. The calibration
/// benchmark varies them; the API uses <see cref="Default"/>.
/// </summary>
public sealed record OverlapTuning(double MemberPrior, double TopicPrior, double NestedTerritoryFactor)
{
    public static readonly OverlapTuning Default = new(Overlaps.MemberPrior, Overlaps.TopicPrior, Overlaps.NestedTerritoryFactor);

    /// <summary>The scoring before issue 13: plain containment, territories by identity only (for comparison in the calibration).</summary>
    public static readonly OverlapTuning Containment = new(0, 0, 0);
}

/// <summary>The four parts of a score, each 0..1 before weighting.</summary>
public sealed record OverlapParts(double Members, double Topics, double Territories, double Mandate);

/// <summary>How two bodies relate: <c>duplicate</c> (look alike, no reporting line between them: a Doppelstruktur) or
/// <c>subBody</c> (one reports to the other, directly or through others: hierarchy, not duplication).</summary>
public static class OverlapRelations
{
    public const string Duplicate = "duplicate", SubBody = "subBody";
}

/// <summary>A territory of one body that lies inside a territory of the other (Stadt Peine inside Landkreis Peine).</summary>
public sealed record TerritoryContainment(NamedRef Inner, NamedRef Outer, NamedRef InnerBody, NamedRef OuterBody);

/// <summary>
/// Two bodies that look alike. <see cref="BodyA"/> is the smaller one (fewer members). <see cref="SubsetBody"/>
/// names the body all of whose members also sit in the other (null if neither); <see cref="SameMembers"/> says
/// both have exactly the same members. <see cref="Relation"/> says whether the pair is a Doppelstruktur or a sub-body;
/// for a sub-body <see cref="ReportingLine"/> runs from the reporting body up to the other.
/// <see cref="NestedTerritories"/> lists territories that lie inside the other's; <see cref="SharedLead"/> names a lead
/// both have (said in the sentence, not scored: one office leads many bodies).
/// </summary>
public sealed record Overlap(
    NamedRef BodyA, NamedRef BodyB, double Score, OverlapParts Parts,
    IReadOnlyList<NamedRef> SharedMembers, IReadOnlyList<NamedRef> SharedTopics, IReadOnlyList<NamedRef> SharedTerritories,
    IReadOnlyList<string> SharedMandateTerms, NamedRef? SubsetBody, bool SameMembers, int MembersA, int MembersB, string Sentence)
{
    public string Relation { get; init; } = OverlapRelations.Duplicate;
    public IReadOnlyList<NamedRef>? ReportingLine { get; init; }
    public IReadOnlyList<TerritoryContainment> NestedTerritories { get; init; } = [];
    public NamedRef? SharedLead { get; init; }
}

/// <summary>Doppelstrukturen ranked by score, and the pairs that look alike but are hierarchy (one reports to the other).</summary>
public sealed record OverlapFindings(IReadOnlyList<Overlap> Duplicates, IReadOnlyList<Overlap> SubBodies);

/// <summary>
/// Doppelstrukturen: pairs of bodies scored 0..1 by
/// <c>score = wMembers·members + wTopics·topics + wTerritories·territories + wMandate·mandate</c> (weights normalised to sum 1).
/// <list type="bullet">
/// <item><b>members</b>: the weighted overlap coefficient of the two member sets (persons counted as the actor they
/// represent), C = Σ shared w(a) / min(Σ w over A, Σ w over B), shrunk towards the weighted Jaccard
/// J = Σ shared w / Σ w over A ∪ B by the size of the smaller body: λ·C + (1 − λ)·J with λ = n / (n + <see cref="MemberPrior"/>),
/// n its member count. Two of two inside a body of twenty are weak evidence (λ = 1/3), seven of seven strong (λ = 7/11).
/// w(a) = ln(1 + N / df(a)) where N is the number of bodies with members and df(a) the number of bodies <i>a</i> sits in:
/// an actor that sits everywhere (the Kreisverwaltung) weighs little, a rare shared member much. One shared member alone
/// is weak evidence: the part is multiplied by <see cref="SingleMemberFactor"/>.</item>
/// <item><b>topics</b>: the same shrinkage on the topic sets (λ = n / (n + <see cref="TopicPrior"/>)): one topic among nine is
/// not the same as the only topic of both.</item>
/// <item><b>territories</b>: the better of the two bodies' coverage by the other, a territory counting 1 when both have it
/// and <see cref="NestedTerritoryFactor"/> when it lies inside one of the other's (or contains one), by the territory tree.</item>
/// <item><b>mandate</b>: cosine similarity of TF-IDF vectors of the mandate texts (German words, stopwords dropped,
/// light stemming); 0 when either has no mandate.</item>
/// </list>
/// Pairs in one reporting line (one body reports to the other, directly or through others) are sub-bodies, not
/// Doppelstrukturen: a committee shares members with the Kreistag it reports to by design. They are returned apart
/// (<see cref="OverlapFindings.SubBodies"/>) with their own sentence. A shared lead actor is not a reporting line.
/// Pairs are found through an inverted index member → bodies: for each body, the shared member weight with every other
/// body is summed over its members' entries, so the work grows with the co-memberships that exist, not with the square
/// of the number of bodies; a pair whose member part cannot reach the threshold even with perfect topics, territories and
/// mandate is dropped in constant time. Only when those three parts alone could reach the threshold (a low member weight
/// or threshold) are all pairs compared.
/// </summary>
public static class Overlaps
{
    /// <summary>One shared member is weak evidence (a one-member body is a "subset" of every body it shares that member with).</summary>
    public const double SingleMemberFactor = 0.25;

    /// <summary>Pseudo-count of the member shrinkage: a body of n members keeps n / (n + 4) of its containment (calibrated, docs/analysis.md).</summary>
    public const double MemberPrior = 4;

    /// <summary>Pseudo-count of the topic shrinkage.</summary>
    public const double TopicPrior = 1;

    /// <summary>What a territory inside the other's (Stadt in Landkreis) counts against an identical one.</summary>
    public const double NestedTerritoryFactor = 0.75;

    /// <summary>The lowest score a pair needs to be listed, unless the caller asks for another.</summary>
    public const double DefaultThreshold = 0.5;

    /// <summary>The Doppelstrukturen above the threshold, highest score first (sub-bodies left out; see <see cref="Analyse"/>).</summary>
    public static IReadOnlyList<Overlap> Find(AnalysisView view, OverlapWeights weights, double threshold, Phrases texts) =>
        Analyse(view, weights, threshold, texts).Duplicates;

    /// <summary>Doppelstrukturen and sub-bodies above the threshold, each highest score first.</summary>
    public static OverlapFindings Analyse(AnalysisView view, OverlapWeights weights, double threshold, Phrases texts, OverlapTuning? tuning = null)
    {
        var k = tuning ?? OverlapTuning.Default;
        var w = weights.Normalised();
        var bodies = view.Bodies.Where(b => view.MembersOf(b.Id).Count > 0 || b.Topics.Count > 0 || !string.IsNullOrWhiteSpace(b.Mandate)).ToList();
        var n = bodies.Count;
        if (n < 2) return new([], []);

        // Inverted index member → bodies (as numbers), and the member weights.
        var memberIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var bodiesOf = new List<List<int>>();
        var members = new int[n][];
        for (var i = 0; i < n; i++)
        {
            members[i] = view.MembersOf(bodies[i].Id).Select(a =>
            {
                if (!memberIds.TryGetValue(a, out var id))
                {
                    memberIds[a] = id = bodiesOf.Count;
                    bodiesOf.Add([]);
                }
                bodiesOf[id].Add(i);
                return id;
            }).ToArray();
        }
        var withMembers = members.Count(m => m.Length > 0);
        var weight = bodiesOf.Select(list => Math.Log(1 + (double)withMembers / list.Count)).ToArray();
        var weightByActor = memberIds.ToDictionary(e => e.Key, e => weight[e.Value], StringComparer.Ordinal);
        var total = members.Select(m => m.Sum(a => weight[a])).ToArray();
        var topics = Numbered(bodies, b => b.Topics);
        var tree = new TerritoryTree(view.Snapshot, k.NestedTerritoryFactor);
        var lines = bodies.Select(b => ReportingLine(view, b)).ToArray();
        var mandates = new MandateIndex(bodies);

        // With the other parts at their best, a pair needs at least this member part; none when they alone can pass.
        var slack = 1e-4; // the parts are rounded to four places before they are weighted
        var minMembers = w.Members > 0 ? (threshold - slack - (1 - w.Members)) / w.Members : double.NegativeInfinity;
        var allPairs = minMembers <= 0;

        // Per body x: the shared weight and count with every later body y, summed over x's members (a sparse product of the
        // index with itself): the work is the number of co-memberships, not bodies².
        var shared = new double[n];
        var count = new int[n];
        var touched = new List<int>();
        var results = new List<Overlap>();
        var subBodies = new List<Overlap>();
        for (var x = 0; x < n; x++)
        {
            foreach (var a in members[x])
                foreach (var y in bodiesOf[a])
                {
                    if (y <= x) continue;
                    if (count[y] == 0) touched.Add(y);
                    shared[y] += weight[a];
                    count[y]++;
                }
            if (allPairs)
                for (var y = x + 1; y < n; y++) Consider(x, y);
            else
                foreach (var y in touched) Consider(x, y);
            foreach (var y in touched) (shared[y], count[y]) = (0, 0);
            touched.Clear();
        }
        return new(Ranked(results), Ranked(subBodies));

        void Consider(int x, int y)
        {
            var m = MemberPart(shared[y], count[y], total[x], total[y], members[x].Length, members[y].Length, k.MemberPrior);
            if (m < minMembers) return;
            var partial = w.Members * m + w.Topics * Shrunk(Shared(topics[x], topics[y]), topics[x].Length, topics[y].Length, k.TopicPrior)
                + w.Territories * tree.Part(bodies[x], bodies[y]);
            if (partial + w.Mandate < threshold - slack) return;
            if (partial + w.Mandate * mandates.Cosine(x, y) < threshold - slack) return;
            var overlap = Score(view, bodies[x], bodies[y], weightByActor, mandates, tree, x, y, w, texts, lines, k);
            if (overlap.Score < threshold || overlap.Score <= 0) return;
            (overlap.Relation == OverlapRelations.SubBody ? subBodies : results).Add(overlap);
        }
    }

    private static List<Overlap> Ranked(List<Overlap> list) => list.OrderByDescending(o => o.Score)
        .ThenBy(o => o.BodyA.Id, StringComparer.Ordinal).ThenBy(o => o.BodyB.Id, StringComparer.Ordinal).ToList();

    /// <summary>
    /// The member part: containment shrunk towards Jaccard by the smaller body's size, weak when only one member is shared.
    /// </summary>
    public static double MemberPart(double sharedWeight, int sharedCount, double totalA, double totalB, int countA, int countB,
        double prior = MemberPrior)
    {
        if (sharedCount == 0 || totalA <= 0 || totalB <= 0) return 0;
        var containment = Math.Min(1, sharedWeight / Math.Min(totalA, totalB));
        var jaccard = Math.Min(1, sharedWeight / Math.Max(totalA + totalB - sharedWeight, 1e-12));
        var n = totalA <= totalB ? countA : countB;
        var lambda = n / (n + prior);
        var m = lambda * containment + (1 - lambda) * jaccard;
        return sharedCount == 1 ? m * SingleMemberFactor : m;
    }

    /// <summary>Overlap coefficient shrunk towards Jaccard: λ·shared/min + (1 − λ)·shared/union, λ = min / (min + prior).</summary>
    public static double Shrunk(int shared, int sizeA, int sizeB, double prior)
    {
        if (shared == 0 || sizeA == 0 || sizeB == 0) return 0;
        var min = Math.Min(sizeA, sizeB);
        var lambda = min / (min + prior);
        return lambda * shared / min + (1 - lambda) * shared / (double)(sizeA + sizeB - shared);
    }

    /// <summary>The bodies a body reports to, directly or through others, nearest first.</summary>
    private static List<string> ReportingLine(AnalysisView view, Body from)
    {
        var line = new List<string>();
        for (var next = from.ReportsTo; next is not null && next != from.Id && !line.Contains(next); next = view.Snapshot.Find<Body>(next)?.ReportsTo)
            line.Add(next);
        return line;
    }

    /// <summary>Each body's list of ids as sorted numbers, for fast intersections.</summary>
    private static int[][] Numbered(List<Body> bodies, Func<Body, IReadOnlyList<string>> list)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        return bodies.Select(b => list(b).Select(x => ids.TryGetValue(x, out var i) ? i : ids[x] = ids.Count).Distinct().Order().ToArray()).ToArray();
    }

    /// <summary>How many entries two sorted lists share.</summary>
    private static int Shared(int[] a, int[] b)
    {
        int i = 0, j = 0, shared = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j]) { shared++; i++; j++; }
            else if (a[i] < b[j]) i++;
            else j++;
        }
        return shared;
    }

    private static Overlap Score(AnalysisView view, Body first, Body second, Dictionary<string, double> weight, MandateIndex mandates,
        TerritoryTree tree, int i, int j, OverlapWeights w, Phrases texts, List<string>[] lines, OverlapTuning k)
    {
        // A is the smaller body, so that sentences read "all members of A also sit in B".
        var (a, b) = view.MembersOf(first.Id).Count <= view.MembersOf(second.Id).Count ? (first, second) : (second, first);
        var ma = view.MembersOf(a.Id);
        var mb = view.MembersOf(b.Id);
        var shared = ma.Where(mb.Contains).OrderBy(view.Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("de-DE"), true)).ToList();
        var members = MemberPart(shared.Sum(x => weight[x]), shared.Count, ma.Sum(x => weight[x]), mb.Sum(x => weight[x]), ma.Count, mb.Count,
            k.MemberPrior);

        var topics = a.Topics.Intersect(b.Topics, StringComparer.Ordinal).ToList();
        var territories = a.Territories.Intersect(b.Territories, StringComparer.Ordinal).ToList();
        var (mandate, terms) = mandates.Similarity(i, j);
        var parts = new OverlapParts(Round(members), Round(Shrunk(topics.Count, a.Topics.Distinct().Count(), b.Topics.Distinct().Count(), k.TopicPrior)),
            Round(tree.Part(a, b)), Round(mandate));
        var score = Round(w.Members * parts.Members + w.Topics * parts.Topics + w.Territories * parts.Territories + w.Mandate * parts.Mandate);

        var same = shared.Count == ma.Count && shared.Count == mb.Count && shared.Count > 0;
        NamedRef? subset = shared.Count > 0 && shared.Count == ma.Count ? view.Ref(a.Id) : null;
        // The reporting line from the reporting body up to the other, when there is one.
        var (x, y) = (first == a ? i : j, first == a ? j : i);
        List<string>? line = lines[x].Contains(b.Id) ? [a.Id, .. lines[x].TakeWhile(id => id != b.Id), b.Id]
            : lines[y].Contains(a.Id) ? [b.Id, .. lines[y].TakeWhile(id => id != a.Id), a.Id] : null;
        List<TerritoryContainment> nested = k.NestedTerritoryFactor <= 0 ? [] : tree.Nested(a, b).Select(n => new TerritoryContainment(view.Ref(n.Inner), view.Ref(n.Outer), view.Ref(n.InnerBody), view.Ref(n.OuterBody)))
            .ToList();
        var overlap = new Overlap(view.Ref(a.Id), view.Ref(b.Id), score, parts, shared.Select(view.Ref).ToList(),
            topics.Select(view.Ref).ToList(), territories.Select(view.Ref).ToList(), terms, subset, same, ma.Count, mb.Count, "")
        {
            Relation = line is null ? OverlapRelations.Duplicate : OverlapRelations.SubBody,
            ReportingLine = line?.Select(view.Ref).ToList(),
            NestedTerritories = nested,
            SharedLead = a.Lead is not null && a.Lead == b.Lead ? view.Ref(a.Lead) : null,
        };
        return overlap with { Sentence = Sentence(overlap, view, texts) };
    }

    private static double Round(double x) => Math.Round(x, 4);

    /// <summary>
    /// "Alle 7 Mitglieder der Steuerungsgruppe Übergangsmanagement sitzen auch im Koordinierungsstab MuT; beide arbeiten
    /// zu Arbeit und Bildung im Landkreis Peine." A sub-body starts with its reporting line; territories inside the other's
    /// and a shared lead get their own clause.
    /// </summary>
    public static string Sentence(Overlap o, AnalysisView view, Phrases t)
    {
        var a = o.BodyA.Name;
        var b = o.BodyB.Name;
        var clauses = new List<string>();
        if (o.Relation == OverlapRelations.SubBody && o.ReportingLine is { Count: >= 2 } line)
        {
            var sub = line[0].Name;
            var top = line[^1].Name;
            var via = line.Skip(1).Take(line.Count - 2).Select(r => r.Name).ToList();
            var viaDe = via.Count == 0 ? "" : $"über {t.List(via.Select(GermanOverlapWords.Accusative))} ";
            var viaEn = via.Count == 0 ? "" : $"through {t.List(via)} ";
            clauses.Add(t.Text("analysis.reportsToSoItIs", GermanNames.Capitalise(GermanNames.Nominative(sub)), viaDe, GermanOverlapWords.Accusative(top), sub, viaEn, top));
        }
        var names = o.SharedMembers.Select(m => view.Name(m.Id)).ToList();
        var n = o.SharedMembers.Count;
        if (o.SameMembers)
            clauses.Add(t.Text("analysis.andHaveSame", GermanNames.Capitalise(GermanNames.Nominative(a)), GermanNames.Nominative(b), t.Count(n, "member"), a, b));
        else if (o.SubsetBody is not null)
            clauses.Add(n == 1
                ? t.Text("analysis.onlyMemberOfAlsoSits", GermanNames.Genitive(a), names[0], GermanNames.In(b), a, b)
                : t.Text("analysis.allMembersOfAlsoSit", n, GermanNames.Genitive(a), GermanNames.In(b), a, b));
        else if (n > 0)
            clauses.Add(t.Text("analysis.andShare", GermanNames.Capitalise(GermanNames.Nominative(a)), GermanNames.Nominative(b), t.Count(n, "member"), t.List(names), a, b));
        else
            clauses.Add(t.Text("analysis.andHaveNoMembersIn", GermanNames.Capitalise(GermanNames.Nominative(a)), GermanNames.Nominative(b), a, b));
        if (clauses.Count == 2) clauses[1] = GermanOverlapWords.LowerFirst(clauses[1], t);

        var topics = t.Names(o.SharedTopics.Select(x => x.Name));
        var places = t.IsGerman
            ? t.List(o.SharedTerritories.Select(x => GermanNames.InPlace(x.Name)))
            : "in " + t.List(o.SharedTerritories.Select(x => x.Name));
        if (o.SharedTopics.Count > 0 && o.SharedTerritories.Count > 0)
            clauses.Add(t.Text("analysis.bothWorkOn", topics, places));
        else if (o.SharedTopics.Count > 0)
            clauses.Add(t.Text("analysis.bothWorkOn2", topics));
        else if (o.SharedTerritories.Count > 0)
            clauses.Add(t.Text("analysis.bothAreActive", places));
        if (o.NestedTerritories.Count > 0)
        {
            var de = o.NestedTerritories.Take(3).Select(c =>
                $"{GermanOverlapWords.PlaceNominative(c.Inner.Name)} ({c.InnerBody.Name}) liegt {GermanNames.InPlace(c.Outer.Name)} ({c.OuterBody.Name})");
            var en = o.NestedTerritories.Take(3).Select(c => $"{c.Inner.Name} ({c.InnerBody.Name}) lies within {c.Outer.Name} ({c.OuterBody.Name})");
            clauses.Add(t.Text("analysis.theirTerritoriesOverlap", t.List(de), t.List(en)));
        }
        if (o.SharedMandateTerms.Count > 0 && o.Parts.Mandate >= 0.2)
            clauses.Add(t.Text("analysis.theirMandatesAreAlike", t.List(o.SharedMandateTerms.Select(x => $"„{x}“")), t.List(o.SharedMandateTerms.Select(x => $"\"{x}\""))));
        if (o.SharedLead is not null)
            clauses.Add(t.Text("analysis.bothHaveSameLead", view.Name(o.SharedLead.Id)));
        return string.Join("; ", clauses) + ".";
    }

    /// <summary>The territory tree (parent links) of a network, for territory overlap through containment.</summary>
    private sealed class TerritoryTree
    {
        private readonly Dictionary<string, HashSet<string>> _ancestors = new(StringComparer.Ordinal);
        private readonly double _nested;

        public TerritoryTree(NetworkSnapshot snapshot, double nested)
        {
            _nested = nested;
            foreach (var territory in snapshot.All<Territory>())
            {
                var up = new HashSet<string>(StringComparer.Ordinal);
                for (var p = territory.Parent; p is not null && p != territory.Id && up.Add(p); p = snapshot.Find<Territory>(p)?.Parent) { }
                if (up.Count > 0) _ancestors[territory.Id] = up;
            }
        }

        /// <summary>Whether <paramref name="outer"/> contains <paramref name="inner"/> (a proper ancestor in the tree).</summary>
        public bool Contains(string outer, string inner) => _ancestors.TryGetValue(inner, out var up) && up.Contains(outer);

        /// <summary>0..1: the better of the two bodies' coverage by the other (identical 1, nested <see cref="NestedTerritoryFactor"/>).</summary>
        public double Part(Body a, Body b)
        {
            if (a.Territories.Count == 0 || b.Territories.Count == 0) return 0;
            return Math.Max(Coverage(a.Territories, b.Territories), Coverage(b.Territories, a.Territories));
        }

        private double Coverage(IReadOnlyList<string> of, IReadOnlyList<string> by)
        {
            var sum = 0.0;
            var distinct = of.Distinct(StringComparer.Ordinal).ToList();
            foreach (var x in distinct)
                sum += by.Contains(x) ? 1 : by.Any(y => Contains(y, x) || Contains(x, y)) ? _nested : 0;
            return sum / distinct.Count;
        }

        /// <summary>Territories of one body inside a territory of the other, where the pair has no identical territory for it.</summary>
        public IEnumerable<(string Inner, string Outer, string InnerBody, string OuterBody)> Nested(Body a, Body b)
        {
            foreach (var (x, y) in new[] { (a, b), (b, a) })
                foreach (var inner in x.Territories.Distinct(StringComparer.Ordinal).Where(t => !y.Territories.Contains(t)))
                    foreach (var outer in y.Territories.Distinct(StringComparer.Ordinal).Where(o => !x.Territories.Contains(o) && Contains(o, inner)))
                        yield return (inner, outer, x.Id, y.Id);
        }
    }

    /// <summary>TF-IDF vectors of the bodies' mandates, for cosine similarity.</summary>
    private sealed class MandateIndex
    {
        private readonly Dictionary<string, double>[] _vectors;
        private readonly double[] _norms;
        private readonly Dictionary<string, string>[] _surface;

        public MandateIndex(List<Body> bodies)
        {
            var terms = bodies.Select(b => GermanWords.Terms(b.Mandate).ToList()).ToList();
            var df = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var list in terms)
                foreach (var stem in list.Select(x => x.Stem).Distinct())
                    df[stem] = df.GetValueOrDefault(stem) + 1;
            var n = bodies.Count;
            _vectors = new Dictionary<string, double>[n];
            _norms = new double[n];
            _surface = new Dictionary<string, string>[n];
            for (var i = 0; i < n; i++)
            {
                var v = new Dictionary<string, double>(StringComparer.Ordinal);
                var s = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var (stem, surface) in terms[i])
                {
                    v[stem] = v.GetValueOrDefault(stem) + 1;
                    s.TryAdd(stem, surface);
                }
                foreach (var stem in v.Keys.ToList()) v[stem] *= Math.Log((1.0 + n) / (1.0 + df[stem])) + 1;
                _vectors[i] = v;
                _surface[i] = s;
                _norms[i] = Math.Sqrt(v.Values.Sum(x => x * x));
            }
        }

        public double Cosine(int i, int j)
        {
            if (_norms[i] == 0 || _norms[j] == 0) return 0;
            var (small, large) = _vectors[i].Count <= _vectors[j].Count ? (_vectors[i], _vectors[j]) : (_vectors[j], _vectors[i]);
            var dot = 0.0;
            foreach (var (stem, x) in small)
                if (large.TryGetValue(stem, out var y)) dot += x * y;
            return Math.Min(1, dot / (_norms[i] * _norms[j]));
        }

        /// <summary>The cosine and the shared words that weigh most (at most four), in the spelling of the first text.</summary>
        public (double Cosine, IReadOnlyList<string> Terms) Similarity(int i, int j)
        {
            if (_norms[i] == 0 || _norms[j] == 0) return (0, []);
            var (small, large) = _vectors[i].Count <= _vectors[j].Count ? (_vectors[i], _vectors[j]) : (_vectors[j], _vectors[i]);
            var products = new List<(string Stem, double Product)>();
            foreach (var (stem, x) in small)
                if (large.TryGetValue(stem, out var y)) products.Add((stem, x * y));
            var cosine = products.Sum(p => p.Product) / (_norms[i] * _norms[j]);
            var top = products.OrderByDescending(p => p.Product).ThenBy(p => p.Stem, StringComparer.Ordinal).Take(4)
                .Select(p => _surface[i][p.Stem]).ToList();
            return (Math.Min(1, cosine), top);
        }
    }
}

/// <summary>German words the overlap sentences need beyond <see cref="GermanNames"/>.</summary>
internal static class GermanOverlapWords
{
    /// <summary>"die Steuerungsgruppe X", "den Kreistag", "das Netzwerk Y" (after "an", "über").</summary>
    public static string Accusative(string name) => GermanNames.Head(name) switch
    {
        { Gender: Gender.Feminine } => "die " + name,
        { Gender: Gender.Masculine } => "den " + name,
        { Gender: Gender.Neuter } => "das " + name,
        _ => $"das Gremium „{name}“",
    };

    /// <summary>"die Stadt Peine", "der Landkreis Peine", "Heide" (a bare place name keeps no article).</summary>
    public static string PlaceNominative(string name) => GermanNames.Head(name, requireFollowingName: true) switch
    {
        { Gender: Gender.Feminine } => "die " + name,
        { Gender: Gender.Masculine } => "der " + name,
        { Gender: Gender.Neuter } => "das " + name,
        _ => name,
    };

    /// <summary>The member clause after a sub-body clause continues the sentence: "Alle 3 …" → "alle 3 …" (German and English).</summary>
    public static string LowerFirst(string clause, Phrases t) =>
        (t.IsGerman ? (string[])["Alle ", "Das einzige", "Der ", "Die ", "Das "] : ["All ", "The only"])
        .Any(p => clause.StartsWith(p, StringComparison.Ordinal))
            ? char.ToLowerInvariant(clause[0]) + clause[1..]
            : clause;
}
