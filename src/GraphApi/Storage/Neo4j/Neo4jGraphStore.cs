using System.Text.Json;
using System.Text.Json.Nodes;
using GraphApi.Access;
using GraphApi.Domain;
using Microsoft.Extensions.Options;

namespace GraphApi.Storage.Neo4j;

/// <summary>
/// The shared store: networks as a property graph in Neo4j (see docs/neo4j.md for the model). Entities are nodes
/// with one label per kind plus <c>:Entity</c>, keyed by <c>key</c> (network id + entity id, unique on every
/// version); memberships and collaborations are relationships carrying their id; references (parent, lead,
/// topics, ...) are relationships as well as properties, so a load gives back exactly what was written, lists in
/// their order. History is <c>:Change</c> nodes. A commit locks the <c>:Network</c> node, checks its revision and
/// writes everything in the same transaction. The Cypher runs on 3.1 through 5.x: <c>$</c> parameters only, no
/// temporal types, no <c>CALL {}</c>, no <c>elementId()</c>/<c>id()</c> as identity.
/// </summary>
public sealed class Neo4jGraphStore : IGraphStore, IDisposable
{
    private readonly Neo4jOptions _options;
    private readonly HttpMessageHandler? _handler;
    private ICypherTransport? _transport;

    public Neo4jGraphStore(IOptions<Neo4jOptions> options) : this(options.Value, handler: null) { }

    public Neo4jGraphStore(Neo4jOptions options, HttpMessageHandler? handler = null)
    {
        _options = options;
        _handler = handler;
    }

    /// <summary>For tests: a given transport, no discovery.</summary>
    public Neo4jGraphStore(Neo4jOptions options, ICypherTransport transport) : this(options) => _transport = transport;

    public string Url => _options.Url;

    private const int MaxCypherLimit = 10_000;

    /// <summary>Labels of the node kinds; fixed strings, never user text.</summary>
    private static readonly IReadOnlyDictionary<EntityKind, string> Labels = new Dictionary<EntityKind, string>
    {
        [EntityKind.Topic] = "Topic", [EntityKind.Territory] = "Territory", [EntityKind.Actor] = "Actor",
        [EntityKind.Body] = "Body", [EntityKind.Person] = "Person", [EntityKind.Measure] = "Measure",
    };

    /// <summary>Reference fields that are also relationships: (kind, property) → type, and whether the entity is its end.</summary>
    private static readonly (EntityKind Kind, string Property, string Type, bool Incoming)[] References =
    [
        (EntityKind.Territory, "parent", "PART_OF", false),
        (EntityKind.Actor, "parent", "PART_OF", false),
        (EntityKind.Actor, "territories", "COVERS", false),
        (EntityKind.Actor, "topics", "WORKS_ON", false),
        (EntityKind.Body, "topics", "WORKS_ON", false),
        (EntityKind.Body, "territories", "COVERS", false),
        (EntityKind.Body, "reportsTo", "REPORTS_TO", false),
        (EntityKind.Body, "lead", "LEADS", true),
        (EntityKind.Person, "actor", "WORKS_FOR", false),
        (EntityKind.Measure, "offeredBy", "OFFERS", true),
        (EntityKind.Measure, "topics", "WORKS_ON", false),
        (EntityKind.Measure, "territories", "COVERS", false),
    ];

    private static readonly string[] OwnedOutgoing = ["PART_OF", "COVERS", "WORKS_ON", "REPORTS_TO", "WORKS_FOR"];
    private static readonly string[] OwnedIncoming = ["LEADS", "OFFERS"];

    /// <summary>Network id + entity id in one unambiguous string: the length prefix keeps "a/b"+"c" apart from "a"+"b/c".</summary>
    public static string Key(string networkId, string id) => $"{networkId.Length}:{networkId}/{id}";

    private ICypherTransport Transport => _transport ?? throw new InvalidOperationException("InitializeAsync first.");

    public async Task InitializeAsync(CancellationToken ct = default)
    {
        _transport ??= await ChooseTransportAsync(ct);
        var server = await Transport.DiscoverAsync(ct);
        foreach (var statement in Schema(server.Major).Concat(AccessSchema(server.Major)))
        {
            try
            {
                // Instances starting together race for the schema lock: a deadlock there is transient.
                await WithRetriesAsync(async () =>
                {
                    await using var tx = Transport.Begin(AccessMode.Write);
                    await tx.CommitAsync([new CypherStatement(statement)], ct);
                }, ct, retries: 10);
            }
            catch (Neo4jException e) when (e.Code.Contains("AlreadyExists", StringComparison.Ordinal))
            {
                // 4.x refuses to create an equivalent rule twice; 3.x and 5.x (IF NOT EXISTS) are quiet.
            }
        }
    }

