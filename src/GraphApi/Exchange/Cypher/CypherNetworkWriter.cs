using System.Collections;
using System.Text;
using GraphApi.Domain;
using GraphApi.Storage;
using GraphApi.Storage.Neo4j;

namespace GraphApi.Exchange.Cypher;

/// <summary>
/// <c>format=cypher</c>: a script that loads the network into an empty Neo4j (3.1 to 5.x) with cypher-shell or Neo4j
/// Browser, as the graph the app's Neo4j store writes, so that the store then reads it back and serves it. The statements
/// are the store's own (<see cref="Neo4jGraphStore.WriteStatements"/> for a change set that creates the network as it
/// is, <see cref="Neo4jGraphStore.PositionsStatement"/>), with their parameters written as literals
/// (<see cref="CypherLiteral"/>): a script has no parameters, so every name is escaped there. The history is not in
/// it: the network arrives as one change set at its current revision (docs/exchange.md; <c>migrate</c> copies history).
/// </summary>
public sealed class CypherNetworkWriter : INetworkWriter
{
    /// <summary>Rows per UNWIND statement: long literal lists are slow to parse on old servers and hard to read.</summary>
    public const int RowsPerStatement = 200;

    /// <summary>Who the one change set of a loaded script is by, in the network's history.</summary>
    public const string Author = "cypher export";

    public string Format => "cypher";
    public string ContentType => "text/plain; charset=utf-8";
    public string Extension => ".cypher";

    public Task WriteAsync(ExportRequest request, Stream output, CancellationToken ct) =>
        output.WriteAsync(new UTF8Encoding(false).GetBytes(Script(request.Snapshot, request.Positions)), ct).AsTask();

    /// <summary>The whole script: a header of comments, then the statements, each ended by a semicolon and a blank line.</summary>
    public static string Script(NetworkSnapshot snapshot, IReadOnlyDictionary<string, NodePosition> positions)
    {
        var text = new StringBuilder();
        // Comments hold no user text and no quote or semicolon: cypher-shell's older statement splitters know no comments.
        foreach (var line in Header(snapshot, positions.Count)) text.Append("// ").Append(line).Append('\n');
        foreach (var statement in Statements(snapshot, positions)) text.Append('\n').Append(statement).Append(";\n");
        return text.ToString();
    }

    private static IEnumerable<string> Header(NetworkSnapshot snapshot, int positions)
    {
        yield return $"NetworkGraph network export as Cypher: revision {snapshot.Revision}, {snapshot.Everything.Count()} entries, {positions} map positions.";
        yield return "For an empty Neo4j 3.1 to 5.x. Run it with cypher-shell (cypher-shell -u neo4j -f network.cypher, or";
        yield return "cat network.cypher | cypher-shell -u neo4j on 3.x) or paste it into Neo4j Browser (several statements at once).";
        yield return "It writes the graph of the app Neo4j store (docs/neo4j.md), so the app serves the network with Store:Provider=Neo4j.";
        yield return "The history is not included: the network arrives as one change set at its current revision.";
        yield return "The app creates its constraints when it starts. For a large network create them first, on 5.x";
        foreach (var statement in Neo4jGraphStore.Schema(5)) yield return "  " + statement;
        yield return "and on 3.x and 4.x";
        foreach (var statement in Neo4jGraphStore.Schema(3)) yield return "  " + statement;
    }

    /// <summary>The statements, parameters inlined, without their semicolons.</summary>
    public static IReadOnlyList<string> Statements(NetworkSnapshot snapshot, IReadOnlyDictionary<string, NodePosition> positions)
    {
        var statements = Neo4jGraphStore.WriteStatements(AsCreation(snapshot)).ToList();
        if (positions.Count > 0)
            statements.Add(Neo4jGraphStore.PositionsStatement(snapshot.Network.Id, positions.OrderBy(p => p.Key, StringComparer.Ordinal)
                .ToDictionary(StringComparer.Ordinal)));
        return statements.SelectMany(InBatches).Select(s => CypherLiteral.Inline(s.Text, s.Parameters, rowPerLine: true)).ToList();
    }

    /// <summary>
    /// The network as one change set that creates it, at its revision: the network first, then every entity by kind and id.
    /// Its time is the latest change of any entry, so the same network always gives the same script.
    /// </summary>
    public static ChangeSet AsCreation(NetworkSnapshot snapshot)
    {
        var entries = snapshot.Everything.Prepend(snapshot.Network).ToList();
        var at = entries.Select(e => e.Updated ?? e.Created).Where(t => t is not null).DefaultIfEmpty(DateTimeOffset.UnixEpoch).Max()!.Value;
        return new ChangeSet(snapshot.Network.Id, snapshot.Revision, at, Author,
            entries.Select(e => new Change(ChangeOp.Create, e.EntityKind, e.Id, null, e)).ToList());
    }

    /// <summary>
    /// A statement over a long <c>$rows</c>/<c>$keys</c> list as several over parts of it. The store's row statements treat
    /// each row on its own; a count check (<c>$expected</c>) is made for the part.
    /// </summary>
    private static IEnumerable<CypherStatement> InBatches(CypherStatement statement)
    {
        var parameters = statement.Parameters;
        var listName = parameters?.Keys.FirstOrDefault(k => k is "rows" or "keys");
        if (parameters is null || listName is null || parameters[listName] is not IList list || list.Count <= RowsPerStatement)
        {
            yield return statement;
            yield break;
        }
        for (var start = 0; start < list.Count; start += RowsPerStatement)
        {
            var part = list.Cast<object?>().Skip(start).Take(RowsPerStatement).ToList();
            var split = new Dictionary<string, object?>(parameters) { [listName] = part };
            if (split.ContainsKey("expected")) split["expected"] = part.Count;
            yield return statement with { Parameters = split };
        }
    }
}
