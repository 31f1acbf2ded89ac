using System.Globalization;
using GraphApi.Domain;

namespace GraphApi.Analysis;

/// <summary>
/// The network as it stood on one day, by the validity dates in the data: memberships, collaborations
/// and measures count from <c>since</c> to <c>until</c>, bodies from <c>founded</c> to <c>dissolved</c>.
/// Both ends are inclusive (an <c>until</c> or <c>dissolved</c> date is the last day that counts), because
/// that is how the papers write periods ("Wahlperiode bis 31.10.2021"). A missing start means "always
/// was", a missing end "still is". Actors, persons, topics and territories carry no dates and stay.
/// </summary>
public static class AsOf
{
    public static NetworkSnapshot Apply(NetworkSnapshot snapshot, DateOnly date)
    {
        var day = Format(date);
        var bodies = new HashSet<string>(StringComparer.Ordinal);
        var kept = new List<Entity>();
        foreach (var entity in snapshot.Everything)
        {
            switch (entity)
            {
                case Network:
                    continue;
                case Body b:
                    if (!Holds(b.Founded, b.Dissolved, day)) continue;
                    bodies.Add(b.Id);
                    // Before its dissolution date a body that is dissolved today was still at work.
                    kept.Add(b.Status == BodyStatuses.Dissolved ? b with { Status = BodyStatuses.Active, Dissolved = null } : b);
                    continue;
                case Membership m when !Holds(m.Since, m.Until, day):
                case Collaboration c when !Holds(c.Since, c.Until, day):
                case Measure me when !Holds(me.Since, me.Until, day):
                    continue;
                default:
                    kept.Add(entity);
                    continue;
            }
        }
        // A membership in a body that did not exist that day does not count either.
        kept.RemoveAll(e => e is Membership m && !bodies.Contains(m.Body));
        return NetworkSnapshot.Create(snapshot.Network, snapshot.Revision, kept);
    }

    /// <summary>Whether a period from <paramref name="since"/> to <paramref name="until"/> (both inclusive, either open) covers the day.</summary>
    public static bool Holds(string? since, string? until, string day) =>
        (since is null || string.CompareOrdinal(since, day) <= 0) && (until is null || string.CompareOrdinal(day, until) <= 0);

    public static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Reads a date of the form YYYY-MM-DD, the only form the API accepts.</summary>
    public static bool TryParse(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
