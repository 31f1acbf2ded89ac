using GraphApi.Domain;

namespace GraphApi.Analysis.Calibration;

/// <summary>The labels of a calibration body pair.</summary>
public static class PairLabels
{
    /// <summary>A Doppelstruktur: one of the two could go.</summary>
    public const string Duplicate = "duplicate";

    /// <summary>One reports to the other, directly or through others: hierarchy.</summary>
    public const string SubBody = "subBody";

    /// <summary>Neither: they only look alike in part (a small working group inside a big steering group, a shared hub member).</summary>
    public const string Unrelated = "unrelated";
}

/// <summary>A labelled pair of bodies and the kind of structure it was built after.</summary>
public sealed record LabelledBodyPair(string BodyA, string BodyB, string Label, string Case);

/// <summary>A network with labelled body pairs: every pair that is not labelled is unrelated by construction.</summary>
public sealed record BodyCalibrationSet(NetworkSnapshot Network, IReadOnlyList<LabelledBodyPair> Pairs);

/// <summary>How the overlap scoring does on a <see cref="BodyCalibrationSet"/>.</summary>
/// <param name="TopTenPrecision">Among the ten highest-ranked Doppelstrukturen, the share labelled duplicate (anything else counts as wrong).</param>
/// <param name="DuplicateRecall">The share of labelled duplicates listed as Doppelstrukturen at the threshold.</param>
/// <param name="Precision">Among all listed Doppelstrukturen, the share labelled duplicate.</param>
/// <param name="SubBodiesRankedAsDuplicates">Labelled sub-bodies that appear among the Doppelstrukturen (must be 0).</param>
/// <param name="SubBodiesFound">Labelled sub-bodies listed as sub-bodies at the threshold.</param>
/// <param name="UnrelatedListed">Labelled unrelated pairs listed as Doppelstrukturen.</param>
/// <param name="Listed">All Doppelstrukturen listed at the threshold.</param>
/// <param name="Missed">Labelled duplicates not listed, with their case, for reading.</param>
public sealed record BodyCalibrationResult(double TopTenPrecision, double DuplicateRecall, double Precision, int SubBodiesRankedAsDuplicates,
    int SubBodiesFound, int UnrelatedListed, int Listed, int Duplicates, int SubBodies, int Unrelated, IReadOnlyList<string> Missed,
    IReadOnlyList<string> FalseInTopTen);

/// <summary>
/// Labelled body pairs for calibrating the overlap scoring (issue 13), built after the structures of the council papers
/// (shared/seeds): a Steuerungsgruppe Übergangsmanagement inside a Koordinierungsstab, two working groups on Sprachförderung
/// with mostly the same members, a Kommission of Stadt and Landkreis beside a district network, committees reporting to the
/// Kreistag, working groups reporting to a steering group, Arbeitskreise of the Flüchtlingssozialarbeit per Gemeinde, and
/// the hub members (Kreisverwaltung, Jobcenter) that sit everywhere. Random sizes and draws from a seeded generator, so the
/// set is the same on every run; the labels come from how a pair was built, never from its score.
/// </summary>
public static class BodyCalibration
{
    public const int CasesPerKind = 10;

    private static readonly string[] TopicIds = ["arbeit", "bildung", "sprache", "wohnen", "gesundheit", "ehrenamt", "teilhabe", "kjf", "ordnung"];

    /// <summary>Words of mandates per topic, so that bodies on one topic write alike and others do not.</summary>
    private static readonly Dictionary<string, string[]> MandateWords = new()
    {
        ["arbeit"] = ["Arbeitsmarktintegration", "Ausbildungsplätze", "Förderketten", "Vermittlung", "Betriebe", "Qualifizierung"],
        ["bildung"] = ["Schulplätze", "Anerkennung", "Bildungsberatung", "Berufsschulen", "Weiterbildung", "Bildungswege"],
        ["sprache"] = ["Sprachkurse", "Integrationskurse", "Kursträger", "Sprachpaten", "Alphabetisierung", "Kursplätze"],
        ["wohnen"] = ["Unterbringung", "Wohnraum", "Gemeinschaftsunterkünfte", "Mietverträge", "Wohnungsmarkt", "Umzüge"],
        ["gesundheit"] = ["Gesundheitsversorgung", "Dolmetscher", "Impfungen", "Traumatherapie", "Arztpraxen", "Krankenkassen"],
        ["ehrenamt"] = ["Engagierte", "Patenschaften", "Freiwilligen", "Anerkennungskultur", "Ehrenamtskarte", "Nachwuchsgewinnung"],
        ["teilhabe"] = ["Begegnung", "Vereine", "Beteiligung", "Teilhabe", "Interkulturelle", "Migrantenorganisationen"],
        ["kjf"] = ["Kitaplätze", "Jugendhilfe", "Familienzentren", "Elternarbeit", "Schulsozialarbeit", "Jugendzentren"],
        ["ordnung"] = ["Aufenthaltsrecht", "Ausländerbehörde", "Duldung", "Rückkehrberatung", "Sicherheit", "Aufenthaltstitel"],
    };