    /// <summary>Schema statements by server version: 3.x/4.x know only ON … ASSERT, 5.x only FOR … REQUIRE.</summary>
    public static IReadOnlyList<string> Schema(int major) => major >= 5
        ?
        [
            "CREATE CONSTRAINT network_id IF NOT EXISTS FOR (n:Network) REQUIRE n.networkId IS UNIQUE",
            "CREATE CONSTRAINT entity_key IF NOT EXISTS FOR (e:Entity) REQUIRE e.key IS UNIQUE",
            "CREATE CONSTRAINT change_key IF NOT EXISTS FOR (c:Change) REQUIRE c.key IS UNIQUE",
            "CREATE CONSTRAINT position_key IF NOT EXISTS FOR (p:Position) REQUIRE p.key IS UNIQUE",
            "CREATE INDEX change_network IF NOT EXISTS FOR (c:Change) ON (c.networkId)",
            "CREATE INDEX position_network IF NOT EXISTS FOR (p:Position) ON (p.networkId)",
        ]
        :
        [
            "CREATE CONSTRAINT ON (n:Network) ASSERT n.networkId IS UNIQUE",
            "CREATE CONSTRAINT ON (e:Entity) ASSERT e.key IS UNIQUE",
            "CREATE CONSTRAINT ON (c:Change) ASSERT c.key IS UNIQUE",
            "CREATE CONSTRAINT ON (p:Position) ASSERT p.key IS UNIQUE",
            "CREATE INDEX ON :Change(networkId)",
            "CREATE INDEX ON :Position(networkId)",
        ];

    private async Task<ICypherTransport> ChooseTransportAsync(CancellationToken ct)
    {
        switch (_options.Transport.ToLowerInvariant())
        {
            case "classic": return new ClassicTransport(_options, _handler);
            case "query": return new QueryApiTransport(_options, _handler);
            case "auto":
                var classic = new ClassicTransport(_options, _handler);
                if (await QueryApiTransport.IsOfferedAsync(_options, _handler, ct))
                {
                    classic.Dispose();
                    return new QueryApiTransport(_options, _handler);
                }
                return classic;
            default:
                throw new ArgumentException($"Neo4j:Transport must be Auto, Classic or Query, not '{_options.Transport}'.");
        }
    }

    public async Task<IReadOnlyList<Network>> ListNetworksAsync(CancellationToken ct = default)
    {
        var results = await ReadAsync([new("MATCH (n:Network) WHERE n.trashedAt IS NULL RETURN properties(n) ORDER BY n.networkId")], ct);
        return results[0].Rows.Select(r => NetworkFrom(r[0]!.AsObject())).ToList();
    }

    public async Task<IReadOnlyDictionary<string, long>> ReadHeadsAsync(CancellationToken ct = default)
    {
        var results = await ReadAsync([new("MATCH (n:Network) WHERE n.trashedAt IS NULL RETURN n.networkId, n.revision")], ct);
        return results[0].Rows.ToDictionary(r => r[0]!.GetValue<string>(), r => Long(r[1]), StringComparer.Ordinal);
    }

    public async Task<long?> ReadHeadAsync(string networkId, CancellationToken ct = default)
    {
        var results = await ReadAsync([new("MATCH (n:Network {networkId: $network}) WHERE n.trashedAt IS NULL RETURN n.revision",
            new Dictionary<string, object?> { ["network"] = networkId })], ct);
        return results[0].Rows.Count == 0 ? null : Long(results[0].Rows[0][0]);
    }

    public async Task<NetworkSnapshot?> LoadAsync(string networkId, CancellationToken ct = default)
    {
        var p = new Dictionary<string, object?> { ["network"] = networkId };
        // Neo4j reads are read-committed: the revision is read before and after, and a load that saw a commit land
        // in between is done again, so a snapshot is always of one revision.
        for (var attempt = 0; ; attempt++)
        {
            var results = await ReadAsync(
            [
                new("MATCH (n:Network {networkId: $network}) WHERE n.trashedAt IS NULL RETURN n.revision, properties(n)", p),
                new("MATCH (:Network {networkId: $network})<-[:IN_NETWORK]-(e:Entity) RETURN labels(e), properties(e)", p),
                new("MATCH (:Network {networkId: $network})<-[:IN_NETWORK]-(a:Entity)-[r:MEMBER_OF|COLLABORATES_WITH]->(b:Entity) " +
                    "RETURN type(r), properties(r), a.id, b.id", p),
                new("MATCH (n:Network {networkId: $network}) WHERE n.trashedAt IS NULL RETURN n.revision", p),
            ], ct);
            if (results[0].Rows.Count == 0) return null;
            var revision = Long(results[0].Rows[0][0]);
            if (results[3].Rows.Count == 0 || Long(results[3].Rows[0][0]) != revision)
            {
                if (attempt < 5) continue;
                throw new Neo4jException("Neo.TransientError.NetworkGraph.Busy", $"network '{networkId}' kept changing while it was read");
            }
            var network = NetworkFrom(results[0].Rows[0][1]!.AsObject());
            var entities = new List<Entity>();
            foreach (var row in results[1].Rows)
            {
                var kind = Labels.First(l => row[0]!.AsArray().Any(x => x!.GetValue<string>() == l.Value)).Key;
                entities.Add(EntityFrom(kind, row[1]!.AsObject()));
            }
            foreach (var row in results[2].Rows)
            {
                var membership = row[0]!.GetValue<string>() == "MEMBER_OF";
                var props = row[1]!.AsObject();
                props[membership ? "member" : "from"] = row[2]!.GetValue<string>();
                props[membership ? "body" : "to"] = row[3]!.GetValue<string>();
                entities.Add(EntityFrom(membership ? EntityKind.Membership : EntityKind.Collaboration, props));
            }
            return NetworkSnapshot.Create(network, revision, entities);
        }
    }

