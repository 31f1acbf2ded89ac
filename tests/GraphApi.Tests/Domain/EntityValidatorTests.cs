using GraphApi.Domain;

namespace GraphApi.Tests.Domain;

public class EntityValidatorTests
{
    private readonly EntityValidator _validator = new(new GraphLimits());

    private IDictionary<string, string[]> Fields(Entity entity)
    {
        var errors = new ValidationErrors();
        _validator.CheckFields(EntityValidator.Normalize(entity), "", errors);
        return errors.ToDictionary();
    }

    private IDictionary<string, string[]> References(Entity entity, params Entity[] others)
    {
        var errors = new ValidationErrors();
        var snapshot = NetworkSnapshot.Create(new Network { Id = "n", Name = "N" }, 1, others.Append(entity));
        _validator.CheckReferences(entity, snapshot, "", errors);
        return errors.ToDictionary();
    }

    [Fact]
    public void AValidActorHasNoErrors() =>
        Assert.Empty(Fields(new Actor { Id = "jc", Name = "Jobcenter", Kind = ActorKinds.Jobcenter }));

    [Fact]
    public void EmptyAndOverlongNamesAreNamedWithTheRule()
    {
        Assert.Equal(["Must not be empty."], Fields(new Topic { Id = "t", Name = "  " })["name"]);
        var message = Assert.Single(Fields(new Topic { Id = "t", Name = new string('x', 201) })["name"]);
        Assert.Contains("at most 200", message);
        Assert.Empty(Fields(new Topic { Id = "t", Name = new string('x', 200) }));
    }

    [Fact]
    public void OverlongTextsAreRejected() =>
        Assert.Contains("at most 10000", Assert.Single(Fields(new Body
        {
            Id = "b", Name = "B", Kind = BodyKinds.Network, Mandate = new string('m', 10_001),
        })["mandate"]));

    [Fact]
    public void AnUnknownKindListsTheAllowedValues()
    {
        var message = Assert.Single(Fields(new Actor { Id = "a", Name = "A", Kind = "ngo" })["kind"]);
        Assert.Contains("'ngo' is not allowed", message);
        foreach (var kind in ActorKinds.All) Assert.Contains(kind, message);
    }

    [Theory]
    [InlineData("2020-13-01", null, "since")]
    [InlineData("01.03.2016", null, "since")]
    [InlineData("2020-01-02", "2020-01-01", "until")]
    public void DatesMustBeIsoAndInOrder(string since, string? until, string field) =>
        Assert.True(Fields(new Membership { Id = "m", Member = "a", Body = "b", Since = since, Until = until }).ContainsKey(field));

    [Fact]
    public void ADissolvedBodyNeedsItsDateAndADateNeedsTheStatus()
    {
        Assert.True(Fields(new Body { Id = "b", Name = "B", Kind = BodyKinds.Network, Status = BodyStatuses.Dissolved }).ContainsKey("dissolved"));
        Assert.True(Fields(new Body { Id = "b", Name = "B", Kind = BodyKinds.Network, Dissolved = "2020-01-01" }).ContainsKey("status"));
        Assert.True(Fields(new Body
        {
            Id = "b", Name = "B", Kind = BodyKinds.Network, Status = BodyStatuses.Dissolved, Founded = "2021-01-01", Dissolved = "2020-01-01",
        }).ContainsKey("dissolved"));
    }

    [Fact]
    public void IdsAreChecked()
    {
        Assert.True(Fields(new Topic { Id = "has space", Name = "T" }).ContainsKey("id"));
        Assert.True(Fields(new Topic { Id = "-lead", Name = "T" }).ContainsKey("id"));
        Assert.True(Fields(new Topic { Id = new string('a', 251), Name = "T" }).ContainsKey("id"));
    }

    [Fact]
    public void AnActorCannotCollaborateWithItself() =>
        Assert.True(Fields(new Collaboration { Id = "c", From = "a", To = "a" }).ContainsKey("to"));

    [Fact]
    public void NormalisingFillsDefaultsSoEqualInputStoresEqualData()
    {
        var m = (Membership)EntityValidator.Normalize(new Membership { Id = "m", Member = " a ", Body = "b", Role = "", Since = " " });
        Assert.Equal(("a", MembershipRoles.Member, (string?)null), (m.Member, m.Role, m.Since));
        var b = (Body)EntityValidator.Normalize(new Body { Id = "b", Name = "B", Kind = "network", Status = null!, Topics = null! });
        Assert.Equal(BodyStatuses.Active, b.Status);
        Assert.Empty(b.Topics);
    }

    [Fact]
    public void AMembershipMustPointAtABodyAndAMemberThatIsAnActorOrPerson()
    {
        var errors = References(new Membership { Id = "m", Member = "t", Body = "a" },
            new Actor { Id = "a", Name = "A", Kind = "other" }, new Topic { Id = "t", Name = "T" });
        Assert.Contains("is a topic", Assert.Single(errors["member"]));
        Assert.Equal("'A' is an actor, not a body.", Assert.Single(errors["body"]));
    }

    [Fact]
    public void UnknownReferencesAreNamedWithTheirListPosition()
    {
        var errors = References(new Actor { Id = "a", Name = "A", Kind = "other", Topics = ["arbeit", "nope"] }, new Topic { Id = "arbeit", Name = "Arbeit" });
        Assert.Equal("'nope' does not exist in this network.", Assert.Single(errors["topics[1]"]));
    }

    [Fact]
    public void ParentCyclesAreReportedWithTheLoop()
    {
        var errors = References(new Actor { Id = "a", Name = "A", Kind = "other", Parent = "b" },
            new Actor { Id = "b", Name = "B", Kind = "other", Parent = "c" }, new Actor { Id = "c", Name = "C", Kind = "other", Parent = "a" });
        Assert.Equal("This makes a cycle: A → B → C → A.", Assert.Single(errors["parent"]));
    }

    [Fact]
    public void ReportsToCyclesAreReported() =>
        Assert.True(References(new Body { Id = "a", Name = "A", Kind = "network", ReportsTo = "b" },
            new Body { Id = "b", Name = "B", Kind = "network", ReportsTo = "a" }).ContainsKey("reportsTo"));

    [Fact]
    public void OnlyAPersonsMembershipNamesWhomItRepresents() =>
        Assert.True(References(new Membership { Id = "m", Member = "a", Body = "b", Representing = "a" },
            new Actor { Id = "a", Name = "A", Kind = "other" }, new Body { Id = "b", Name = "B", Kind = "network" }).ContainsKey("representing"));
}
