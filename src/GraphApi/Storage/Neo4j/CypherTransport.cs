using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GraphApi.Storage.Neo4j;

/// <summary>One parameterised Cypher statement. User text only ever travels in <see cref="Parameters"/>.</summary>
public sealed record CypherStatement(string Text, IReadOnlyDictionary<string, object?>? Parameters = null);

/// <summary>The rows of one statement, each value as plain JSON (typed values already unwrapped).</summary>
public sealed record CypherResult(IReadOnlyList<string> Columns, IReadOnlyList<JsonNode?[]> Rows);

/// <summary>Reads go to any cluster member; writes to the leader.</summary>
public enum AccessMode { Read, Write }

/// <summary>
/// Runs parameterised Cypher in transactions over HTTP. Two implementations: Neo4j's classic transactional
/// endpoint (every version from 3.0; the only one 3.x has) and the Query API v2 (5.19+, Aura).
/// </summary>
public interface ICypherTransport : IDisposable
{
    /// <summary>What the server says it is: version and the URL of its endpoint, for messages.</summary>
    Task<ServerInfo> DiscoverAsync(CancellationToken ct);

    /// <summary>Starts an explicit transaction; nothing is sent until its first statement.</summary>
    ICypherTransaction Begin(AccessMode mode);
}

/// <summary>An open transaction. Disposing it without <see cref="CommitAsync"/> rolls it back.</summary>
public interface ICypherTransaction : IAsyncDisposable
{
    Task<IReadOnlyList<CypherResult>> RunAsync(IReadOnlyList<CypherStatement> statements, CancellationToken ct);

    /// <summary>Runs the last statements and commits, all or nothing.</summary>
    Task<IReadOnlyList<CypherResult>> CommitAsync(IReadOnlyList<CypherStatement> statements, CancellationToken ct);

    Task RollbackAsync(CancellationToken ct);
}

public sealed record ServerInfo(string Version, string Endpoint)
{
    public int Major => int.TryParse(Version.Split('.')[0], out var major) ? major : 5;
}

/// <summary>A Neo4j status (Neo.ClientError.*, Neo.TransientError.*, Neo.DatabaseError.*) with its message.</summary>
public sealed class Neo4jException(string code, string message) : Exception($"{code}: {message}")
{
    public string Code { get; } = code;
    public bool IsTransient => Code.StartsWith("Neo.TransientError.", StringComparison.Ordinal);
}

/// <summary>Shared HTTP plumbing of both transports: auth, JSON bodies, and mapping transport failures.</summary>
public abstract class HttpCypherTransport : ICypherTransport
{
    protected static readonly JsonSerializerOptions ParameterJson = new() { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.Never };

    protected HttpCypherTransport(Neo4jOptions options, HttpMessageHandler? handler)
    {
        Options = options;
        BaseUri = new Uri(options.Url.TrimEnd('/') + "/");
        Http = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        Http.Timeout = TimeSpan.FromSeconds(options.TimeoutSeconds);
        Http.DefaultRequestHeaders.Authorization = options switch
        {
            { Token: { Length: > 0 } token } => new AuthenticationHeaderValue("Bearer", token),
            { User: { Length: > 0 } user } => new AuthenticationHeaderValue("Basic",
                Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{options.Password}"))),
            _ => null,
        };
    }

    protected Neo4jOptions Options { get; }
    protected Uri BaseUri { get; }
    protected HttpClient Http { get; }

    public abstract Task<ServerInfo> DiscoverAsync(CancellationToken ct);
    public abstract ICypherTransaction Begin(AccessMode mode);

    /// <summary>Sends a request; unreachable servers and refused credentials become one clear exception naming the URL.</summary>
    protected async Task<(HttpStatusCode Status, JsonNode? Body, HttpResponseHeaders Headers)> SendAsync(HttpMethod method, Uri uri,
        object? body, string accept, CancellationToken ct, IEnumerable<KeyValuePair<string, string>>? headers = null)
    {
        using var request = new HttpRequestMessage(method, uri);
        request.Headers.Accept.ParseAdd(accept);
        foreach (var (name, value) in headers ?? []) request.Headers.TryAddWithoutValidation(name, value);
        if (body is not null)
            request.Content = new StringContent(JsonSerializer.Serialize(body, ParameterJson), Encoding.UTF8, "application/json");
        HttpResponseMessage response;
        try
        {
            response = await Http.SendAsync(request, ct);
        }
        catch (HttpRequestException e)
        {
            throw StoreUnavailableException.Unreachable("Neo4j", Options.Url, e.Message, e);
        }
        catch (TaskCanceledException e) when (!ct.IsCancellationRequested)
        {
            throw StoreUnavailableException.Unreachable("Neo4j", Options.Url, $"no answer within {Options.TimeoutSeconds} s", e);
        }
        using (response)
        {
            if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
                throw StoreUnavailableException.Refused("Neo4j", Options.Url, Options.User ?? "(token)");
            var text = await response.Content.ReadAsStringAsync(ct);
            JsonNode? json = null;
            if (text.Length > 0)
            {
                try { json = JsonNode.Parse(text); }
                catch (JsonException) { /* an HTML error page from a proxy, say: the status tells */ }
            }
            return (response.StatusCode, json, response.Headers);
        }
    }

    protected static Dictionary<string, object?> Parameters(CypherStatement s) =>
        s.Parameters is null ? new() : new Dictionary<string, object?>(s.Parameters);

    public void Dispose()
    {
        Http.Dispose();
        GC.SuppressFinalize(this);
    }
}

/// <summary>
/// The classic transactional endpoint: <c>/db/data/transaction</c> on 3.x, <c>/db/{database}/tx</c> on 4.x and 5.x.
/// A transaction is opened by its first request (201 with Location), continued at that location and committed at
/// <c>{location}/commit</c>; a request that carries all statements goes straight to <c>…/commit</c>.
/// </summary>
public sealed class ClassicTransport(Neo4jOptions options, HttpMessageHandler? handler = null) : HttpCypherTransport(options, handler)
{
    private Uri? _transactions;
    private ServerInfo? _server;

