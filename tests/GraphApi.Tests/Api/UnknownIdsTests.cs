using System.Net;
using Xunit.Abstractions;

namespace GraphApi.Tests.Api;

/// <summary>
/// Asking for networks that do not exist leaves nothing behind: the live heap comes back to its level. It runs alone
/// (no other test allocates meanwhile), since the heap is the whole process's.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HeapCollection
{
    public const string Name = "Heap measurements";
}

[Collection(HeapCollection.Name)]
public sealed class UnknownIdsTests(ITestOutputHelper output)
{
    [Fact]
    public async Task TwentyThousandRandomNetworkIdsDoNotGrowTheHeap()
    {
        using var app = new TestApp(seed: true, settings: new Dictionary<string, string> { ["Edge:RequestsPerSecond"] = "100000", ["Edge:RequestBurst"] = "100000" });
        var client = app.CreateClient();
        async Task AskAsync(int count)
        {
            var ids = Enumerable.Range(0, count).Select(_ => Guid.NewGuid().ToString("N")).ToList();
            await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (id, ct) =>
            {
                using var answer = await client.GetAsync($"/api/networks/{id}/actors", ct);
                Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
            });
        }
        await AskAsync(500); // warm: the pipeline's own caches fill once
        var before = LiveHeap();
        await AskAsync(20_000);
        var after = LiveHeap();
        output.WriteLine($"Live heap before {before / 1024} kB, after 20,000 unknown ids {after / 1024} kB ({(after - before) / 20_000.0:F1} B per id).");
        // 275 B per id was kept before (5.4 MB for 20,000); allow the noise of a live server, far below that.
        Assert.True(after - before < 1_500_000, $"the heap grew by {(after - before) / 1024} kB");
    }

    private static long LiveHeap()
    {
        for (var i = 0; i < 3; i++)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
