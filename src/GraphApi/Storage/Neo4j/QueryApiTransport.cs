using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;

namespace GraphApi.Storage.Neo4j;

/// <summary>
/// Neo4j's Query API v2 (5.19+, on by default from 5.25, and Aura): one statement per request at
/// <c>/db/{database}/query/v2</c>, explicit transactions at <c>…/query/v2/tx[/{id}[/commit]]</c>, typed JSON answers
/// (<c>application/vnd.neo4j.query</c>). A transaction's later requests carry back the <c>neo4j-cluster-affinity</c>
/// header of its first answer, so a cluster keeps them on one member; the bookmarks of every commit go with the next
/// request, so this instance reads its own writes on any member.
/// </summary>
public sealed class QueryApiTransport(Neo4jOptions options, HttpMessageHandler? handler = null) : HttpCypherTransport(options, handler)
{
    public const string TypedJson = "application/vnd.neo4j.query";
    public const string Affinity = "neo4j-cluster-affinity";

    private readonly object _bookmarkLock = new();
    private string[] _bookmarks = [];
    private ServerInfo? _server;

    private Uri Query => new(BaseUri, $"db/{Uri.EscapeDataString(Options.Database)}/query/v2");

    /// <summary>Whether the server's discovery document (GET /) names a Query API.</summary>
    public static async Task<bool> IsOfferedAsync(Neo4jOptions options, HttpMessageHandler? handler, CancellationToken ct)
    {
        using var probe = new QueryApiTransport(options, handler);
        var (status, root, _) = await probe.SendAsync(HttpMethod.Get, probe.BaseUri, null, "application/json", ct);
        return status == HttpStatusCode.OK && root?["query"] is not null;
    }

    public override async Task<ServerInfo> DiscoverAsync(CancellationToken ct)
    {
        if (_server is not null) return _server;
        var (status, root, _) = await SendAsync(HttpMethod.Get, BaseUri, null, "application/json", ct);
        if (status != HttpStatusCode.OK)
            throw StoreUnavailableException.Unreachable("Neo4j", Options.Url, $"GET / answered {(int)status}", null);
        return _server = new ServerInfo(root?["neo4j_version"]?.GetValue<string>() ?? "5", Query.ToString());
    }

    public override ICypherTransaction Begin(AccessMode mode) => new Transaction(this, mode);

    private string[] Bookmarks
    {
        get { lock (_bookmarkLock) return _bookmarks; }
        set { lock (_bookmarkLock) if (value.Length > 0) _bookmarks = value; }
    }

    private sealed class Transaction(QueryApiTransport transport, AccessMode mode) : ICypherTransaction
    {
        private string? _id;
        private string? _affinity;
        private bool _done;

        public async Task<IReadOnlyList<CypherResult>> RunAsync(IReadOnlyList<CypherStatement> statements, CancellationToken ct)
        {
            var results = new List<CypherResult>();
            foreach (var statement in statements) results.Add(await RunOneAsync(statement, ct));
            return results;
        }

        public async Task<IReadOnlyList<CypherResult>> CommitAsync(IReadOnlyList<CypherStatement> statements, CancellationToken ct)
        {
            if (_id is null && statements.Count == 1)
            {
                // One statement, no transaction open: an implicit transaction is one round trip.
                _done = true;
                var (status, body, _) = await transport.SendAsync(HttpMethod.Post, transport.Query, Body(statements[0], first: true), TypedJson, ct);
                return [Read(status, body)];
            }
            var results = await RunAsync(statements, ct);
            if (_id is null) return results;
            _done = true;
            var (commitStatus, commitBody, _) = await transport.SendAsync(HttpMethod.Post, new Uri($"{transport.Query}/tx/{_id}/commit"),
                null, TypedJson, ct, Headers());
            Check(commitStatus, commitBody);
            return results;
        }

        public async Task RollbackAsync(CancellationToken ct)
        {
            if (_done || _id is null) return;
            _done = true;
            await transport.SendAsync(HttpMethod.Delete, new Uri($"{transport.Query}/tx/{_id}"), null, TypedJson, ct, Headers());
        }

        public async ValueTask DisposeAsync()
        {
            try { await RollbackAsync(CancellationToken.None); }
            catch (Exception e) when (e is StoreUnavailableException or Neo4jException) { /* the server expires it */ }
        }

