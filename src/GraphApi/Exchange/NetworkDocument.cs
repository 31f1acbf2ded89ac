using GraphApi.Domain;

namespace GraphApi.Exchange;

/// <summary>
/// One whole network as one JSON document: the exchange format of import and export, described by
/// docs/network.schema.json. Store metadata (version, created, updated) is not part of it.
/// </summary>
public sealed record NetworkDocument
{
    public NetworkHeader? Network { get; init; }
    public IReadOnlyList<Topic>? Topics { get; init; }
    public IReadOnlyList<Territory>? Territories { get; init; }
    public IReadOnlyList<Actor>? Actors { get; init; }
    public IReadOnlyList<Body>? Bodies { get; init; }
    public IReadOnlyList<Person>? Persons { get; init; }
    public IReadOnlyList<Membership>? Memberships { get; init; }
    public IReadOnlyList<Collaboration>? Collaborations { get; init; }
    public IReadOnlyList<Measure>? Measures { get; init; }
    public IReadOnlyList<CompositionRule>? CompositionRules { get; init; }
    /// <summary>Sitzungen held on the map (see <see cref="Network.Meetings"/>); written only when there are any.</summary>
    public IReadOnlyList<Meeting>? Meetings { get; init; }
    /// <summary>The report settings (the Mitteilungsvorlage's header); absent when none are set.</summary>
    public ReportSettings? Report { get; init; }
    /// <summary>Marks on findings; absent when there are none. An import of a document without report and marks keeps the network's own.</summary>
    public IReadOnlyList<FindingMark>? FindingMarks { get; init; }
}

public sealed record NetworkHeader
{
    public string? Id { get; init; }
    public string? Name { get; init; }
    public string? Description { get; init; }
    /// <summary>Datenstand: the day the document's data describes, YYYY-MM-DD.</summary>
    public string? DataAsOf { get; init; }
}
