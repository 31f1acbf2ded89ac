using System.Text;
using GraphApi.Domain;

namespace GraphApi.Analysis;

/// <summary>Why two actor records look like one organisation (<see cref="ProbableDuplicate.Reason"/>).</summary>
public static class DuplicateReasons
{
    /// <summary>The same name once legal forms, tier words, spelling, hyphens and known abbreviations (VHS, AWO, DRK…) are set aside.</summary>
    public const string SameName = "sameName";

    /// <summary>Nearly the same words (soft Jaccard ≥ 0.8: a typo, a word more or less).</summary>
    public const string SimilarName = "similarName";

    /// <summary>The same short name.</summary>
    public const string SameShortName = "sameShortName";

    /// <summary>Every significant word of the shorter name is in the longer one, supported by the same kind and by shared
    /// topics, territory, parent or representatives ("Diakonie Peine Migration" in "Diakonisches Werk im Kirchenkreis Peine,
    /// Fachbereich Migration").</summary>
    public const string NameContained = "nameContained";
}

/// <summary>What else two actor records have in common (<see cref="ProbableDuplicate.Evidence"/>).</summary>
public static class DuplicateEvidence
{
    public const string SameKind = "sameKind", SharedTopics = "sharedTopics", SharedTerritory = "sharedTerritory",
        TerritoryInside = "territoryInside", SameParent = "sameParent", SharedRepresentative = "sharedRepresentative";
}

/// <summary>
/// The one detector of probable duplicate actor records, used by the overlaps answer (<see cref="DataQuality.ProbableDuplicates"/>)
/// and by the spreadsheet import's preview (<see cref="Candidates"/>: one record that is not stored yet against a network).
/// <list type="bullet">
/// <item>Names are reduced to their core (<see cref="GermanWords.NameCore"/>: lower case, umlauts folded, legal forms and tier
/// words dropped), one-letter words dropped ("f.", "u."), known abbreviations of the field expanded (VHS → Volkshochschule,
/// IHK → Industrie- und Handelskammer, …) and words written together compared with words written apart
/// ("Freiwilligenagentur" / "Freiwilligen-Agentur").</item>
/// <item>Two words match when equal, nearly equal (a typo: <see cref="GermanWords.WordSimilarity"/> ≥ 0.75) or one is the
/// other's stem (a shared beginning of at least six letters covering three quarters of the shorter: "Diakonie" /
/// "Diakonisches").</item>
/// <item><see cref="DuplicateReasons.SameName"/>, <see cref="DuplicateReasons.SimilarName"/> (≥ <see cref="NameThreshold"/>)
/// and <see cref="DuplicateReasons.SameShortName"/> need nothing else. <see cref="DuplicateReasons.NameContained"/> (all words
/// of the shorter name, at least two, in the longer) needs the same kind and at least one more sign: a shared topic, the same
/// territory or one inside the other, the same parent, or a person who stands for both.</item>
/// <item>A unit and the organisation it belongs to (one is the other's parent, directly or further up) are never duplicates;
/// neither are two units that differ in a word of their own ("Flüchtlingssozialarbeit Ilsede" / "… Lengede").</item>
/// </list>
/// Any text is accepted: names are cut to <see cref="MaxNameLength"/> characters, broken UTF-16 is mended, long words are
/// compared only for equality, so no input can make it throw or run long.
/// </summary>
public static class DuplicateDetector
{
    public const double NameThreshold = 0.8;
    public const int MaxNameLength = 300;
    private const int MaxBlock = 50;
    private const int MaxFuzzyWordLength = 40;

    /// <summary>Abbreviations of the field and the words they stand for (already folded like <see cref="GermanWords.Words"/>).</summary>
    private static readonly Dictionary<string, string[]> Abbreviations = new(StringComparer.Ordinal)
    {
        ["vhs"] = ["volkshochschule"], ["awo"] = ["arbeiterwohlfahrt"], ["drk"] = ["deutsches", "rotes", "kreuz"],
        ["ihk"] = ["industrie", "handelskammer"], ["hwk"] = ["handwerkskammer"], ["jmd"] = ["jugendmigrationsdienst"],
        ["bamf"] = ["bundesamt", "migration", "fluechtlinge"], ["bbs"] = ["berufsbildende", "schulen"],
        ["kmn"] = ["kooperative", "migrationsarbeit", "niedersachsen"], ["fsa"] = ["fluechtlingssozialarbeit"],
        ["mbe"] = ["migrationsberatung", "erwachsene", "zuwanderer"], ["afa"] = ["agentur", "arbeit"],
        ["dpwv"] = ["paritaetischer", "wohlfahrts"], ["ditib"] = ["tuerkisch", "islamische", "union"],
    };