        private async Task<CypherResult> RunOneAsync(CypherStatement statement, CancellationToken ct)
        {
            if (_id is null)
            {
                var (status, body, headers) = await transport.SendAsync(HttpMethod.Post, new Uri($"{transport.Query}/tx"),
                    Body(statement, first: true), TypedJson, ct);
                var result = Read(status, body);
                _id = body?["transaction"]?["id"]?.GetValue<string>() ?? throw new Neo4jException("Neo.DatabaseError.Http",
                    $"{transport.Options.Url} opened no transaction: {body?.ToJsonString()}");
                _affinity = headers.TryGetValues(Affinity, out var values) ? values.FirstOrDefault() : null;
                return result;
            }
            var (s, b, _) = await transport.SendAsync(HttpMethod.Post, new Uri($"{transport.Query}/tx/{_id}"), Body(statement, first: false),
                TypedJson, ct, Headers());
            return Read(s, b);
        }

        private Dictionary<string, object?> Body(CypherStatement statement, bool first)
        {
            var body = new Dictionary<string, object?> { ["statement"] = statement.Text, ["parameters"] = Parameters(statement) };
            if (first)
            {
                body["accessMode"] = mode == AccessMode.Read ? "Read" : "Write";
                if (transport.Bookmarks is { Length: > 0 } bookmarks) body["bookmarks"] = bookmarks;
            }
            return body;
        }

        private IEnumerable<KeyValuePair<string, string>> Headers() => _affinity is null ? [] : [new(Affinity, _affinity)];

        private CypherResult Read(HttpStatusCode status, JsonNode? body)
        {
            Check(status, body);
            var data = body?["data"] ?? throw new Neo4jException("Neo.DatabaseError.Http", $"{transport.Options.Url} answered without data");
            return new CypherResult(
                data["fields"]!.AsArray().Select(f => f!.GetValue<string>()).ToList(),
                data["values"]!.AsArray().Select(row => row!.AsArray().Select(Plain).ToArray()).ToList());
        }

        private void Check(HttpStatusCode status, JsonNode? body)
        {
            if (body?["errors"] is JsonArray { Count: > 0 } errors)
            {
                _done = true; // an error ends the transaction on the server
                throw new Neo4jException(errors[0]!["code"]?.GetValue<string>() ?? "Neo.DatabaseError.Unknown",
                    errors[0]!["message"]?.GetValue<string>() ?? "");
            }
            if (status == HttpStatusCode.NotFound)
                throw new Neo4jException("Neo.ClientError.Database.DatabaseNotFound",
                    $"{transport.Options.Url} has no database '{transport.Options.Database}' (or the transaction expired)");
            if ((int)status >= 300) throw new Neo4jException("Neo.DatabaseError.Http", $"{transport.Options.Url} answered {(int)status}");
            if (body?["bookmarks"] is JsonArray marks) transport.Bookmarks = marks.Select(m => m!.GetValue<string>()).ToArray();
        }
    }

    /// <summary>
    /// A typed value (<c>{"$type": "Integer", "_value": "42"}</c>) as plain JSON, as the classic endpoint would give it:
    /// integers and floats from their strings, lists and maps recursively, a node or relationship as its properties.
    /// Dates, times, durations and points stay strings (the store keeps dates as ISO strings anyway).
    /// </summary>
    public static JsonNode? Plain(JsonNode? typed)
    {
        if (typed is not JsonObject o || o["$type"]?.GetValue<string>() is not { } type) return typed?.DeepClone();
        var value = o["_value"];
        return type switch
        {
            "Null" => null,
            "Boolean" => JsonValue.Create(value!.GetValue<bool>()),
            "Integer" => JsonValue.Create(long.Parse(value!.GetValue<string>(), CultureInfo.InvariantCulture)),
            "Float" => JsonValue.Create(double.Parse(value!.GetValue<string>(), CultureInfo.InvariantCulture)),
            "List" => new JsonArray(value!.AsArray().Select(Plain).ToArray()),
            "Map" => new JsonObject(value!.AsObject().Select(kv => KeyValuePair.Create(kv.Key, Plain(kv.Value)))),
            "Node" or "Relationship" => new JsonObject(value!["_properties"]!.AsObject().Select(kv => KeyValuePair.Create(kv.Key, Plain(kv.Value)))),
            _ => value?.DeepClone(), // String, Date, Time, DateTime, Duration, Point, Base64, ...
        };
    }
}
