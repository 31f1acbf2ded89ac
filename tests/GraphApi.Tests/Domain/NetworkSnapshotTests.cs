using GraphApi.Domain;

namespace GraphApi.Tests.Domain;

public class NetworkSnapshotTests
{
    private static readonly Network Net = new() { Id = "n", Name = "N" };

    [Fact]
    public void ApplyingAChangeSetLeavesTheOldSnapshotAsItWas()
    {
        var before = NetworkSnapshot.Create(Net, 1, [new Topic { Id = "t", Name = "Alt" }]);
        var after = before.Apply(new ChangeSet("n", 2, DateTimeOffset.UnixEpoch, "me",
        [
            new Change(ChangeOp.Update, EntityKind.Topic, "t", null, new Topic { Id = "t", Name = "Neu" }),
            new Change(ChangeOp.Create, EntityKind.Actor, "a", null, new Actor { Id = "a", Name = "A", Kind = "other" }),
        ]));
        Assert.Equal("Alt", before.Find<Topic>("t")!.Name);
        Assert.Null(before.Find("a"));
        Assert.Equal("Neu", after.Find<Topic>("t")!.Name);
        Assert.Equal(2, after.Revision);
        Assert.IsType<Actor>(after.Find("a"));
    }

    [Fact]
    public void FindByKindDoesNotConfuseKinds()
    {
        var s = NetworkSnapshot.Create(Net, 1, [new Topic { Id = "x", Name = "T" }]);
        Assert.Null(s.Find<Actor>("x"));
        Assert.NotNull(s.Find<Topic>("x"));
    }

    [Fact]
    public void ListsAreOrderedById()
    {
        var s = NetworkSnapshot.Create(Net, 1, [new Topic { Id = "b", Name = "B" }, new Topic { Id = "a", Name = "A" }]);
        Assert.Equal(["a", "b"], s.All<Topic>().Select(t => t.Id));
    }
}