    public Task CommitAsync(ChangeSet changes, long expectedRevision, CancellationToken ct = default) =>
        WithRetriesAsync(async () =>
        {
            var n = changes.NetworkId;
            var creating = changes.Changes.FirstOrDefault(c => c.Kind == EntityKind.Network) is { Op: ChangeOp.Create };
            await using var tx = Transport.Begin(AccessMode.Write);
            if (!creating)
            {
                // The write lock on the Network node first (a fresh token is always a real write), then the revision:
                // a racing writer waits here and then sees the new revision.
                var head = await tx.RunAsync([new(
                    "MATCH (n:Network {networkId: $network}) WHERE n.trashedAt IS NULL SET n.lockToken = $token RETURN n.revision",
                    new Dictionary<string, object?> { ["network"] = n, ["token"] = Guid.NewGuid().ToString("N") })], ct);
                if (head[0].Rows.Count == 0 || Long(head[0].Rows[0][0]) != expectedRevision)
                {
                    await tx.RollbackAsync(ct);
                    throw Conflict(n, expectedRevision);
                }
            }

            try
            {
                await tx.CommitAsync(WriteStatements(changes), ct);
            }
            catch (Neo4jException e) when (creating && e.Code == "Neo.ClientError.Schema.ConstraintValidationFailed")
            {
                throw ConflictException.NetworkExists(n);
            }
        }, ct);

    /// <summary>
    /// What a commit writes once the network is locked and its revision checked: the <c>:Network</c> node of a creating
    /// set, the entities, the <c>:Change</c> nodes of the history and the new revision. The one description of the graph
    /// model's writes: <see cref="CommitAsync"/> sends these with parameters, the Cypher export
    /// (<c>GraphApi.Exchange.Cypher.CypherNetworkWriter</c>) writes them out with the parameters as literals.
    /// </summary>
    public static IReadOnlyList<CypherStatement> WriteStatements(ChangeSet changes)
    {
        var n = changes.NetworkId;
        var statements = new List<CypherStatement>();
        if (changes.Changes.FirstOrDefault(c => c.Kind == EntityKind.Network) is { Op: ChangeOp.Create, After: Network created })
        {
            var props = NetworkProps(created);
            props["revision"] = changes.Revision;
            statements.Add(new("CREATE (n:Network) SET n = $props", new Dictionary<string, object?> { ["props"] = props }));
        }

        AddEntityWrites(changes, statements);
        statements.Add(new("UNWIND $rows AS row CREATE (c:Change) SET c = row", new Dictionary<string, object?>
        {
            ["rows"] = changes.Changes.Select((c, seq) => ChangeProps(changes, c, seq)).ToList(),
        }));
        var network = changes.Changes.FirstOrDefault(c => c.Kind == EntityKind.Network && c.Op == ChangeOp.Update)?.After as Network;
        statements.Add(network is null
            ? new("MATCH (n:Network {networkId: $network}) SET n.revision = $revision REMOVE n.lockToken",
                new Dictionary<string, object?> { ["network"] = n, ["revision"] = changes.Revision })
            : new("MATCH (n:Network {networkId: $network}) SET n = $props, n.revision = $revision",
                new Dictionary<string, object?> { ["network"] = n, ["revision"] = changes.Revision, ["props"] = NetworkProps(network) }));
        return statements;
    }

