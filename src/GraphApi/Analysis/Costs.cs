using GraphApi.Domain;

namespace GraphApi.Analysis;

/// <summary>
/// One body's yearly cost in person-hours: meetings per year × hours per meeting × seats. <see cref="Missing"/> names
/// the fields that are not recorded (then <see cref="HoursPerYear"/> is null). A dormant body (by the one rule,
/// <see cref="Dormancy.Of"/>: status 'dormant' or no meeting for two intervals) is listed with what it would cost but not
/// <see cref="Counted"/> in the totals: it does not meet.
/// </summary>
public sealed record BodyCost(NamedRef Body, string Status, int? MeetingsPerYear, double? MeetingHours, int Seats,
    double? HoursPerYear, bool Counted, IReadOnlyList<string> Missing);

/// <summary>The share of one body in an actor's hours: the actor's seats there (itself and persons standing for it).</summary>
public sealed record ActorBodyCost(NamedRef Body, int Seats, double HoursPerYear);

public sealed record ActorCost(NamedRef Actor, double HoursPerYear, IReadOnlyList<ActorBodyCost> Bodies);

/// <summary>
/// What merging an overlapping pair would save: if <see cref="Dropped"/> (the pair's body with fewer seats) is merged into
/// <see cref="Into"/>, its shared members no longer sit its meetings, because they sit in the other body anyway:
/// saving = meetings per year × hours per meeting of the dropped body × shared members. Null when the dropped body lacks data.
/// </summary>
public sealed record MergerSaving(NamedRef Dropped, NamedRef Into, double Score, int SharedMembers, double? HoursSavedPerYear, string Sentence);

public sealed record CostReport(IReadOnlyList<BodyCost> Bodies, IReadOnlyList<ActorCost> Actors, double TotalHoursPerYear,
    IReadOnlyList<NamedRef> BodiesWithoutData, double UnattributedHoursPerYear, IReadOnlyList<NamedRef> UnattributedPersons,
    IReadOnlyList<MergerSaving> Mergers, string Summary);

/// <summary>Was kosten unsere Strukturen? Person-hours per year, by body, by actor and for the network.</summary>
public static class Costs
{
    public const string BodyFormula = "hoursPerYear = meetingsPerYear × meetingHours × seats (distinct members on the day; an actor membership stands for one representative, a person for themselves)";
    public const string MergerFormula = "hoursSavedPerYear = meetingsPerYear × meetingHours of the body with fewer seats × members it shares with the other body";

    public static CostReport Compute(AnalysisView view, IReadOnlyList<Overlap> overlaps, Phrases t)
    {
        var bodies = new List<BodyCost>();
        var byActor = new Dictionary<string, List<ActorBodyCost>>(StringComparer.Ordinal);
        var unattributed = 0.0;
        var unattributedPersons = new SortedSet<string>(StringComparer.Ordinal);
        var totalRaw = 0.0;
        foreach (var body in view.Bodies)
        {
            var seats = view.SeatsOf(body.Id);
            var missing = new List<string>();
            if (body.MeetingsPerYear is null) missing.Add("meetingsPerYear");
            if (body.MeetingHours is null) missing.Add("meetingHours");
            if (seats.Count == 0) missing.Add("members");
            var perSeat = body.MeetingsPerYear * body.MeetingHours;
            var hours = missing.Count == 0 ? perSeat * seats.Count : null;
            var counted = hours is not null && !view.IsDormant(body);
            bodies.Add(new BodyCost(view.Ref(body.Id), body.Status, body.MeetingsPerYear, body.MeetingHours, seats.Count,
                hours, counted, missing));
            if (counted) totalRaw += hours!.Value;
            if (!counted) continue;
            foreach (var group in seats.GroupBy(seat => view.ActorOfSeat(body.Id, seat)))
            {
                var share = perSeat!.Value * group.Count();
                if (group.Key is null)
                {
                    unattributed += share;
                    unattributedPersons.UnionWith(group);
                    continue;
                }
                if (!byActor.TryGetValue(group.Key, out var list)) byActor[group.Key] = list = [];
                list.Add(new ActorBodyCost(view.Ref(body.Id), group.Count(), share));
            }
        }

        // Sums are taken of unrounded values and rounded once (Figures.Hours), so a total never differs from its parts' sum by rounding twice.
        var actors = byActor.Select(e => new ActorCost(view.Ref(e.Key), Round(e.Value.Sum(x => x.HoursPerYear)),
                e.Value.OrderByDescending(x => x.HoursPerYear).Select(x => x with { HoursPerYear = Round(x.HoursPerYear) }).ToList()))
            .OrderByDescending(a => a.HoursPerYear).ThenBy(a => a.Actor.Id, StringComparer.Ordinal).ToList();
        var total = Round(totalRaw);
        bodies = bodies.Select(b => b with { HoursPerYear = b.HoursPerYear is { } h ? Round(h) : null }).ToList();
        var withoutData = bodies.Where(b => b.HoursPerYear is null).Select(b => b.Body).ToList();
        var mergers = overlaps.Select(o => Merger(view, o, bodies, t)).ToList();

        var summary = withoutData.Count == 0
            ? t.Text("analysis.costs.total", Figures.FormatHours(total, t.Culture), "person-hour".ToQuantityText(total, t))
            : t.Text("analysis.costs.totalWithout", Figures.FormatHours(total, t.Culture), "person-hour".ToQuantityText(total, t),
                t.Count(withoutData.Count, "body"), t.List(withoutData.Select(b => b.Name)));
        return new CostReport(bodies, actors, total, withoutData, Round(unattributed), unattributedPersons.Select(view.Ref).ToList(), mergers, summary);
    }

    private static MergerSaving Merger(AnalysisView view, Overlap o, List<BodyCost> costs, Phrases t)
    {
        var a = costs.First(c => c.Body.Id == o.BodyA.Id);
        var b = costs.First(c => c.Body.Id == o.BodyB.Id);
        var (dropped, into) = a.Seats < b.Seats || (a.Seats == b.Seats && (a.HoursPerYear ?? 0) <= (b.HoursPerYear ?? 0)) ? (a, b) : (b, a);
        var shared = o.SharedMembers.Count;
        double? saved = dropped.MeetingsPerYear is { } m && dropped.MeetingHours is { } h ? Round(m * h * shared) : null;
        var sentence = saved is null
            ? t.Text("analysis.lacksMeetingDataSavingCannot", GermanNames.Dative(dropped.Body.Name), dropped.Body.Name)
            : t.Text("analysis.mergingIntoWouldSaveIts", GermanNames.Nominative(dropped.Body.Name), GermanNames.In(into.Body.Name), t.Count(shared, "sharedMember"), Figures.FormatHours(saved.Value, t.Culture), t.Count(dropped.MeetingsPerYear!.Value, "meeting"), t.Number(dropped.MeetingHours!.Value), shared, dropped.Body.Name, into.Body.Name, "person-hour".ToQuantityText(saved.Value, t), "meeting".ToQuantityText(dropped.MeetingsPerYear!.Value, t), "hour".ToQuantityText(dropped.MeetingHours!.Value, t));
        return new MergerSaving(dropped.Body, into.Body, o.Score, shared, saved, sentence);
    }

    private static double Round(double x) => Figures.Hours(x);
}