    public static BodyCalibrationSet Build(int seed = 13)
    {
        var b = new Builder(new Random(seed));
        for (var i = 0; i < CasesPerKind; i++)
        {
            b.MidSizedTwins(i);
            b.SubsetOfStaff(i);
            b.CityAndDistrictTwins(i);
            b.SameWorkUnderTwoNames(i);
            b.SmallGroupReportingToSteeringGroup(i);
            b.ThroughAStaff(i);
            b.CommitteeOfTheKreistag(i);
            b.SmallGroupInsideSteeringGroup(i);
            b.HubMembersOnly(i);
            b.SameLeadOtherWork(i);
            b.FsaPerMunicipality(i);
        }
        return new(b.Snapshot(), b.Pairs);
    }

    /// <summary>Scores the set with the given weights and threshold and compares with the labels.</summary>
    public static BodyCalibrationResult Evaluate(BodyCalibrationSet set, OverlapWeights weights, double threshold, OverlapTuning? tuning = null)
    {
        var view = new AnalysisView(set.Network, new DateOnly(2024, 6, 30));
        var found = Overlaps.Analyse(view, weights, threshold, Phrases.German, tuning);
        var label = set.Pairs.ToDictionary(p => Key(p.BodyA, p.BodyB), p => p);
        string LabelOf(Overlap o) => label.TryGetValue(Key(o.BodyA.Id, o.BodyB.Id), out var p) ? p.Label : PairLabels.Unrelated;

        var top = found.Duplicates.Take(10).ToList();
        var listed = found.Duplicates.Select(o => Key(o.BodyA.Id, o.BodyB.Id)).ToHashSet();
        var subListed = found.SubBodies.Select(o => Key(o.BodyA.Id, o.BodyB.Id)).ToHashSet();
        var duplicates = set.Pairs.Where(p => p.Label == PairLabels.Duplicate).ToList();
        var subBodies = set.Pairs.Where(p => p.Label == PairLabels.SubBody).ToList();
        var unrelated = set.Pairs.Where(p => p.Label == PairLabels.Unrelated).ToList();
        var hits = duplicates.Count(p => listed.Contains(Key(p.BodyA, p.BodyB)));
        return new BodyCalibrationResult(
            TopTenPrecision: top.Count == 0 ? 0 : (double)top.Count(o => LabelOf(o) == PairLabels.Duplicate) / top.Count,
            DuplicateRecall: duplicates.Count == 0 ? 0 : (double)hits / duplicates.Count,
            Precision: found.Duplicates.Count == 0 ? 0 : (double)found.Duplicates.Count(o => LabelOf(o) == PairLabels.Duplicate) / found.Duplicates.Count,
            SubBodiesRankedAsDuplicates: subBodies.Count(p => listed.Contains(Key(p.BodyA, p.BodyB))),
            SubBodiesFound: subBodies.Count(p => subListed.Contains(Key(p.BodyA, p.BodyB))),
            UnrelatedListed: unrelated.Count(p => listed.Contains(Key(p.BodyA, p.BodyB))),
            Listed: found.Duplicates.Count, Duplicates: duplicates.Count, SubBodies: subBodies.Count, Unrelated: unrelated.Count,
            Missed: duplicates.Where(p => !listed.Contains(Key(p.BodyA, p.BodyB))).Select(p => $"{p.Case}: {p.BodyA} / {p.BodyB}").ToList(),
            FalseInTopTen: top.Where(o => LabelOf(o) != PairLabels.Duplicate).Select(o => $"{o.BodyA.Id} / {o.BodyB.Id} ({o.Score:0.###})").ToList());
    }

    private static (string, string) Key(string a, string b) => string.CompareOrdinal(a, b) <= 0 ? (a, b) : (b, a);