    /// <summary>
    /// Deletes, then node upserts, then references and relationship entities, so that a set may refer to what it
    /// creates. Every relationship entity must find both ends: a statement that creates fewer than asked fails the
    /// whole transaction (see <see cref="Expect"/>), so nothing is half-written.
    /// </summary>
    private static void AddEntityWrites(ChangeSet changes, List<CypherStatement> statements)
    {
        var n = changes.NetworkId;
        var relationshipDeletes = new List<Dictionary<string, object?>>();
        var nodeDeletes = new List<string>();
        var upserts = new Dictionary<(string Label, bool New), List<Dictionary<string, object?>>>();
        var relationshipCreates = new Dictionary<string, List<Dictionary<string, object?>>>();
        var references = new Dictionary<(string Type, bool Incoming), List<Dictionary<string, object?>>>();
        var represents = new List<Dictionary<string, object?>>();
        var touchedNodes = new List<string>();

        foreach (var change in changes.Changes.Where(c => c.Kind != EntityKind.Network))
        {
            if (change.Kind is EntityKind.Membership or EntityKind.Collaboration)
            {
                if (change.Before is { } before) relationshipDeletes.Add(RelationshipEnds(n, before));
                if (change.After is { } after)
                {
                    var row = RelationshipEnds(n, after);
                    row["props"] = Props(after, except: ["member", "body", "from", "to"]);
                    var type = after is Membership ? "MEMBER_OF" : "COLLABORATES_WITH";
                    (relationshipCreates.TryGetValue(type, out var list) ? list : relationshipCreates[type] = []).Add(row);
                    if (after is Membership { Representing: { } actor } m)
                        represents.Add(new() { ["from"] = Key(n, m.Member), ["to"] = Key(n, actor), ["id"] = m.Id });
                }
                continue;
            }
            var key = Key(n, change.Id);
            if (change.After is null)
            {
                nodeDeletes.Add(key);
                continue;
            }
            var props = Props(change.After);
            props["key"] = key;
            props["networkId"] = n;
            var label = (Labels[change.Kind], change.Before is null);
            (upserts.TryGetValue(label, out var rows) ? rows : upserts[label] = []).Add(new() { ["key"] = key, ["props"] = props });
            touchedNodes.Add(key);
            var json = JsonSerializer.SerializeToNode(change.After, change.After.GetType(), GraphJson.Options)!.AsObject();
            foreach (var (_, property, type, incoming) in References.Where(r => r.Kind == change.Kind))
            {
                var targets = json[property] switch
                {
                    JsonArray array => array.Select(x => x!.GetValue<string>()),
                    JsonValue value => [value.GetValue<string>()],
                    _ => [],
                };
                foreach (var target in targets.Distinct())
                    (references.TryGetValue((type, incoming), out var refs) ? refs : references[(type, incoming)] = [])
                        .Add(new() { ["owner"] = key, ["other"] = Key(n, target) });
            }
        }

        if (relationshipDeletes.Count > 0)
        {
            statements.Add(new(
                "UNWIND $rows AS row MATCH (:Entity {key: row.from})-[r:MEMBER_OF|COLLABORATES_WITH {id: row.id}]->(:Entity {key: row.to}) DELETE r",
                new Dictionary<string, object?> { ["rows"] = relationshipDeletes }));
            statements.Add(new(
                "UNWIND $rows AS row MATCH (:Entity {key: row.from})-[r:REPRESENTS {membership: row.id}]->() DELETE r",
                new Dictionary<string, object?> { ["rows"] = relationshipDeletes }));
        }
        if (nodeDeletes.Count > 0)
            statements.Add(new("UNWIND $keys AS key MATCH (e:Entity {key: key}) DETACH DELETE e",
                new Dictionary<string, object?> { ["keys"] = nodeDeletes }));
        // CREATE for new entities (the unique key refuses a duplicate, failing the transaction), MATCH for updates: a
        // MERGE of IN_NETWORK would look through all of the network's relationships for every row.
        foreach (var ((label, isNew), rows) in upserts)
            statements.Add(isNew
                ? Expect(rows.Count, $"MATCH (n:Network {{networkId: $network}}) UNWIND $rows AS row CREATE (e:Entity:{label}) SET e = row.props " +
                    "CREATE (e)-[:IN_NETWORK]->(n)", new Dictionary<string, object?> { ["network"] = n, ["rows"] = rows })
                : Expect(rows.Count, $"UNWIND $rows AS row MATCH (e:Entity:{label} {{key: row.key}}) SET e = row.props",
                    new Dictionary<string, object?> { ["rows"] = rows }));
        if (touchedNodes.Count > 0)
        {
            statements.Add(new($"UNWIND $keys AS key MATCH (:Entity {{key: key}})-[r:{string.Join('|', OwnedOutgoing)}]->() DELETE r",
                new Dictionary<string, object?> { ["keys"] = touchedNodes }));
            statements.Add(new($"UNWIND $keys AS key MATCH (:Entity {{key: key}})<-[r:{string.Join('|', OwnedIncoming)}]-() DELETE r",
                new Dictionary<string, object?> { ["keys"] = touchedNodes }));
        }
        foreach (var ((type, incoming), rows) in references)
            statements.Add(new(incoming
                    ? $"UNWIND $rows AS row MATCH (o:Entity {{key: row.owner}}), (x:Entity {{key: row.other}}) CREATE (x)-[:{type}]->(o)"
                    : $"UNWIND $rows AS row MATCH (o:Entity {{key: row.owner}}), (x:Entity {{key: row.other}}) CREATE (o)-[:{type}]->(x)",
                new Dictionary<string, object?> { ["rows"] = rows }));
        foreach (var (type, rows) in relationshipCreates)
            statements.Add(Expect(rows.Count,
                $"UNWIND $rows AS row MATCH (a:Entity {{key: row.from}}), (b:Entity {{key: row.to}}) CREATE (a)-[r:{type}]->(b) SET r = row.props",
                new Dictionary<string, object?> { ["rows"] = rows }));
        if (represents.Count > 0)
            statements.Add(new(
                "UNWIND $rows AS row MATCH (a:Entity {key: row.from}), (b:Entity {key: row.to}) CREATE (a)-[:REPRESENTS {membership: row.id}]->(b)",
                new Dictionary<string, object?> { ["rows"] = represents }));
    }

    /// <summary>
    /// Wraps a write so that it fails the transaction unless it wrote exactly <paramref name="count"/> rows: Cypher
    /// 3.1 has no assertion, but a division by zero is an error on every version, and an error rolls back everything.
    /// </summary>
    private static CypherStatement Expect(int count, string write, Dictionary<string, object?> parameters)
    {
        parameters["expected"] = count;
        return new($"{write} WITH count(*) AS written RETURN 1 / CASE WHEN written = $expected THEN 1 ELSE 0 END", parameters);
    }

    private static Dictionary<string, object?> RelationshipEnds(string n, Entity e) => e switch
    {
        Membership m => new() { ["from"] = Key(n, m.Member), ["to"] = Key(n, m.Body), ["id"] = m.Id },
        Collaboration c => new() { ["from"] = Key(n, c.From), ["to"] = Key(n, c.To), ["id"] = c.Id },
        _ => throw new ArgumentOutOfRangeException(nameof(e)),
    };

    public async Task<bool> DeleteNetworkAsync(string networkId, CancellationToken ct = default)
    {
        var result = false;
        await WithRetriesAsync(async () =>
        {
            var p = new Dictionary<string, object?> { ["network"] = networkId, ["token"] = Guid.NewGuid().ToString("N") };
            await using var tx = Transport.Begin(AccessMode.Write);
            var head = await tx.RunAsync([new("MATCH (n:Network {networkId: $network}) SET n.lockToken = $token RETURN n.revision", p)], ct);
            if (head[0].Rows.Count == 0)
            {
                await tx.RollbackAsync(ct);
                result = false;
                return;
            }
            await tx.CommitAsync(
            [
                new("MATCH (c:Change) WHERE c.networkId = $network DELETE c", p),
                new("MATCH (p:Position) WHERE p.networkId = $network DELETE p", p),
                new("MATCH (:Network {networkId: $network})<-[:IN_NETWORK]-(e:Entity) DETACH DELETE e", p),
                new("MATCH (n:Network {networkId: $network}) DETACH DELETE n", p),
            ], ct);
            result = true;
        }, ct);
        return result;
    }

