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
        // One request after the other: parallel requests grow the thread pool and the server's buffers once, which is not
        // what is measured here.
        async Task AskAsync(int count, bool distinct)
        {
            for (var i = 0; i < count; i++)
            {
                using var answer = await client.GetAsync($"/api/networks/{(distinct ? Guid.NewGuid().ToString("N") : "gibt-es-nicht")}/actors");
                Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
            }
        }
        const int ids = 20_000;
        await AskAsync(500, distinct: true); // warm: the pipeline's own caches fill once
        // The same number of requests twice, once for one id and once for as many different ids: whatever else the process
        // keeps meanwhile (other tests' servers and fixtures) grows alike in both; only what is kept per id differs. Other
        // test classes run meanwhile and can free or take megabytes between two readings, so a measurement is taken up to
        // three times: memory really kept per id (275 B before the fix) shows in every one, another test's noise in one.
        var measured = new List<double>();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var start = LiveHeap();
            await AskAsync(ids, distinct: false);
            var same = LiveHeap();
            await AskAsync(ids, distinct: true);
            var different = LiveHeap();
            var perId = ((different - same) - (same - start)) / (double)ids;
            output.WriteLine($"Live heap {start / 1024} kB; after {ids:N0} asks for one unknown id {same / 1024} kB; after {ids:N0} different unknown ids {different / 1024} kB: {perId:F1} B kept per id.");
            measured.Add(perId);
            if (perId < 60) return;
        }
        Assert.Fail($"kept per unknown id in each of three measurements: {string.Join(", ", measured.Select(m => $"{m:F1} B"))}");
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
