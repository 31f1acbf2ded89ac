using System.Text.Json.Nodes;
using GraphApi.Domain;
using GraphApi.Exchange;
using GraphApi.Exchange.Cypher;
using GraphApi.Localization;
using GraphApi.Networks;
using GraphApi.Storage;
using GraphApi.Storage.Migration;
using GraphApi.Storage.Neo4j;
using GraphApi.Tests.Exchange;
using GraphApi.Tests.Storage.Neo4j;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace GraphApi.Tests.Storage;

/// <summary>
/// Moving networks between stores (issue 11, point 8): SQLite → the real Neo4j 3.1.1 → a new SQLite file, with history,
/// authors, times and positions, each step checked against the original by exchange export, metadata and history.
/// </summary>
[Collection(Neo4jCollection.Name)]
public sealed class MigrationTests(Neo4jServer server) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("networkgraph-migrate-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private static IStringLocalizer<Strings> Text()
    {
        using var services = new ServiceCollection().AddLogging().AddLocalization().BuildServiceProvider();
        return services.GetRequiredService<IStringLocalizer<Strings>>();
    }

    private static async Task<SqliteGraphStore> SqliteAsync(string path)
    {
        var store = new SqliteGraphStore(Options.Create(new StoreOptions { DatabasePath = path }));
        await store.InitializeAsync();
        return store;
    }

    /// <summary>The Peine seed under an id of its own, edited once more through the app with positions; and the hostile-name network with two change sets.</summary>
    private async Task<(string Db, string Peine, string Hostile)> SourceAsync()
    {
        var peine = $"peine-{Guid.NewGuid():N}"[..16];
        var seeds = Directory.CreateDirectory(Path.Combine(_folder, "seed")).FullName;
        var document = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(TestApp.SeedFolder, "peine.json")))!;
        document["network"]!["id"] = peine;
        await File.WriteAllTextAsync(Path.Combine(seeds, "peine.json"), document.ToJsonString());

        var db = Path.Combine(_folder, "source.db");
        using (var host = new TestApp(seed: true))
        using (var app = host.WithWebHostBuilder(b => b.UseSetting("Store:SeedFolder", seeds).UseSetting("Store:DatabasePath", db)))
        {
            // A second revision by another author: one actor renamed, one membership gone.
            document["actors"]!.AsArray()[0]!["name"] = "Umbenannt „neu“ 'quoted'";
            document["memberships"]!.AsArray().RemoveAt(0);
            await app.Services.GetRequiredService<NetworkExchange>().ImportAsync(NetworkExchange.Parse(document.ToJsonString()), "Änne O'Brien");
            var networks = app.Services.GetRequiredService<NetworkService>();
            var snapshot = await networks.GetAsync(peine);
            await networks.SavePositionsAsync(peine, snapshot.All<Actor>().Take(3).Select((a, i) => (a.Id, P: new NodePosition(i * 100.25, -i * 7.5)))
                .ToDictionary(x => x.Id, x => x.P), by: "test");
            // A layout's own positions are kept under keys with a control character ("layered\u001fid"): copied too.
            await networks.SavePositionsAsync(peine, new Dictionary<string, NodePosition> { [snapshot.All<Body>().First().Id] = new(-4, 4) }, "test", layout: "layered");
        }

        var hostile = CypherExportTests.Hostile("}) DETACH DELETE n // " + Guid.NewGuid().ToString("N")[..8]);
        var store = await SqliteAsync(db);
        var created = CypherNetworkWriter.AsCreation(hostile);
        await store.CommitAsync(created with { Revision = 1, Author = CypherExportTests.HostileNames[7] }, 0);
        var actor = hostile.All<Actor>().First();
        await store.CommitAsync(new ChangeSet(hostile.Network.Id, 2, created.At.AddHours(2), CypherExportTests.HostileNames[3],
            [new Change(ChangeOp.Update, EntityKind.Actor, actor.Id, actor, actor with { Name = CypherExportTests.HostileNames[5], Version = actor.Version + 1 })]), 1);
        await store.SavePositionsAsync(hostile.Network.Id, new Dictionary<string, NodePosition> { [actor.Id] = new(1.5, 2.5) });
        return (db, peine, hostile.Network.Id);
    }

    [SkippableFact]
    public async Task SqliteToNeo4jAndBackCopiesEveryNetworkWithHistoryAndPositionsAndRefusesToOverwrite()
    {
        Skip.If(server.SkipReason is not null, server.SkipReason);
        var (db, peine, hostile) = await SourceAsync();
        var sqlite = await SqliteAsync(db);
        using var neo4j = new Neo4jGraphStore(server.Options());
        await neo4j.InitializeAsync();
        try
        {
            var copied = await new StoreMigrator(sqlite, neo4j, Text()).MigrateAsync(new MigrationOptions());
            Assert.Equal(4, (await sqlite.LoadPositionsAsync(peine)).Count);
            Assert.Equal([(peine, 2L, 2), (hostile, 2L, 2)], copied.OrderBy(c => c.Id, StringComparer.Ordinal).Select(c => (c.Id, c.Revision, c.ChangeSets)));
            await AssertSameAsync(sqlite, neo4j, peine, hostile);

            // And back, into a new SQLite file: equal to the original.
            var back = await SqliteAsync(Path.Combine(_folder, "back.db"));
            await new StoreMigrator(neo4j, back, Text()).MigrateAsync(new MigrationOptions([peine, hostile]));
            await AssertSameAsync(sqlite, back, peine, hostile);

            // A network the target has already stops the run before anything is written, unless --replace.
            var refused = await Assert.ThrowsAsync<MigrationException>(() => new StoreMigrator(sqlite, neo4j, Text()).MigrateAsync(new MigrationOptions()));
            Assert.Contains(peine, refused.Message);
            Assert.Contains(hostile, refused.Message);
            Assert.Equal(2, await neo4j.ReadHeadAsync(peine));
            var replaced = await new StoreMigrator(sqlite, neo4j, Text()).MigrateAsync(new MigrationOptions([peine], Replace: true));
            Assert.True(Assert.Single(replaced).Replaced);
            await AssertSameAsync(sqlite, neo4j, peine);

            var missing = await Assert.ThrowsAsync<MigrationException>(() => new StoreMigrator(sqlite, back, Text()).MigrateAsync(new MigrationOptions(["nowhere"])));
            Assert.Contains("nowhere", missing.Message);
        }
        finally
        {
            await neo4j.DeleteNetworkAsync(peine);
            await neo4j.DeleteNetworkAsync(hostile);
        }
    }

    /// <summary>
    /// A network in the trash moves too (priv10): into the target's trash with its deletion's time and author (so the
    /// 30 days still count from the original deletion), its history, positions, members and share links; SQLite → Neo4j →
    /// SQLite, and restored there it is the network it was.
    /// </summary>
    [SkippableFact]
    public async Task NetworksInTheTrashAreCarriedIntoTheTargetsTrashWithTheirDeletionTimeMembersAndShareLinks()
    {
        Skip.If(server.SkipReason is not null, server.SkipReason);
        var sqlite = await SqliteAsync(Path.Combine(_folder, "trash.db"));
        var (live, gone) = ($"live-{Guid.NewGuid():N}"[..16], $"gone-{Guid.NewGuid():N}"[..16]);
        var at = new DateTimeOffset(2026, 11, 20, 9, 15, 30, 456, TimeSpan.Zero).ToOffset(TimeSpan.FromHours(1));
        foreach (var id in new[] { live, gone })
        {
            var network = new Network { Id = id, Name = $"Kreis „{id}“", Version = 1, Created = at, Updated = at };
            var actor = new Actor { Id = "jc", Name = "Jobcenter", Kind = ActorKinds.Jobcenter, Version = 1, Created = at, Updated = at };
            await sqlite.CommitAsync(new ChangeSet(id, 1, at, "Anna Admin",
                [new(ChangeOp.Create, EntityKind.Network, id, null, network), new(ChangeOp.Create, EntityKind.Actor, "jc", null, actor)]) { AuthorId = "user-1" }, 0);
            await sqlite.CommitAsync(new ChangeSet(id, 2, at.AddHours(1), "Jürgen Müller",
                [new(ChangeOp.Update, EntityKind.Actor, "jc", actor, actor with { Name = "Jobcenter Peine", Version = 2, Updated = at.AddHours(1) })]) { AuthorId = "user-2" }, 1);
            await sqlite.SavePositionsAsync(id, new Dictionary<string, NodePosition> { ["jc"] = new(3.5, -2), ["layered\u001fjc"] = new(1, 1) });
            await sqlite.SetMemberAsync(id, new GraphApi.Access.NetworkMember("user-2", GraphApi.Access.NetworkRole.Owner, "Jürgen Müller", at));
            await sqlite.AddShareAsync(new GraphApi.Access.ShareLink("share-1", id, "hash-" + id, "Beamer „Saal“", "/report?layers=actor", at, at.AddDays(60), "user-2"));
        }
        var deletedAt = at.AddDays(2).AddMinutes(7);
        Assert.True(await sqlite.MoveToTrashAsync(gone, deletedAt, new Author("Jürgen Müller", "user-2")));
        var original = Assert.Single(await sqlite.ListTrashAsync());

        using var neo4j = new Neo4jGraphStore(server.Options());
        await neo4j.InitializeAsync();
        try
        {
            var copied = await new StoreMigrator(sqlite, neo4j, Text()).MigrateAsync(new MigrationOptions());
            Assert.Equal([(gone, 2L, 2, (DateTimeOffset?)deletedAt), (live, 2L, 2, null)],
                copied.OrderBy(c => c.Id, StringComparer.Ordinal).Select(c => (c.Id, c.Revision, c.ChangeSets, c.TrashedAt)));
            await AssertSameTrashAsync(original, neo4j, sqlite);
            Assert.Null(await neo4j.LoadAsync(gone)); // in the trash there as here: served to nobody
            Assert.DoesNotContain(await neo4j.ListTrashAsync(), t => t.Network.Id == live);

            // A network the target holds in its trash stops the run too (a failed copy's cleanup would erase it), unless --replace.
            var refused = await Assert.ThrowsAsync<MigrationException>(() => new StoreMigrator(sqlite, neo4j, Text()).MigrateAsync(new MigrationOptions([gone])));
            Assert.Contains(gone, refused.Message);
            await AssertSameTrashAsync(original, neo4j, sqlite);

            // And back into a new file: still in the trash since the original deletion, erased 30 days after it, not after the copy.
            var back = await SqliteAsync(Path.Combine(_folder, "trash-back.db"));
            await new StoreMigrator(neo4j, back, Text()).MigrateAsync(new MigrationOptions([live, gone]));
            await AssertSameTrashAsync(original, back, sqlite);
            var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(deletedAt.AddDays(30).AddMinutes(-1));
            var trash = new GraphApi.Privacy.TrashService(back, clock, Options.Create(new GraphApi.Privacy.PrivacyOptions()));
            Assert.Equal(deletedAt.AddDays(30), Assert.Single(await trash.ListAsync()).ErasedAt);
            Assert.Empty((await trash.PurgeDueAsync()).Erased);
            clock.Advance(TimeSpan.FromMinutes(2));
            Assert.Equal([gone], (await trash.PurgeDueAsync()).Erased);

            // Restored after the round trip, it is the network it was: state, metadata, history, positions.
            var again = await SqliteAsync(Path.Combine(_folder, "trash-again.db"));
            await new StoreMigrator(neo4j, again, Text()).MigrateAsync(new MigrationOptions([gone]));
            Assert.True(await sqlite.RestoreFromTrashAsync(gone));
            Assert.True(await again.RestoreFromTrashAsync(gone));
            await AssertSameAsync(sqlite, again, gone);
            await AssertSameAsync(sqlite, back, live);
        }
        finally
        {
            foreach (var id in new[] { live, gone })
            {
                await neo4j.DeleteNetworkAsync(id);
                await neo4j.RemoveAccessAsync(id);
            }
        }
    }

    /// <summary>The network of <paramref name="original"/> is in <paramref name="store"/>'s trash exactly so, with the source's history, positions, members and share links.</summary>
    private static async Task AssertSameTrashAsync(TrashedNetwork original, IGraphStore store, IGraphStore source)
    {
        var id = original.Network.Id;
        var there = Assert.Single(await store.ListTrashAsync(), t => t.Network.Id == id);
        Assert.Equal((GraphJson.Serialize(original.Network), original.Revision, original.TrashedAt, original.TrashedBy, original.TrashedById),
            (GraphJson.Serialize(there.Network), there.Revision, there.TrashedAt, there.TrashedBy, there.TrashedById));
        Assert.Null(await store.ReadHeadAsync(id));
        var (history, copied) = (await source.ReadHistoryAsync(id, 0, null, int.MaxValue), await store.ReadHistoryAsync(id, 0, null, int.MaxValue));
        Assert.Equal(history.Select(s => (s.Revision, s.At, s.Author, s.AuthorId)), copied.Select(s => (s.Revision, s.At, s.Author, s.AuthorId)));
        Assert.Equal(history.SelectMany(s => s.Changes).Select(c => (c.Op, c.Kind, c.Id, Json(c.Before), Json(c.After))),
            copied.SelectMany(s => s.Changes).Select(c => (c.Op, c.Kind, c.Id, Json(c.Before), Json(c.After))));
        Assert.Equal((await source.LoadPositionsAsync(id)).OrderBy(p => p.Key, StringComparer.Ordinal),
            (await store.LoadPositionsAsync(id)).OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.Equal(await source.ListMembersAsync(id), await store.ListMembersAsync(id));
        Assert.Equal(await source.ListSharesAsync(id), await store.ListSharesAsync(id));
        Assert.NotEmpty(await store.ListSharesAsync(id));
    }

    [SkippableFact]
    public async Task TheMigrateVerbTakesTheCredentialsFromTheEnvironmentAndRefusesToOverwrite()
    {
        Skip.If(server.SkipReason is not null, server.SkipReason);
        var db = Path.Combine(_folder, "verb.db");
        var (id, json) = Neo4jAppTests.Sample();
        var file = Path.Combine(_folder, "sample.json");
        await File.WriteAllTextAsync(file, json);
        Assert.Equal(0, (await AppProcess.RunAsync(db, "import", file)).ExitCode);
        var copy = Path.Combine(_folder, "copy.db");

        System.Diagnostics.ProcessStartInfo Migrate(string password, params string[] args)
        {
            var info = AppProcess.StartInfo(db, ["migrate", .. args]);
            info.Environment["Neo4j__Password"] = password;
            return info;
        }
        try
        {
            var first = await AppProcess.RunAsync(Migrate(server.Password, "--from", $"sqlite:{db}", "--to", $"neo4j:{server.Url}", "--network", id));
            Assert.True(first.ExitCode == 0, first.Error + first.Output);
            Assert.Contains($"'{id}': revision 1, 1 change sets, 0 positions copied and verified.", first.Output);
            Assert.Contains($"Copied 1 networks from sqlite:{db} to neo4j:{server.Url}", first.Output);

            var again = await AppProcess.RunAsync(Migrate(server.Password, "--from", $"sqlite:{db}", "--to", $"neo4j:{server.Url}", "--network", id));
            Assert.Equal(1, again.ExitCode);
            Assert.Contains($"Nothing was copied: the target already has these networks: {id}. Add --replace", again.Error);
            var replaced = await AppProcess.RunAsync(Migrate(server.Password, "--from", $"sqlite:{db}", "--to", $"neo4j:{server.Url}", "--network", id, "--replace"));
            Assert.True(replaced.ExitCode == 0, replaced.Error);
            Assert.Contains("(replaced)", replaced.Output);

            var back = await AppProcess.RunAsync(Migrate(server.Password, "--from", $"neo4j:{server.Url}", "--to", $"sqlite:{copy}", "--network", id));
            Assert.True(back.ExitCode == 0, back.Error);
            await AssertSameAsync(await SqliteAsync(db), await SqliteAsync(copy), id);

            var refused = await AppProcess.RunAsync(Migrate("wrong", "--from", $"sqlite:{db}", "--to", $"neo4j:{server.Url}", "--replace"));
            Assert.Equal(2, refused.ExitCode);
            Assert.Contains(server.Url, refused.Error);
            var usage = await AppProcess.RunAsync(Migrate(server.Password, "--from", $"sqlite:{db}"));
            Assert.Equal(1, usage.ExitCode);
            Assert.Contains("Usage: migrate --from <store> --to <store>", usage.Error);
            var missing = await AppProcess.RunAsync(Migrate(server.Password, "--from", $"sqlite:{Path.Combine(_folder, "none.db")}", "--to", $"sqlite:{copy}"));
            Assert.Equal(1, missing.ExitCode);
            Assert.False(File.Exists(Path.Combine(_folder, "none.db")));
        }
        finally
        {
            using var neo4j = new Neo4jGraphStore(server.Options());
            await neo4j.InitializeAsync();
            await neo4j.DeleteNetworkAsync(id);
        }
    }

    /// <summary>Both stores hold the networks alike: the JSON exchange export, every entry with its metadata, the history and the positions.</summary>
    private static async Task AssertSameAsync(IGraphStore expected, IGraphStore actual, params string[] ids)
    {
        foreach (var id in ids)
        {
            var (from, to) = ((await expected.LoadAsync(id))!, (await actual.LoadAsync(id))!);
            Assert.Equal(NetworkExchange.Serialize(NetworkExchange.ToDocument(from)), NetworkExchange.Serialize(NetworkExchange.ToDocument(to)));
            NetworkAssert.Same(from, to);
            var (history, copied) = (await expected.ReadHistoryAsync(id, 0, null, int.MaxValue), await actual.ReadHistoryAsync(id, 0, null, int.MaxValue));
            Assert.Equal(history.Select(s => (s.Revision, s.At, s.Author, s.Changes.Count)), copied.Select(s => (s.Revision, s.At, s.Author, s.Changes.Count)));
            Assert.Equal(history.SelectMany(s => s.Changes).Select(c => (c.Op, c.Kind, c.Id, Json(c.Before), Json(c.After))),
                copied.SelectMany(s => s.Changes).Select(c => (c.Op, c.Kind, c.Id, Json(c.Before), Json(c.After))));
            Assert.Equal((await expected.LoadPositionsAsync(id)).OrderBy(p => p.Key, StringComparer.Ordinal),
                (await actual.LoadPositionsAsync(id)).OrderBy(p => p.Key, StringComparer.Ordinal));
        }
    }

    private static string? Json(Entity? e) => e is null ? null : GraphJson.Serialize(e);
}
