using GraphApi.Domain;
using GraphApi.Exchange.Cypher;
using GraphApi.Networks;
using GraphApi.Storage;
using GraphApi.Storage.Neo4j;
using GraphApi.Tests.Storage.Neo4j;
using Microsoft.Extensions.DependencyInjection;

namespace GraphApi.Tests.Exchange;

/// <summary>
/// The Cypher export (issue 11, point 7): the script runs on the real Neo4j 3.1.1 statement by statement, as cypher-shell
/// runs it, and the Neo4j store then reads back exactly the network that was exported, hostile names included.
/// </summary>
[Collection(Neo4jCollection.Name)]
public sealed class CypherExportTests(Neo4jServer server)
{
    /// <summary>Names that break out of a badly quoted literal, a comment or a line, or read differently than they are.</summary>
    public static readonly string[] HostileNames =
    [
        "O'Brien \"Zitat\" `Backtick` {Klammer} [Liste]",
        "}) DETACH DELETE n //",
        "'}) MATCH (x) DETACH DELETE x WITH 1 AS y CREATE (:Pwned {a: '",
        "Zeile 1\nZeile 2\r\nTab\tEnde\u2028Trenner\u2029Absatz",
        "Backslash \\ und \\' und \\u0041 und \\n als Text",
        "$network $props {rows} ; MATCH (n) DETACH DELETE n; // ;",
        "👩‍👩‍👧 Familie 🎉 Grüße aus Köln",
        "مرحبا \u202Egnp.exe\u202C עברית \u200F\u2066isolate\u2069",
        "Steuerzeichen \u0001\u0007\u001B[31m rot \u007F\u0085 \uFEFF Ende",
    ];

    [Fact]
    public void StringLiteralsEscapeQuotesBackslashesAndEveryInvisibleOrLineBreakingCharacter()
    {
        Assert.Equal(@"'O\'Brien \\ \n\r\t'", CypherLiteral.String("O'Brien \\ \n\r\t"));
        Assert.Equal(@"'\u202Eabc\u202C \u2028 \u0000 \u001B \u200F \uFEFF'", CypherLiteral.String("\u202Eabc\u202C \u2028 \u0000 \u001B \u200F \uFEFF"));
        Assert.Equal("'Grüße 👩‍👩‍👧 مرحبا \"x\" `y`'".Replace("‍", @"\u200D"), CypherLiteral.String("Grüße 👩‍👩‍👧 مرحبا \"x\" `y`"));
        Assert.Equal(@"'\uD800 lone'", CypherLiteral.String("\uD800 lone"));
        Assert.Equal("`a``b c`", CypherLiteral.Name("a`b c"));
        Assert.Equal("plain_Name1", CypherLiteral.Name("plain_Name1"));
        Assert.Equal("[2.0, 1.5, 1E-07, 1E21, -3, true, null]", CypherLiteral.Of(new object?[] { 2.0, 1.5, 1e-7, 1e21, -3L, true, null }));
        Assert.Equal("{id: 'x', `a b`: ['p', 'q']}", CypherLiteral.Of(new Dictionary<string, object?> { ["id"] = "x", ["a b"] = new[] { "p", "q" } }));
        // Parameters are replaced in the statement only: a value that looks like a parameter stays text.
        Assert.Equal("RETURN '$b', 1", CypherLiteral.Inline("RETURN $a, $b", new Dictionary<string, object?> { ["a"] = "$b", ["b"] = 1 }));
        Assert.Throws<ArgumentException>(() => CypherLiteral.Inline("RETURN $missing", new Dictionary<string, object?>()));
        Assert.Throws<ArgumentException>(() => CypherLiteral.Of(double.NaN));
    }

    [Fact]
    public void NoUserTextReachesALineOfItsOwnOrAComment()
    {
        var script = CypherNetworkWriter.Script(Hostile("hostile"), new Dictionary<string, NodePosition>());
        foreach (var line in script.Split('\n'))
        {
            // Every line is a comment without quotes or semicolons, a statement line, or blank: no name was cut into lines.
            if (line.StartsWith("//", StringComparison.Ordinal)) Assert.DoesNotContain(line, c => c is '\'' or ';' or '"' or '`');
            Assert.DoesNotContain(line, c => c is '\r' or '\u2028' or '\u2029' or '\u0085' or '\u202E');
        }
        var statements = CypherScripts.Split(script);
        Assert.All(statements, s => Assert.Matches(@"^(CREATE|MATCH|UNWIND) ", s));
    }

