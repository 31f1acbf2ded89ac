using System.Diagnostics;
using System.Globalization;

namespace GraphBench;

/// <summary>Options every benchmark understands.</summary>
public sealed record BenchOptions(string Synchronous, int Seed);

public static class Program
{
    /// <summary>One verb per benchmark; "all" runs them in this order. Later: "ui".</summary>
    private static readonly Dictionary<string, Func<BenchOptions, Task<ResultTable>>> Benchmarks = new(StringComparer.OrdinalIgnoreCase)
    {
        ["store"] = StoreBenchmark.RunAsync,
        ["stores"] = StoresBenchmark.RunAsync,
        ["analysis"] = AnalysisBenchmark.RunAsync,
        ["ui"] = UiBenchmark.RunAsync,
        ["ui-open"] = UiBenchmark.OpensAsync,
        ["live"] = LiveBenchmark.RunAsync,
        ["calibration"] = CalibrationBenchmark.RunAsync,
        ["exchange"] = ExchangeBenchmark.RunAsync,
    };

    private const string Usage = """
        Usage: dotnet run -c Release --project bench/GraphBench -- <verb>... [--synchronous FULL|NORMAL] [--seed N]
          verbs: {0}, all
        """;

    public static async Task<int> Main(string[] args)
    {
        if (!TryParse(args, out var verbs, out var options))
        {
            Console.Error.WriteLine(string.Format(Usage, string.Join(", ", Benchmarks.Keys)));
            return 2;
        }
#if DEBUG
        Console.WriteLine("Warning: a Debug build; figures are only meaningful with -c Release.");
#endif
        var machine = Machine.Describe();
        Console.WriteLine($"Machine: {machine}");
        var tables = new List<ResultTable>();
        foreach (var verb in verbs)
        {
            var started = Stopwatch.GetTimestamp();
            var contention = new CpuContention();
            Console.WriteLine($"Running '{verb}'...");
            var table = await Benchmarks[verb](options);
            if (contention.OthersShare() is { } others)
                table.Note(string.Create(CultureInfo.InvariantCulture,
                    $"Work outside this benchmark and the processes it started (other processes, the kernel) used {others:P0} of the machine's CPU during the run; above a few per cent the figures are skewed."));
            Console.WriteLine($"'{verb}' took {Stopwatch.GetElapsedTime(started).TotalSeconds:F0} s.");
            table.PrintToConsole();
            tables.Add(table);
        }

        Console.WriteLine();
        Console.WriteLine("Markdown for docs/benchmarks.md:");
        Console.WriteLine();
        foreach (var table in tables) Console.WriteLine(table.ToMarkdown(machine));
        return tables.All(t => t.AllTargetsMet) ? 0 : 1;
    }

    private static bool TryParse(string[] args, out List<string> verbs, out BenchOptions options)
    {
        verbs = [];
        options = new BenchOptions(Synchronous: "FULL", Seed: 20_240_602);
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--synchronous" when i + 1 < args.Length:
                    options = options with { Synchronous = args[++i].ToUpperInvariant() };
                    break;
                case "--seed" when i + 1 < args.Length && int.TryParse(args[i + 1], out var seed):
                    options = options with { Seed = seed };
                    i++;
                    break;
                case "all":
                    verbs.AddRange(Benchmarks.Keys);
                    break;
                case var verb when Benchmarks.ContainsKey(verb):
                    verbs.Add(verb);
                    break;
                default:
                    return false;
            }
        }
        verbs = verbs.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return verbs.Count > 0;
    }
}
