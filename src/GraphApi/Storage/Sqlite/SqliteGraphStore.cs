using GraphApi.Access;
using GraphApi.Domain;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace GraphApi.Storage;

/// <summary>
/// The embedded store: one SQLite file in WAL mode. Entities are kept as JSON documents keyed by
/// (network, id); the graph logic works on in-memory snapshots, so SQL only needs to load and save.
/// With synchronous=FULL a commit is on disk before it is acknowledged, so it survives kill -9.
/// </summary>
public sealed class SqliteGraphStore(IOptions<StoreOptions> options) : IGraphStore
{
    private readonly string _connectionString = new SqliteConnectionStringBuilder
    {
        DataSource = options.Value.DatabasePath,
        Pooling = true,
    }.ToString();

    private readonly string _synchronous = options.Value.Synchronous.ToUpperInvariant() is "FULL" or "NORMAL" or "EXTRA"
        ? options.Value.Synchronous.ToUpperInvariant()
        : throw new ArgumentException($"Store:Synchronous must be FULL, NORMAL or EXTRA, not '{options.Value.Synchronous}'.");

    // SQLite has one writer at a time; queueing here avoids busy retries inside the database.
    private readonly SemaphoreSlim _writeLock = new(1, 1);

    /// <summary>Schema migrations, in order; PRAGMA user_version counts how many have run.</summary>
    internal static readonly string[] Migrations =
    [
        """
        CREATE TABLE networks (
            id TEXT NOT NULL PRIMARY KEY,
            revision INTEGER NOT NULL,
            data TEXT NOT NULL
        );
        CREATE TABLE entities (
            network_id TEXT NOT NULL,
            id TEXT NOT NULL,
            kind TEXT NOT NULL,
            version INTEGER NOT NULL,
            data TEXT NOT NULL,
            PRIMARY KEY (network_id, id)
        ) WITHOUT ROWID;
        CREATE TABLE changes (
            network_id TEXT NOT NULL,
            revision INTEGER NOT NULL,
            seq INTEGER NOT NULL,
            at TEXT NOT NULL,
            author TEXT NOT NULL,
            op TEXT NOT NULL,
            kind TEXT NOT NULL,
            entity_id TEXT NOT NULL,
            before TEXT,
            after TEXT,
            PRIMARY KEY (network_id, revision, seq)
        ) WITHOUT ROWID;
        CREATE INDEX changes_by_entity ON changes (network_id, entity_id, revision);
        """,
        """
        CREATE TABLE positions (
            network_id TEXT NOT NULL,
            node_id TEXT NOT NULL,
            x REAL NOT NULL,
            y REAL NOT NULL,
            PRIMARY KEY (network_id, node_id)
        ) WITHOUT ROWID;
        """,
        // accounts: the author's user id beside the display name (null for changes made before accounts existed).
        """
        ALTER TABLE changes ADD COLUMN author_id TEXT;
        """,
        // privacy: the trash (a deleted network keeps its rows, marked, until it is restored or erased)
        """
        ALTER TABLE networks ADD COLUMN trashed_at TEXT;
        ALTER TABLE networks ADD COLUMN trashed_by TEXT;
        ALTER TABLE networks ADD COLUMN trashed_by_id TEXT;
        """,
    ];