    public async Task<IReadOnlyDictionary<string, NodePosition>> LoadPositionsAsync(string networkId, CancellationToken ct = default)
    {
        var results = await ReadAsync([new("MATCH (p:Position) WHERE p.networkId = $network RETURN p.nodeId, p.x, p.y",
            new Dictionary<string, object?> { ["network"] = networkId })], ct);
        return results[0].Rows.ToDictionary(r => r[0]!.GetValue<string>(), r => new NodePosition(Double(r[1]), Double(r[2])), StringComparer.Ordinal);
    }

    public Task SavePositionsAsync(string networkId, IReadOnlyDictionary<string, NodePosition> positions, CancellationToken ct = default) =>
        WithRetriesAsync(async () =>
        {
            await using var tx = Transport.Begin(AccessMode.Write);
            await tx.CommitAsync([PositionsStatement(networkId, positions)], ct);
        }, ct);

    /// <summary>Stores node positions as <c>:Position</c> nodes (one per node, keyed like entities); also the Cypher export's.</summary>
    public static CypherStatement PositionsStatement(string networkId, IReadOnlyDictionary<string, NodePosition> positions) => new(
        "UNWIND $rows AS row MERGE (p:Position {key: row.key}) SET p.networkId = $network, p.nodeId = row.id, p.x = row.x, p.y = row.y",
        new Dictionary<string, object?>
        {
            ["network"] = networkId,
            ["rows"] = positions.Select(x => new Dictionary<string, object?>
            {
                ["key"] = Key(networkId, x.Key), ["id"] = x.Key, ["x"] = x.Value.X, ["y"] = x.Value.Y,
            }).ToList(),
        });

