using GraphApi.Domain;
using GraphApi.Networks;

namespace GraphApi.Tests.Networks;

/// <summary>Undo and redo read from the history alone, so they survive a reload.</summary>
public sealed class OwnChangesTests
{
    private static readonly Actor A1 = new() { Id = "a", Name = "Alt", Kind = ActorKinds.Other, Version = 1 };
    private static readonly Actor A2 = A1 with { Name = "Neu", Version = 2 };
    private static readonly Actor A3 = A1 with { Version = 3 };
    private static readonly Actor A4 = A2 with { Version = 4 };

    private static ChangeSet Set(long revision, string author, Entity before, Entity after) =>
        new("n", revision, DateTimeOffset.UnixEpoch.AddMinutes(revision), author, [new Change(ChangeOp.Update, after.EntityKind, after.Id, before, after)]);

    [Fact]
    public void AnEditIsUndoneThenRedoneThenUndoableAgain()
    {
        var edit = Set(2, "Anna", A1, A2);
        Assert.Equal(new long?[] { 2, null }, Next(OwnChanges.Of([edit], "Anna")));

        var undo = Set(3, "Anna", A2, A3);
        Assert.Equal(new long?[] { null, 3 }, Next(OwnChanges.Of([edit, undo], "Anna")));

        var redo = Set(4, "Anna", A3, A4);
        Assert.Equal(new long?[] { 4, null }, Next(OwnChanges.Of([edit, undo, redo], "Anna")));
        Assert.Equal([2L, 3L, 4L], OwnChanges.Of([edit, undo, redo], "Anna").Own.Order());
    }

    [Fact]
    public void OthersChangesAreNotOwnAndANewEditEndsRedo()
    {
        var edit = Set(2, "Anna", A1, A2);
        var undo = Set(3, "Anna", A2, A3);
        var other = Set(4, "Bea", A3, A4);
        Assert.Equal(new long?[] { null, 3 }, Next(OwnChanges.Of([other, undo, edit], "Anna")));
        Assert.Empty(OwnChanges.Of([edit, undo], "Bea").Own);

        var fresh = Set(5, "Anna", A4, A4 with { Name = "Anders", Version = 5 });
        Assert.Equal(new long?[] { 5, null }, Next(OwnChanges.Of([edit, undo, other, fresh], "Anna")));
    }

    [Fact]
    public void StartingAMeetingIsOwnButNotWhatUndoTakes()
    {
        var edit = Set(2, "Anna", A1, A2);
        var network = new Network { Id = "n", Name = "Kreis", Version = 1 };
        var start = Set(3, "Anna", network, network with { Meetings = [new Meeting("s", "Sitzung", "2025-03-12", 2)], Version = 2 });
        var state = OwnChanges.Of([edit, start], "Anna");
        Assert.Equal(new long?[] { 2, null }, Next(state));
        Assert.Contains(3L, state.Own);
    }

    private static long?[] Next(UndoState s) => [s.Undo, s.Redo];
}