    private sealed class Builder
    {
        private readonly Random _random;
        private readonly List<Entity> _entities = [];
        private readonly List<string> _pool = [];
        private int _next;
        public List<LabelledBodyPair> Pairs { get; } = [];

        private static readonly (string Kind, string Name)[] PoolKinds =
        [
            (ActorKinds.WelfareAssociation, "Wohlfahrtsverband"), (ActorKinds.MigrantOrganisation, "Migrantenverein"),
            (ActorKinds.EducationProvider, "Bildungsträger"), (ActorKinds.Counselling, "Beratungsstelle"), (ActorKinds.Chamber, "Kammer"),
            (ActorKinds.Administration, "Fachdienst"), (ActorKinds.Volunteering, "Initiative"), (ActorKinds.Municipality, "Gemeinde"),
        ];

        public Builder(Random random)
        {
            _random = random;
            _entities.AddRange(TopicIds.Select(t => new Topic { Id = t, Name = t }));
            _entities.Add(new Territory { Id = "lk", Name = "Landkreis Kalibrierkreis", Kind = TerritoryKinds.District });
            for (var i = 0; i < 12; i++)
                _entities.Add(new Territory { Id = $"g{i}", Name = $"Gemeinde {i}", Kind = TerritoryKinds.Municipality, Parent = "lk" });
            _entities.Add(new Actor { Id = "kv", Name = "Kreisverwaltung", Kind = ActorKinds.Administration });
            _entities.Add(new Actor { Id = "jc", Name = "Jobcenter", Kind = ActorKinds.Jobcenter });
            _entities.Add(new Actor { Id = "ref", Name = "Referat Migration und Teilhabe", Kind = ActorKinds.Administration });
            // A pool of actors that sit in a few bodies each, as the LIGA members, Kammern and Bildungsträger do.
            for (var i = 0; i < 400; i++)
            {
                var (kind, name) = PoolKinds[i % PoolKinds.Length];
                _entities.Add(new Actor { Id = $"a{i}", Name = $"{name} {i}", Kind = kind });
                _pool.Add($"a{i}");
            }
        }

        public NetworkSnapshot Snapshot() => NetworkSnapshot.Create(new Network { Id = "kalibrierung", Name = "Kalibrierkreis" }, 1, _entities);

        private int Between(int min, int max) => _random.Next(min, max + 1);

        private List<string> Draw(int n)
        {
            var drawn = new HashSet<string>();
            while (drawn.Count < n) drawn.Add(_pool[_random.Next(_pool.Count)]);
            return [.. drawn];
        }

        private string[] Topics(int n, string[]? include = null)
        {
            var list = new List<string>(include ?? []);
            while (list.Count < n) list.Add(TopicIds[_random.Next(TopicIds.Length)]);
            return list.Distinct().ToArray();
        }

        private string Mandate(IEnumerable<string> topics, int words)
        {
            var chosen = topics.SelectMany(t => MandateWords[t]).OrderBy(_ => _random.Next()).Take(words);
            return "Abstimmung zu " + string.Join(", ", chosen) + " im Landkreis.";
        }

        private string Body(string kind, string name, IEnumerable<string> members, string[] topics, string[]? territories = null,
            string? mandate = null, string? reportsTo = null, string? lead = null)
        {
            var id = $"b{_next++}";
            _entities.Add(new Body
            {
                Id = id, Name = $"{name} {id}", Kind = kind, Topics = topics, Territories = territories ?? ["lk"], Mandate = mandate,
                ReportsTo = reportsTo, Lead = lead, MeetingsPerYear = 4, MeetingHours = 2, Status = BodyStatuses.Active,
            });
            foreach (var m in members.Distinct())
                _entities.Add(new Membership { Id = $"m-{m}-{id}", Member = m, Body = id });
            return id;
        }

        private void Label(string a, string b, string label, string @case) => Pairs.Add(new(a, b, label, @case));

        /// <summary>Two mid-sized bodies (4–9) sharing most of their members, their topics, territory and mandate words.</summary>
        public void MidSizedTwins(int i)
        {
            var size = Between(4, 9);
            var core = Draw(size);
            var topics = Topics(Between(1, 2));
            var a = core.Concat(i % 2 == 0 ? ["kv"] : []).ToList();
            // The other body lost up to two of them and has up to three of its own, sometimes one topic more.
            var b = core.Skip(Between(0, 2)).Concat(Draw(Between(0, 3))).ToList();
            var mandate = Mandate(topics, 4);
            Label(Body(BodyKinds.WorkingGroup, "Arbeitskreis", a, topics, mandate: mandate),
                Body(BodyKinds.Network, "Netzwerk", b, i % 3 == 0 ? Topics(topics.Length + 1, topics) : topics, mandate: Mandate(topics, 3)),
                PairLabels.Duplicate, "midSizedTwins");
        }