    public async Task InitializeAsync(CancellationToken ct = default)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(options.Value.DatabasePath));
        if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);

        await using var connection = await OpenAsync(ct);
        await ExecuteAsync(connection, "PRAGMA journal_mode = WAL;", ct);
        var version = Convert.ToInt32(await ScalarAsync(connection, "PRAGMA user_version;", ct));
        for (var i = version; i < Migrations.Length; i++)
        {
            await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
            await ExecuteAsync(connection, Migrations[i], ct, tx);
            await ExecuteAsync(connection, $"PRAGMA user_version = {i + 1};", ct, tx);
            await tx.CommitAsync(ct);
        }
        await ExecuteAsync(connection, AccessSchema, ct);
    }

    public async Task<IReadOnlyList<Network>> ListNetworksAsync(CancellationToken ct = default)
    {
        await using var connection = await OpenAsync(ct);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT data FROM networks WHERE trashed_at IS NULL ORDER BY id;";
        var list = new List<Network>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            list.Add((Network)GraphJson.Deserialize(EntityKind.Network, reader.GetString(0)));
        return list;
    }

    public async Task<IReadOnlyDictionary<string, long>> ReadHeadsAsync(CancellationToken ct = default)
    {
        await using var connection = await OpenAsync(ct);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT id, revision FROM networks WHERE trashed_at IS NULL;";
        var heads = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) heads[reader.GetString(0)] = reader.GetInt64(1);
        return heads;
    }

    public async Task<long?> ReadHeadAsync(string networkId, CancellationToken ct = default)
    {
        await using var connection = await OpenAsync(ct);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT revision FROM networks WHERE id = $id AND trashed_at IS NULL;";
        cmd.Parameters.AddWithValue("$id", networkId);
        return await cmd.ExecuteScalarAsync(ct) is long revision ? revision : null;
    }

    public async Task<NetworkSnapshot?> LoadAsync(string networkId, CancellationToken ct = default)
    {
        await using var connection = await OpenAsync(ct);
        // One read transaction, so the network row and its entities are of the same revision.
        await using var tx = connection.BeginTransaction(deferred: true);
        await using var head = connection.CreateCommand();
        head.Transaction = tx;
        head.CommandText = "SELECT revision, data FROM networks WHERE id = $id AND trashed_at IS NULL;";
        head.Parameters.AddWithValue("$id", networkId);
        Network network;
        long revision;
        await using (var reader = await head.ExecuteReaderAsync(ct))
        {
            if (!await reader.ReadAsync(ct)) return null;
            revision = reader.GetInt64(0);
            network = (Network)GraphJson.Deserialize(EntityKind.Network, reader.GetString(1));
        }

        await using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "SELECT kind, data FROM entities WHERE network_id = $id;";
        cmd.Parameters.AddWithValue("$id", networkId);
        var entities = new List<Entity>();
        await using (var reader = await cmd.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
                entities.Add(GraphJson.Deserialize(Enum.Parse<EntityKind>(reader.GetString(0)), reader.GetString(1)));
        }
        return NetworkSnapshot.Create(network, revision, entities);
    }

    public async Task CommitAsync(ChangeSet changes, long expectedRevision, CancellationToken ct = default)
    {
        await _writeLock.WaitAsync(ct);
        try
        {
            await using var connection = await OpenAsync(ct);
            await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
            await WriteAsync(connection, tx, changes, expectedRevision, ct);
            await tx.CommitAsync(ct);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>A commit's writes inside the caller's transaction: the revision check, the entities and the history.</summary>
    private static async Task WriteAsync(SqliteConnection connection, SqliteTransaction tx, ChangeSet changes, long expectedRevision,
        CancellationToken ct)
    {
        await AdvanceRevisionAsync(connection, tx, changes, expectedRevision, ct);

        await using var upsert = Command(connection, tx,
            "INSERT INTO entities (network_id, id, kind, version, data) VALUES ($n, $id, $kind, $version, $data) " +
            "ON CONFLICT (network_id, id) DO UPDATE SET kind = excluded.kind, version = excluded.version, data = excluded.data;",
            "$n", "$id", "$kind", "$version", "$data");
        await using var delete = Command(connection, tx, "DELETE FROM entities WHERE network_id = $n AND id = $id;", "$n", "$id");
        await using var history = Command(connection, tx,
            "INSERT INTO changes (network_id, revision, seq, at, author, author_id, op, kind, entity_id, before, after) " +
            "VALUES ($n, $rev, $seq, $at, $author, $authorId, $op, $kind, $id, $before, $after);",
            "$n", "$rev", "$seq", "$at", "$author", "$authorId", "$op", "$kind", "$id", "$before", "$after");

        var at = changes.At.ToString("O");
        for (var seq = 0; seq < changes.Changes.Count; seq++)
        {
            var change = changes.Changes[seq];
            if (change.Kind != EntityKind.Network)
            {
                if (change.After is { } after)
                    await RunAsync(upsert, ct, changes.NetworkId, after.Id, after.EntityKind.ToString(), after.Version, GraphJson.Serialize(after));
                else
                    await RunAsync(delete, ct, changes.NetworkId, change.Id);
            }
            await RunAsync(history, ct, changes.NetworkId, changes.Revision, seq, at, changes.Author, (object?)changes.AuthorId ?? DBNull.Value, change.Op.ToString(),
                change.Kind.ToString(), change.Id,
                change.Before is null ? DBNull.Value : GraphJson.Serialize(change.Before),
                change.After is null ? DBNull.Value : GraphJson.Serialize(change.After));
        }
    }

    /// <summary>Moves the network row to the set's revision, and fails if someone else moved it first.</summary>
    private static async Task AdvanceRevisionAsync(SqliteConnection connection, SqliteTransaction tx, ChangeSet changes,
        long expectedRevision, CancellationToken ct)
    {
        var networkChange = changes.Changes.FirstOrDefault(c => c.Kind == EntityKind.Network);
        if (networkChange?.Op == ChangeOp.Create)
        {
            await using var insert = Command(connection, tx,
                "INSERT INTO networks (id, revision, data) VALUES ($id, $rev, $data) ON CONFLICT (id) DO NOTHING;", "$id", "$rev", "$data");
            if (await RunAsync(insert, ct, changes.NetworkId, changes.Revision, GraphJson.Serialize(networkChange.After!)) == 0)
                throw ConflictException.NetworkExists(changes.NetworkId);
            return;
        }

        await using var update = Command(connection, tx,
            "UPDATE networks SET revision = $rev, data = coalesce($data, data) WHERE id = $id AND revision = $expected AND trashed_at IS NULL;",
            "$id", "$rev", "$data", "$expected");
        object data = networkChange?.After is { } n ? GraphJson.Serialize(n) : DBNull.Value;
        if (await RunAsync(update, ct, changes.NetworkId, changes.Revision, data, expectedRevision) == 0)
            throw new ConflictException(Texts.Get("store.networkWasChangedByAnother", changes.NetworkId, expectedRevision));
    }

    public async Task<bool> DeleteNetworkAsync(string networkId, CancellationToken ct = default)
    {
        await _writeLock.WaitAsync(ct);
        try
        {
            await using var connection = await OpenAsync(ct);
            await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
            await using var entities = Command(connection, tx, "DELETE FROM entities WHERE network_id = $id;", "$id");
            await using var history = Command(connection, tx, "DELETE FROM changes WHERE network_id = $id;", "$id");
            await using var positions = Command(connection, tx, "DELETE FROM positions WHERE network_id = $id;", "$id");
            await using var network = Command(connection, tx, "DELETE FROM networks WHERE id = $id;", "$id");
            await RunAsync(entities, ct, networkId);
            await RunAsync(positions, ct, networkId);
            await RunAsync(history, ct, networkId);
            var deleted = await RunAsync(network, ct, networkId) > 0;
            await tx.CommitAsync(ct);
            return deleted;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public async Task<IReadOnlyDictionary<string, NodePosition>> LoadPositionsAsync(string networkId, CancellationToken ct = default)
    {
        await using var connection = await OpenAsync(ct);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT node_id, x, y FROM positions WHERE network_id = $n;";
        cmd.Parameters.AddWithValue("$n", networkId);
        var positions = new Dictionary<string, NodePosition>(StringComparer.Ordinal);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) positions[reader.GetString(0)] = new NodePosition(reader.GetDouble(1), reader.GetDouble(2));
        return positions;
    }

    public async Task SavePositionsAsync(string networkId, IReadOnlyDictionary<string, NodePosition> positions, CancellationToken ct = default)
    {
        await _writeLock.WaitAsync(ct);
        try
        {
            await using var connection = await OpenAsync(ct);
            await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
            await using var upsert = Command(connection, tx,
                "INSERT INTO positions (network_id, node_id, x, y) VALUES ($n, $id, $x, $y) " +
                "ON CONFLICT (network_id, node_id) DO UPDATE SET x = excluded.x, y = excluded.y;", "$n", "$id", "$x", "$y");
            foreach (var (id, position) in positions) await RunAsync(upsert, ct, networkId, id, position.X, position.Y);
            await tx.CommitAsync(ct);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public async Task<IReadOnlyList<ChangeSet>> ReadHistoryAsync(string networkId, long afterRevision, string? entityId, int limit,
        CancellationToken ct = default, bool newest = false)
    {
        await using var connection = await OpenAsync(ct);
        await using var cmd = connection.CreateCommand();
        // The limit counts change sets, not rows, so a set is never cut in half.
        cmd.CommandText = """
            SELECT revision, at, author, op, kind, entity_id, before, after, author_id FROM changes
            WHERE network_id = $n AND revision IN (
                SELECT DISTINCT revision FROM changes
                WHERE network_id = $n AND revision > $after AND ($entity IS NULL OR entity_id = $entity)
                ORDER BY CASE WHEN $newest THEN -revision ELSE revision END LIMIT $limit)
              AND ($entity IS NULL OR entity_id = $entity)
            ORDER BY revision, seq;
            """;
        cmd.Parameters.AddWithValue("$n", networkId);
        cmd.Parameters.AddWithValue("$after", afterRevision);
        cmd.Parameters.AddWithValue("$entity", (object?)entityId ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$limit", limit);
        cmd.Parameters.AddWithValue("$newest", newest);

        var sets = new List<ChangeSet>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var revision = reader.GetInt64(0);
            var kind = Enum.Parse<EntityKind>(reader.GetString(4));
            var change = new Change(Enum.Parse<ChangeOp>(reader.GetString(3)), kind, reader.GetString(5),
                reader.IsDBNull(6) ? null : GraphJson.Deserialize(kind, reader.GetString(6)),
                reader.IsDBNull(7) ? null : GraphJson.Deserialize(kind, reader.GetString(7)));
            if (sets.Count > 0 && sets[^1].Revision == revision)
                ((List<Change>)sets[^1].Changes).Add(change);
            else
                sets.Add(new ChangeSet(networkId, revision, DateTimeOffset.Parse(reader.GetString(1)), reader.GetString(2), new List<Change> { change })
                    { AuthorId = reader.IsDBNull(8) ? null : reader.GetString(8) });
        }
        return sets;
    }

    #region roles: members and share links (issue 10; engineer roles)

    /// <summary>
    /// Members and share links, beside the network rows. Idempotent rather than a numbered migration, so that it does
    /// not compete with other work for the next migration number.
    /// </summary>
    private const string AccessSchema = """
        CREATE TABLE IF NOT EXISTS network_members (
            network_id TEXT NOT NULL,
            user_id TEXT NOT NULL,
            role TEXT NOT NULL,
            name TEXT NOT NULL,
            added TEXT NOT NULL,
            PRIMARY KEY (network_id, user_id)
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS network_members_by_user ON network_members (user_id);
        CREATE TABLE IF NOT EXISTS share_links (
            token_hash TEXT NOT NULL PRIMARY KEY,
            id TEXT NOT NULL,
            network_id TEXT NOT NULL,
            label TEXT NOT NULL,
            view TEXT NOT NULL,
            created TEXT NOT NULL,
            expires TEXT NOT NULL,
            created_by TEXT NOT NULL
        ) WITHOUT ROWID;
        CREATE UNIQUE INDEX IF NOT EXISTS share_links_by_network ON share_links (network_id, id);
        """;

    public async Task<IReadOnlyList<NetworkMember>> ListMembersAsync(string networkId, CancellationToken ct = default)
    {
        await using var connection = await OpenAsync(ct);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT user_id, role, name, added FROM network_members WHERE network_id = $n ORDER BY user_id;";
        cmd.Parameters.AddWithValue("$n", networkId);
        var members = new List<NetworkMember>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            members.Add(new NetworkMember(reader.GetString(0), Enum.Parse<NetworkRole>(reader.GetString(1)), reader.GetString(2),
                DateTimeOffset.Parse(reader.GetString(3), System.Globalization.CultureInfo.InvariantCulture)));
        return members;
    }

    public async Task<IReadOnlyDictionary<string, NetworkRole>> RolesOfUserAsync(string userId, CancellationToken ct = default)
    {
        await using var connection = await OpenAsync(ct);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT network_id, role FROM network_members WHERE user_id = $u;";
        cmd.Parameters.AddWithValue("$u", userId);
        var roles = new Dictionary<string, NetworkRole>(StringComparer.Ordinal);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) roles[reader.GetString(0)] = Enum.Parse<NetworkRole>(reader.GetString(1));
        return roles;
    }

    public Task SetMemberAsync(string networkId, NetworkMember member, CancellationToken ct = default) =>
        WriteAsync("INSERT INTO network_members (network_id, user_id, role, name, added) VALUES ($1, $2, $3, $4, $5) " +
                   "ON CONFLICT (network_id, user_id) DO UPDATE SET role = excluded.role, name = excluded.name;",
            ct, networkId, member.UserId, member.Role.ToString(), member.Name, member.Added.ToString("O"));

    public async Task<bool> RemoveMemberAsync(string networkId, string userId, CancellationToken ct = default) =>
        await WriteAsync("DELETE FROM network_members WHERE network_id = $1 AND user_id = $2;", ct, networkId, userId) > 0;

    public async Task<IReadOnlyList<ShareLink>> ListSharesAsync(string networkId, CancellationToken ct = default)
    {
        await using var connection = await OpenAsync(ct);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = $"SELECT {ShareColumns} FROM share_links WHERE network_id = $n ORDER BY created DESC, id;";
        cmd.Parameters.AddWithValue("$n", networkId);
        var shares = new List<ShareLink>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) shares.Add(ShareFrom(reader));
        return shares;
    }

    public Task AddShareAsync(ShareLink share, CancellationToken ct = default) =>
        WriteAsync($"INSERT INTO share_links ({ShareColumns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8);", ct,
            share.TokenHash, share.Id, share.NetworkId, share.Label, share.View, share.Created.ToString("O"), share.Expires.ToString("O"), share.CreatedBy);

    public async Task<ShareLink?> FindShareAsync(string tokenHash, CancellationToken ct = default)
    {
        await using var connection = await OpenAsync(ct);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = $"SELECT {ShareColumns} FROM share_links WHERE token_hash = $h;";
        cmd.Parameters.AddWithValue("$h", tokenHash);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? ShareFrom(reader) : null;
    }

    public async Task<bool> RemoveShareAsync(string networkId, string shareId, CancellationToken ct = default) =>
        await WriteAsync("DELETE FROM share_links WHERE network_id = $1 AND id = $2;", ct, networkId, shareId) > 0;

    public Task RemoveAccessAsync(string networkId, CancellationToken ct = default) =>
        WriteAsync("DELETE FROM network_members WHERE network_id = $1; DELETE FROM share_links WHERE network_id = $1;", ct, networkId);

    private const string ShareColumns = "token_hash, id, network_id, label, view, created, expires, created_by";

    private static ShareLink ShareFrom(SqliteDataReader r) => new(r.GetString(1), r.GetString(2), r.GetString(0), r.GetString(3), r.GetString(4),
        DateTimeOffset.Parse(r.GetString(5), System.Globalization.CultureInfo.InvariantCulture),
        DateTimeOffset.Parse(r.GetString(6), System.Globalization.CultureInfo.InvariantCulture), r.GetString(7));

    /// <summary>One statement (or a few) with positional parameters $1, $2, … in one transaction, behind the write lock.</summary>
    private async Task<int> WriteAsync(string sql, CancellationToken ct, params object[] values)
    {
        await _writeLock.WaitAsync(ct);
        try
        {
            await using var connection = await OpenAsync(ct);
            await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
            await using var cmd = connection.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = sql;
            for (var i = 0; i < values.Length; i++) cmd.Parameters.AddWithValue($"${i + 1}", values[i]);
            var count = await cmd.ExecuteNonQueryAsync(ct);
            await tx.CommitAsync(ct);
            return count;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    #endregion

    private async Task<SqliteConnection> OpenAsync(CancellationToken ct)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(ct);
        await ExecuteAsync(connection, $"PRAGMA synchronous = {_synchronous}; PRAGMA busy_timeout = 5000; PRAGMA foreign_keys = ON; PRAGMA secure_delete = ON;", ct);
        return connection;
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction tx, string sql, params string[] parameters)
    {
        var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        foreach (var name in parameters) cmd.Parameters.Add(new SqliteParameter { ParameterName = name });
        cmd.Prepare();
        return cmd;
    }

    private static Task<int> RunAsync(SqliteCommand cmd, CancellationToken ct, params object[] values)
    {
        for (var i = 0; i < values.Length; i++) cmd.Parameters[i].Value = values[i];
        return cmd.ExecuteNonQueryAsync(ct);
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken ct, SqliteTransaction? tx = null)
    {
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        return await cmd.ExecuteScalarAsync(ct);
    }

    // ---- privacy (issue 10): trash and erasure; keep this block apart for merges ----
    // Every connection runs with secure_delete on (OpenAsync): deleted and overwritten content is zeroed in the file, so an
    // edited or erased name does not linger in free space.

    public async Task<bool> MoveToTrashAsync(string networkId, DateTimeOffset at, Author by, CancellationToken ct = default)
    {
        await _writeLock.WaitAsync(ct);
        try
        {
            await using var connection = await OpenAsync(ct);
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = "UPDATE networks SET trashed_at = $at, trashed_by = $by, trashed_by_id = $byId WHERE id = $id AND trashed_at IS NULL;";
            cmd.Parameters.AddWithValue("$id", networkId);
            cmd.Parameters.AddWithValue("$at", at.ToString("O"));
            cmd.Parameters.AddWithValue("$by", by.Name);
            cmd.Parameters.AddWithValue("$byId", (object?)by.Id ?? DBNull.Value);
            return await cmd.ExecuteNonQueryAsync(ct) > 0;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public async Task<IReadOnlyList<TrashedNetwork>> ListTrashAsync(CancellationToken ct = default)
    {
        await using var connection = await OpenAsync(ct);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT data, revision, trashed_at, trashed_by, trashed_by_id FROM networks WHERE trashed_at IS NOT NULL ORDER BY trashed_at, id;";
        var list = new List<TrashedNetwork>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            list.Add(new TrashedNetwork((Network)GraphJson.Deserialize(EntityKind.Network, reader.GetString(0)), reader.GetInt64(1),
                DateTimeOffset.Parse(reader.GetString(2), System.Globalization.CultureInfo.InvariantCulture), reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4)));
        return list;
    }

    public async Task<bool> RestoreFromTrashAsync(string networkId, CancellationToken ct = default)
    {
        await _writeLock.WaitAsync(ct);
        try
        {
            await using var connection = await OpenAsync(ct);
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = "UPDATE networks SET trashed_at = NULL, trashed_by = NULL, trashed_by_id = NULL WHERE id = $id AND trashed_at IS NOT NULL;";
            cmd.Parameters.AddWithValue("$id", networkId);
            return await cmd.ExecuteNonQueryAsync(ct) > 0;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public async Task EraseAsync(ChangeSet erasure, long expectedRevision, string entityId, Func<Entity, Entity> scrub,
        CancellationToken ct = default)
    {
        await _writeLock.WaitAsync(ct);
        try
        {
            await using (var connection = await OpenAsync(ct))
            {
                await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
                await WriteAsync(connection, tx, erasure, expectedRevision, ct);

                // Every stored state of the network's history, not only the entity's own: free text elsewhere may name it.
                var rows = new List<(long Revision, long Seq, object Before, object After)>();
                await using (var read = Command(connection, tx,
                    "SELECT revision, seq, kind, before, after FROM changes WHERE network_id = $n AND revision < $erasure;", "$n", "$erasure"))
                {
                    read.Parameters[0].Value = erasure.NetworkId;
                    read.Parameters[1].Value = erasure.Revision;
                    await using var reader = await read.ExecuteReaderAsync(ct);
                    while (await reader.ReadAsync(ct))
                    {
                        var kind = Enum.Parse<EntityKind>(reader.GetString(2));
                        var (before, after) = (Scrubbed(kind, reader, 3), Scrubbed(kind, reader, 4));
                        if (before is not null || after is not null)
                            rows.Add((reader.GetInt64(0), reader.GetInt64(1), before ?? Column(reader, 3), after ?? Column(reader, 4)));
                    }
                }
                // The new text of a state scrub changed, or null for one it left alone.
                string? Scrubbed(EntityKind kind, SqliteDataReader reader, int column)
                {
                    if (reader.IsDBNull(column)) return null;
                    var state = GraphJson.Deserialize(kind, reader.GetString(column));
                    return scrub(state) is var clean && !ReferenceEquals(clean, state) ? GraphJson.Serialize(clean) : null;
                }
                static object Column(SqliteDataReader reader, int column) => reader.IsDBNull(column) ? DBNull.Value : reader.GetString(column);
                await using var rewrite = Command(connection, tx,
                    "UPDATE changes SET before = $before, after = $after WHERE network_id = $n AND revision = $rev AND seq = $seq;",
                    "$before", "$after", "$n", "$rev", "$seq");
                foreach (var row in rows)
                    await RunAsync(rewrite, ct, row.Before, row.After, erasure.NetworkId, row.Revision, row.Seq);

                var layoutSuffix = GraphApi.Networks.NetworkService.LayoutSeparator + entityId;
                var positions = new List<string>();
                await using (var read = Command(connection, tx, "SELECT node_id FROM positions WHERE network_id = $n;", "$n"))
                {
                    read.Parameters[0].Value = erasure.NetworkId;
                    await using var reader = await read.ExecuteReaderAsync(ct);
                    while (await reader.ReadAsync(ct))
                        if (reader.GetString(0) is var node && (node == entityId || node.EndsWith(layoutSuffix, StringComparison.Ordinal))) positions.Add(node);
                }
                await using var unplace = Command(connection, tx, "DELETE FROM positions WHERE network_id = $n AND node_id = $id;", "$n", "$id");
                foreach (var node in positions) await RunAsync(unplace, ct, erasure.NetworkId, node);
                await tx.CommitAsync(ct);
            }
            await CheckpointAsync(ct);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>
    /// Moves everything in the write-ahead log into the database file and truncates the log to zero bytes, so that the old
    /// pages of an erased row are not left in the -wal file. Readers still in a transaction can hold it up; it is tried again.
    /// </summary>
    private async Task CheckpointAsync(CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        for (var attempt = 0; ; attempt++)
        {
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            if (!await reader.ReadAsync(ct) || reader.GetInt64(0) == 0 || attempt >= 50) return;
            await Task.Delay(20, ct);
        }
    }
}

/// <summary>Settings of the embedded store ("Store" configuration section).</summary>
public sealed class StoreOptions
{
    /// <summary>The SQLite file; by default networkgraph.db in the user's local data folder.</summary>
    public string DatabasePath { get; set; } = DefaultPath();

    /// <summary>FULL: every acknowledged commit is on disk. NORMAL is faster and survives a crash of the process, not of the machine.</summary>
    public string Synchronous { get; set; } = "FULL";

    /// <summary>Load the networks in seed/ when the store holds none.</summary>
    public bool SeedOnEmpty { get; set; } = true;

    /// <summary>Where the seed networks are; by default the seed folder beside the app.</summary>
    public string? SeedFolder { get; set; }

    /// <summary>Sqlite (the embedded default) or Neo4j (the shared store; see the Neo4j section).</summary>
    public string Provider { get; set; } = "Sqlite";

    /// <summary>How often an instance looks at the store's head for commits made by other processes.</summary>
    public int FollowMilliseconds { get; set; } = 250;

    public static string DefaultPath()
    {
        var root = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
        if (string.IsNullOrEmpty(root)) root = Path.GetTempPath();
        return Path.Combine(root, "NetworkGraph", "networkgraph.db");
    }
}
