using GraphApi.Domain;
using GraphApi.Storage.Neo4j;

namespace GraphApi.Tests.Exchange;

/// <summary>What cypher-shell does with a script file: split it into statements at semicolons outside strings, names and comments, and run each in its own transaction.</summary>
public static class CypherScripts
{
    public static IReadOnlyList<string> Split(string script)
    {
        var statements = new List<string>();
        var current = new System.Text.StringBuilder();
        for (var i = 0; i < script.Length; i++)
        {
            var c = script[i];
            if (c is '\'' or '"' or '`')
            {
                // A string (with backslash escapes) or a name in backticks (a doubled backtick is one inside the name).
                var start = i++;
                while (i < script.Length && script[i] != c)
                {
                    if (c != '`' && script[i] == '\\') i++;
                    if (c == '`' && script[i] == '`' && i + 1 < script.Length && script[i + 1] == '`') i++;
                    i++;
                }
                Assert.True(i < script.Length, $"unterminated {c} literal from {start}");
                current.Append(script, start, i - start + 1);
            }
            else if (c == '/' && i + 1 < script.Length && script[i + 1] == '/')
            {
                while (i < script.Length && script[i] != '\n') i++;
                current.Append('\n');
            }
            else if (c == ';')
            {
                if (current.ToString().Trim().Length > 0) statements.Add(current.ToString().Trim());
                current.Clear();
            }
            else current.Append(c);
        }
        Assert.True(current.ToString().Trim().Length == 0, $"text after the last semicolon: {current}");
        return statements;
    }

    /// <summary>Runs every statement of the script in its own transaction, as cypher-shell does, through the classic endpoint.</summary>
    public static async Task RunAsync(Neo4jOptions options, string script)
    {
        using var transport = new ClassicTransport(options);
        foreach (var statement in Split(script))
        {
            await using var tx = transport.Begin(AccessMode.Write);
            await tx.CommitAsync([new CypherStatement(statement)], CancellationToken.None);
        }
    }

    /// <summary>One value read with a Cypher query.</summary>
    public static async Task<long> CountAsync(Neo4jOptions options, string query)
    {
        using var transport = new ClassicTransport(options);
        await using var tx = transport.Begin(AccessMode.Read);
        var results = await tx.CommitAsync([new CypherStatement(query)], CancellationToken.None);
        return results[0].Rows[0][0]!.GetValue<long>();
    }
}

public static class NetworkAssert
{
    /// <summary>The same revision and every entry the same, store metadata (version, created, updated) included.</summary>
    public static void Same(NetworkSnapshot expected, NetworkSnapshot actual)
    {
        Assert.Equal(expected.Revision, actual.Revision);
        Assert.Equal(GraphJson.Serialize(expected.Network), GraphJson.Serialize(actual.Network));
        Assert.Equal(expected.Everything.Select(GraphJson.Serialize), actual.Everything.Select(GraphJson.Serialize));
    }
}
