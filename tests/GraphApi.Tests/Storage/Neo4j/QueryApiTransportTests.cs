using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using GraphApi.Storage;
using GraphApi.Storage.Neo4j;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace GraphApi.Tests.Storage.Neo4j;

/// <summary>
/// The Query API v2 transport against a local HTTP server that answers as Neo4j's documentation shows (typed values,
/// Neo.ClientError.* errors, 401, an expired transaction) and checks every request: method, path, headers, body.
/// </summary>
public sealed class QueryApiTransportTests : IAsyncLifetime
{
    private const string Affinity = "MTAuMC4wLjE6NzQ3NQ==", Bookmark = "FB:kcwQnRTm2rMKRq-Dt8DQcE-OPckAiQ==";
    private WebApplication? _server;
    private string _url = "";
    private readonly ConcurrentQueue<string> _requests = new();
    private readonly ConcurrentQueue<string> _problems = new();

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _server = builder.Build();
        _server.MapGet("/", () => Results.Json(new JsonObject
        {
            ["bolt_routing"] = "neo4j://localhost:7687", ["query"] = "http://localhost:7474/db/{databaseName}/query/v2",
            ["transaction"] = "http://localhost:7474/db/{databaseName}/tx", ["neo4j_version"] = "5.26.0", ["neo4j_edition"] = "enterprise",
        }));
        _server.MapPost("/db/{database}/query/v2", async (HttpContext c, string database) => await AnswerAsync(c, database, tx: null, open: false));
        _server.MapPost("/db/{database}/query/v2/tx", async (HttpContext c, string database) => await AnswerAsync(c, database, tx: null, open: true));
        _server.MapPost("/db/{database}/query/v2/tx/{id}", async (HttpContext c, string database, string id) => await AnswerAsync(c, database, id, open: false));
        _server.MapPost("/db/{database}/query/v2/tx/{id}/commit", (HttpContext c, string database, string id) =>
        {
            Record(c, $"commit {id}");
            Check(c.Request.Headers["neo4j-cluster-affinity"] == Affinity, "commit without the affinity header");
            return Results.Json(new JsonObject { ["bookmarks"] = new JsonArray(Bookmark) }, statusCode: 200);
        });
        _server.MapDelete("/db/{database}/query/v2/tx/{id}", (HttpContext c, string id) =>
        {
            Record(c, $"rollback {id}");
            Check(c.Request.Headers["neo4j-cluster-affinity"] == Affinity, "rollback without the affinity header");
            return Results.Json(new JsonObject { ["data"] = new JsonObject { ["fields"] = new JsonArray(), ["values"] = new JsonArray() } }, statusCode: 200);
        });
        await _server.StartAsync();
        _url = _server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    }

    public async Task DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
    }

    private void Record(HttpContext c, string what) => _requests.Enqueue($"{c.Request.Method} {c.Request.Path} {what}");
    private void Check(bool ok, string problem) { if (!ok) _problems.Enqueue(problem); }

    private async Task<IResult> AnswerAsync(HttpContext c, string database, string? tx, bool open)
    {
        var auth = c.Request.Headers.Authorization.ToString();
        if (auth != "Basic " + Convert.ToBase64String("neo4j:secret"u8.ToArray()))
            return Results.Json(new JsonObject { ["errors"] = new JsonArray(new JsonObject
                { ["code"] = "Neo.ClientError.Security.Unauthorized", ["message"] = "Invalid credential." }) }, statusCode: 401);
        Check(c.Request.Headers.Accept.ToString() == "application/vnd.neo4j.query", $"Accept was {c.Request.Headers.Accept}");
        Check(c.Request.ContentType?.StartsWith("application/json", StringComparison.Ordinal) == true, $"Content-Type was {c.Request.ContentType}");
        if (database != "graphs")
            return Results.Json(new JsonObject { ["errors"] = new JsonArray(new JsonObject
                { ["code"] = "Neo.ClientError.Database.DatabaseNotFound", ["message"] = $"Database {database} not found" }) }, statusCode: 404);
        var body = (await JsonNode.ParseAsync(c.Request.Body))!.AsObject();
        var statement = body["statement"]!.GetValue<string>();
        Record(c, statement);
        Check(body["parameters"] is JsonObject, "no parameters object");
        if (tx is null) Check(body["accessMode"]?.GetValue<string>() is "Read" or "Write", "no accessMode on the first request");
        if (tx is not null)
        {
            Check(c.Request.Headers["neo4j-cluster-affinity"] == Affinity, "a transaction request without the affinity header");
            if (tx == "expired")
                return Results.Json(new JsonObject { ["errors"] = new JsonArray(new JsonObject
                    { ["code"] = "Neo.ClientError.Transaction.TransactionNotFound", ["message"] = "Transaction with Id: expired was not found." }) }, statusCode: 404);
        }
        if (statement.Contains("syntax error", StringComparison.Ordinal))
            return Results.Json(new JsonObject { ["errors"] = new JsonArray(new JsonObject
                { ["code"] = "Neo.ClientError.Statement.SyntaxError", ["message"] = "Invalid input 'syntax'" }) }, statusCode: 400);

        var answer = new JsonObject
        {
            ["data"] = new JsonObject
            {
                ["fields"] = new JsonArray("n", "name", "score", "when", "tags", "props", "nothing"),
                ["values"] = new JsonArray(new JsonArray(
                    new JsonObject { ["$type"] = "Integer", ["_value"] = "9007199254740993" },
                    new JsonObject { ["$type"] = "String", ["_value"] = body["parameters"]!["name"]?.GetValue<string>() ?? "" },
                    new JsonObject { ["$type"] = "Float", ["_value"] = "1.5" },
                    new JsonObject { ["$type"] = "Date", ["_value"] = "2026-12-01" },
                    new JsonObject { ["$type"] = "List", ["_value"] = new JsonArray(new JsonObject { ["$type"] = "String", ["_value"] = "a" }) },
                    new JsonObject { ["$type"] = "Node", ["_value"] = new JsonObject
                    {
                        ["_element_id"] = "4:abc:0", ["_labels"] = new JsonArray("Actor"),
                        ["_properties"] = new JsonObject { ["id"] = new JsonObject { ["$type"] = "String", ["_value"] = "jc" } },
                    } },
                    new JsonObject { ["$type"] = "Null", ["_value"] = null })),
            },
            ["bookmarks"] = new JsonArray(Bookmark),
        };
        if (open)
        {
            c.Response.Headers["neo4j-cluster-affinity"] = Affinity;
            answer["transaction"] = new JsonObject
            {
                ["id"] = statement.Contains("slow", StringComparison.Ordinal) ? "expired" : "tx1", ["expires"] = "2026-12-01T23:00:00Z",
            };
        }
        return Results.Json(answer, statusCode: 202);
    }

    private QueryApiTransport Transport(string password = "secret", string database = "graphs") =>
        new(new Neo4jOptions { Url = _url, User = "neo4j", Password = password, Database = database, Transport = "Query" });

    [Fact]
    public async Task AnImplicitQuerySendsOneStatementAndTypedValuesComeBackPlain()
    {
        using var transport = Transport();
        await using var tx = transport.Begin(AccessMode.Read);
        var result = Assert.Single(await tx.CommitAsync([new("MATCH (n) WHERE n.name = $name RETURN n", new Dictionary<string, object?> { ["name"] = "Jobcenter „Nord“" })], default));

        Assert.Equal(["n", "name", "score", "when", "tags", "props", "nothing"], result.Columns);
        var row = Assert.Single(result.Rows);
        Assert.Equal(9007199254740993L, row[0]!.GetValue<long>()); // beyond a double's precision: parsed from the string
        Assert.Equal("Jobcenter „Nord“", row[1]!.GetValue<string>());
        Assert.Equal(1.5, row[2]!.GetValue<double>());
        Assert.Equal("2026-12-01", row[3]!.GetValue<string>());
        Assert.Equal("a", row[4]![0]!.GetValue<string>());
        Assert.Equal("jc", row[5]!["id"]!.GetValue<string>());
        Assert.Null(row[6]);
        Assert.Equal(["POST /db/graphs/query/v2 MATCH (n) WHERE n.name = $name RETURN n"], _requests);
        Assert.Empty(_problems);
        Assert.Equal("5.26.0", (await transport.DiscoverAsync(default)).Version);
    }

    [Fact]
    public async Task AnExplicitTransactionKeepsItsAffinityCommitsAndSendsTheBookmarksOn()
    {
        using var transport = Transport();
        await using (var tx = transport.Begin(AccessMode.Write))
        {
            await tx.RunAsync([new("MATCH (n:Network {networkId: $network}) SET n.lockToken = $token RETURN n.revision",
                new Dictionary<string, object?> { ["network"] = "kreis", ["token"] = "t" })], default);
            await tx.CommitAsync([new("CREATE (c:Change) SET c = $row", new Dictionary<string, object?> { ["row"] = new Dictionary<string, object?> { ["a"] = 1 } })], default);
        }
        Assert.Equal(
        [
            "POST /db/graphs/query/v2/tx MATCH (n:Network {networkId: $network}) SET n.lockToken = $token RETURN n.revision",
            "POST /db/graphs/query/v2/tx/tx1 CREATE (c:Change) SET c = $row",
            "POST /db/graphs/query/v2/tx/tx1/commit commit tx1",
        ], _requests);
        Assert.Empty(_problems);
    }

    [Fact]
    public async Task AnUncommittedTransactionIsRolledBack()
    {
        using var transport = Transport();
        await using (var tx = transport.Begin(AccessMode.Write))
            await tx.RunAsync([new("MATCH (n) RETURN n")], default);
        Assert.Equal("DELETE /db/graphs/query/v2/tx/tx1 rollback tx1", _requests.Last());
        Assert.Empty(_problems);
    }

    [Fact]
    public async Task ErrorsBecomeNeo4jExceptionsWithTheirCode()
    {
        using var transport = Transport();
        await using var tx = transport.Begin(AccessMode.Write);
        var syntax = await Assert.ThrowsAsync<Neo4jException>(() => tx.CommitAsync([new("a syntax error")], default));
        Assert.Equal("Neo.ClientError.Statement.SyntaxError", syntax.Code);
        Assert.False(syntax.IsTransient);

        using var unknown = Transport(database: "nowhere");
        await using var tx2 = unknown.Begin(AccessMode.Read);
        Assert.Equal("Neo.ClientError.Database.DatabaseNotFound",
            (await Assert.ThrowsAsync<Neo4jException>(() => tx2.CommitAsync([new("RETURN 1")], default))).Code);
    }

    [Fact]
    public async Task RefusedCredentialsNameTheUrlAndTheUserNotThePassword()
    {
        using var transport = Transport(password: "wrong");
        await using var tx = transport.Begin(AccessMode.Read);
        var refused = await Assert.ThrowsAsync<StoreUnavailableException>(() => tx.CommitAsync([new("RETURN 1")], default));
        Assert.Contains(_url, refused.Message);
        Assert.Contains("'neo4j'", refused.Message);
        Assert.DoesNotContain("wrong", refused.Message);
    }

    [Fact]
    public async Task AnExpiredTransactionIsAClearError()
    {
        using var transport = Transport();
        await using var tx = transport.Begin(AccessMode.Write);
        await tx.RunAsync([new("MATCH (n) RETURN n // slow client")], default);
        var expired = await Assert.ThrowsAsync<Neo4jException>(() => tx.CommitAsync([new("RETURN 1")], default));
        Assert.Equal("Neo.ClientError.Transaction.TransactionNotFound", expired.Code);
        Assert.DoesNotContain(_requests, r => r.StartsWith("DELETE", StringComparison.Ordinal)); // nothing left to roll back
    }

    [Fact]
    public async Task AutoChoosesTheQueryApiWhenTheDiscoveryDocumentOffersIt()
    {
        Assert.True(await QueryApiTransport.IsOfferedAsync(new Neo4jOptions { Url = _url }, null, default));
    }
}
