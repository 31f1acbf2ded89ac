using System.Globalization;
using GraphApi.Analysis;
using GraphApi.Analysis.Calibration;

namespace GraphBench;

/// <summary>
/// Issue 13's figures: precision and recall of the overlap scoring and of the duplicate detector on the labelled cases of
/// src/GraphApi/Analysis/Calibration, with the shipped constants, the scoring before issue 13, and a sweep over the
/// shrinkage pseudo-counts that shows why the defaults were chosen (docs/analysis.md). No timing: the figures do not
/// depend on the machine.
/// </summary>
public static class CalibrationBenchmark
{
    public const string Title = "Calibration of Doppelstrukturen and duplicate records (issue 13)";

    public static Task<ResultTable> RunAsync(BenchOptions options)
    {
        var table = new ResultTable(Title);
        var set = BodyCalibration.Build();
        var counts = set.Pairs.GroupBy(p => p.Label).ToDictionary(g => g.Key, g => g.Count());
        table.Note($"Body pairs: {counts.GetValueOrDefault(PairLabels.Duplicate)} duplicate, {counts.GetValueOrDefault(PairLabels.SubBody)} sub-body, " +
                   $"{counts.GetValueOrDefault(PairLabels.Unrelated)} unrelated (labelled), in one network of {set.Network.Count(GraphApi.Domain.EntityKind.Body)} bodies; " +
                   "every unlabelled pair counts as unrelated. Threshold " + F(Overlaps.DefaultThreshold) + ", default weights.");

        var now = BodyCalibration.Evaluate(set, OverlapWeights.Default, Overlaps.DefaultThreshold);
        table.Add("Doppelstrukturen: precision of the top 10", F(now.TopTenPrecision), "≥ 0.80", now.TopTenPrecision >= 0.8);
        table.Add("Doppelstrukturen: recall of labelled duplicates", F(now.DuplicateRecall), "≥ 0.80", now.DuplicateRecall >= 0.8);
        table.Add("Doppelstrukturen: precision at the threshold", $"{F(now.Precision)} ({now.Listed} listed)");
        table.Add("Sub-bodies ranked as Doppelstrukturen", now.SubBodiesRankedAsDuplicates.ToString(CultureInfo.InvariantCulture), "0",
            now.SubBodiesRankedAsDuplicates == 0);
        table.Add("Sub-bodies listed apart at the threshold", $"{now.SubBodiesFound} of {now.SubBodies}");
        table.Add("Labelled unrelated pairs listed", $"{now.UnrelatedListed} of {now.Unrelated}");

        var old = BodyCalibration.Evaluate(set, OverlapWeights.Default, Overlaps.DefaultThreshold, OverlapTuning.Containment);
        table.Add("Before issue 13 (plain containment): top 10 / recall / precision",
            $"{F(old.TopTenPrecision)} / {F(old.DuplicateRecall)} / {F(old.Precision)} ({old.Listed} listed, {old.UnrelatedListed} unrelated)");

        foreach (var memberPrior in (double[])[1, 2, 3, 4, 5, 6])
            foreach (var topicPrior in (double[])[0, 1, 2])
            {
                var r = BodyCalibration.Evaluate(set, OverlapWeights.Default, Overlaps.DefaultThreshold,
                    new OverlapTuning(memberPrior, topicPrior, Overlaps.NestedTerritoryFactor));
                var mark = memberPrior == Overlaps.MemberPrior && topicPrior == Overlaps.TopicPrior ? " (shipped)" : "";
                table.Add($"Sweep: member prior {F(memberPrior)}, topic prior {F(topicPrior)}{mark}",
                    $"top 10 {F(r.TopTenPrecision)}, recall {F(r.DuplicateRecall)}, precision {F(r.Precision)}, {r.UnrelatedListed} unrelated listed");
            }

        var names = NameCalibration.Evaluate(NameCalibration.Pairs());
        table.Add("Duplicate records: precision", $"{F(names.Precision)} ({names.FalsePositives} wrong of {names.Different} different)", "≥ 0.90", names.Precision >= 0.9);
        table.Add("Duplicate records: recall", $"{F(names.Recall)} ({names.TruePositives} of {names.Same} same)", "≥ 0.90", names.Recall >= 0.9);
        foreach (var m in names.Missed) table.Note("Missed record pair: " + m);
        foreach (var w in names.Wrong) table.Note("Wrongly flagged record pair: " + w);
        foreach (var m in now.Missed) table.Note("Missed Doppelstruktur: " + m);
        foreach (var w in now.FalseInTopTen) table.Note("Not a labelled duplicate in the top 10: " + w);
        return Task.FromResult(table);
    }

    private static string F(double x) => x.ToString("0.00", CultureInfo.InvariantCulture);
}
