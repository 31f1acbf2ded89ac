using GraphApi.Access;
using GraphApi.Domain;

namespace GraphApi.Storage;

/// <summary>
/// Where networks live, in the language of the domain. SQLite implements it as the embedded store, Neo4j
/// (over HTTP: the classic transactional endpoint or the Query API) as the shared one; both pass the same
/// contract suite (tests/GraphApi.Tests/Storage/StoreContract.cs).
/// </summary>
public interface IGraphStore
{
    /// <summary>Creates or migrates the schema. Called once at start.</summary>
    Task InitializeAsync(CancellationToken ct = default);

    Task<IReadOnlyList<Network>> ListNetworksAsync(CancellationToken ct = default);

    /// <summary>
    /// The head of the store's change log: every network's current revision. Cheap, so that every app instance can
    /// poll it and learn about commits made by other processes (the live StoreFollower).
    /// </summary>
    Task<IReadOnlyDictionary<string, long>> ReadHeadsAsync(CancellationToken ct = default);

    /// <summary>One network's current revision, or null if there is none: what a cached snapshot is checked against.</summary>
    Task<long?> ReadHeadAsync(string networkId, CancellationToken ct = default);

    /// <summary>The whole network at its latest revision, or null if there is none with that id.</summary>
    Task<NetworkSnapshot?> LoadAsync(string networkId, CancellationToken ct = default);

    /// <summary>
    /// Writes all changes of the set, and their history, in one transaction, provided the network is
    /// still at <paramref name="expectedRevision"/> (0 for a network the set creates). Returns when durable.
    /// </summary>
    /// <exception cref="ConflictException">Another writer got there first.</exception>
    Task CommitAsync(ChangeSet changes, long expectedRevision, CancellationToken ct = default);

    /// <summary>Removes the network, its entities and its history.</summary>
    Task<bool> DeleteNetworkAsync(string networkId, CancellationToken ct = default);

    /// <summary>Where users placed the nodes of a network on the map, by node id.</summary>
    Task<IReadOnlyDictionary<string, NodePosition>> LoadPositionsAsync(string networkId, CancellationToken ct = default);

    /// <summary>Stores the given node positions (others stay as they are), in one transaction.</summary>
    Task SavePositionsAsync(string networkId, IReadOnlyDictionary<string, NodePosition> positions, CancellationToken ct = default);

    /// <summary>
    /// Committed change sets after a revision, oldest first, optionally only those touching one entity.
    /// At most <paramref name="limit"/> sets: the oldest ones, or with <paramref name="newest"/> the newest ones.
    /// </summary>
    Task<IReadOnlyList<ChangeSet>> ReadHistoryAsync(string networkId, long afterRevision, string? entityId, int limit,
        CancellationToken ct = default, bool newest = false);

    // ---- privacy (issue 10, points 4, 5, 8): the trash and the erasure of a person; keep this block apart for merges ----

    /// <summary>
    /// Moves a network to the trash: from then on it is not listed, loaded, headed or written, but its entities, history and
    /// positions stay as they are until <see cref="RestoreFromTrashAsync"/> or <see cref="DeleteNetworkAsync"/>. False if
    /// there is no such network outside the trash.
    /// </summary>
    Task<bool> MoveToTrashAsync(string networkId, DateTimeOffset at, Author by, CancellationToken ct = default);

    /// <summary>The networks in the trash, with when and by whom they were put there.</summary>
    Task<IReadOnlyList<TrashedNetwork>> ListTrashAsync(CancellationToken ct = default);

    /// <summary>Takes a network out of the trash, exactly as it was (revision, history, positions). False if it is not in the trash.</summary>
    Task<bool> RestoreFromTrashAsync(string networkId, CancellationToken ct = default);

    /// <summary>
    /// Erases one entity's personal data from the whole store in one transaction: commits <paramref name="erasure"/> (which
    /// removes it from the current state, takes it out of other entries' free text and records the erasure without the data)
    /// and replaces every state kept in the network's earlier change sets (of any entity: free text may name the erased one)
    /// by <paramref name="scrub"/> of it, keeping each set's revision, time, author and order; <paramref name="scrub"/> gives
    /// back the same instance for a state it leaves as it is, and such rows are not rewritten. The entity's map positions (in
    /// every layout) are removed. The SQLite store also leaves no trace in its file (secure_delete, then a WAL checkpoint).
    /// </summary>
    /// <exception cref="ConflictException">Another writer got there first.</exception>
    Task EraseAsync(ChangeSet erasure, long expectedRevision, string entityId, Func<Entity, Entity> scrub, CancellationToken ct = default);
    #region roles: members and share links, kept with the network (issue 10; engineer roles)

    /// <summary>The members of a network with their roles, ordered by user id.</summary>
    Task<IReadOnlyList<NetworkMember>> ListMembersAsync(string networkId, CancellationToken ct = default);

    /// <summary>Every network a user is a member of, with the role there.</summary>
    Task<IReadOnlyDictionary<string, NetworkRole>> RolesOfUserAsync(string userId, CancellationToken ct = default);

    /// <summary>Adds a member or changes a member's role.</summary>
    Task SetMemberAsync(string networkId, NetworkMember member, CancellationToken ct = default);

    /// <summary>Removes a member; false if the user was none.</summary>
    Task<bool> RemoveMemberAsync(string networkId, string userId, CancellationToken ct = default);

    /// <summary>The share links of a network (expired ones too, until removed), newest first.</summary>
    Task<IReadOnlyList<ShareLink>> ListSharesAsync(string networkId, CancellationToken ct = default);

    /// <summary>Stores a new share link.</summary>
    Task AddShareAsync(ShareLink share, CancellationToken ct = default);

    /// <summary>The share link with this token hash, or null.</summary>
    Task<ShareLink?> FindShareAsync(string tokenHash, CancellationToken ct = default);

    /// <summary>Removes (revokes) a share link of a network; false if there was none.</summary>
    Task<bool> RemoveShareAsync(string networkId, string shareId, CancellationToken ct = default);

    /// <summary>Forgets every member and share link of a network: when the network itself is erased.</summary>
    Task RemoveAccessAsync(string networkId, CancellationToken ct = default);

    #endregion
}

/// <summary>A network in the trash: its last state's header, when it was deleted and by whom (display name and account id).</summary>
public sealed record TrashedNetwork(Network Network, long Revision, DateTimeOffset TrashedAt, string TrashedBy, string? TrashedById = null);

/// <summary>A node's place on the map, in diagram coordinates.</summary>
public sealed record NodePosition(double X, double Y);
