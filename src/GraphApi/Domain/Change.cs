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
public sealed record ChangeSet(string NetworkId, long Revision, DateTimeOffset At, string Author, IReadOnlyList<Change> Changes);
