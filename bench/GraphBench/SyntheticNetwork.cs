using GraphApi.Domain;
using GraphApi.Exchange;

namespace GraphBench;

/// <summary>How many entries of each kind a synthetic network has.</summary>
public sealed record NetworkShape(
    int Actors, int Bodies, int Persons, int Memberships, int Collaborations, int Topics, int Territories)
{
    /// <summary>A large district with all its units: the size the store must handle (issue 2).</summary>
    public static readonly NetworkShape Large = new(10_000, 2_000, 1_000, 60_000, 30_000, 20, 50);

    /// <summary>About 500 nodes: the size of a map a person reads.</summary>
    public static readonly NetworkShape Small = new(350, 60, 90, 1_800, 1_050, 12, 20);

    public int Nodes => Actors + Bodies + Persons + Topics + Territories;
}

/// <summary>
/// Deterministic synthetic networks of a realistic shape: body sizes and actor activity follow
/// power laws (a few large bodies and busy actors, most small), actors form parent chains,
/// territories nest, bodies report to others and everything carries plausible dates.
/// The same shape and seed always give the same document.
/// </summary>
public static class SyntheticNetwork
{
    /// <summary>Bodies stay clear of the 500-membership limit, so a benchmark can still add members anywhere.</summary>
    public const int MaxBodySize = 450;

    private const double PersonMembershipShare = 0.15;

    private static readonly string[] TopicNames =
    [
        "Sprachförderung", "Arbeit und Beschäftigung", "Ausbildung", "Schule", "Frühkindliche Bildung", "Wohnen",
        "Gesundheit", "Psychosoziale Versorgung", "Aufenthaltsrecht", "Beratung", "Ehrenamt", "Sport und Freizeit",
        "Kultur", "Frauen und Familie", "Jugend", "Senioren", "Antidiskriminierung", "Politische Teilhabe",
        "Mobilität", "Digitalisierung",
    ];

    private static readonly string[] PlaceStems = ["Wester", "Oster", "Linden", "Eichen", "Buchen", "Mühl", "Stein", "Rosen", "Birken", "Hagen"];
    private static readonly string[] PlaceEndings = ["feld", "dorf", "hausen", "bach", "burg", "heim", "stedt", "rode", "berg", "au"];
    private static readonly string[] FirstNames = ["Anna", "Mehmet", "Julia", "Olena", "Thomas", "Fatma", "Lukas", "Sara", "Ahmad", "Birgit", "Jan", "Leyla"];
    private static readonly string[] LastNames = ["Müller", "Yılmaz", "Schmidt", "Kovalenko", "Weber", "Haddad", "Fischer", "Nowak", "Becker", "Rahimi"];
    private static readonly string[] Functions = ["Leitung", "Integrationsbeauftragte", "Sachbearbeitung", "Koordination", "Beratung", "Geschäftsführung"];

    // Most actors are administration units, providers and associations; the weights give a district's mix.
    private static readonly (string Kind, string Label, double Weight)[] ActorKindMix =
    [
        (ActorKinds.Administration, "Amt", 22), (ActorKinds.Jobcenter, "Jobcenter", 3), (ActorKinds.EmploymentAgency, "Agentur für Arbeit", 2),
        (ActorKinds.Municipality, "Gemeinde", 6), (ActorKinds.WelfareAssociation, "Wohlfahrtsverband", 12),
        (ActorKinds.MigrantOrganisation, "Migrantenorganisation", 10), (ActorKinds.EducationProvider, "Bildungsträger", 14),
        (ActorKinds.Chamber, "Kammer", 2), (ActorKinds.Counselling, "Beratungsstelle", 10), (ActorKinds.Politics, "Fraktion", 4),
        (ActorKinds.Volunteering, "Ehrenamtsinitiative", 9), (ActorKinds.State, "Landesbehörde", 2), (ActorKinds.Research, "Hochschule", 1),
        (ActorKinds.Other, "Einrichtung", 3),
    ];

    private static readonly (string Kind, string Label, double Weight)[] BodyKindMix =
    [
        (BodyKinds.SteeringGroup, "Steuerungsgruppe", 4), (BodyKinds.CoordinationStaff, "Koordinierungsstab", 3), (BodyKinds.Network, "Netzwerk", 20),
        (BodyKinds.WorkingGroup, "Arbeitskreis", 45), (BodyKinds.Commission, "Kommission", 5), (BodyKinds.PoliticalCommittee, "Ausschuss", 6),
        (BodyKinds.Conference, "Konferenz", 7), (BodyKinds.Other, "Runder Tisch", 10),
    ];

    private static readonly (string Role, double Weight)[] RoleMix =
        [(MembershipRoles.Member, 80), (MembershipRoles.Guest, 8), (MembershipRoles.Advisory, 7), (MembershipRoles.Management, 5)];

