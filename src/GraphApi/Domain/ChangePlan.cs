using System.Text.Json;

namespace GraphApi.Domain;

/// <summary>The changes that turn one state of a network into another: used by import and by "restore as of".</summary>
public static class ChangePlan
{
    /// <summary>Creates, updates and deletes that make <paramref name="current"/> (null: no network yet) hold exactly <paramref name="target"/>; unchanged entries are left alone.</summary>
    public static IReadOnlyList<Change> Between(NetworkSnapshot? current, NetworkSnapshot target)
    {
        var changes = new List<Change>();
        var network = target.Network;
        if (current is null)
            changes.Add(new Change(ChangeOp.Create, EntityKind.Network, network.Id, null, network));
        else if (!SameContent(current.Network, network))
            changes.Add(new Change(ChangeOp.Update, EntityKind.Network, network.Id, current.Network, network));

        foreach (var entity in target.Everything)
        {
            var existing = current?.Find(entity.Id);
            if (existing is null)
                changes.Add(new Change(ChangeOp.Create, entity.EntityKind, entity.Id, null, entity));
            else if (existing.EntityKind != entity.EntityKind)
            {
                // Same id, other kind: the old entry goes and the new one comes.
                changes.Add(new Change(ChangeOp.Delete, existing.EntityKind, existing.Id, existing, null));
                changes.Add(new Change(ChangeOp.Create, entity.EntityKind, entity.Id, null, entity));
            }
            else if (!SameContent(existing, entity))
                changes.Add(new Change(ChangeOp.Update, entity.EntityKind, entity.Id, existing, entity));
        }
        if (current is not null)
        {
            foreach (var old in current.Everything.Where(e => target.Find(e.Id) is null))
                changes.Add(new Change(ChangeOp.Delete, old.EntityKind, old.Id, old, null));
        }
        return changes;
    }

    /// <summary>Equal apart from store metadata (version, created, updated).</summary>
    public static bool SameContent(Entity a, Entity b) =>
        a.GetType() == b.GetType() && Content(a) == Content(b);

    private static string Content(Entity e) =>
        JsonSerializer.Serialize(e with { Version = 0, Created = null, Updated = null }, e.GetType(), GraphJson.Options);
}
