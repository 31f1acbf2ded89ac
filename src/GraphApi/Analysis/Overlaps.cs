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

/// <summary>The four parts of a score, each 0..1 before weighting.</summary>
public sealed record OverlapParts(double Members, double Topics, double Territories, double Mandate);

/// <summary>
/// Two bodies that look alike. <see cref="BodyA"/> is the smaller one (fewer members). <see cref="SubsetBody"/>
/// names the body all of whose members also sit in the other (null if neither); <see cref="SameMembers"/> says
/// both have exactly the same members.
/// </summary>
public sealed record Overlap(
    NamedRef BodyA, NamedRef BodyB, double Score, OverlapParts Parts,
    IReadOnlyList<NamedRef> SharedMembers, IReadOnlyList<NamedRef> SharedTopics, IReadOnlyList<NamedRef> SharedTerritories,
    IReadOnlyList<string> SharedMandateTerms, NamedRef? SubsetBody, bool SameMembers, int MembersA, int MembersB, string Sentence);

/// <summary>
/// Doppelstrukturen: pairs of bodies scored 0..1 by
/// <c>score = wMembers·members + wTopics·topics + wTerritories·territories + wMandate·mandate</c> (weights normalised to sum 1).
/// <list type="bullet">
/// <item><b>members</b>: weighted overlap coefficient of the two member sets (persons counted as the actor they
/// represent): Σ shared w(a) / min(Σ w over A, Σ w over B), with w(a) = ln(1 + N / df(a)) where N is the number of
/// bodies with members and df(a) the number of bodies <i>a</i> sits in. An actor that sits everywhere (the
/// Kreisverwaltung) weighs little, a rare shared member much. One shared member alone is weak evidence: the part is
/// multiplied by <see cref="SingleMemberFactor"/>. It is 1 when one body's members are a subset of the other's (with at least two shared).</item>
/// <item><b>topics</b>, <b>territories</b>: overlap coefficient |A ∩ B| / min(|A|, |B|); 0 when either has none.</item>
/// <item><b>mandate</b>: cosine similarity of TF-IDF vectors of the mandate texts (German words, stopwords dropped,
/// light stemming); 0 when either has no mandate.</item>
/// </list>
/// Pairs in one reporting line (one body reports to the other, directly or through others) are left out: a committee
/// shares members with the Kreistag it reports to by design.
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

    /// <summary>The lowest score a pair needs to be listed, unless the caller asks for another.</summary>
    public const double DefaultThreshold = 0.5;

    public static IReadOnlyList<Overlap> Find(AnalysisView view, OverlapWeights weights, double threshold, Phrases texts)
    {
        var w = weights.Normalised();
        var bodies = view.Bodies.Where(b => view.MembersOf(b.Id).Count > 0 || b.Topics.Count > 0 || !string.IsNullOrWhiteSpace(b.Mandate)).ToList();
        var n = bodies.Count;
        if (n < 2) return [];

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
        var territories = Numbered(bodies, b => b.Territories);
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
        return results.OrderByDescending(o => o.Score).ThenBy(o => o.BodyA.Id, StringComparer.Ordinal)
            .ThenBy(o => o.BodyB.Id, StringComparer.Ordinal).ToList();

        void Consider(int x, int y)
        {
            var minTotal = Math.Min(total[x], total[y]);
            var m = minTotal > 0 ? Math.Min(1, shared[y] / minTotal) : 0;
            if (count[y] == 1) m *= SingleMemberFactor;
            if (m < minMembers) return;
            var partial = w.Members * m + w.Topics * Coefficient(topics[x], topics[y]) + w.Territories * Coefficient(territories[x], territories[y]);
            if (partial + w.Mandate < threshold - slack) return;
            if (partial + w.Mandate * mandates.Cosine(x, y) < threshold - slack) return;
            if (lines[x].Contains(bodies[y].Id) || lines[y].Contains(bodies[x].Id)) return;
            var overlap = Score(view, bodies[x], bodies[y], weightByActor, mandates, x, y, w, texts);
            if (overlap.Score >= threshold && overlap.Score > 0) results.Add(overlap);
        }
    }

    /// <summary>The bodies a body reports to, directly or through others.</summary>
    private static HashSet<string> ReportingLine(AnalysisView view, Body from)
    {
        var line = new HashSet<string>(StringComparer.Ordinal);
        for (var next = from.ReportsTo; next is not null && next != from.Id && line.Add(next); next = view.Snapshot.Find<Body>(next)?.ReportsTo) { }
        return line;
    }

    /// <summary>Each body's list of ids as sorted numbers, for fast intersections.</summary>
    private static int[][] Numbered(List<Body> bodies, Func<Body, IReadOnlyList<string>> list)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        return bodies.Select(b => list(b).Select(x => ids.TryGetValue(x, out var i) ? i : ids[x] = ids.Count).Distinct().Order().ToArray()).ToArray();
    }

    /// <summary>Overlap coefficient of two sorted lists.</summary>
    private static double Coefficient(int[] a, int[] b)
    {
        if (a.Length == 0 || b.Length == 0) return 0;
        int i = 0, j = 0, shared = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j]) { shared++; i++; j++; }
            else if (a[i] < b[j]) i++;
            else j++;
        }
        return (double)shared / Math.Min(a.Length, b.Length);
    }

    private static Overlap Score(AnalysisView view, Body first, Body second, Dictionary<string, double> weight, MandateIndex mandates,
        int i, int j, OverlapWeights w, Phrases texts)
    {
        // A is the smaller body, so that sentences read "all members of A also sit in B".
        var (a, b) = view.MembersOf(first.Id).Count <= view.MembersOf(second.Id).Count ? (first, second) : (second, first);
        var ma = view.MembersOf(a.Id);
        var mb = view.MembersOf(b.Id);
        var shared = ma.Where(mb.Contains).OrderBy(view.Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("de-DE"), true)).ToList();
        var sharedWeight = shared.Sum(x => weight[x]);
        var minTotal = Math.Min(ma.Sum(x => weight[x]), mb.Sum(x => weight[x]));
        var members = minTotal > 0 ? Math.Min(1, sharedWeight / minTotal) : 0;
        if (shared.Count == 1) members *= SingleMemberFactor;

        var topics = a.Topics.Intersect(b.Topics, StringComparer.Ordinal).ToList();
        var territories = a.Territories.Intersect(b.Territories, StringComparer.Ordinal).ToList();
        var (mandate, terms) = mandates.Similarity(i, j);
        var parts = new OverlapParts(Round(members), Round(Coefficient(topics.Count, a.Topics.Count, b.Topics.Count)),
            Round(Coefficient(territories.Count, a.Territories.Count, b.Territories.Count)), Round(mandate));
        var score = Round(w.Members * parts.Members + w.Topics * parts.Topics + w.Territories * parts.Territories + w.Mandate * parts.Mandate);

        var same = shared.Count == ma.Count && shared.Count == mb.Count && shared.Count > 0;
        NamedRef? subset = shared.Count > 0 && shared.Count == ma.Count ? view.Ref(a.Id) : null;
        var overlap = new Overlap(view.Ref(a.Id), view.Ref(b.Id), score, parts, shared.Select(view.Ref).ToList(),
            topics.Select(view.Ref).ToList(), territories.Select(view.Ref).ToList(), terms, subset, same, ma.Count, mb.Count, "");
        return overlap with { Sentence = Sentence(overlap, view, texts) };
    }

    private static double Coefficient(int shared, int x, int y) => x == 0 || y == 0 ? 0 : (double)shared / Math.Min(x, y);

    private static double Round(double x) => Math.Round(x, 4);

    /// <summary>
    /// "Alle 7 Mitglieder der Steuerungsgruppe Übergangsmanagement sitzen auch im Koordinierungsstab MuT; beide arbeiten
    /// zu Arbeit und Bildung im Landkreis Peine."
    /// </summary>
    public static string Sentence(Overlap o, AnalysisView view, Phrases t)
    {
        var a = o.BodyA.Name;
        var b = o.BodyB.Name;
        var clauses = new List<string>();
        var names = o.SharedMembers.Select(m => view.Name(m.Id)).ToList();
        var n = o.SharedMembers.Count;
        if (o.SameMembers)
            clauses.Add(t.Pick($"{GermanNames.Capitalise(GermanNames.Nominative(a))} und {GermanNames.Nominative(b)} haben dieselben {t.Count(n, "Mitglied", "Mitglieder", "member")}",
                $"{a} and {b} have the same {t.Count(n, "Mitglied", "Mitglieder", "member")}"));
        else if (o.SubsetBody is not null)
            clauses.Add(n == 1
                ? t.Pick($"Das einzige Mitglied {GermanNames.Genitive(a)} ({names[0]}) sitzt auch {GermanNames.In(b)}",
                    $"The only member of {a} ({names[0]}) also sits on {b}")
                : t.Pick($"Alle {n} Mitglieder {GermanNames.Genitive(a)} sitzen auch {GermanNames.In(b)}",
                    $"All {n} members of {a} also sit on {b}"));
        else if (n > 0)
            clauses.Add(t.Pick(
                $"{GermanNames.Capitalise(GermanNames.Nominative(a))} und {GermanNames.Nominative(b)} haben {t.Count(n, "Mitglied", "Mitglieder", "member")} gemeinsam: {t.List(names)}",
                $"{a} and {b} share {t.Count(n, "Mitglied", "Mitglieder", "member")}: {t.List(names)}"));
        else
            clauses.Add(t.Pick($"{GermanNames.Capitalise(GermanNames.Nominative(a))} und {GermanNames.Nominative(b)} haben keine gemeinsamen Mitglieder",
                $"{a} and {b} have no members in common"));

        var topics = t.Names(o.SharedTopics.Select(x => x.Name));
        var places = t.IsGerman
            ? t.List(o.SharedTerritories.Select(x => GermanNames.InPlace(x.Name)))
            : "in " + t.List(o.SharedTerritories.Select(x => x.Name));
        if (o.SharedTopics.Count > 0 && o.SharedTerritories.Count > 0)
            clauses.Add(t.Pick($"beide arbeiten zu {topics} {places}", $"both work on {topics} {places}"));
        else if (o.SharedTopics.Count > 0)
            clauses.Add(t.Pick($"beide arbeiten zu {topics}", $"both work on {topics}"));
        else if (o.SharedTerritories.Count > 0)
            clauses.Add(t.Pick($"beide sind {places} tätig", $"both are active {places}"));
        if (o.SharedMandateTerms.Count > 0 && o.Parts.Mandate >= 0.2)
            clauses.Add(t.Pick($"ihre Aufträge ähneln sich ({t.List(o.SharedMandateTerms.Select(x => $"„{x}“"))})",
                $"their mandates are alike ({t.List(o.SharedMandateTerms.Select(x => $"\"{x}\""))})"));
        return string.Join("; ", clauses) + ".";
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
