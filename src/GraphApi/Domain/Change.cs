using System.Text.Json.Serialization;

namespace GraphApi.Domain;

[JsonConverter(typeof(JsonStringEnumConverter<ChangeOp>))]
public enum ChangeOp { Create, Update, Delete }

/// <summary>
/// One change to one entity, with its state before and after. The one change type of the product:
/// the API answers with it, the store's history keeps it, and the live hub publishes it.
/// </summary>
public sealed record Change(ChangeOp Op, EntityKind Kind, string Id, Entity? Before, Entity? After);

/// <summary>Changes committed together, in one transaction, as the network's revision <see cref="Revision"/>.</summary>
/// <remarks><see cref="Author"/> is the display name the history shows; <see cref="AuthorId"/> the account's user id (null for
/// changes made before accounts existed, by the command-line import, or replayed from another process's notice).</remarks>
public sealed record ChangeSet(string NetworkId, long Revision, DateTimeOffset At, string Author, IReadOnlyList<Change> Changes)
{
    public string? AuthorId { get; init; }
}

/// <summary>
/// Who makes a change: the display name the history shows and the account's id. A plain string (the command-line
/// import, a test, the seed loader) is an author without an account.
/// </summary>
public readonly record struct Author(string Name, string? Id = null)
{
    public static implicit operator Author(string name) => new(name);
    public override string ToString() => Name;
}