    /// <summary>Probable duplicates among the actors of a network, most alike first.</summary>
    public static IReadOnlyList<ProbableDuplicate> Find(NetworkSnapshot snapshot, Phrases? texts = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var t = texts ?? Phrases.German;
        var context = new Context(snapshot);
        var actors = snapshot.All<Actor>().OrderBy(a => a.Id, StringComparer.Ordinal).ToList();
        var names = actors.Select(a => NameOf(a)).ToList();

        // Only records that share a word (or a written-together form, or a short name) are compared; a word in more than
        // MaxBlock names ("Peine") says nothing and pairs nobody.
        var blocks = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < actors.Count; i++)
            foreach (var key in names[i].Words.Select(w => "w:" + w).Append("c:" + names[i].Compact)
                         .Concat(names[i].Short is { Length: > 0 } s ? ["s:" + s] : []).Distinct())
            {
                if (!blocks.TryGetValue(key, out var list)) blocks[key] = list = [];
                list.Add(i);
            }
        var found = new Dictionary<(int, int), ProbableDuplicate>();
        foreach (var list in blocks.Values.Where(l => l.Count is > 1 and <= MaxBlock))
            for (var x = 0; x < list.Count; x++)
                for (var y = x + 1; y < list.Count; y++)
                {
                    var (i, j) = (list[x], list[y]);
                    if (found.ContainsKey((i, j))) continue;
                    if (Compare(actors[i], names[i], actors[j], names[j], context, t) is { } d) found[(i, j)] = d;
                }
        return found.OrderByDescending(f => f.Value.Similarity).ThenBy(f => actors[f.Key.Item1].Id, StringComparer.Ordinal)
            .ThenBy(f => actors[f.Key.Item2].Id, StringComparer.Ordinal).Select(f => f.Value).ToList();
    }

    /// <summary>
    /// The stored actors that a new record probably duplicates (for an import preview): <paramref name="candidate"/> need not be
    /// in the network; it is <see cref="ProbableDuplicate.ActorA"/> in every result. A stored actor with the candidate's id is
    /// the same record, not a duplicate, and is left out.
    /// </summary>
    public static IReadOnlyList<ProbableDuplicate> Candidates(NetworkSnapshot snapshot, Actor candidate, Phrases? texts = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(candidate);
        var t = texts ?? Phrases.German;
        var context = new Context(snapshot);
        var name = NameOf(candidate);
        var words = name.Words.ToHashSet(StringComparer.Ordinal);
        var results = new List<ProbableDuplicate>();
        foreach (var actor in snapshot.All<Actor>())
        {
            if (actor.Id == candidate.Id && candidate.Id.Length > 0) continue;
            var other = NameOf(actor);
            // A cheap test first: a shared word, the same written-together form or short name, or a near word.
            if (!other.Words.Any(words.Contains) && other.Compact != name.Compact && !(name.Short is { Length: > 0 } && name.Short == other.Short) &&
                !other.Words.Any(o => name.Words.Any(w => Match(w, o) > 0)))
                continue;
            if (Compare(candidate, name, actor, other, context, t) is { } d) results.Add(d);
        }
        return results.OrderByDescending(d => d.Similarity).ThenBy(d => d.ActorB.Id, StringComparer.Ordinal).ToList();
    }

    /// <summary>The reason two records look like one, with its evidence and sentence; null when they do not.</summary>
    private static ProbableDuplicate? Compare(Actor a, Name na, Actor b, Name nb, Context context, Phrases t)
    {
        if (na.Words.Count == 0 || nb.Words.Count == 0) return null;
        string reason;
        double similarity;
        if (na.Compact.Length > 0 && na.Compact == nb.Compact) (reason, similarity) = (DuplicateReasons.SameName, 1);
        // Soft Jaccard is at most (shorter / longer): most pairs of a block are ruled out by their word counts alone.
        else if ((double)Math.Min(na.Words.Count, nb.Words.Count) / Math.Max(na.Words.Count, nb.Words.Count) >= NameThreshold &&
                 SoftJaccard(na.Words, nb.Words) is var soft && soft >= NameThreshold) (reason, similarity) = (DuplicateReasons.SimilarName, Math.Round(soft, 4));
        else if (na.Short is { Length: > 0 } && na.Short == nb.Short) (reason, similarity) = (DuplicateReasons.SameShortName, 1);
        else if (Contained(na.Words, nb.Words) is { } fraction) (reason, similarity) = (DuplicateReasons.NameContained, Math.Round(fraction, 4));
        else return null;
        // The network is read only for pairs whose names already look alike.
        if (context.IsAncestor(a, b) || context.IsAncestor(b, a)) return null;
        var evidence = context.Evidence(a, b);
        if (reason == DuplicateReasons.NameContained && !(evidence.Contains(DuplicateEvidence.SameKind) && evidence.Count > 1)) return null;

        var refA = context.Ref(a);
        var refB = context.Ref(b);
        return new ProbableDuplicate(refA, refB, similarity, reason, Sentence(a, b, reason, evidence, context, t)) { Evidence = evidence };
    }

    private static string Sentence(Actor a, Actor b, string reason, IReadOnlyList<string> evidence, Context context, Phrases t)
    {
        switch (reason)
        {
            case DuplicateReasons.SameShortName:
                return t.Text("analysis.andHaveSameShortName", t.Quote(a.Name), t.Quote(b.Name), t.Quote(a.ShortName!));
            case DuplicateReasons.NameContained:
                var (shorter, longer) = context.WordCount(a) <= context.WordCount(b) ? (a, b) : (b, a);
                var signs = t.List(evidence.Select(e => context.Describe(e, a, b, t)));
                return t.Text("analysis.everyWordOfIsIn", t.Quote(shorter.Name), t.Quote(longer.Name), signs);
            default:
                return t.Text("analysis.andHaveNearlySameName", t.Quote(a.Name), t.Quote(b.Name));
        }
    }

    /// <summary>A name reduced for comparison: its significant words (abbreviations expanded), written together, and its short name.</summary>
    private sealed record Name(IReadOnlyList<string> Words, string Compact, string? Short);

    private static Name NameOf(Actor actor)
    {
        var words = new List<string>();
        foreach (var w in GermanWords.NameCore(Clean(actor.Name)))
        {
            if (w.Length < 2 && !w.All(char.IsDigit)) continue;
            if (Abbreviations.TryGetValue(w, out var full)) words.AddRange(full);
            else words.Add(w);
        }
        words = words.Distinct(StringComparer.Ordinal).ToList();
        var shortName = actor.ShortName is null ? null : string.Join(' ', GermanWords.Words(Clean(actor.ShortName)));
        return new Name(words, string.Concat(words), shortName);
    }

    /// <summary>
    /// Any string made safe to compare: cut, lone surrogates and control characters replaced, and normalised to NFKC, so that
    /// "é" typed two ways is one letter and styled letters ("𝕮𝖆𝖗𝖎𝖙𝖆𝖘", full-width, ligatures) are the plain ones.
    /// </summary>
    internal static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var s = text.Length > MaxNameLength ? text[..MaxNameLength] : text;
        var sb = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) { sb.Append(c).Append(s[++i]); continue; }
            sb.Append(char.IsSurrogate(c) || char.IsControl(c) ? ' ' : c);
        }
        try { return sb.ToString().Normalize(NormalizationForm.FormKC); }
        catch (ArgumentException) { return sb.ToString(); }
    }

    /// <summary>1 equal, the similarity for a typo, 0.9 for one word being the other's stem, else 0.</summary>
    private static double Match(string x, string y)
    {
        if (x == y) return 1;
        if (x.Length > MaxFuzzyWordLength || y.Length > MaxFuzzyWordLength) return 0;
        var prefix = 0;
        while (prefix < x.Length && prefix < y.Length && x[prefix] == y[prefix]) prefix++;
        var stem = prefix >= 6 && prefix >= 0.75 * Math.Min(x.Length, y.Length) ? 0.9 : 0;
        // An edit distance can only reach 0.75 when the lengths differ by at most a quarter; most pairs stop here.
        if (Math.Abs(x.Length - y.Length) > 0.25 * Math.Max(x.Length, y.Length)) return stem;
        var cache = _matches ??= new Dictionary<(string, string), double>();
        if (cache.Count > 100_000) cache.Clear();
        if (!cache.TryGetValue((x, y), out var similarity)) cache[(x, y)] = similarity = GermanWords.WordSimilarity(x, y);
        return similarity >= 0.75 ? Math.Max(similarity, stem) : stem;
    }

    /// <summary>Word pairs already compared on this thread: names repeat their words (Peine, Migration, Caritas) many times.</summary>
    [ThreadStatic] private static Dictionary<(string, string), double>? _matches;

    /// <summary>Jaccard of two word sets where a word also matches a near one (<see cref="Match"/>), each word used once.</summary>
    private static double SoftJaccard(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        var matched = Greedy(a, b);
        return (double)matched / (a.Count + b.Count - matched);
    }

    /// <summary>When every word of the shorter list (at least two) matches a word of the longer one: the share of the longer matched.</summary>
    private static double? Contained(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        var (shorter, longer) = a.Count <= b.Count ? (a, b) : (b, a);
        if (shorter.Count < 2 || shorter.Count == longer.Count) return null;
        return Greedy(shorter, longer, stopAtMiss: true) == shorter.Count ? (double)shorter.Count / longer.Count : null;
    }

    /// <summary>How many words of <paramref name="a"/> find a match in <paramref name="b"/>, each used once; with
    /// <paramref name="stopAtMiss"/> it gives up at the first word without one.</summary>
    private static int Greedy(IReadOnlyList<string> a, IReadOnlyList<string> b, bool stopAtMiss = false)
    {
        var unmatched = b.ToList();
        var matched = 0;
        foreach (var word in a)
        {
            var best = -1;
            var score = 0.0;
            for (var i = 0; i < unmatched.Count; i++)
                if (Match(word, unmatched[i]) is var m && m > score) (best, score) = (i, m);
            if (best < 0)
            {
                if (stopAtMiss) return matched;
                continue;
            }
            matched++;
            unmatched.RemoveAt(best);
        }
        return matched;
    }

    /// <summary>What the detector needs to know about the network around two records.</summary>
    private sealed class Context(NetworkSnapshot snapshot)
    {
        private Dictionary<string, HashSet<string>>? _standsFor;

        public NamedRef Ref(Actor a) => new(a.Id, a.Name, "actor");

        public int WordCount(Actor a) => NameOf(a).Words.Count;

        public bool IsAncestor(Actor ancestor, Actor of)
        {
            if (ancestor.Id.Length == 0) return false;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var p = of.Parent; p is not null && seen.Add(p); p = snapshot.Find<Actor>(p)?.Parent)
                if (p == ancestor.Id) return true;
            return false;
        }

        public List<string> Evidence(Actor a, Actor b)
        {
            var list = new List<string>();
            if (a.Kind.Length > 0 && a.Kind == b.Kind) list.Add(DuplicateEvidence.SameKind);
            if (a.Topics.Intersect(b.Topics, StringComparer.Ordinal).Any()) list.Add(DuplicateEvidence.SharedTopics);
            if (a.Territories.Intersect(b.Territories, StringComparer.Ordinal).Any()) list.Add(DuplicateEvidence.SharedTerritory);
            else if (Nested(a, b).Any()) list.Add(DuplicateEvidence.TerritoryInside);
            if (a.Parent is not null && a.Parent == b.Parent) list.Add(DuplicateEvidence.SameParent);
            if (Persons(a).Overlaps(Persons(b))) list.Add(DuplicateEvidence.SharedRepresentative);
            return list;
        }

        /// <summary>Pairs (inner, outer) of territories of the two where one lies inside the other.</summary>
        private IEnumerable<(string Inner, string Outer)> Nested(Actor a, Actor b)
        {
            foreach (var x in a.Territories)
                foreach (var y in b.Territories)
                {
                    if (Inside(x, y)) yield return (x, y);
                    else if (Inside(y, x)) yield return (y, x);
                }
        }

        private bool Inside(string inner, string outer)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var p = snapshot.Find<Territory>(inner)?.Parent; p is not null && seen.Add(p); p = snapshot.Find<Territory>(p)?.Parent)
                if (p == outer) return true;
            return false;
        }

        /// <summary>The persons who work for an actor or represent it in a body.</summary>
        private HashSet<string> Persons(Actor a)
        {
            if (_standsFor is null)
            {
                _standsFor = new(StringComparer.Ordinal);
                void Add(string actor, string person)
                {
                    if (!_standsFor.TryGetValue(actor, out var set)) _standsFor[actor] = set = new(StringComparer.Ordinal);
                    set.Add(person);
                }
                foreach (var p in snapshot.All<Person>()) if (p.Actor is not null) Add(p.Actor, p.Id);
                foreach (var m in snapshot.All<Membership>()) if (m.Representing is not null) Add(m.Representing, m.Member);
            }
            return _standsFor.TryGetValue(a.Id, out var s) ? s : [];
        }

        /// <summary>"dieselbe Art (Wohlfahrtsverband)", "gemeinsame Handlungsfelder (Migration)", "dasselbe Gebiet (Landkreis Peine)".</summary>
        public string Describe(string evidence, Actor a, Actor b, Phrases t)
        {
            string Names(IEnumerable<string> ids) => t.List(ids.Select(id => snapshot.Find(id)?.Label ?? id), max: 3);
            return evidence switch
            {
                DuplicateEvidence.SameKind => t.Text("analysis.sameKind", t.ActorKind(a.Kind)),
                DuplicateEvidence.SharedTopics => t.Text("analysis.sharedTopics", Names(a.Topics.Intersect(b.Topics))),
                DuplicateEvidence.SharedTerritory => t.Text("analysis.sameTerritory", Names(a.Territories.Intersect(b.Territories))),
                DuplicateEvidence.TerritoryInside => t.Text("analysis.oneTerritoryInsideOther", t.List(Nested(a, b).Take(2).Select(n => $"{Names([n.Inner])} in {Names([n.Outer])}"))),
                DuplicateEvidence.SameParent => t.Text("analysis.sameParent", Names([a.Parent!])),
                _ => t.Text("analysis.sameRepresentative", Names(Persons(a).Intersect(Persons(b)))),
            };
        }
    }
}