    [SkippableFact]
    public async Task ThePeineSeedLoadedFromTheScriptIsReadBackEqualByTheNeo4jStore()
    {
        Skip.If(server.SkipReason is not null, server.SkipReason);
        using var app = new TestApp(seed: true);
        var networks = app.Services.GetRequiredService<NetworkService>();
        var peine = await networks.GetAsync("peine");
        var first = peine.All<Actor>().First().Id;
        await networks.SavePositionsAsync("peine", new Dictionary<string, NodePosition> { [first] = new(120, -35.25), [peine.All<Body>().First().Id] = new(1e-3, 4e5) }, by: "test");
        // The tests share one database: the same network under an id of its own.
        var id = $"peine-{Guid.NewGuid():N}"[..16];
        var snapshot = NetworkSnapshot.Create(peine.Network with { Id = id }, peine.Revision, peine.Everything);

        await RoundTripAsync(snapshot, await networks.PositionsAsync("peine"));
    }

    [SkippableFact]
    public async Task ANetworkOfHostileNamesAndIdsIsStoredVerbatimAndNothingElseIsTouched()
    {
        Skip.If(server.SkipReason is not null, server.SkipReason);
        var snapshot = Hostile("}) DETACH DELETE n // '" + Guid.NewGuid().ToString("N")[..8]);
        var positions = snapshot.Everything.Where(e => e is Actor or Body).Select((e, i) => (e.Id, P: new NodePosition(i * 10.5, -i)))
            .ToDictionary(x => x.Id, x => x.P);

        await RoundTripAsync(snapshot, positions);
    }

    [Fact]
    public async Task TheExportEndpointAndTheCommandLineWriteTheScript()
    {
        using var app = new TestApp(seed: true);
        var response = await app.CreateClient().GetAsync("/api/networks/peine/export?format=cypher");
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("// NetworkGraph network export as Cypher: revision 1,", body);
        Assert.Contains("CREATE (n:Network) SET n = {", body);

        // The command line, beside the running app on its file, picks the writer by the extension.
        var file = Path.Combine(app.Folder, "peine.cypher");
        var result = await AppProcess.RunAsync(app.DatabasePath, "export", "peine", file);
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("as cypher", result.Output);
        Assert.Equal(body, await File.ReadAllTextAsync(file));
    }

