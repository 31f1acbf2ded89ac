using System.Globalization;
using GraphApi.Domain;

namespace GraphApi.Analysis;

/// <summary>
/// The figures of one network on one day, each counted one way (<see cref="Figures"/>): the report, the analysis panel, the
/// table, the network list and the API show these and nothing they counted themselves.
/// </summary>
/// <param name="AsOf">The day, YYYY-MM-DD (the analysis day: the asked day, else the Datenstand).</param>
/// <param name="Actors">Actors on the day (an actor has no validity period: every recorded actor).</param>
/// <param name="Bodies">Bodies that exist on the day (founded, not dissolved).</param>
/// <param name="ActiveBodies">Of those, the ones that meet by the one dormancy rule (<see cref="Dormancy.Of"/>).</param>
/// <param name="Memberships">Membership records valid on the day (since..until); a member with two roles in one body counts twice.</param>
/// <param name="Seats">Seats in bodies on the day: per body its distinct members (an actor or a person each), summed.</param>
/// <param name="HoursPerYear">Person-hours per year of the bodies that meet, rounded once to one decimal (<see cref="Figures.Hours"/>).</param>
/// <param name="MembersByBody">Each body's members (its seats) on the day, by body id.</param>
public sealed record NetworkFigures(
    string AsOf, int Actors, int Bodies, int ActiveBodies, int Persons, int Topics, int Territories, int Measures,
    int Memberships, int Seats, int Collaborations, double HoursPerYear, IReadOnlyDictionary<string, int> MembersByBody)
{
    /// <summary>The figure that counts the entries of one kind (what the API's <c>counts</c> and the table's captions show).</summary>
    public int Of(EntityKind kind) => kind switch
    {
        EntityKind.Actor => Actors,
        EntityKind.Body => Bodies,
        EntityKind.Person => Persons,
        EntityKind.Topic => Topics,
        EntityKind.Territory => Territories,
        EntityKind.Measure => Measures,
        EntityKind.Membership => Memberships,
        EntityKind.Collaboration => Collaborations,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a kind of entry the figures count."),
    };
}

/// <summary>One definition per figure. Counts are as of the analysis day; hours are rounded once, to one decimal, at the end.</summary>
public static class Figures
{
    /// <summary>The network's figures on the view's day, with the hours of <paramref name="costs"/> (the costs analysis of the same view).</summary>
    public static NetworkFigures Of(AnalysisView view, CostReport costs)
    {
        var s = view.Snapshot;
        var members = view.Bodies.ToDictionary(b => b.Id, b => MembersOf(view, b.Id), StringComparer.Ordinal);
        return new NetworkFigures(view.DayText, s.Count(EntityKind.Actor), view.Bodies.Count, view.Bodies.Count(view.IsActive),
            s.Count(EntityKind.Person), s.Count(EntityKind.Topic), s.Count(EntityKind.Territory), s.Count(EntityKind.Measure),
            s.Count(EntityKind.Membership), members.Values.Sum(), s.Count(EntityKind.Collaboration), costs.TotalHoursPerYear, members);
    }

    /// <summary>The figures on the view's day; the costs computed here (no overlaps needed for the sums).</summary>
    public static NetworkFigures Of(AnalysisView view) => Of(view, Costs.Compute(view, [], Phrases.Current));

    /// <summary>A body's members on the day: its distinct seats (an actor, or a person), as the costs count them.</summary>
    public static int MembersOf(AnalysisView view, string bodyId) => view.SeatsOf(bodyId).Count;

    /// <summary>The one rounding of person-hours: one decimal, halves away from zero. Round sums of unrounded values, once.</summary>
    public static double Hours(double raw) => Math.Round(raw, 1, MidpointRounding.AwayFromZero);

    /// <summary>Hours as a reader sees them: "1.121,5" (German) / "1,121.5"; whole hours without decimals ("1.122").</summary>
    public static string FormatHours(double hours, CultureInfo culture) => Hours(hours).ToString("#,##0.#", culture);

    /// <summary>A count as a reader sees it: "1.234".</summary>
    public static string FormatCount(int n, CultureInfo culture) => n.ToString("N0", culture);
}
