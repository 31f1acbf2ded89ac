using System.ComponentModel;
using GraphApi.Analysis;
using GraphApi.Domain;
using GraphApi.Networks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace GraphApi.Api;

/// <summary>
/// /api/networks/{networkId}/analysis/...: the findings a steering group reads (overlaps, gaps, metrics, costs) and
/// /api/networks/{networkId}/diff. Phrases are German unless the request prefers English (Accept-Language: en).
/// </summary>
public static class AnalysisApi
{
    private const string AsOfHelp = "The day to analyse, YYYY-MM-DD: memberships, collaborations and measures count within since..until, " +
                                    "bodies within founded..dissolved (both ends inclusive). Default: the network's Datenstand (dataAsOf), else the newest date " +
                                    "its data records; never the server's clock. 'dayFrom' in the answer says which.";
    private const string ThresholdHelp = "Lowest overlap score (0..1) a pair needs to be listed. Default 0.5.";
    private const string WeightHelp = "Weight (0..1) of this part of the overlap score; the four weights are normalised to sum 1. " +
                                      "Defaults: wMembers 0.55, wTopics 0.2, wTerritories 0.1, wMandate 0.15.";

    public static IEndpointRouteBuilder MapAnalysis(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/networks/{networkId}").WithTags("Analysis");
        group.MapGet("/analysis/overlaps", GetOverlaps).WithName("GetOverlaps")
            .WithSummary("Doppelstrukturen: pairs of bodies that look alike, ranked by a 0..1 score from shared members, topics, " +
                         "territories and mandate, each with its reasons; sub-bodies (one reports to the other) apart in 'subBodies'; plus " +
                         "duplicate measures and probable duplicate actor records.")
            .WithDescription("score = wMembers·members + wTopics·topics + wTerritories·territories + wMandate·mandate. members: overlap " +
                             "coefficient of the member sets weighted by ln(1 + bodies / bodies the member sits in), shrunk towards their Jaccard " +
                             "for small bodies (n / (n + 4)), a quarter when only one member is shared; topics: the same (n / (n + 1)); territories: " +
                             "coverage through the territory tree (a territory inside the other's counts 0.75); mandate: TF-IDF cosine of the " +
                             "German mandate texts. See docs/findings.md.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/analysis/gaps", GetGaps).WithName("GetGaps")
            .WithSummary("Lücken: topics without an active body or actor, unrepresented municipalities, composition gaps, isolated actors, " +
                         "dormant bodies, bodies without lead or steering body, single points of failure; each with a sentence.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/analysis/metrics", GetMetrics).WithName("GetMetrics")
            .WithSummary("Brokers and clusters: degree, betweenness, closeness and PageRank per actor, body and person (networkx 3.x " +
                         "definitions and default normalisation), connected components and Louvain communities with their modularity.")
            .WithDescription("Computed on the undirected simple graph of actors, bodies and persons with the edges membership, " +
                             "collaboration, partOf, worksFor, reportsTo and leads (docs/analysis.md), as of the requested day. " +
                             "'brokers' are the five nodes with the highest betweenness above 0.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/analysis/costs", GetCosts).WithName("GetCosts")
            .WithSummary("Person-hours per year: per body (meetings per year × hours × seats), per actor (persons count toward the actor " +
                         "they represent), network total, and what merging each overlapping pair would save.")
            .WithDescription(Costs.BodyFormula + ". " + Costs.MergerFormula + ". Dormant bodies and bodies without meeting data are listed " +
                             "but not counted in the totals.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/analysis/figures", GetFigures).WithName("GetFigures")
            .WithSummary("The network's figures on a day, each counted one way (the report, panels, table and list show the same): actors, bodies, " +
                         "active bodies, memberships valid on the day, seats (distinct members per body, summed), person-hours rounded once to one decimal.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/analysis/marks", GetMarks).WithName("GetFindingMarks")
            .WithSummary("The marks on findings ('reviewed': geprüft — kein Handlungsbedarf, 'inProgress': in Bearbeitung) with whether each still " +
                         "applies: a mark applies while the finding exists on the day with the facts it was marked on (the same fingerprint).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/analysis/marks", PutMark).WithName("SetFindingMark")
            .WithSummary("Marks one finding (by its key, as the findings list it) as 'reviewed' or 'inProgress' with a note; the fingerprint of its " +
                         "facts on the day is kept with the mark. One change of the network (history, exchange).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapDelete("/analysis/marks", DeleteMark).WithName("ClearFindingMark")
            .WithSummary("Removes the mark on the finding 'key'.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/diff", GetDiff).WithName("GetDiff")
            .WithSummary("Actors, bodies, memberships and collaborations that appeared, ended or changed between two dates: by the validity " +
                         "dates in the data (founded/since in (from, to], last valid day dissolved/until in [from, to)) and by the store's " +
                         "history (edits committed on a UTC day in (from, to]). With meeting, fromMeeting/toMeeting or fromRevision/toRevision " +
                         "it compares two stored states instead (a meeting's start and end, two meetings' ends, two revisions, a day standing " +
                         "for the state at its end in Europe/Berlin) and answers a Comparison: every entry with its sentence and the map nodes it concerns.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        return routes;
    }

    public sealed record OverlapQuery(
        [property: FromQuery(Name = "asOf"), Description(AsOfHelp)] string? AsOf,
        [property: FromQuery(Name = "threshold"), Description(ThresholdHelp)] double? Threshold,
        [property: FromQuery(Name = "wMembers"), Description(WeightHelp)] double? WMembers,
        [property: FromQuery(Name = "wTopics"), Description(WeightHelp)] double? WTopics,
        [property: FromQuery(Name = "wTerritories"), Description(WeightHelp)] double? WTerritories,
        [property: FromQuery(Name = "wMandate"), Description(WeightHelp)] double? WMandate,
        [property: FromQuery(Name = "limit"), Description("At most this many overlapping pairs (1..1000, default 100); 'total' counts all.")] int? Limit);

    public sealed record OverlapResponse(
        string NetworkId, long Revision, string AsOf, string Language, OverlapWeights Weights, double Threshold, int Total,
        IReadOnlyList<Overlap> Overlaps, IReadOnlyList<DuplicateMeasure> DuplicateMeasures, IReadOnlyList<ProbableDuplicate> ProbableDuplicates,
        IReadOnlyList<Overlap>? SubBodies = null, string? DayFrom = null);

    public sealed record GapResponse(
        string NetworkId, long Revision, string AsOf, string Language, IReadOnlyList<CompositionRule> CompositionRules,
        IReadOnlyDictionary<string, int> Counts, IReadOnlyList<Gap> Gaps, IReadOnlyList<DataNote>? Notes = null, string? DayFrom = null);

    public sealed record MetricsResponse(
        string NetworkId, long Revision, string AsOf, string Language, int NodeCount, int EdgeCount, double Modularity, string Summary,
        IReadOnlyList<NamedRef> Brokers, IReadOnlyList<NodeMetrics> Nodes, IReadOnlyList<ComponentSummary> Components,
        IReadOnlyList<CommunitySummary> Communities);

    public sealed record CostResponse(
        string NetworkId, long Revision, string AsOf, string Language, string BodyFormula, string MergerFormula, double Threshold,
        double TotalHoursPerYear, string Summary, IReadOnlyList<BodyCost> Bodies, IReadOnlyList<NamedRef> BodiesWithoutData,
        IReadOnlyList<ActorCost> Actors, double UnattributedHoursPerYear, IReadOnlyList<NamedRef> UnattributedPersons,
        IReadOnlyList<MergerSaving> Mergers);

    private static async Task<Ok<OverlapResponse>> GetOverlaps(NetworkService networks, string networkId,
        [AsParameters] OverlapQuery query, HttpContext context, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var day = Day(query.AsOf, "asOf", errors);
        var (weights, threshold) = Scoring(query, errors);
        var (_, limit) = ApiConventions.Paging(null, query.Limit);
        errors.ThrowIfAny();
        var (view, texts) = await View(networks, networkId, day, context, ct);

        var found = Overlaps.Analyse(view, weights, threshold, texts);
        var overlaps = found.Duplicates;
        return TypedResults.Ok(new OverlapResponse(networkId, view.Snapshot.Revision, view.DayText, texts.Code, weights.Normalised(), threshold,
            overlaps.Count, overlaps.Take(limit).ToList(), DataQuality.DuplicateMeasures(view, texts), DataQuality.ProbableDuplicates(view, texts),
            found.SubBodies.Take(limit).ToList(), view.DayFrom));
    }

    private static async Task<Ok<GapResponse>> GetGaps(NetworkService networks, string networkId,
        [FromQuery(Name = "asOf"), Description(AsOfHelp)] string? asOf,
        [FromQuery(Name = "kind"), Description("Only gaps of this kind.")] string? kind,
        [FromQuery(Name = "minCutOff"), Description("Single points of failure: report only articulation points and bridges that cut off " +
            "at least this many actors, bodies and persons (1..1000, default 2; 1 also lists every member that hangs on one body alone).")] int? minCutOff,
        HttpContext context, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var day = Day(asOf, "asOf", errors);
        if (kind is not null && !GapKinds.All.Contains(kind))
            errors.Add("kind", Texts.Get("api.isNotGapKindUse", kind, string.Join(", ", GapKinds.All)));
        if (minCutOff is < 1 or > 1000) errors.Add("minCutOff", Texts.Get("api.mustBeBetween1And"));
        errors.ThrowIfAny();
        var (view, texts) = await View(networks, networkId, day, context, ct);

        var gaps = Gaps.Find(view, texts, minCutOff ?? Gaps.DefaultMinimumCutOff).Where(g => kind is null || g.Kind == kind).ToList();
        var counts = GapKinds.All.ToDictionary(k => k, k => gaps.Count(g => g.Kind == k));
        return TypedResults.Ok(new GapResponse(networkId, view.Snapshot.Revision, view.DayText, texts.Code,
            Gaps.RulesFor(view.Snapshot.Network), counts, gaps, Gaps.Notes(view, texts), view.DayFrom));
    }

    private static async Task<Ok<MetricsResponse>> GetMetrics(NetworkService networks, string networkId,
        [FromQuery(Name = "asOf"), Description(AsOfHelp)] string? asOf, HttpContext context, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var day = Day(asOf, "asOf", errors);
        errors.ThrowIfAny();
        var (view, texts) = await View(networks, networkId, day, context, ct);

        var m = NetworkMetrics.Compute(view.Snapshot);
        var brokers = MetricsFindings.Brokers(view, m);
        var summary = MetricsFindings.Summary(view, m, brokers, texts);
        return TypedResults.Ok(new MetricsResponse(networkId, view.Snapshot.Revision, view.DayText, texts.Code, m.NodeCount, m.EdgeCount,
            m.Modularity, summary, brokers, m.Nodes, m.Components, m.Communities));
    }

    private static async Task<Ok<CostResponse>> GetCosts(NetworkService networks, string networkId,
        [AsParameters] OverlapQuery query, HttpContext context, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var day = Day(query.AsOf, "asOf", errors);
        var (weights, threshold) = Scoring(query, errors);
        ApiConventions.Paging(null, query.Limit);
        errors.ThrowIfAny();
        var (view, texts) = await View(networks, networkId, day, context, ct);

        var r = Costs.Compute(view, Overlaps.Find(view, weights, threshold, texts), texts);
        return TypedResults.Ok(new CostResponse(networkId, view.Snapshot.Revision, view.DayText, texts.Code, Costs.BodyFormula,
            Costs.MergerFormula, threshold, r.TotalHoursPerYear, r.Summary, r.Bodies, r.BodiesWithoutData, r.Actors,
            r.UnattributedHoursPerYear, r.UnattributedPersons, r.Mergers));
    }

    public sealed record FindingMarkRequest(string? Key, string? State, string? Note, string? AsOf);

    public sealed record MarkedFinding(string Key, string State, string? Note, string? By, string? On, bool Applies, bool Found, IReadOnlyList<string> Ids);

    public sealed record MarksResponse(string NetworkId, long Revision, string AsOf, IReadOnlyList<MarkedFinding> Marks);

    private static async Task<Ok<NetworkFigures>> GetFigures(NetworkService networks, string networkId,
        [FromQuery(Name = "asOf"), Description(AsOfHelp)] string? asOf, HttpContext context, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var day = Day(asOf, "asOf", errors);
        errors.ThrowIfAny();
        var (view, _) = await View(networks, networkId, day, context, ct);
        return TypedResults.Ok(Figures.Of(view));
    }

    private static async Task<Ok<MarksResponse>> GetMarks(NetworkService networks, string networkId,
        [FromQuery(Name = "asOf"), Description(AsOfHelp)] string? asOf, HttpContext context, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var day = Day(asOf, "asOf", errors);
        errors.ThrowIfAny();
        var (view, texts) = await View(networks, networkId, day, context, ct);
        var findings = FindingMarking.All(view, texts).ToDictionary(f => f.Key, StringComparer.Ordinal);
        var marks = view.Snapshot.Network.FindingMarks.Select(m =>
        {
            var f = findings.GetValueOrDefault(m.Key);
            return new MarkedFinding(m.Key, m.State, m.Note, m.By, m.On, f?.Fingerprint == m.Fingerprint, f is not null, f?.Ids ?? []);
        }).ToList();
        return TypedResults.Ok(new MarksResponse(networkId, view.Snapshot.Revision, view.DayText, marks));
    }

    private static async Task<Ok<MarkedFinding>> PutMark(NetworkService networks, EntityValidator validator, TimeProvider clock, string networkId,
        FindingMarkRequest request, HttpContext context, CancellationToken ct)
    {
        request = ApiConventions.Body(request);
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(request.Key)) errors.Add("key", Texts.Get("validation.required"));
        if (string.IsNullOrWhiteSpace(request.State)) errors.Add("state", EntityValidator.NotAllowed(request.State, FindingMarkStates.All));
        var day = Day(request.AsOf, "asOf", errors);
        errors.ThrowIfAny();
        var today = DateOnly.FromDateTime(GraphApi.Localization.Dates.ToBerlin(clock.GetUtcNow()).DateTime);
        var set = await FindingMarking.SetAsync(networks, validator, networkId, request.Key!.Trim(), request.State!.Trim(), request.Note, day,
            ApiConventions.Author(context), today, ct);
        var network = (Network?)set.Changes.FirstOrDefault(c => c.Kind == EntityKind.Network)?.After ?? (await networks.GetAsync(networkId, ct)).Network;
        var mark = network.FindingMarks.First(m => m.Key == request.Key!.Trim());
        return TypedResults.Ok(new MarkedFinding(mark.Key, mark.State, mark.Note, mark.By, mark.On, true, true, []));
    }

    private static async Task<NoContent> DeleteMark(NetworkService networks, EntityValidator validator, string networkId,
        [FromQuery(Name = "key"), Description("The finding's key.")] string? key, HttpContext context, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(key)) errors.Add("key", Texts.Get("validation.required"));
        errors.ThrowIfAny();
        await FindingMarking.ClearAsync(networks, validator, networkId, key!.Trim(), ApiConventions.Author(context), ct);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<DiffReport>, Ok<Comparison>>> GetDiff(NetworkService networks, Comparisons comparisons, string networkId,
        [FromQuery(Name = "from"), Description("Start day, YYYY-MM-DD (required): what held on this day is the baseline.")] string? from,
        [FromQuery(Name = "to"), Description("End day, YYYY-MM-DD (required), not before 'from'.")] string? to,
        [FromQuery(Name = "meeting"), Description("A meeting's id: compares the network at its start with its end (or now while it runs).")] string? meeting,
        [FromQuery(Name = "fromMeeting"), Description("Start point: a meeting's id (its end; 'id:start' for its start).")] string? fromMeeting,
        [FromQuery(Name = "toMeeting"), Description("End point: a meeting's id (its end, or now while it runs; 'id:start' for its start).")] string? toMeeting,
        [FromQuery(Name = "fromRevision"), Description("Start point: a revision of the network.")] long? fromRevision,
        [FromQuery(Name = "toRevision"), Description("End point: a revision of the network.")] long? toRevision,
        HttpContext context, CancellationToken ct)
    {
        if (meeting is not null || fromMeeting is not null || toMeeting is not null || fromRevision is not null || toRevision is not null)
        {
            Language(context);
            var (fromPoint, fromField) = Point(from, fromMeeting, fromRevision, "from");
            var (toPoint, toField) = Point(to, toMeeting, toRevision, "to");
            return TypedResults.Ok(await comparisons.CompareAsync(networkId, fromPoint, toPoint, meeting, ct, fromField, toField));
        }
        var errors = new ValidationErrors();
        var start = Required(from, "from", errors);
        var end = Required(to, "to", errors);
        if (start is not null && end is not null && end < start)
            errors.Add("to", Texts.Get("api.isBeforeFromDatesAre", to, from));
        errors.ThrowIfAny();

        var texts = Language(context);
        var snapshot = await networks.GetAsync(networkId, ct);
        var history = new List<ChangeSet>();
        for (long after = 0; ;)
        {
            const int page = 1000;
            var sets = await networks.HistoryAsync(networkId, after, null, page, ct);
            history.AddRange(sets);
            // History is in commit order: once a set lies after the end day, nothing later can count.
            if (sets.Count < page || DateOnly.FromDateTime(sets[^1].At.UtcDateTime) > end) break;
            after = sets[^1].Revision;
        }
        return TypedResults.Ok(NetworkDiff.Compute(snapshot, history, start!.Value, end!.Value, texts));
    }

    /// <summary>One end of a comparison: a meeting, a revision or a day, in that order; the field named if it is wrong.</summary>
    private static (string? Point, string Field) Point(string? day, string? meeting, long? revision, string side) =>
        meeting is not null ? (meeting, side + "Meeting") : revision is not null ? ($"r{revision}", side + "Revision") : (day, side);

    private static async Task<(AnalysisView View, Phrases Phrases)> View(NetworkService networks, string networkId, DateOnly? day,
        HttpContext context, CancellationToken ct)
    {
        var snapshot = await networks.GetAsync(networkId, ct);
        return (AnalysisView.For(snapshot, day), Language(context));
    }

    /// <summary>The request's language (German unless it asks for English); the answer says which in Content-Language.</summary>
    private static Phrases Language(HttpContext context)
    {
        var phrases = Phrases.Current;
        context.Response.Headers.ContentLanguage = phrases.Code;
        return phrases;
    }

    /// <summary>The asked-for day, or null: then <see cref="AnalysisDay.Of"/> takes the network's Datenstand, never the clock.</summary>
    private static DateOnly? Day(string? text, string parameter, ValidationErrors errors)
    {
        if (text is null) return null;
        if (AsOf.TryParse(text, out var day)) return day;
        errors.Add(parameter, Texts.Get("api.isNotDateOfForm", text));
        return default;
    }

    private static DateOnly? Required(string? text, string parameter, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(parameter, Texts.Get("api.requiredDateOfFormYyyy"));
            return null;
        }
        if (AsOf.TryParse(text, out var day)) return day;
        errors.Add(parameter, Texts.Get("api.isNotDateOfForm2", text));
        return null;
    }

    private static (OverlapWeights Weights, double Threshold) Scoring(OverlapQuery q, ValidationErrors errors)
    {
        var d = OverlapWeights.Default;
        var weights = new OverlapWeights(
            Unit(q.WMembers, d.Members, "wMembers", errors), Unit(q.WTopics, d.Topics, "wTopics", errors),
            Unit(q.WTerritories, d.Territories, "wTerritories", errors), Unit(q.WMandate, d.Mandate, "wMandate", errors));
        if (!errors.Any && weights.Sum <= 0)
            errors.Add("wMembers", Texts.Get("api.atLeastOneOfWmembers"));
        return (weights, Unit(q.Threshold, Overlaps.DefaultThreshold, "threshold", errors));
    }

    private static double Unit(double? value, double fallback, string parameter, ValidationErrors errors)
    {
        if (value is null) return fallback;
        if (double.IsNaN(value.Value) || value is < 0 or > 1)
        {
            errors.Add(parameter, Texts.Get("api.mustBeBetween0And", value.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            return fallback;
        }
        return value.Value;
    }
}