        /// <summary>The Steuerungsgruppe Übergangsmanagement: 5–8 members, all in a Koordinierungsstab of 15–25, its topics among the staff's.</summary>
        public void SubsetOfStaff(int i)
        {
            var small = Draw(Between(5, 8));
            var topics = Topics(2);
            var staff = small.Concat(Draw(Between(10, 17))).Append("kv").Append("jc").ToList();
            Label(Body(BodyKinds.SteeringGroup, "Steuerungsgruppe", small.Append("jc"), topics, mandate: Mandate(topics, 3), lead: "ref"),
                Body(BodyKinds.CoordinationStaff, "Koordinierungsstab", staff, Topics(Between(4, 7), topics), mandate: Mandate(topics, 3), lead: "ref"),
                PairLabels.Duplicate, "subsetOfStaff");
        }

        /// <summary>The Kommission of Stadt and Landkreis beside a district body: one works in a Gemeinde inside the district, most members shared.</summary>
        public void CityAndDistrictTwins(int i)
        {
            var core = Draw(Between(5, 8));
            var topics = Topics(Between(1, 3));
            Label(Body(BodyKinds.Commission, "Kommission", core.Append("kv"), topics, [$"g{i % 12}"], Mandate(topics, 3)),
                Body(BodyKinds.Network, "Kreisnetzwerk", core.Skip(1).Concat(Draw(Between(1, 3))).Append("kv"), topics, ["lk"], Mandate(topics, 3)),
                PairLabels.Duplicate, "cityAndDistrictTwins");
        }

        /// <summary>Arbeitskreis Sprache and Netzwerk Sprachförderung: 4–6 members, 3–5 shared, one topic, alike mandates, persons for actors.</summary>
        public void SameWorkUnderTwoNames(int i)
        {
            var core = Draw(Between(4, 6));
            var topic = Topics(1);
            var a = Body(BodyKinds.WorkingGroup, "Arbeitskreis", core.Take(core.Count - 1).Append("kv"), topic, mandate: Mandate(topic, 4));
            var b = Body(BodyKinds.Network, "Netzwerk", core.Skip(1).Concat(Draw(1)).Append("kv"), topic, mandate: Mandate(topic, 4));
            // Half of them have a person sitting for an actor in one body: counts as that actor.
            if (i % 2 == 0)
            {
                var actor = core[1];
                var person = $"p-{b}";
                _entities.Add(new Person { Id = person, Name = $"Vertretung {actor}", Actor = actor });
                _entities.RemoveAll(e => e is Membership m && m.Body == b && m.Member == actor);
                _entities.Add(new Membership { Id = $"m-{person}-{b}", Member = person, Body = b, Representing = actor });
            }
            Label(a, b, PairLabels.Duplicate, "sameWorkUnderTwoNames");
        }

        /// <summary>A working group of 2–4 members, all in a steering group of 12–22, reporting to it, on one of its topics.</summary>
        public void SmallGroupReportingToSteeringGroup(int i)
        {
            var small = Draw(Between(2, 4));
            var topics = Topics(Between(4, 7));
            var sg = Body(BodyKinds.SteeringGroup, "Steuerungsgruppe Integration", small.Concat(Draw(Between(10, 18))).Append("kv").Append("jc"), topics,
                mandate: Mandate(topics, 4), lead: "ref");
            Label(Body(BodyKinds.WorkingGroup, "Unterarbeitsgruppe", small, [topics[0]], mandate: Mandate([topics[0]], 3), reportsTo: sg, lead: "ref"), sg,
                PairLabels.SubBody, "smallGroupReportingToSteeringGroup");
        }

        /// <summary>A working group reporting to a staff that reports to the steering group: its members sit in the steering group too.</summary>
        public void ThroughAStaff(int i)
        {
            var small = Draw(Between(3, 6));
            var topics = Topics(Between(3, 5));
            var sg = Body(BodyKinds.SteeringGroup, "Steuerungsgruppe", small.Concat(Draw(Between(8, 14))).Append("kv"), topics, mandate: Mandate(topics, 4));
            var staff = Body(BodyKinds.CoordinationStaff, "Stab", Draw(Between(6, 10)).Append("kv"), topics, mandate: Mandate(topics, 3), reportsTo: sg);
            Label(Body(BodyKinds.WorkingGroup, "Arbeitsgruppe", small, topics.Take(2).ToArray(), mandate: Mandate(topics.Take(2), 3), reportsTo: staff), sg,
                PairLabels.SubBody, "throughAStaff");
        }

