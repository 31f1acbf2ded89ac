using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace GraphUi.Tests;

/// <summary>
/// The one accessibility check every browser test calls (BITV 2.0 / WCAG 2.1 AA): axe-core finds no serious or
/// critical violation on the page as it is now (open dialogs included). The report names each rule and element.
/// </summary>
public static class Accessibility
{
    public static async Task AssertAccessibleAsync(this IPage page, string? state = null)
    {
        var options = new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        };
        var result = await page.RunAxe(options);
        var bad = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        if (bad.Count == 0) return;
        var report = string.Join("\n", bad.Select(v =>
            $"- {v.Id} ({v.Impact}): {v.Help}\n    " + string.Join("\n    ", v.Nodes.Take(5).Select(n => n.Target?.ToString() + " " + n.Html))));
        Assert.Fail($"axe found {bad.Count} serious or critical violation(s) on {page.Url}{(state is null ? "" : $" ({state})")}:\n{report}");
    }
}
