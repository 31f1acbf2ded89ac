using System.Text.Json.Serialization;

namespace GraphApi.Domain;

/// <summary>The kinds of things a network holds; also the kind of a <see cref="Change"/>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<EntityKind>))]
public enum EntityKind { Network, Topic, Territory, Actor, Body, Person, Measure, Membership, Collaboration }

/// <summary>
/// Every stored thing: a stable id (unique within its network across all kinds, so one id names one
/// node on the map), store metadata, and a version for optimistic concurrency.
/// Kinds and dates are plain strings ("2016-03-01") so that bad input can be reported field by
/// field instead of failing at the first unreadable value; ISO dates also compare as strings.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "$type")]
[JsonDerivedType(typeof(Network), "network")]
[JsonDerivedType(typeof(Topic), "topic")]
[JsonDerivedType(typeof(Territory), "territory")]
[JsonDerivedType(typeof(Actor), "actor")]
[JsonDerivedType(typeof(Body), "body")]
[JsonDerivedType(typeof(Person), "person")]
[JsonDerivedType(typeof(Measure), "measure")]
[JsonDerivedType(typeof(Membership), "membership")]
[JsonDerivedType(typeof(Collaboration), "collaboration")]
public abstract record Entity
{
    [JsonPropertyOrder(-10)] public string Id { get; init; } = "";

    /// <summary>Starts at 1 and grows by one with every change; updates must name the version they are based on.</summary>
    [JsonPropertyOrder(100)] public long Version { get; init; }
    [JsonPropertyOrder(101)] public DateTimeOffset? Created { get; init; }
    [JsonPropertyOrder(102)] public DateTimeOffset? Updated { get; init; }

    [JsonIgnore] public abstract EntityKind EntityKind { get; }

    /// <summary>The label a person reads on the map and in messages.</summary>
    [JsonIgnore] public abstract string Label { get; }
}

/// <summary>One map: a district's integration network.</summary>
public sealed record Network : Entity
{
    public string Name { get; init; } = "";
    public string? Description { get; init; }
    /// <summary>
    /// Datenstand: the day the recorded data describes (YYYY-MM-DD), set by the coordinator and by imports. The analyses
    /// judge "not met for too long" against it when no as-of day is asked for, never against the machine's clock.
    /// </summary>
    public string? DataAsOf { get; init; }
    /// <summary>Which actor kinds a body of a given kind should have among its members (issue 3's composition gaps).</summary>
    public IReadOnlyList<CompositionRule> CompositionRules { get; init; } = [];
    /// <summary>
    /// Sitzungen: meetings held with the map open, each a named day with the network's revision at its start and at its
    /// end (the snapshots are the states at those revisions). Started and ended through the normal change path, so the
    /// history and the JSON exchange carry them.
    /// </summary>
    public IReadOnlyList<Meeting> Meetings { get; init; } = [];
    /// <summary>The report settings: the Mitteilungsvorlage's header and purpose (issue 9, point 5); null until someone sets them.</summary>
    public ReportSettings? Report { get; init; }
    /// <summary>Marks on findings ("geprüft — kein Handlungsbedarf", "in Bearbeitung"), one per finding key (issue 9, point 8).</summary>
    public IReadOnlyList<FindingMark> FindingMarks { get; init; } = [];
    [JsonIgnore] public override EntityKind EntityKind => EntityKind.Network;
    [JsonIgnore] public override string Label => Name;
}

/// <summary>
/// A meeting ("Sitzung der Steuerungsgruppe", 2025-03-12): the network as it stood at revision <see cref="StartRevision"/>
/// when it began and at <see cref="EndRevision"/> when it ended (null while it runs). <see cref="Day"/> is YYYY-MM-DD in Europe/Berlin.
/// </summary>
public sealed record Meeting(string Id, string Title, string Day, long StartRevision, long? EndRevision = null);

public sealed record CompositionRule(string BodyKind, IReadOnlyList<string> RequiredActorKinds);

/// <summary>Handlungsfeld: a field of action such as Sprachförderung.</summary>
public sealed record Topic : Entity
{
    public string Name { get; init; } = "";
    public string? Description { get; init; }
    [JsonIgnore] public override EntityKind EntityKind => EntityKind.Topic;
    [JsonIgnore] public override string Label => Name;
}

/// <summary>Gebiet: the district, its towns and municipalities.</summary>
public sealed record Territory : Entity
{
    public string Name { get; init; } = "";
    public string Kind { get; init; } = "";
    public string? Parent { get; init; }
    [JsonIgnore] public override EntityKind EntityKind => EntityKind.Territory;
    [JsonIgnore] public override string Label => Name;
}

