using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using GraphApi.Domain;
using GraphApi.Networks;

namespace GraphApi.Exchange;

/// <summary>Reads, checks, imports and writes whole-network documents.</summary>
public sealed class NetworkExchange(NetworkService networks, EntityValidator validator, Microsoft.Extensions.Options.IOptions<GraphLimits> limits)
{
    /// <summary>
    /// The document's JSON conventions: the product's, indented, and without store metadata, so an
    /// export of the same content is the same bytes and metadata in an incoming file is ignored.
    /// </summary>
    public static readonly JsonSerializerOptions DocumentOptions = new(GraphJson.Options)
    {
        WriteIndented = true,
        IndentSize = 2,
        NewLine = "\n",
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { WithoutStoreMetadata } },
    };

    private static void WithoutStoreMetadata(JsonTypeInfo info)
    {
        if (!typeof(Entity).IsAssignableFrom(info.Type)) return;
        foreach (var property in info.Properties.Where(p => p.Name is "version" or "created" or "updated").ToList())
            info.Properties.Remove(property);
    }

    /// <summary>Parses a document; unreadable JSON becomes a validation error that names line, position and path.</summary>
    public static NetworkDocument Parse(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<NetworkDocument>(json, DocumentOptions)
                   ?? throw Invalid("$", Texts.Get("exchange.documentIsEmptyExpectedObject"));
        }
        catch (JsonException e)
        {
            // The parser's own sentence stays as .NET writes it (English); the place is given in the request's language.
            var (line, position, what) = (e.LineNumber + 1, e.BytePositionInLine + 1, FirstSentence(e.Message));
            throw Invalid(e.Path ?? "$", Texts.Get("exchange.malformedJsonAtLinePosition", line, position, what));
        }
    }

    public static async Task<NetworkDocument> ParseAsync(Stream utf8, CancellationToken ct)
    {
        using var reader = new StreamReader(utf8, Encoding.UTF8);
        return Parse(await reader.ReadToEndAsync(ct));
    }

    /// <summary>
    /// Creates or replaces the network with the document's id so that it holds exactly the document:
    /// new entries are created, changed ones updated, missing ones deleted, all in one transaction.
    /// Importing the same document twice changes nothing the second time.
    /// </summary>
    public Task<ChangeSet> ImportAsync(NetworkDocument document, Author author, CancellationToken ct = default)
    {
        var incoming = Check(document);
        return networks.ReplaceAsync(incoming.Network.Id, current => ChangePlan.Between(current, KeepingReport(current, incoming, document)), author, ct);
    }

    /// <summary>The network as a document, in a stable order (by id within each list).</summary>
    public static NetworkDocument ToDocument(NetworkSnapshot snapshot) => new()
    {
        Network = new NetworkHeader { Id = snapshot.Network.Id, Name = snapshot.Network.Name, Description = snapshot.Network.Description,
            DataAsOf = snapshot.Network.DataAsOf },
        Topics = snapshot.All<Topic>().ToList(),
        Territories = snapshot.All<Territory>().ToList(),
        Actors = snapshot.All<Actor>().ToList(),
        Bodies = snapshot.All<Body>().ToList(),
        Persons = snapshot.All<Person>().ToList(),
        Memberships = snapshot.All<Membership>().ToList(),
        Collaborations = snapshot.All<Collaboration>().ToList(),
        Measures = snapshot.All<Measure>().ToList(),
        CompositionRules = snapshot.Network.CompositionRules,
        Meetings = snapshot.Network.Meetings.Count > 0 ? snapshot.Network.Meetings : null,
        Report = snapshot.Network.Report,
        FindingMarks = snapshot.Network.FindingMarks.Count > 0 ? snapshot.Network.FindingMarks : null,
    };

    /// <summary>
    /// The target of an import: a document that carries neither report settings nor finding marks (a spreadsheet, GraphML, an
    /// older JSON file) keeps the network's own, so a re-import of the data does not wipe the coordinator's report and marks.
    /// </summary>
    public static NetworkSnapshot KeepingReport(NetworkSnapshot? current, NetworkSnapshot target, NetworkDocument document)
    {
        if (current is null || document.Report is not null || document.FindingMarks is not null) return target;
        var network = target.Network with { Report = current.Network.Report, FindingMarks = current.Network.FindingMarks };
        return NetworkSnapshot.Create(network, target.Revision, target.Everything);
    }

    public static string Serialize(NetworkDocument document) => JsonSerializer.Serialize(document, DocumentOptions) + "\n";

    /// <summary>Every rule for every entry, all reported at once with its JSON path; throws if any is broken.</summary>
    internal NetworkSnapshot Check(NetworkDocument document)
    {
        var (snapshot, errors) = Validate(document);
        errors.ThrowIfAny();
        return snapshot;
    }

    /// <summary>Every rule for every entry, each broken one with its JSON path, and the network the document describes.</summary>
    public (NetworkSnapshot Snapshot, ValidationErrors Errors) Validate(NetworkDocument document)
    {
        var errors = new ValidationErrors();
        var header = document.Network;
        if (header is null) errors.Add("$.network", Texts.Get("exchange.requiredNetworkSIdAnd"));
        var network = (Network)EntityValidator.Normalize(new Network
        {
            Id = header?.Id?.Trim() ?? "",
            Name = header?.Name ?? "",
            Description = header?.Description,
            DataAsOf = header?.DataAsOf,
            CompositionRules = document.CompositionRules ?? [],
            Meetings = document.Meetings ?? [],
            Report = document.Report,
            FindingMarks = document.FindingMarks ?? [],
        });
        if (header is not null) validator.CheckFields(network with { CompositionRules = [], Meetings = [], Report = null, FindingMarks = [] }, "$.network", errors);
        EntityValidator.CheckCompositionRules(network.CompositionRules, "$.compositionRules", errors);
        GraphApi.Networks.MeetingService.Check(network.Meetings, "$.meetings", validator.MaxNameLength, errors);
        EntityValidator.CheckReport(network.Report, "$.report", errors);
        EntityValidator.CheckFindingMarks(network.FindingMarks, "$.findingMarks", errors);

        var entries = Entries(document).ToList();
        var firstPathOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (path, entity) in entries)
        {
            validator.CheckFields(entity, path, errors);
            if (entity.Id.Length == 0) continue;
            if (entity.Id == network.Id)
                errors.Add(ValidationErrors.Join(path, "id"), Texts.Get("exchange.isNetworkSOwnId", entity.Id));
            else if (!firstPathOf.TryAdd(entity.Id, path))
                errors.Add(ValidationErrors.Join(path, "id"), Texts.Get("exchange.isAlreadyUsedBy", entity.Id, firstPathOf[entity.Id]));
        }

        var snapshot = NetworkSnapshot.Create(network, 0, entries.Select(e => e.Entity).Where(e => e.Id.Length > 0));
        foreach (var (path, entity) in entries) validator.CheckReferences(entity, snapshot, path, errors);
        foreach (var body in entries.Where(e => e.Entity is Membership).GroupBy(e => ((Membership)e.Entity).Body))
        {
            if (body.Count() > limits.Value.MaxMembersPerBody)
                validator.CheckBodySize(body.Key, body.Count(), ValidationErrors.Join(body.Last().Path, "body"), errors);
        }
        return (snapshot, errors);
    }

    /// <summary>The document's entries, normalised, with their JSON paths; memberships and collaborations without an id get their derived one.</summary>
    private static IEnumerable<(string Path, Entity Entity)> Entries(NetworkDocument d)
    {
        IEnumerable<(string, Entity)> List<T>(string name, IReadOnlyList<T>? items) where T : Entity =>
            (items ?? []).Select((item, i) => ($"$.{name}[{i}]", item is null ? null! : EntityValidator.Normalize(item)))
                .Where(x => x.Item2 is not null);

        return List("topics", d.Topics)
            .Concat(List("territories", d.Territories))
            .Concat(List("actors", d.Actors))
            .Concat(List("bodies", d.Bodies))
            .Concat(List("persons", d.Persons))
            .Concat(List("memberships", d.Memberships).Select(x => (x.Item1, WithDerivedId(x.Item2))))
            .Concat(List("collaborations", d.Collaborations).Select(x => (x.Item1, WithDerivedId(x.Item2))))
            .Concat(List("measures", d.Measures));
    }

    private static Entity WithDerivedId(Entity entity) => entity switch
    {
        { Id.Length: > 0 } => entity,
        Membership m => m with { Id = Membership.DerivedId(m.Member, m.Body, m.Since) },
        Collaboration c => c with { Id = Collaboration.DerivedId(c.From, c.To, c.Kind) },
        _ => entity,
    };

    private static ValidationFailedException Invalid(string path, string message)
    {
        var errors = new ValidationErrors();
        errors.Add(path, message);
        return new ValidationFailedException(errors);
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] + "." : message;
    }
}