    public override async Task<ServerInfo> DiscoverAsync(CancellationToken ct)
    {
        if (_server is not null) return _server;
        var (status, root, _) = await SendAsync(HttpMethod.Get, BaseUri, null, "application/json", ct);
        if (status != HttpStatusCode.OK || root is not JsonObject discovery)
            throw StoreUnavailableException.Unreachable("Neo4j", Options.Url, $"GET / answered {(int)status}", null);
        if (discovery["transaction"]?.GetValue<string>() is { } template) // 4.x, 5.x: http://host/db/{databaseName}/tx
        {
            _transactions = new Uri(template.Replace("{databaseName}", Uri.EscapeDataString(Options.Database)));
            return _server = new ServerInfo(discovery["neo4j_version"]?.GetValue<string>() ?? "5", _transactions.ToString());
        }
        var data = new Uri(BaseUri, "db/data/"); // 3.x: the version is in the data document
        var (_, dataDoc, _) = await SendAsync(HttpMethod.Get, data, null, "application/json", ct);
        _transactions = new Uri(data, "transaction");
        return _server = new ServerInfo(dataDoc?["neo4j_version"]?.GetValue<string>() ?? "3", _transactions.ToString());
    }

    public override ICypherTransaction Begin(AccessMode mode) => new Transaction(this, mode);

    private sealed class Transaction(ClassicTransport transport, AccessMode mode) : ICypherTransaction
    {
        private Uri? _location;
        private bool _done;

        public async Task<IReadOnlyList<CypherResult>> RunAsync(IReadOnlyList<CypherStatement> statements, CancellationToken ct)
        {
            await transport.DiscoverAsync(ct);
            var uri = _location ?? transport._transactions!;
            var (status, body, headers) = await PostAsync(uri, statements, ct);
            var results = Read(status, body);
            if (_location is null)
            {
                // 3.x answers 201 with Location; 4.x/5.x may answer 200 with only the "commit" URL in the body.
                if (headers.Location is { } location)
                    _location = location.IsAbsoluteUri ? location : new Uri(transport.BaseUri, location);
                else if (body?["commit"]?.GetValue<string>() is { } commit && commit.EndsWith("/commit", StringComparison.Ordinal))
                    _location = new Uri(commit[..^"/commit".Length]);
                else
                    throw Unexpected(status, body);
            }
            return results;
        }

        public async Task<IReadOnlyList<CypherResult>> CommitAsync(IReadOnlyList<CypherStatement> statements, CancellationToken ct)
        {
            await transport.DiscoverAsync(ct);
            var uri = new Uri((_location ?? transport._transactions!) + "/commit");
            _done = true;
            var (status, body, _) = await PostAsync(uri, statements, ct);
            return Read(status, body);
        }

        public async Task RollbackAsync(CancellationToken ct)
        {
            if (_done || _location is null) return;
            _done = true;
            await transport.SendAsync(HttpMethod.Delete, _location, null, "application/json", ct);
        }

        public async ValueTask DisposeAsync()
        {
            try { await RollbackAsync(CancellationToken.None); }
            catch (Exception e) when (e is StoreUnavailableException or Neo4jException) { /* the server drops it on its timeout */ }
        }

        private Task<(HttpStatusCode, JsonNode?, HttpResponseHeaders)> PostAsync(Uri uri, IReadOnlyList<CypherStatement> statements,
            CancellationToken ct)
        {
            var body = new
            {
                statements = statements.Select(s => new Dictionary<string, object?>
                {
                    ["statement"] = s.Text,
                    ["parameters"] = Parameters(s),
                    ["resultDataContents"] = new[] { "row" },
                }).ToList(),
            };
            // A cluster routes a transaction by its first request; the header is what Neo4j's HTTP docs name for reads.
            IEnumerable<KeyValuePair<string, string>> headers = mode == AccessMode.Read ? [new("access-mode", "READ")] : [];
            return transport.SendAsync(HttpMethod.Post, uri, body, "application/json", ct, headers);
        }

        private IReadOnlyList<CypherResult> Read(HttpStatusCode status, JsonNode? body)
        {
            if (body?["errors"] is JsonArray { Count: > 0 } errors)
            {
                _done = true; // the server rolls a transaction back on any error
                throw new Neo4jException(errors[0]!["code"]?.GetValue<string>() ?? "Neo.DatabaseError.Unknown",
                    errors[0]!["message"]?.GetValue<string>() ?? "");
            }
            if (status is not (HttpStatusCode.OK or HttpStatusCode.Created) || body?["results"] is not JsonArray results)
                throw Unexpected(status, body);
            return results.Select(r => new CypherResult(
                r!["columns"]!.AsArray().Select(c => c!.GetValue<string>()).ToList(),
                r["data"]!.AsArray().Select(d => d!["row"]!.AsArray().Select(v => v?.DeepClone()).ToArray()).ToList())).ToList();
        }

        private Neo4jException Unexpected(HttpStatusCode status, JsonNode? body) =>
            new("Neo.DatabaseError.Http", $"{transport.Options.Url} answered {(int)status}: {body?.ToJsonString() ?? "(no body)"}");
    }
}