/// <summary>Akteur: an organisation or an organisational unit.</summary>
public sealed record Actor : Entity
{
    public string Name { get; init; } = "";
    public string? ShortName { get; init; }
    public string Kind { get; init; } = "";
    /// <summary>The unit this one is part of (Referat → Amt → Kreisverwaltung).</summary>
    public string? Parent { get; init; }
    public IReadOnlyList<string> Territories { get; init; } = [];
    public IReadOnlyList<string> Topics { get; init; } = [];
    public string? Description { get; init; }
    [JsonIgnore] public override EntityKind EntityKind => EntityKind.Actor;
    [JsonIgnore] public override string Label => ShortName ?? Name;
}

/// <summary>Gremium: a committee, network, working group or staff.</summary>
public sealed record Body : Entity
{
    public string Name { get; init; } = "";
    public string Kind { get; init; } = "";
    public string? Mandate { get; init; }
    public IReadOnlyList<string> Topics { get; init; } = [];
    public IReadOnlyList<string> Territories { get; init; } = [];
    public int? MeetingsPerYear { get; init; }
    public double? MeetingHours { get; init; }
    public string? LastMeeting { get; init; }
    public string Status { get; init; } = BodyStatuses.Active;
    /// <summary>The actor that leads the body.</summary>
    public string? Lead { get; init; }
    public string? ReportsTo { get; init; }
    public string? Founded { get; init; }
    public string? Dissolved { get; init; }
    [JsonIgnore] public override EntityKind EntityKind => EntityKind.Body;
    [JsonIgnore] public override string Label => Name;
}

/// <summary>
/// A seat held by someone: by default a role or function ("Leitung Referat Integration"); a name is optional personal data
/// (DSGVO Art. 5, 25), kept until <see cref="RetainUntil"/> and erased through the history on request (Art. 17).
/// </summary>
public sealed record Person : Entity
{
    /// <summary>The person's name: optional; empty when only the function is recorded.</summary>
    public string Name { get; init; } = "";
    public string? Function { get; init; }
    /// <summary>The actor the person works for.</summary>
    public string? Actor { get; init; }
    /// <summary>Aufbewahren bis (YYYY-MM-DD): after this day the person's data is due for review or erasure.</summary>
    public string? RetainUntil { get; init; }
    [JsonIgnore] public override EntityKind EntityKind => EntityKind.Person;
    /// <summary>The name if one is recorded, else the function, else the id.</summary>
    [JsonIgnore] public override string Label => Name.Length > 0 ? Name : Function ?? Id;
}

/// <summary>Maßnahme / Projekt: an offer such as the Welcome-App.</summary>
public sealed record Measure : Entity
{
    public string Name { get; init; } = "";
    public IReadOnlyList<string> OfferedBy { get; init; } = [];
    public IReadOnlyList<string> Topics { get; init; } = [];
    public IReadOnlyList<string> Territories { get; init; } = [];
    public string? Description { get; init; }
    public string? Since { get; init; }
    public string? Until { get; init; }
    [JsonIgnore] public override EntityKind EntityKind => EntityKind.Measure;
    [JsonIgnore] public override string Label => Name;
}

/// <summary>An actor or person sitting in a body, with a role and a period.</summary>
public sealed record Membership : Entity
{
    /// <summary>An actor or a person.</summary>
    public string Member { get; init; } = "";
    public string Body { get; init; } = "";
    public string Role { get; init; } = MembershipRoles.Member;
    /// <summary>For a person: the actor they represent in this body.</summary>
    public string? Representing { get; init; }
    public string? Since { get; init; }
    public string? Until { get; init; }
    [JsonIgnore] public override EntityKind EntityKind => EntityKind.Membership;
    [JsonIgnore] public override string Label => $"{Member} → {Body}";

    /// <summary>The id an import gives a membership that comes without one: stable, so re-imports update it.</summary>
    public static string DerivedId(string member, string body, string? since) =>
        since is null ? $"m-{member}-{body}" : $"m-{member}-{body}-{since}";
}

/// <summary>Two actors working together: agreement, referral, funding or informal.</summary>
public sealed record Collaboration : Entity
{
    public string From { get; init; } = "";
    public string To { get; init; } = "";
    public string Kind { get; init; } = CollaborationKinds.Informal;
    public IReadOnlyList<string> Topics { get; init; } = [];
    public string? Since { get; init; }
    public string? Until { get; init; }
    public string? Description { get; init; }
    [JsonIgnore] public override EntityKind EntityKind => EntityKind.Collaboration;
    [JsonIgnore] public override string Label => $"{From} ↔ {To}";

    public static string DerivedId(string from, string to, string kind) => $"c-{from}-{to}-{kind}";
}