    /// <summary>Writes the script, runs it on the real Neo4j, reads the network back with the store and compares everything.</summary>
    private async Task RoundTripAsync(NetworkSnapshot snapshot, IReadOnlyDictionary<string, NodePosition> positions)
    {
        var options = server.Options();
        var output = new MemoryStream();
        await new CypherNetworkWriter().WriteAsync(new GraphApi.Exchange.ExportRequest(snapshot, positions, new Dictionary<string, string?>()),
            output, CancellationToken.None);
        var script = System.Text.Encoding.UTF8.GetString(output.ToArray());

        var canary = Guid.NewGuid().ToString("N");
        await CypherScripts.RunAsync(options, $"CREATE (:Canary {{id: '{canary}'}});");
        var nodesBefore = await CypherScripts.CountAsync(options, "MATCH (n) RETURN count(n)");
        var relationshipsBefore = await CypherScripts.CountAsync(options, "MATCH ()-[r]->() RETURN count(r)");

        await CypherScripts.RunAsync(options, script);

        using var store = new Neo4jGraphStore(options);
        await store.InitializeAsync();
        var loaded = await store.LoadAsync(snapshot.Network.Id);
        Assert.NotNull(loaded);
        NetworkAssert.Same(snapshot, loaded);
        Assert.Equal(positions.OrderBy(p => p.Key, StringComparer.Ordinal), (await store.LoadPositionsAsync(snapshot.Network.Id)).OrderBy(p => p.Key, StringComparer.Ordinal));
        var history = await store.ReadHistoryAsync(snapshot.Network.Id, 0, null, 100);
        var set = Assert.Single(history);
        Assert.Equal((snapshot.Revision, CypherNetworkWriter.Author, snapshot.Everything.Count() + 1), (set.Revision, set.Author, set.Changes.Count));

        // Exactly the network's nodes were added (network, entities, changes, positions) and the canary is still there.
        var entityNodes = snapshot.Everything.Count(e => e is not Membership and not Collaboration);
        Assert.Equal(nodesBefore + 1 + entityNodes + set.Changes.Count + positions.Count, await CypherScripts.CountAsync(options, "MATCH (n) RETURN count(n)"));
        Assert.True(await CypherScripts.CountAsync(options, "MATCH ()-[r]->() RETURN count(r)") > relationshipsBefore);
        Assert.Equal(1, await CypherScripts.CountAsync(options, $"MATCH (c:Canary {{id: '{canary}'}}) RETURN count(c)"));
        Assert.Equal(0, await CypherScripts.CountAsync(options, "MATCH (p:Pwned) RETURN count(p)"));

        // The store goes on from there: an edit commits on top of the loaded revision.
        var actor = loaded.All<Actor>().First();
        await store.CommitAsync(new ChangeSet(snapshot.Network.Id, snapshot.Revision + 1, DateTimeOffset.UtcNow, "test",
            [new Change(ChangeOp.Update, EntityKind.Actor, actor.Id, actor, actor with { Name = actor.Name + " (neu)", Version = actor.Version + 1 })]),
            snapshot.Revision);
        Assert.Equal(actor.Name + " (neu)", (await store.LoadAsync(snapshot.Network.Id))!.Find<Actor>(actor.Id)!.Name);
        Assert.True(await store.DeleteNetworkAsync(snapshot.Network.Id));
    }

    /// <summary>A network of every kind whose ids, names and texts are the hostile names.</summary>
    public static NetworkSnapshot Hostile(string networkId)
    {
        var at = new DateTimeOffset(2026, 12, 1, 23, 59, 59, 999, TimeSpan.FromHours(1));
        T S<T>(T e) where T : Entity => e with { Version = 3, Created = at.AddDays(-1), Updated = at };
        var h = HostileNames;
        var entities = new List<Entity>
        {
            S(new Topic { Id = h[0], Name = h[1], Description = h[3] }),
            S(new Territory { Id = h[2], Name = h[6], Kind = "district" }),
            S(new Territory { Id = h[4], Name = h[7], Kind = "city", Parent = h[2] }),
            S(new Actor { Id = h[1], Name = h[5], ShortName = h[8], Kind = "administration", Territories = [h[4], h[2]], Topics = [h[0]], Description = h[3] }),
            S(new Actor { Id = h[3], Name = h[0], Kind = "jobcenter", Parent = h[1] }),
            S(new Body { Id = h[5], Name = h[2], Kind = "steeringGroup", Mandate = h[4], Topics = [h[0]], Lead = h[1], MeetingHours = 1.5, Status = "active" }),
            S(new Body { Id = h[6], Name = h[8], Kind = "politicalCommittee", MeetingsPerYear = 4 }),
            S(new Person { Id = h[7], Name = h[6], Function = h[3], Actor = h[1] }),
            S(new Measure { Id = h[8], Name = h[7], OfferedBy = [h[1], h[3]], Topics = [h[0]], Description = h[5] }),
            S(new Membership { Id = h[0] + "m", Member = h[1], Body = h[5], Role = "member", Since = "2020-01-01" }),
            S(new Membership { Id = h[1] + "m", Member = h[7], Body = h[6], Role = "chair", Representing = h[3] }),
            S(new Collaboration { Id = h[2] + "c", From = h[1], To = h[3], Kind = "cooperation", Description = h[6] }),
        };
        var network = S(new Network { Id = networkId, Name = h[1] + h[2], Description = string.Join(" | ", h), DataAsOf = "2026-11-30" });
        return NetworkSnapshot.Create(network, 7, entities);
    }
}
