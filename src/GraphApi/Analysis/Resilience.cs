using GraphApi.Analysis.Algorithms;
using GraphApi.Domain;

namespace GraphApi.Analysis;

/// <summary>
/// An actor, body or person whose loss splits its part of the network. <see cref="PartSizes"/> are
/// the pieces left (largest first, they add up to the component's size minus the node itself);
/// <see cref="CutOff"/> counts the nodes no longer connected to the largest piece.
/// </summary>
public sealed record ArticulationPointFinding(AnalysisNode Node, IReadOnlyList<int> PartSizes, int CutOff);

/// <summary>
/// A tie whose loss splits its part of the network in two: the side holding
/// <see cref="LargerSide"/> keeps <see cref="LargerSideSize"/> nodes, the other side
/// <see cref="SmallerSideSize"/> (on a tie in size, the sides are in id order).
/// <see cref="Relationships"/> are the records behind the tie.
/// </summary>
public sealed record BridgeFinding(
    AnalysisNode LargerSide, int LargerSideSize,
    AnalysisNode SmallerSide, int SmallerSideSize,
    IReadOnlyList<EdgeSource> Relationships);

public sealed record ResilienceResult(IReadOnlyList<ArticulationPointFinding> ArticulationPoints, IReadOnlyList<BridgeFinding> Bridges);

/// <summary>
/// Single points of failure (issue 3, gaps): the articulation points and bridges of the same
/// <see cref="AnalysisGraph"/> that the metrics use, worst first — ordered by how many nodes the loss
/// would cut off (the smaller part; for a node leaving three or more pieces, all but the largest),
/// then by label and id.
/// </summary>
public static class Resilience
{
    /// <param name="snapshot">The network, already filtered to a date if the request asks "as of".</param>
    /// <param name="minimumCutOff">
    /// Leave out findings that cut off fewer nodes. The default 1 keeps everything, including the
    /// many cases where a single member hangs on one body; a caller can raise it to show only real splits.
    /// </param>
    public static ResilienceResult Compute(NetworkSnapshot snapshot, int minimumCutOff = 1) =>
        Compute(AnalysisGraph.From(snapshot), minimumCutOff);

    public static ResilienceResult Compute(AnalysisGraph analysis, int minimumCutOff = 1)
    {
        var cuts = Connectivity.FindCuts(analysis.Graph);
        var nodes = analysis.Nodes;

        var points = cuts.ArticulationPoints
            .Select(a => new ArticulationPointFinding(nodes[a.Node], a.PartSizes, a.PartSizes.Sum() - a.PartSizes[0]))
            .Where(f => f.CutOff >= minimumCutOff)
            .OrderByDescending(f => f.CutOff)
            .ThenBy(f => f.Node.Label, StringComparer.Ordinal).ThenBy(f => f.Node.Id, StringComparer.Ordinal)
            .ToList();

        var bridges = cuts.Bridges
            .Where(b => Math.Min(b.PartSizeU, b.PartSizeV) >= minimumCutOff)
            .Select(b =>
            {
                // U < V in graph order, so on equal sizes U stays first.
                var uIsLarger = b.PartSizeU >= b.PartSizeV;
                var (large, largeSize, small, smallSize) = uIsLarger
                    ? (b.U, b.PartSizeU, b.V, b.PartSizeV)
                    : (b.V, b.PartSizeV, b.U, b.PartSizeU);
                return new BridgeFinding(nodes[large], largeSize, nodes[small], smallSize, analysis.SourcesOf(b.U, b.V));
            })
            .OrderByDescending(f => f.SmallerSideSize)
            .ThenBy(f => f.SmallerSide.Label, StringComparer.Ordinal).ThenBy(f => f.SmallerSide.Id, StringComparer.Ordinal)
            .ThenBy(f => f.LargerSide.Id, StringComparer.Ordinal)
            .ToList();

        return new ResilienceResult(points, bridges);
    }
}