    private static readonly (string Kind, double Weight)[] CollaborationKindMix =
    [
        (CollaborationKinds.Informal, 45), (CollaborationKinds.Referral, 30), (CollaborationKinds.Agreement, 15), (CollaborationKinds.Funding, 10),
    ];

    /// <summary>A network with the given counts; persons, topics and territories in the proportions of <see cref="NetworkShape.Large"/>.</summary>
    public static NetworkDocument Generate(int actors, int bodies, int memberships, int collaborations, int seed) =>
        Generate(new NetworkShape(actors, bodies, Math.Max(1, actors / 10), memberships, collaborations,
            Topics: Math.Clamp(actors / 30, 5, 20), Territories: Math.Clamp(actors / 20, 5, 50)), seed);

    public static NetworkDocument Generate(NetworkShape shape, int seed, string? networkId = null)
    {
        if (shape.Memberships > (long)shape.Bodies * Math.Min(MaxBodySize, (shape.Actors + shape.Persons) / 4))
            throw new ArgumentException($"{shape.Memberships} memberships do not fit into {shape.Bodies} bodies.", nameof(shape));
        var random = new Random(seed);
        var topics = Topics(shape.Topics);
        var territories = Territories(random, shape.Territories);
        var actors = Actors(random, shape.Actors, topics, territories);
        var bodies = Bodies(random, shape.Bodies, topics, territories, actors);
        var persons = Persons(random, shape.Persons, actors);
        return new NetworkDocument
        {
            Network = new NetworkHeader
            {
                Id = networkId ?? $"synthetic-{shape.Nodes}",
                Name = $"Synthetischer Kreis ({shape.Nodes} Knoten)",
                Description = $"Generated with seed {seed} for benchmarks.",
            },
            Topics = topics,
            Territories = territories,
            Actors = actors,
            Bodies = bodies,
            Persons = persons,
            Memberships = Memberships(random, shape.Memberships, bodies, actors, persons),
            Collaborations = Collaborations(random, shape.Collaborations, actors, topics),
            CompositionRules =
            [
                new CompositionRule(BodyKinds.SteeringGroup, [ActorKinds.MigrantOrganisation, ActorKinds.Jobcenter]),
                new CompositionRule(BodyKinds.Network, [ActorKinds.MigrantOrganisation]),
            ],
        };
    }

    private static List<Topic> Topics(int count) =>
        Enumerable.Range(0, count).Select(i => new Topic
        {
            Id = $"topic-{i + 1:D2}",
            Name = i < TopicNames.Length ? TopicNames[i] : $"{TopicNames[i % TopicNames.Length]} {i / TopicNames.Length + 1}",
        }).ToList();

    /// <summary>One district; a fifth of the rest are towns in it, the others municipalities in a town or the district.</summary>
    private static List<Territory> Territories(Random random, int count)
    {
        var list = new List<Territory> { new() { Id = "territory-01", Name = "Landkreis Synthetik", Kind = TerritoryKinds.District } };
        var towns = Math.Max(1, (count - 1) / 5);
        for (var i = 1; i < count; i++)
        {
            var isTown = i <= towns;
            var name = PlaceStems[i % PlaceStems.Length] + PlaceEndings[i / PlaceStems.Length % PlaceEndings.Length];
            if (i >= PlaceStems.Length * PlaceEndings.Length) name += $" {i}";
            list.Add(new Territory
            {
                Id = $"territory-{i + 1:D2}",
                Name = name,
                Kind = isTown ? TerritoryKinds.City : TerritoryKinds.Municipality,
                Parent = isTown || random.NextDouble() < 0.2 ? list[0].Id : list[1 + random.Next(towns)].Id,
            });
        }
        return list;
    }

    /// <summary>Two in five actors are units of an earlier one, up to four levels deep (Referat → Amt → Kreisverwaltung).</summary>
    private static List<Actor> Actors(Random random, int count, List<Topic> topics, List<Territory> territories)
    {
        var list = new List<Actor>(count);
        var depth = new int[count];
        var kindWeights = Cumulative(ActorKindMix.Select(k => k.Weight));
        for (var i = 0; i < count; i++)
        {
            int? parent = null;
            if (i > 0 && random.NextDouble() < 0.4)
            {
                var candidate = random.Next(i);
                if (depth[candidate] < 3) parent = candidate;
            }
            depth[i] = parent is { } p ? depth[p] + 1 : 0;
            // A unit shares its organisation's kind: a Referat of an Amt is administration too.
            var organisation = Pick(random, ActorKindMix, kindWeights);
            var (kind, label) = parent is { } up ? (list[up].Kind, UnitLabel(random)) : (organisation.Kind, organisation.Label);
            var town = territories[random.Next(territories.Count)];
            list.Add(new Actor
            {
                Id = $"actor-{i + 1:D5}",
                Name = $"{label} {town.Name} {i + 1}",
                ShortName = random.NextDouble() < 0.3 ? $"{label[..3].ToUpperInvariant()}-{i + 1}" : null,
                Kind = kind,
                Parent = parent is { } q ? list[q].Id : null,
                Territories = Distinct(random, territories, random.Next(0, 3)).Select(t => t.Id).ToList(),
                Topics = Distinct(random, topics, random.Next(0, 4)).Select(t => t.Id).ToList(),
                Description = random.NextDouble() < 0.25 ? $"Zuständig für {topics[random.Next(topics.Count)].Name} in {town.Name}." : null,
            });
        }
        return list;
    }

