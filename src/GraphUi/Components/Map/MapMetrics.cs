using System.Diagnostics;
using System.Diagnostics.Metrics;
using GraphApi.Domain;

namespace GraphUi.Components.Map;

/// <summary>
/// How long an open map takes from a commit to its render batch on the server (issue 8's "50 open maps in one meeting"):
/// measured in each circuit from the moment the change feed reports the commit until the map has rendered it (the batch
/// is then on its way to the browser). A histogram for dotnet-counters or OpenTelemetry (meter "NetworkGraph.Map"), and a
/// Debug log line per map and commit for the benchmark, which reads the app's console.
/// </summary>
public static class MapMetrics
{
    public const string MeterName = "NetworkGraph.Map";
    private static readonly Meter Meter = new(MeterName);
    private static readonly Histogram<double> CommitToRender = Meter.CreateHistogram<double>("networkgraph.map.commit_to_render", "ms",
        "From a commit to the render batch of an open map showing that network, on the server");

    /// <param name="committed">The Stopwatch timestamp taken when the change feed reported the commit.</param>
    public static void Rendered(ILogger logger, ChangeSet set, long committed)
    {
        var elapsed = Stopwatch.GetElapsedTime(committed);
        CommitToRender.Record(elapsed.TotalMilliseconds);
        if (logger.IsEnabled(LogLevel.Debug))
            logger.LogDebug("Commit {Revision} of {Network} rendered after {Microseconds} us", set.Revision, set.NetworkId, (long)elapsed.TotalMicroseconds);
    }
}
