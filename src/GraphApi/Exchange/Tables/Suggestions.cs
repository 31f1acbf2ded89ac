namespace GraphApi.Exchange.Tables;

/// <summary>"meinten Sie …?": the known name closest to a mistyped one, if one is close enough to be a typo.</summary>
public static class Suggestions
{
    /// <summary>
    /// The best candidate for <paramref name="typed"/>: a name within a few edits of it, or one whose beginning is a few
    /// edits from it ("Steuerungsgrupe" for "Steuerungsgruppe Integration"), compared without case.
    /// </summary>
    public static string? Closest(string typed, IEnumerable<string> candidates)
    {
        var t = typed.Trim().ToLowerInvariant();
        if (t.Length < 3) return null;
        string? best = null;
        var bestScore = double.MaxValue;
        foreach (var candidate in candidates.Distinct(StringComparer.Ordinal))
        {
            var c = candidate.ToLowerInvariant();
            var whole = Distance(t, c);
            var score = whole <= Math.Max(1, t.Length / 4) ? whole : double.MaxValue;
            if (t.Length >= 5 && c.Length > t.Length)
            {
                // A shortened or truncated name: compare with the candidate's beginning, a little worse than a whole match.
                var prefix = Math.Min(Distance(t, c[..t.Length]), Distance(t, c[..Math.Min(c.Length, t.Length + 1)]));
                if (prefix <= Math.Max(1, t.Length / 6)) score = Math.Min(score, prefix + 0.5);
            }
            if (score < bestScore || score == bestScore && string.CompareOrdinal(candidate, best) < 0)
                (best, bestScore) = (candidate, score);
        }
        return best;
    }

    /// <summary>Levenshtein distance, two rows.</summary>
    public static int Distance(string a, string b)
    {
        if (a.Length == 0) return b.Length;
        if (b.Length == 0) return a.Length;
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
