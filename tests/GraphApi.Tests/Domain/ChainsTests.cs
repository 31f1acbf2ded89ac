using GraphApi.Domain;
using Xunit.Abstractions;

namespace GraphApi.Tests.Domain;

/// <summary>The loop check over parent chains costs steps in proportion to the entities, however long the chain.</summary>
public sealed class ChainsTests(ITestOutputHelper output)
{
    private readonly EntityValidator _validator = new(new GraphLimits());

    /// <summary>Checks every entity of a chain of <paramref name="n"/> territories (each the parent of the next), as an import does.</summary>
    private long StepsForChainOf(int n, bool topDown)
    {
        var territories = Enumerable.Range(0, n)
            .Select(i => new Territory { Id = $"t{i}", Name = $"Gebiet {i}", Kind = "municipality", Parent = i == 0 ? null : $"t{i - 1}" })
            .ToList();
        var snapshot = NetworkSnapshot.Create(new Network { Id = "n", Name = "N" }, 1, territories);
        var errors = new ValidationErrors();
        foreach (var t in topDown ? territories : Enumerable.Reverse(territories)) _validator.CheckReferences(t, snapshot, "", errors);
        Assert.Empty(errors.ToDictionary());
        return Chains.Of(snapshot).Steps;
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void CheckingAChainOf20000IsLinear(bool topDown)
    {
        var small = StepsForChainOf(1_000, topDown);
        var large = StepsForChainOf(20_000, topDown);
        output.WriteLine($"steps: 1,000 → {small}, 20,000 → {large} ({(topDown ? "top down" : "bottom up")})");
        Assert.True(small <= 2 * 1_000, $"{small} steps for 1,000 entities");
        Assert.True(large <= 2 * 20_000, $"{large} steps for 20,000 entities");
    }

    [Fact]
    public void ALoopIsStillFoundFromEveryEntityInItAndNotFromThoseBelowIt()
    {
        // a → b → c → a, and d below c: the loop is reported for a, b and c, not for d (it is reported where it begins).
        var entities = new[]
        {
            new Territory { Id = "a", Name = "A", Kind = "district", Parent = "b" },
            new Territory { Id = "b", Name = "B", Kind = "district", Parent = "c" },
            new Territory { Id = "c", Name = "C", Kind = "district", Parent = "a" },
            new Territory { Id = "d", Name = "D", Kind = "district", Parent = "c" },
        };
        var snapshot = NetworkSnapshot.Create(new Network { Id = "n", Name = "N" }, 1, entities);
        foreach (var order in new[] { new[] { 3, 0, 1, 2 }, new[] { 0, 1, 2, 3 } })
        {
            var looped = order.Select(i => entities[i]).Where(t =>
            {
                var errors = new ValidationErrors();
                _validator.CheckReferences(t, snapshot, "", errors);
                return errors.ToDictionary().ContainsKey("parent");
            }).Select(t => t.Id).Order().ToList();
            Assert.Equal(["a", "b", "c"], looped);
        }
    }
}
