using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace GraphBench;

/// <summary>Latencies of repeated operations, in milliseconds.</summary>
public sealed class Latencies
{
    private readonly List<double> _milliseconds = [];

    public int Count => _milliseconds.Count;

    public void Add(TimeSpan elapsed) => _milliseconds.Add(elapsed.TotalMilliseconds);

    /// <summary>Nearest-rank percentile: the smallest value that at least p % of the samples do not exceed.</summary>
    public double Percentile(double p)
    {
        if (_milliseconds.Count == 0) return double.NaN;
        var sorted = _milliseconds.Order().ToList();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }

    public double Max => _milliseconds.Count == 0 ? double.NaN : _milliseconds.Max();

    public string Summary() => string.Create(CultureInfo.InvariantCulture,
        $"p50 {Percentile(50):F2} ms, p95 {Percentile(95):F2} ms, p99 {Percentile(99):F2} ms, max {Max:F2} ms (n = {Count})");
}

/// <summary>One benchmark's figures with their targets, printed for the console and as Markdown for docs/benchmarks.md.</summary>
public sealed class ResultTable(string title)
{
    private readonly List<(string Measure, string Result, string Target, bool? Met)> _rows = [];
    private readonly List<string> _notes = [];

    public string Title { get; } = title;

    public void Add(string measure, string result, string target = "", bool? met = null)
    {
        _rows.Add((measure, result, target, met));
        // As it comes, too: a long benchmark shows how far it got, and a stopped one what it measured.
        Console.WriteLine($"  ... {measure}: {result}");
    }

    /// <summary>A line under the table: a setting or an explanation that the figures need.</summary>
    public void Note(string note) => _notes.Add(note);

    public bool AllTargetsMet => _rows.All(r => r.Met != false);

    public void PrintToConsole()
    {
        Console.WriteLine();
        Console.WriteLine(Title);
        var measureWidth = _rows.Max(r => r.Measure.Length);
        var resultWidth = _rows.Max(r => r.Result.Length);
        foreach (var (measure, result, target, met) in _rows)
            Console.WriteLine($"  {measure.PadRight(measureWidth)}  {result.PadLeft(resultWidth)}  {target,-14} {Verdict(met)}");
        foreach (var note in _notes) Console.WriteLine($"  {note}");
    }

    public string ToMarkdown(string machine)
    {
        var text = new StringBuilder();
        text.AppendLine($"## {Title}").AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Run on {DateTime.Now:yyyy-MM-dd}, {machine}.").AppendLine();
        text.AppendLine("| Measure | Result | Target | |").AppendLine("|---|---:|---|---|");
        foreach (var (measure, result, target, met) in _rows)
            text.AppendLine($"| {measure} | {result} | {target} | {Verdict(met)} |");
        if (_notes.Count > 0) text.AppendLine();
        foreach (var note in _notes) text.AppendLine($"- {note}");
        return text.ToString();
    }

    private static string Verdict(bool? met) => met switch { true => "met", false => "MISSED", null => "" };
}

/// <summary>What the figures were measured on.</summary>
public static class Machine
{
    public static string Describe()
    {
        var memory = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024);
        return string.Create(CultureInfo.InvariantCulture,
            $"{Environment.ProcessorCount} cores{CpuModel()}, {memory:F0} GiB RAM, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}");
    }

    private static string CpuModel()
    {
        const string cpuInfo = "/proc/cpuinfo";
        if (!File.Exists(cpuInfo)) return "";
        var line = File.ReadLines(cpuInfo).FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
        return line is null ? "" : $" ({line[(line.IndexOf(':') + 1)..].Trim()})";
    }

    public static string Megabytes(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):F0} MB");
}

/// <summary>
/// How much CPU other processes took while a benchmark ran, from /proc/stat minus this process's own
/// time: the build machine is shared, and figures taken while others compile are not comparable.
/// </summary>
public sealed class CpuContention
{
    private const string ProcStat = "/proc/stat";
    private const double ClockTicksPerSecond = 100; // USER_HZ on Linux

    private readonly double _busySeconds = MachineBusySeconds();
    private readonly TimeSpan _ownCpu = OwnCpu();
    private readonly long _started = System.Diagnostics.Stopwatch.GetTimestamp();

    /// <summary>Share of all cores' time that other processes used since this object was made; null where /proc/stat is missing.</summary>
    public double? OthersShare()
    {
        if (!File.Exists(ProcStat)) return null;
        var others = MachineBusySeconds() - _busySeconds - (OwnCpu() - _ownCpu).TotalSeconds;
        var available = System.Diagnostics.Stopwatch.GetElapsedTime(_started).TotalSeconds * Environment.ProcessorCount;
        return Math.Clamp(others / available, 0, 1);
    }

    private static double MachineBusySeconds()
    {
        if (!File.Exists(ProcStat)) return 0;
        // cpu user nice system idle iowait irq softirq steal guest...: work is the first eight but idle and iowait
        // (guest time is already in user); steal counts, as the hypervisor gave those cycles to someone else.
        var fields = File.ReadLines(ProcStat).First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(8).Select(long.Parse).ToArray();
        return (fields.Sum() - fields[3] - fields[4]) / ClockTicksPerSecond;
    }

    /// <summary>
    /// The CPU time of this process and everything it started (the app as its own process, Chromium and its renderers):
    /// a benchmark's own work is not someone else's load. Children that ended count through their parent's reaped time.
    /// </summary>
    private static TimeSpan OwnCpu()
    {
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        if (!Directory.Exists("/proc")) return process.TotalProcessorTime;
        var stats = new Dictionary<int, (int Parent, long Ticks)>();
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), out var pid)) continue;
            try
            {
                // pid (comm) state ppid ... utime(14) stime(15) cutime(16) cstime(17); comm may hold spaces, so split after ")".
                var text = File.ReadAllText(Path.Combine(folder, "stat"));
                var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
                stats[pid] = (int.Parse(fields[1]), long.Parse(fields[11]) + long.Parse(fields[12]) + long.Parse(fields[13]) + long.Parse(fields[14]));
            }
            catch (IOException) { } // the process ended meanwhile
        }
        bool Descends(int pid)
        {
            for (var hops = 0; hops < 64 && stats.TryGetValue(pid, out var s); hops++, pid = s.Parent)
                if (s.Parent == process.Id) return true;
            return false;
        }
        var children = stats.Where(p => Descends(p.Key)).Sum(p => p.Value.Ticks);
        // Plus this process's reaped children (the app and the browser after they were stopped): its stat's total minus its own time.
        var reaped = stats.TryGetValue(process.Id, out var self) ? self.Ticks / ClockTicksPerSecond - process.TotalProcessorTime.TotalSeconds : 0;
        return process.TotalProcessorTime + TimeSpan.FromSeconds(children / ClockTicksPerSecond + Math.Max(0, reaped));
    }
}