    private static string UnitLabel(Random random) => random.Next(4) switch
    {
        0 => "Referat", 1 => "Abteilung", 2 => "Fachdienst", _ => "Team",
    };

    /// <summary>A fifth of the bodies report to an earlier one; some are dormant or dissolved.</summary>
    private static List<Body> Bodies(Random random, int count, List<Topic> topics, List<Territory> territories, List<Actor> actors)
    {
        var list = new List<Body>(count);
        var kindWeights = Cumulative(BodyKindMix.Select(k => k.Weight));
        for (var i = 0; i < count; i++)
        {
            var kind = Pick(random, BodyKindMix, kindWeights);
            var topic = topics[random.Next(topics.Count)];
            var founded = RandomDate(random, new DateOnly(2005, 1, 1), new DateOnly(2023, 12, 31));
            var roll = random.NextDouble();
            var status = roll < 0.85 ? BodyStatuses.Active : roll < 0.95 ? BodyStatuses.Dormant : BodyStatuses.Dissolved;
            list.Add(new Body
            {
                Id = $"body-{i + 1:D4}",
                Name = $"{kind.Label} {topic.Name} {i + 1}",
                Kind = kind.Kind,
                Mandate = random.NextDouble() < 0.3 ? $"Abstimmung der Angebote im Handlungsfeld {topic.Name}." : null,
                Topics = [topic.Id, .. Distinct(random, topics, random.Next(0, 2)).Select(t => t.Id).Where(t => t != topic.Id)],
                Territories = [territories[random.Next(territories.Count)].Id],
                MeetingsPerYear = random.Next(1, 13),
                MeetingHours = 1 + random.Next(0, 5) * 0.5,
                LastMeeting = status == BodyStatuses.Active ? Iso(RandomDate(random, new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31))) : null,
                Status = status,
                Lead = random.NextDouble() < 0.8 ? actors[random.Next(actors.Count)].Id : null,
                ReportsTo = i > 0 && random.NextDouble() < 0.2 ? list[random.Next(i)].Id : null,
                Founded = Iso(founded),
                Dissolved = status == BodyStatuses.Dissolved ? Iso(RandomDate(random, founded.AddDays(1), new DateOnly(2024, 12, 31))) : null,
            });
        }
        return list;
    }

    private static List<Person> Persons(Random random, int count, List<Actor> actors) =>
        Enumerable.Range(0, count).Select(i => new Person
        {
            Id = $"person-{i + 1:D4}",
            Name = $"{FirstNames[random.Next(FirstNames.Length)]} {LastNames[random.Next(LastNames.Length)]}",
            Function = Functions[random.Next(Functions.Length)],
            Actor = actors[random.Next(actors.Count)].Id,
        }).ToList();

    /// <summary>
    /// Body sizes follow a Pareto law (most bodies 10–60 members, a few hundreds), and busy actors sit
    /// in many bodies; persons make up <see cref="PersonMembershipShare"/> of the seats and represent their actor.
    /// </summary>
    private static List<Membership> Memberships(Random random, int count, List<Body> bodies, List<Actor> actors, List<Person> persons)
    {
        // A small network's largest body holds a quarter of its members, not all of them.
        var sizes = BodySizes(random, bodies.Count, count, Math.Min(MaxBodySize, (actors.Count + persons.Count) / 4));
        // Capped, so that the busiest actor (a Jobcenter) sits in a hundred-odd bodies, not in nearly all.
        var actorWeights = Cumulative(actors.Select(_ => Math.Min(Pareto(random, 1.2), 60)));
        var personWeights = Cumulative(persons.Select(_ => Pareto(random, 1.5)));
        var roleWeights = Cumulative(RoleMix.Select(r => r.Weight));
        var list = new List<Membership>(count);
        var seated = new HashSet<string>(StringComparer.Ordinal);
        for (var b = 0; b < bodies.Count; b++)
        {
            var body = bodies[b];
            var earliest = DateOnly.Parse(body.Founded!);
            var latest = body.Dissolved is { } end ? DateOnly.Parse(end) : new DateOnly(2024, 12, 31);
            seated.Clear();
            for (var attempt = 0; seated.Count < sizes[b]; attempt++)
            {
                // Weighted picks collide in large bodies; after a while any free member will do.
                var weighted = attempt < sizes[b] * 4;
                var isPerson = persons.Count > 0 && random.NextDouble() < PersonMembershipShare;
                Entity member = isPerson
                    ? persons[weighted ? Pick(random, personWeights) : random.Next(persons.Count)]
                    : actors[weighted ? Pick(random, actorWeights) : random.Next(actors.Count)];
                if (!seated.Add(member.Id)) continue;
                var since = random.NextDouble() < 0.6 ? RandomDate(random, earliest, latest) : (DateOnly?)null;
                list.Add(new Membership
                {
                    Member = member.Id,
                    Body = body.Id,
                    Role = seated.Count == 1 ? MembershipRoles.Chair : Pick(random, RoleMix, roleWeights).Role,
                    Representing = (member as Person)?.Actor,
                    Since = since is { } s ? Iso(s) : null,
                    Until = since is { } from && body.Dissolved is null && random.NextDouble() < 0.05 ? Iso(RandomDate(random, from, latest)) : null,
                });
            }
        }
        return list;
    }

    /// <summary>Sizes that add up to <paramref name="total"/>, Pareto-distributed and capped at <paramref name="max"/>.</summary>
    private static int[] BodySizes(Random random, int bodies, int total, int max)
    {
        var raw = Enumerable.Range(0, bodies).Select(_ => Pareto(random, 1.6)).ToArray();
        var sizes = new int[bodies];
        var scale = total / raw.Sum();
        for (var round = 0; round < 30; round++)
        {
            for (var i = 0; i < bodies; i++) sizes[i] = (int)Math.Clamp(Math.Round(raw[i] * scale), 1, max);
            var sum = sizes.Sum();
            if (sum == total) break;
            scale *= (double)total / sum; // capping loses mass; scale the rest up until it fits
        }
        for (var rest = total - sizes.Sum(); rest != 0;)
        {
            var i = random.Next(bodies);
            if (rest > 0 && sizes[i] < max) { sizes[i]++; rest--; }
            else if (rest < 0 && sizes[i] > 1) { sizes[i]--; rest++; }
        }
        return sizes;
    }

    private static List<Collaboration> Collaborations(Random random, int count, List<Actor> actors, List<Topic> topics)
    {
        var weights = Cumulative(actors.Select(_ => Math.Min(Pareto(random, 1.3), 60)));
        var kindWeights = Cumulative(CollaborationKindMix.Select(k => k.Weight));
        var taken = new HashSet<(string, string, string)>();
        var list = new List<Collaboration>(count);
        while (list.Count < count)
        {
            var from = actors[Pick(random, weights)];
            var to = actors[random.NextDouble() < 0.5 ? Pick(random, weights) : random.Next(actors.Count)];
            var kind = Pick(random, CollaborationKindMix, kindWeights).Kind;
            if (from.Id == to.Id || !taken.Add((from.Id, to.Id, kind))) continue;
            var since = random.NextDouble() < 0.5 ? RandomDate(random, new DateOnly(2010, 1, 1), new DateOnly(2024, 12, 31)) : (DateOnly?)null;
            list.Add(new Collaboration
            {
                From = from.Id,
                To = to.Id,
                Kind = kind,
                Topics = Distinct(random, topics, random.Next(0, 3)).Select(t => t.Id).ToList(),
                Since = since is { } s ? Iso(s) : null,
            });
        }
        return list;
    }

    /// <summary>Pareto(1, alpha): 1 or more, heavy-tailed.</summary>
    private static double Pareto(Random random, double alpha) => Math.Pow(1 - random.NextDouble(), -1 / alpha);

    private static double[] Cumulative(IEnumerable<double> weights)
    {
        var sum = 0.0;
        return weights.Select(w => sum += w).ToArray();
    }

    private static int Pick(Random random, double[] cumulative)
    {
        var index = Array.BinarySearch(cumulative, random.NextDouble() * cumulative[^1]);
        return Math.Min(index < 0 ? ~index : index, cumulative.Length - 1);
    }

    private static T Pick<T>(Random random, T[] items, double[] cumulative) => items[Pick(random, cumulative)];

    private static IEnumerable<T> Distinct<T>(Random random, List<T> items, int count) =>
        Enumerable.Range(0, Math.Min(count, items.Count)).Select(_ => random.Next(items.Count)).Distinct().Select(i => items[i]);

    private static DateOnly RandomDate(Random random, DateOnly from, DateOnly to) =>
        from.AddDays(random.Next(to.DayNumber - from.DayNumber + 1));

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
