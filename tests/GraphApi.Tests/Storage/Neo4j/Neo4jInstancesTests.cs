using GraphApi.Tests.MultiInstance;
using Xunit.Abstractions;

namespace GraphApi.Tests.Storage.Neo4j;

/// <summary>Two app processes on the one real Neo4j: an edit through A reaches B's hub client and cache.</summary>
[Collection(Neo4jCollection.Name)]
public sealed class Neo4jInstancesTests(Neo4jServer server, ITestOutputHelper output)
{
    [SkippableFact]
    public async Task AnEditThroughOneInstanceReachesTheOtherOnNeo4j()
    {
        Skip.If(server.SkipReason is not null, server.SkipReason);
        var settings = new Dictionary<string, string>
        {
            ["Store__Provider"] = "Neo4j", ["Neo4j__Url"] = server.Url, ["Neo4j__Password"] = server.Password,
        };
        var unused = Path.Combine(Path.GetTempPath(), $"networkgraph-unused-{Guid.NewGuid():N}.db");
        await using var a = await AppInstance.StartAsync(unused, settings);
        await using var b = await AppInstance.StartAsync(unused, settings);
        var (id, json) = Neo4jAppTests.Sample();
        await Instances.ImportAsync(a, json);
        await using var onB = await b.ConnectAsync();
        await onB.JoinAsync(id, "Bea");

        var (_, first) = await Instances.RenameAsync(a, id, "jc", "Jobcenter Mitte");
        try
        {
            await onB.WaitForAsync("changed", Instances.Revision(first), TimeSpan.FromSeconds(30));
        }
        catch (TimeoutException)
        {
            output.WriteLine($"B's log:\n{b.Log}");
            throw;
        }
        var (acknowledged, revision) = await Instances.RenameAsync(a, id, "jc", "Jobcenter Nord");
        var (_, arrived) = await onB.WaitForAsync("changed", Instances.Revision(revision), TimeSpan.FromSeconds(10));
        output.WriteLine($"On Neo4j, an edit through A reached a hub client on B after {(arrived - acknowledged).TotalMilliseconds:F0} ms.");
        Assert.True(arrived - acknowledged < TwoInstancesTests.Promise, $"took {(arrived - acknowledged).TotalMilliseconds:F0} ms");
        await Instances.RenameAsync(b, id, "jc", "Jobcenter Süd"); // B's next edit is no spurious 409
    }
}