    public async Task<IReadOnlyList<ChangeSet>> ReadHistoryAsync(string networkId, long afterRevision, string? entityId, int limit,
        CancellationToken ct = default, bool newest = false)
    {
        // The limit counts change sets, not rows, so a set is never cut in half.
        var results = await ReadAsync([new(
            "MATCH (c:Change) WHERE c.networkId = $network AND c.revision > $after AND ($entity IS NULL OR c.entityId = $entity) " +
            // 3.1 sizes its top-N buffer by the limit: a huge one ("everything after") is applied here instead.
            $"WITH DISTINCT c.revision AS revision ORDER BY revision {(newest ? "DESC" : "ASC")} {(limit <= MaxCypherLimit ? "LIMIT $limit" : "")} " +
            "MATCH (c:Change) WHERE c.networkId = $network AND c.revision = revision AND ($entity IS NULL OR c.entityId = $entity) " +
            "RETURN properties(c) ORDER BY c.revision, c.seq",
            new Dictionary<string, object?> { ["network"] = networkId, ["after"] = afterRevision, ["entity"] = entityId, ["limit"] = limit })], ct);
        var sets = new List<ChangeSet>();
        var rows = results[0].Rows.AsEnumerable();
        if (limit > MaxCypherLimit)
        {
            var keep = rows.Select(r => Long(r[0]!["revision"])).Distinct().Order().ToList();
            var kept = (newest ? keep.TakeLast(limit) : keep.Take(limit)).ToHashSet();
            rows = rows.Where(r => kept.Contains(Long(r[0]!["revision"])));
        }
        foreach (var row in rows)
        {
            var c = row[0]!.AsObject();
            var revision = Long(c["revision"]);
            var kind = Enum.Parse<EntityKind>(c["kind"]!.GetValue<string>());
            var change = new Change(Enum.Parse<ChangeOp>(c["op"]!.GetValue<string>()), kind, c["entityId"]!.GetValue<string>(),
                c["before"] is { } b ? GraphJson.Deserialize(kind, b.GetValue<string>()) : null,
                c["after"] is { } a ? GraphJson.Deserialize(kind, a.GetValue<string>()) : null);
            if (sets.Count > 0 && sets[^1].Revision == revision)
                ((List<Change>)sets[^1].Changes).Add(change);
            else
                sets.Add(new ChangeSet(networkId, revision, DateTimeOffset.Parse(c["at"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture),
                    c["author"]!.GetValue<string>(), new List<Change> { change }) { AuthorId = c["authorId"]?.GetValue<string>() });
        }
        return sets;
    }

    private async Task<IReadOnlyList<CypherResult>> ReadAsync(IReadOnlyList<CypherStatement> statements, CancellationToken ct)
    {
        IReadOnlyList<CypherResult> results = [];
        await WithRetriesAsync(async () =>
        {
            await using var tx = Transport.Begin(AccessMode.Read);
            results = await tx.CommitAsync(statements, ct);
        }, ct);
        return results;
    }

    /// <summary>Runs a unit of work again after Neo.TransientError.* (deadlock, leader switch), and only then.</summary>
    private async Task WithRetriesAsync(Func<Task> work, CancellationToken ct, int? retries = null)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await work();
                return;
            }
            catch (Neo4jException e) when (e.IsTransient && attempt < (retries ?? _options.Retries))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50 * Math.Pow(2, attempt) + Random.Shared.Next(50)), ct);
            }
        }
    }

    private static ConflictException Conflict(string networkId, long expectedRevision) => new(Texts.Get("store.networkWasChangedByAnother2", networkId, expectedRevision));

    // ---- entities ⇄ properties ----

    /// <summary>
    /// An entity as node or relationship properties: its JSON fields, strings, numbers, booleans and string lists as
    /// they are; nested values (a network's composition rules) as a JSON string; nulls and empty lists left out.
    /// </summary>
    private static Dictionary<string, object?> Props(Entity entity, string[]? except = null)
    {
        var json = JsonSerializer.SerializeToNode(entity, entity.GetType(), GraphJson.Options)!.AsObject();
        var props = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, value) in json)
        {
            if (name == "$type" || value is null || except?.Contains(name) == true) continue;
            props[name] = value switch
            {
                JsonArray { Count: 0 } => null,
                JsonArray array when array.All(x => x is JsonValue v && v.GetValueKind() == JsonValueKind.String) =>
                    array.Select(x => x!.GetValue<string>()).ToArray(),
                JsonArray or JsonObject => value.ToJsonString(GraphJson.Options),
                JsonValue v => v.GetValueKind() switch
                {
                    JsonValueKind.String => v.GetValue<string>(),
                    JsonValueKind.True => true,
                    JsonValueKind.False => false,
                    JsonValueKind.Number => v.ToJsonString().Contains('.') || v.ToJsonString().Contains('e') || v.ToJsonString().Contains('E')
                        ? (object)v.GetValue<double>() // not double for both: a ternary would make every integer a double
                        : v.GetValue<long>(),
                    _ => null,
                },
                _ => null,
            };
            if (props[name] is null) props.Remove(name);
        }
        return props;
    }

    private static Dictionary<string, object?> NetworkProps(Network network)
    {
        var props = Props(network);
        props["networkId"] = network.Id;
        return props;
    }

    /// <summary>
    /// Nested fields, stored as JSON strings by <see cref="Props"/>: every property that is not a plain value or a list of
    /// strings (a network's composition rules, meetings, report settings, finding marks). Found by type, not listed: a
    /// nested field added later would otherwise come back as a string that cannot be read (as meetings and the report did).
    /// </summary>
    private static readonly IReadOnlyDictionary<EntityKind, HashSet<string>> JsonFields = Enum.GetValues<EntityKind>().ToDictionary(k => k, k =>
        GraphJson.TypeOf(k).GetProperties()
            .Where(p => !IsFlat(p.PropertyType))
            .Select(p => GraphJson.Options.PropertyNamingPolicy!.ConvertName(p.Name))
            .ToHashSet(StringComparer.Ordinal));

    private static bool IsFlat(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(DateTimeOffset)
            || typeof(IEnumerable<string>).IsAssignableFrom(type);
    }

    private static readonly HashSet<string> StoreFields = ["key", "networkId", "revision", "lockToken", "trashedAt", "trashedBy", "trashedById"];

    private static Entity EntityFrom(EntityKind kind, JsonObject props)
    {
        var json = new JsonObject();
        foreach (var (name, value) in props.ToList())
        {
            if (StoreFields.Contains(name) || value is null) continue;
            json[name] = JsonFields[kind].Contains(name) ? JsonNode.Parse(value.GetValue<string>()) : value.DeepClone();
        }
        return (Entity)json.Deserialize(GraphJson.TypeOf(kind), GraphJson.Options)!;
    }

    private static Network NetworkFrom(JsonObject props) => (Network)EntityFrom(EntityKind.Network, props);

    private static Dictionary<string, object?> ChangeProps(ChangeSet set, Change change, int seq)
    {
        var row = new Dictionary<string, object?>
        {
            ["key"] = $"{Key(set.NetworkId, "")}{set.Revision}/{seq}", ["networkId"] = set.NetworkId, ["revision"] = set.Revision,
            ["seq"] = seq, ["at"] = set.At.ToString("O"), ["author"] = set.Author, ["op"] = change.Op.ToString(),
            ["kind"] = change.Kind.ToString(), ["entityId"] = change.Id,
        };
        if (set.AuthorId is not null) row["authorId"] = set.AuthorId; // accounts
        if (change.Before is not null) row["before"] = GraphJson.Serialize(change.Before);
        if (change.After is not null) row["after"] = GraphJson.Serialize(change.After);
        return row;
    }

    private static long Long(JsonNode? node) => node?.GetValue<long>() ?? throw new FormatException("A number was expected, not null.");

    private static double Double(JsonNode? node) => node!.GetValue<double>();

    #region roles: members and share links (issue 10; engineer roles)

    /// <summary>
    /// Members are <c>:NetworkMember</c> nodes (<c>key</c> = network + user id), share links <c>:ShareLink</c> nodes (keyed by
    /// the token's hash), both with the <c>networkId</c> of their network, like positions and history.
    /// </summary>
    public static IReadOnlyList<string> AccessSchema(int major) => major >= 5
        ?
        [
            "CREATE CONSTRAINT network_member_key IF NOT EXISTS FOR (m:NetworkMember) REQUIRE m.key IS UNIQUE",
            "CREATE CONSTRAINT share_link_hash IF NOT EXISTS FOR (s:ShareLink) REQUIRE s.tokenHash IS UNIQUE",
            "CREATE INDEX network_member_user IF NOT EXISTS FOR (m:NetworkMember) ON (m.userId)",
            "CREATE INDEX network_member_network IF NOT EXISTS FOR (m:NetworkMember) ON (m.networkId)",
            "CREATE INDEX share_link_network IF NOT EXISTS FOR (s:ShareLink) ON (s.networkId)",
        ]
        :
        [
            "CREATE CONSTRAINT ON (m:NetworkMember) ASSERT m.key IS UNIQUE",
            "CREATE CONSTRAINT ON (s:ShareLink) ASSERT s.tokenHash IS UNIQUE",
            "CREATE INDEX ON :NetworkMember(userId)",
            "CREATE INDEX ON :NetworkMember(networkId)",
            "CREATE INDEX ON :ShareLink(networkId)",
        ];

    public async Task<IReadOnlyList<NetworkMember>> ListMembersAsync(string networkId, CancellationToken ct = default)
    {
        var results = await ReadAsync([new("MATCH (m:NetworkMember) WHERE m.networkId = $network " +
            "RETURN m.userId, m.role, m.name, m.added ORDER BY m.userId", new Dictionary<string, object?> { ["network"] = networkId })], ct);
        return results[0].Rows.Select(r => new NetworkMember(r[0]!.GetValue<string>(), Enum.Parse<NetworkRole>(r[1]!.GetValue<string>()),
            r[2]!.GetValue<string>(), When(r[3]))).ToList();
    }

    public async Task<IReadOnlyDictionary<string, NetworkRole>> RolesOfUserAsync(string userId, CancellationToken ct = default)
    {
        var results = await ReadAsync([new("MATCH (m:NetworkMember) WHERE m.userId = $user RETURN m.networkId, m.role",
            new Dictionary<string, object?> { ["user"] = userId })], ct);
        return results[0].Rows.ToDictionary(r => r[0]!.GetValue<string>(), r => Enum.Parse<NetworkRole>(r[1]!.GetValue<string>()), StringComparer.Ordinal);
    }

    public Task SetMemberAsync(string networkId, NetworkMember member, CancellationToken ct = default) =>
        WriteAsync(new("MERGE (m:NetworkMember {key: $key}) ON CREATE SET m.added = $added " +
            "SET m.networkId = $network, m.userId = $user, m.role = $role, m.name = $name RETURN count(*)",
            new Dictionary<string, object?>
            {
                ["key"] = Key(networkId, member.UserId), ["network"] = networkId, ["user"] = member.UserId, ["role"] = member.Role.ToString(),
                ["name"] = member.Name, ["added"] = member.Added.ToString("O"),
            }), ct);

    public async Task<bool> RemoveMemberAsync(string networkId, string userId, CancellationToken ct = default) =>
        await WriteAsync(new("MATCH (m:NetworkMember {key: $key}) DELETE m RETURN count(*)",
            new Dictionary<string, object?> { ["key"] = Key(networkId, userId) }), ct) > 0;

    public async Task<IReadOnlyList<ShareLink>> ListSharesAsync(string networkId, CancellationToken ct = default)
    {
        var results = await ReadAsync([new("MATCH (s:ShareLink) WHERE s.networkId = $network RETURN properties(s) ORDER BY s.created DESC, s.id",
            new Dictionary<string, object?> { ["network"] = networkId })], ct);
        return results[0].Rows.Select(r => ShareFrom(r[0]!.AsObject())).ToList();
    }

    public Task AddShareAsync(ShareLink share, CancellationToken ct = default) =>
        WriteAsync(new("CREATE (s:ShareLink) SET s = $props RETURN count(*)", new Dictionary<string, object?>
        {
            ["props"] = new Dictionary<string, object?>
            {
                ["tokenHash"] = share.TokenHash, ["id"] = share.Id, ["networkId"] = share.NetworkId, ["label"] = share.Label,
                ["view"] = share.View, ["created"] = share.Created.ToString("O"), ["expires"] = share.Expires.ToString("O"),
                ["createdBy"] = share.CreatedBy,
            },
        }), ct);

    public async Task<ShareLink?> FindShareAsync(string tokenHash, CancellationToken ct = default)
    {
        var results = await ReadAsync([new("MATCH (s:ShareLink {tokenHash: $hash}) RETURN properties(s)",
            new Dictionary<string, object?> { ["hash"] = tokenHash })], ct);
        return results[0].Rows.Count == 0 ? null : ShareFrom(results[0].Rows[0][0]!.AsObject());
    }

    public async Task<bool> RemoveShareAsync(string networkId, string shareId, CancellationToken ct = default) =>
        await WriteAsync(new("MATCH (s:ShareLink) WHERE s.networkId = $network AND s.id = $id DELETE s RETURN count(*)",
            new Dictionary<string, object?> { ["network"] = networkId, ["id"] = shareId }), ct) > 0;

    public Task RemoveAccessAsync(string networkId, CancellationToken ct = default) =>
        WithRetriesAsync(async () =>
        {
            var p = new Dictionary<string, object?> { ["network"] = networkId };
            await using var tx = Transport.Begin(AccessMode.Write);
            await tx.CommitAsync(
            [
                new("MATCH (m:NetworkMember) WHERE m.networkId = $network DELETE m", p),
                new("MATCH (s:ShareLink) WHERE s.networkId = $network DELETE s", p),
            ], ct);
        }, ct);

    /// <summary>One write statement that returns a count, in its own transaction; the count.</summary>
    private async Task<long> WriteAsync(CypherStatement statement, CancellationToken ct)
    {
        long count = 0;
        await WithRetriesAsync(async () =>
        {
            await using var tx = Transport.Begin(AccessMode.Write);
            var results = await tx.CommitAsync([statement], ct);
            count = results[0].Rows.Count == 0 ? 0 : Long(results[0].Rows[0][0]);
        }, ct);
        return count;
    }

    private static ShareLink ShareFrom(JsonObject s) => new(s["id"]!.GetValue<string>(), s["networkId"]!.GetValue<string>(),
        s["tokenHash"]!.GetValue<string>(), s["label"]!.GetValue<string>(), s["view"]!.GetValue<string>(), When(s["created"]), When(s["expires"]),
        s["createdBy"]!.GetValue<string>());

    private static DateTimeOffset When(JsonNode? node) =>
        DateTimeOffset.Parse(node!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);

    #endregion

    public void Dispose() => _transport?.Dispose();

    // ---- privacy (issue 10): trash and erasure; keep this block apart for merges ----
    // A network in the trash is its :Network node with trashedAt/trashedBy set; every read and write above skips it.

    public async Task<bool> MoveToTrashAsync(string networkId, DateTimeOffset at, Author by, CancellationToken ct = default) =>
        await WriteCountAsync(new(
            "MATCH (n:Network {networkId: $network}) WHERE n.trashedAt IS NULL SET n.trashedAt = $at, n.trashedBy = $by, n.trashedById = $byId RETURN n.networkId",
            new Dictionary<string, object?> { ["network"] = networkId, ["at"] = at.ToString("O"), ["by"] = by.Name, ["byId"] = by.Id }), ct) > 0;

    public async Task<IReadOnlyList<TrashedNetwork>> ListTrashAsync(CancellationToken ct = default)
    {
        var results = await ReadAsync([new(
            "MATCH (n:Network) WHERE n.trashedAt IS NOT NULL RETURN properties(n), n.revision, n.trashedAt, n.trashedBy, n.trashedById ORDER BY n.trashedAt, n.networkId")], ct);
        return results[0].Rows.Select(r => new TrashedNetwork(NetworkFrom(r[0]!.AsObject()), Long(r[1]),
            DateTimeOffset.Parse(r[2]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture), r[3]?.GetValue<string>() ?? "", r[4]?.GetValue<string>())).ToList();
    }

    public async Task<bool> RestoreFromTrashAsync(string networkId, CancellationToken ct = default) =>
        await WriteCountAsync(new(
            "MATCH (n:Network {networkId: $network}) WHERE n.trashedAt IS NOT NULL REMOVE n.trashedAt, n.trashedBy, n.trashedById RETURN n.networkId",
            new Dictionary<string, object?> { ["network"] = networkId }), ct) > 0;

    private async Task<int> WriteCountAsync(CypherStatement statement, CancellationToken ct)
    {
        var count = 0;
        await WithRetriesAsync(async () =>
        {
            await using var tx = Transport.Begin(AccessMode.Write);
            count = (await tx.CommitAsync([statement], ct))[0].Rows.Count;
        }, ct);
        return count;
    }

    public Task EraseAsync(ChangeSet erasure, long expectedRevision, string entityId, Func<Entity, Entity> scrub, CancellationToken ct = default) =>
        WithRetriesAsync(async () =>
        {
            var n = erasure.NetworkId;
            await using var tx = Transport.Begin(AccessMode.Write);
            var p = new Dictionary<string, object?> { ["network"] = n, ["token"] = Guid.NewGuid().ToString("N"), ["revision"] = erasure.Revision };
            var read = await tx.RunAsync(
            [
                new("MATCH (n:Network {networkId: $network}) WHERE n.trashedAt IS NULL SET n.lockToken = $token RETURN n.revision", p),
                // Every stored state of the network's history, not only the entity's own: free text elsewhere may name it.
                new("MATCH (c:Change) WHERE c.networkId = $network AND c.revision < $revision RETURN c.key, c.kind, c.before, c.after", p),
            ], ct);
            if (read[0].Rows.Count == 0 || Long(read[0].Rows[0][0]) != expectedRevision)
            {
                await tx.RollbackAsync(ct);
                throw Conflict(n, expectedRevision);
            }
            // The new text of a state scrub changed, or null for one it left alone (and for none).
            string? Scrubbed(EntityKind kind, JsonNode? json)
            {
                if (json is null) return null;
                var state = GraphJson.Deserialize(kind, json.GetValue<string>());
                return scrub(state) is var clean && !ReferenceEquals(clean, state) ? GraphJson.Serialize(clean) : null;
            }
            var rows = new List<Dictionary<string, object?>>();
            foreach (var r in read[1].Rows)
            {
                var kind = Enum.Parse<EntityKind>(r[1]!.GetValue<string>());
                var (before, after) = (Scrubbed(kind, r[2]), Scrubbed(kind, r[3]));
                if (before is not null || after is not null)
                    rows.Add(new() { ["key"] = r[0]!.GetValue<string>(), ["before"] = before ?? r[2]?.GetValue<string>(), ["after"] = after ?? r[3]?.GetValue<string>() });
            }
            var statements = new List<CypherStatement>
            {
                new("UNWIND $rows AS row MATCH (c:Change {key: row.key}) SET c.before = row.before, c.after = row.after",
                    new Dictionary<string, object?> { ["rows"] = rows }),
                new("MATCH (p:Position) WHERE p.networkId = $network AND (p.nodeId = $entity OR p.nodeId ENDS WITH $suffix) DELETE p",
                    new Dictionary<string, object?> { ["network"] = n, ["entity"] = entityId, ["suffix"] = GraphApi.Networks.NetworkService.LayoutSeparator + entityId }),
            };
            statements.AddRange(WriteStatements(erasure));
            await tx.CommitAsync(statements, ct);
        }, ct);
}
