using System.Diagnostics;
using GraphApi.Domain;
using GraphApi.Exchange;
using GraphApi.Exchange.Csv;
using GraphApi.Exchange.Excel;
using GraphApi.Exchange.Gexf;
using GraphApi.Exchange.GraphMl;
using GraphApi.Exchange.Import;
using GraphApi.Exchange.Tables;
using GraphApi.Storage;
using Microsoft.Extensions.Options;

namespace GraphBench;

/// <summary>
/// Issue 12's figures: the large synthetic network (10,000 actors, 60,000 memberships) written and read as an xlsx workbook
/// and a CSV zip, in process; reading includes the checks of every rule (the store's commit is the store benchmark's figure).
/// </summary>
public static class ExchangeBenchmark
{
    public const string Title = "Spreadsheets and graph formats (issue 12)";
    private static readonly TimeSpan Target = TimeSpan.FromSeconds(5);

    public static async Task<ResultTable> RunAsync(BenchOptions options)
    {
        var table = new ResultTable(Title);
        await RoundAsync(SyntheticNetwork.Generate(NetworkShape.Small, options.Seed), null); // warm-up: JIT, MiniExcel's caches

        var shape = NetworkShape.Large;
        var document = SyntheticNetwork.Generate(shape, options.Seed);
        table.Note($"Large network: {shape.Actors:N0} actors, {shape.Bodies:N0} bodies, {shape.Persons:N0} persons, {shape.Memberships:N0} memberships, " +
                   $"{shape.Collaborations:N0} collaborations, seed {options.Seed}.");
        await RoundAsync(document, table);

        using var process = Process.GetCurrentProcess();
        process.Refresh();
        table.Add("Peak working set of the whole run", $"{process.PeakWorkingSet64 / 1024 / 1024:N0} MB");
        table.Note("Single runs in process after a warm-up on the small network. Reading = unzip + parse + resolve references + every validation rule; " +
                   "the transaction that then writes the network is the store benchmark's 'import' figure.");
        return table;
    }

    /// <summary>On a machine shared with others the wall time measures them too; the process's CPU time is what an idle machine would take.</summary>
    private static TimeSpan Cpu()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    private static async Task RoundAsync(NetworkDocument document, ResultTable? table)
    {
        var snapshot = NetworkSnapshot.Create(new Network { Id = document.Network!.Id!, Name = document.Network.Name! }, 1,
            Enumerable.Empty<Entity>().Concat(document.Topics!).Concat(document.Territories!).Concat(document.Actors!).Concat(document.Bodies!)
                .Concat(document.Persons!).Concat(document.Memberships!).Concat(document.Collaborations!).Concat(document.Measures ?? []));
        var request = new ExportRequest(snapshot, new Dictionary<string, NodePosition>(), new Dictionary<string, string?>());
        var limits = Options.Create(new GraphLimits());
        var exchange = new NetworkExchange(null!, new EntityValidator(limits.Value), limits);

        foreach (var (format, writer, reader) in new (string, INetworkWriter, INetworkReader)[]
                 {
                     ("xlsx", new ExcelNetworkWriter(), new ExcelNetworkReader()), ("CSV zip", new CsvNetworkWriter(), new CsvNetworkReader()),
                 })
        {
            var file = new MemoryStream();
            var cpu = Cpu();
            var written = Stopwatch.StartNew();
            await writer.WriteAsync(request, file, CancellationToken.None);
            written.Stop();
            var writeCpu = Cpu() - cpu;
            file.Position = 0;
            cpu = Cpu();
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var read = Stopwatch.StartNew();
            var input = await reader.ReadAsync(file, new ImportOptions(), CancellationToken.None);
            var (_, errors) = exchange.Validate(input.Document);
            read.Stop();
            var readCpu = Cpu() - cpu;
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
            if (input.Problems.Count > 0 || errors.Any)
                throw new InvalidOperationException($"{format}: the export does not read back cleanly: {input.Problems.FirstOrDefault()} {string.Join("; ", errors.ToDictionary().Take(3).Select(e => e.Key + " " + e.Value[0]))}");
            table?.Add($"Write as {format} ({file.Length / 1024:N0} KB)", $"{written.Elapsed.TotalSeconds:F2} s", "< 5 s", written.Elapsed < Target);
            table?.Add("  CPU time of it", $"{writeCpu.TotalSeconds:F2} s");
            table?.Add($"Read and check the {format}", $"{read.Elapsed.TotalSeconds:F2} s", "< 5 s", read.Elapsed < Target);
            table?.Add("  CPU time of it", $"{readCpu.TotalSeconds:F2} s");
            table?.Add("  allocated while reading", $"{allocated / 1024 / 1024:N0} MB");
        }
        foreach (var writer in new INetworkWriter[] { new GraphMlNetworkWriter(), new GexfNetworkWriter() })
        {
            var file = new MemoryStream();
            var written = Stopwatch.StartNew();
            await writer.WriteAsync(request, file, CancellationToken.None);
            table?.Add($"Write as {writer.Format} ({file.Length / 1024:N0} KB)", $"{written.Elapsed.TotalSeconds:F2} s");
        }
    }
}