        /// <summary>A Fachausschuss and its Kreistag: the same Fraktionen, overlapping topics; alike by design.</summary>
        public void CommitteeOfTheKreistag(int i)
        {
            var factions = Enumerable.Range(0, Between(4, 6)).Select(f => $"fraktion-{i}-{f}").ToList();
            foreach (var f in factions) _entities.Add(new Actor { Id = f, Name = $"Fraktion {f}", Kind = ActorKinds.Politics });
            var topics = Topics(Between(2, 4));
            var kreistag = Body(BodyKinds.Other, "Kreistag", factions.Append("kv"), topics, mandate: Mandate(topics, 3));
            Label(Body(BodyKinds.PoliticalCommittee, "Ausschuss", factions, topics.Take(2).ToArray(), mandate: Mandate(topics, 3), reportsTo: kreistag),
                kreistag, PairLabels.SubBody, "committeeOfTheKreistag");
        }

        /// <summary>The case: a working group of 2–3 members, all in a big steering group, one shared topic, no reporting line.</summary>
        public void SmallGroupInsideSteeringGroup(int i)
        {
            var small = Draw(Between(2, 3));
            var topics = Topics(Between(5, 8));
            var own = Topics(1, [topics[^1]]);
            var sg = Body(BodyKinds.SteeringGroup, "Steuerungsgruppe", small.Concat(Draw(Between(12, 20))).Append("kv").Append("jc"), topics,
                mandate: Mandate(topics, 5));
            Label(Body(BodyKinds.WorkingGroup, "Projektgruppe", small, own, mandate: Mandate(own, 3)), sg, PairLabels.Unrelated,
                "smallGroupInsideSteeringGroup");
        }

        /// <summary>Two bodies on the same topic in the district that share only the Kreisverwaltung and the Jobcenter.</summary>
        public void HubMembersOnly(int i)
        {
            var topics = Topics(1);
            Label(Body(BodyKinds.WorkingGroup, "Arbeitsgruppe", Draw(Between(3, 6)).Append("kv").Append("jc"), topics, mandate: Mandate(topics, 3)),
                Body(BodyKinds.Network, "Runder Tisch", Draw(Between(3, 6)).Append("kv").Append("jc"), topics, mandate: Mandate(topics, 3)),
                PairLabels.Unrelated, "hubMembersOnly");
        }

        /// <summary>Two bodies led by the Referat, with other members and topics: a shared lead is neither hierarchy nor duplication.</summary>
        public void SameLeadOtherWork(int i)
        {
            var shared = Draw(Between(1, 2));
            var t1 = Topics(2);
            var t2 = Topics(2).Where(t => !t1.Contains(t)).DefaultIfEmpty(TopicIds[(i + 3) % TopicIds.Length]).ToArray();
            Label(Body(BodyKinds.WorkingGroup, "Arbeitskreis", shared.Concat(Draw(Between(4, 7))).Append("ref"), t1, mandate: Mandate(t1, 3), lead: "ref"),
                Body(BodyKinds.Network, "Netzwerk", shared.Concat(Draw(Between(4, 7))).Append("ref"), t2, mandate: Mandate(t2, 3), lead: "ref"),
                PairLabels.Unrelated, "sameLeadOtherWork");
        }

        /// <summary>Arbeitskreise of the Flüchtlingssozialarbeit in two Gemeinden: same topics and mandate, a LIGA member in both, own people.</summary>
        public void FsaPerMunicipality(int i)
        {
            var liga = Draw(Between(1, 2));
            var topics = Topics(2, ["wohnen"]);
            var mandate = Mandate(topics, 4);
            Label(Body(BodyKinds.WorkingGroup, "Arbeitskreis FSA", liga.Concat(Draw(Between(3, 5))), topics, [$"g{i % 12}"], mandate),
                Body(BodyKinds.WorkingGroup, "Arbeitskreis FSA", liga.Concat(Draw(Between(3, 5))), topics, [$"g{(i + 5) % 12}"], mandate),
                PairLabels.Unrelated, "fsaPerMunicipality");
        }
    }
}
