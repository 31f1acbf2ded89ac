namespace GraphApi.Access;

/// <summary>What a user may do with one network. Ordered: each role can do everything of the ones before it.</summary>
public enum NetworkRole { Viewer, Editor, Owner }

/// <summary>What is asked of a network; <see cref="NetworkAccess"/> answers whether a principal may do it.</summary>
public enum NetworkAction
{
    /// <summary>Read the map, table, report, history, analyses, exports; join the live session.</summary>
    View,
    /// <summary>Change entities, positions, presenting; revert and restore.</summary>
    Edit,
    /// <summary>Members, share links, deleting the network, importing over it.</summary>
    Manage,
}

/// <summary>One user's role in a network, as the graph store keeps it beside the network.</summary>
/// <param name="UserId">The account's id (<c>ClaimTypes.NameIdentifier</c>).</param>
/// <param name="Name">The sign-in name (e-mail) when the member was added, for the owner's list.</param>
public sealed record NetworkMember(string UserId, NetworkRole Role, string Name, DateTimeOffset Added);

/// <summary>
/// A read-only share link of a network. Only the SHA-256 of its token is stored (<see cref="TokenHash"/>); the token itself
/// is shown once, to the owner who makes it. <see cref="View"/> is the query string of the view it opens (its filters).
/// </summary>
public sealed record ShareLink(string Id, string NetworkId, string TokenHash, string Label, string View, DateTimeOffset Created,
    DateTimeOffset Expires, string CreatedBy)
{
    public bool IsValidAt(DateTimeOffset now) => now < Expires;
}
