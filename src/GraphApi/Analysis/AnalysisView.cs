using GraphApi.Domain;

namespace GraphApi.Analysis;

/// <summary>
/// What the findings need to know about one network on one day, computed once: the network as of the day
/// (<see cref="AsOf"/>), the members of each body, and who counts as whom. A person counts as the actor they
/// represent in that membership, else as the actor they work for, else as themselves.
/// </summary>
public sealed class AnalysisView
{
    public AnalysisView(NetworkSnapshot stored, DateOnly day) : this(stored, new AnalysisDayChoice(day, AnalysisDay.FromAsOf)) { }

    /// <summary>The network on the day <see cref="AnalysisDay.Of"/> chose: the as-of day, else the network's Datenstand.</summary>
    public static AnalysisView For(NetworkSnapshot stored, DateOnly? asOf) => new(stored, AnalysisDay.Of(stored, asOf));

    public AnalysisView(NetworkSnapshot stored, AnalysisDayChoice day)
    {
        Day = day.Day;
        DayFrom = day.Source;
        var stamp = day.Day;
        DayText = AsOf.Format(stamp);
        Snapshot = AsOf.Apply(stored, stamp);
        Bodies = Snapshot.All<Body>().ToList();
        foreach (var m in Snapshot.All<Membership>())
        {
            var actor = CountsAs(m);
            Add(_members, m.Body, actor);
            Add(_seats, m.Body, m.Member);
            _seatActor.TryAdd((m.Body, m.Member), actor);
        }
    }

    private readonly Dictionary<string, HashSet<string>> _members = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _seats = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Body, string Member), string> _seatActor = [];

    public DateOnly Day { get; }
    public string DayText { get; }

    /// <summary>Where <see cref="Day"/> came from: asOf, dataAsOf, latestRecordedDate or lastChange (<see cref="AnalysisDay"/>).</summary>
    public string DayFrom { get; }

    /// <summary>The network as of <see cref="Day"/>.</summary>
    public NetworkSnapshot Snapshot { get; }

    /// <summary>The bodies that exist on the day (founded, not yet dissolved), ordered by id.</summary>
    public IReadOnlyList<Body> Bodies { get; }

    /// <summary>The body's members as actors (persons mapped to the actor they stand for), distinct.</summary>
    public IReadOnlySet<string> MembersOf(string bodyId) => _members.TryGetValue(bodyId, out var s) ? s : Empty;

    /// <summary>The body's seats: its distinct members as entered, an actor or a person each.</summary>
    public IReadOnlySet<string> SeatsOf(string bodyId) => _seats.TryGetValue(bodyId, out var s) ? s : Empty;

    /// <summary>The actor a membership stands for: the actor itself, or the actor a person represents or works for.</summary>
    public string CountsAs(Membership m) =>
        Snapshot.Find<Person>(m.Member) is { } p ? m.Representing ?? p.Actor ?? p.Id : m.Member;

    /// <summary>The actor a seat (an actor or a person in a body) counts toward, for costs.</summary>
    /// <remarks>Null for a person who stands for no actor.</remarks>
    public string? ActorOfSeat(string bodyId, string memberId) =>
        _seatActor.TryGetValue((bodyId, memberId), out var a) && Snapshot.Find<Actor>(a) is not null ? a : null;

    public string Name(string id) => Snapshot.Find(id)?.Label ?? id;

    /// <summary>The full name of an actor (not its short name), body, topic or territory.</summary>
    public string FullName(string id) => Snapshot.Find(id) switch
    {
        Actor a => a.Name,
        { } e => e.Label,
        null => id,
    };

    public NamedRef Ref(string id) => new(id, FullName(id), Snapshot.Find(id) is { } e ? TypeOf(e) : null);

    /// <summary>The entity type as the diagram names it: "actor", "body", "person", "topic"...</summary>
    public static string TypeOf(Entity e) => e.EntityKind.ToString().ToLowerInvariant();

    /// <summary>The body's meeting state on <see cref="Day"/> by the one rule, <see cref="Dormancy.Of"/>.</summary>
    public BodyActivity Activity(Body b) => Dormancy.Of(b, Day);

    /// <summary>Dormant by <see cref="Dormancy.Of"/>: status 'dormant', or no meeting for more than two intervals before the day.</summary>
    public bool IsDormant(Body b) => Activity(b).IsDormant;

    /// <summary>
    /// Active: exists on the day and is not dormant by <see cref="Dormancy.Of"/>. A body whose meetings are not recorded
    /// counts as active: absent data is not evidence that it stopped.
    /// </summary>
    public bool IsActive(Body b) => Activity(b).State is BodyActivityStates.Active or BodyActivityStates.MeetingsNotRecorded;

    private static readonly HashSet<string> Empty = [];

    private static void Add(Dictionary<string, HashSet<string>> map, string key, string value)
    {
        if (!map.TryGetValue(key, out var set)) map[key] = set = new HashSet<string>(StringComparer.Ordinal);
        set.Add(value);
    }
}

/// <summary>An entity named in a finding: its id and the name a reader recognises.</summary>
public sealed record NamedRef(string Id, string Name, string? Type = null);
