using GraphApi.Domain;
using GraphApi.Storage;

namespace GraphApi.Live;

/// <summary>Someone who has a map open: their account's display name and colour (Principals.ShownAs), and what they have selected.</summary>
public sealed record Participant(string ConnectionId, string NetworkId, string Name, string Colour, string? Selection, bool Presenting);

/// <summary>What a client learns when it joins a network's live session.</summary>
public sealed record JoinResult(long Revision, IReadOnlyList<Participant> Participants);

/// <summary>The part of the map a presenter is looking at, in diagram coordinates, and what they selected.</summary>
public sealed record Viewport(double X1, double Y1, double X2, double Y2, string? Selection);

/// <summary>The names of the messages the hub sends to clients.</summary>
public static class ClientEvents
{
    public const string Changed = "changed", Presence = "presence", Moved = "moved", Follow = "follow";

    /// <summary>The network was deleted (here or on another instance): close its map.</summary>
    public const string Deleted = "deleted";
}
