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
    public async Task SixtyThousandRandomNetworkIdsDoNotGrowTheHeap()
    {
        using var app = new TestApp(seed: true, settings: new Dictionary<string, string> { ["Edge:RequestsPerSecond"] = "100000", ["Edge:RequestBurst"] = "100000" });
        var client = app.CreateClient();
        async Task AskAsync(int count)
        {
            var names = Enumerable.Range(0, count).Select(_ => Guid.NewGuid().ToString("N")).ToList();
            await Parallel.ForEachAsync(names, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (id, ct) =>
            {
                using var answer = await client.GetAsync($"/api/networks/{id}/actors", ct);
                Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
            });
        }
        await AskAsync(500); // warm: the pipeline's own caches fill once
        var before = LiveHeap();
        const int ids = 60_000;
        await AskAsync(ids);
        var after = LiveHeap();
        output.WriteLine($"Live heap before {before / 1024} kB, after {ids:N0} unknown ids {after / 1024} kB ({(after - before) / (double)ids:F1} B per id).");
        // 275 B per id were kept before (16 MB for 60,000); what remains is the noise of a live server (about 2 MB seen).
        Assert.True(after - before < 5_000_000, $"the heap grew by {(after - before) / 1024} kB");
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
