using GraphApi.Domain;
using GraphApi.Networks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace GraphApi.Api;

/// <summary>
/// /api/networks/{networkId}/{actors|bodies|persons|topics|territories|measures|memberships|collaborations}:
/// the same five operations for every kind of entry, with the filters that make sense for each.
/// </summary>
public static class EntitiesApi
{
    public static IEndpointRouteBuilder MapEntities(this IEndpointRouteBuilder routes)
    {
        Map<Actor>(routes, "Actors");
        Map<Body>(routes, "Bodies");
        Map<Person>(routes, "Persons");
        Map<Topic>(routes, "Topics");
        Map<Territory>(routes, "Territories");
        Map<Measure>(routes, "Measures");
        Map<Membership>(routes, "Memberships");
        Map<Collaboration>(routes, "Collaborations");
        routes.MapPost("/api/networks/{networkId}/merge", Merge).WithTags("Merge").WithName("Merge")
            .WithSummary("Zusammenführen: two actors that are one organisation (everything of 'other' moves to 'keep'), or two bodies " +
                         "('other' is dissolved as of 'asOf', its members continue in 'keep'); one change set, undone by reverting it.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return routes;
    }

    /// <summary>The body of POST …/merge: kind "actor" or "body", the ids to keep and to merge into it, and for bodies the day.</summary>
    public sealed record MergeBody(string? Kind, string? Keep, string? Other, string? AsOf);

    private static async Task<Ok<ChangeSet>> Merge(NetworkService networks, string networkId, MergeBody body, HttpContext context,
        CancellationToken ct)
    {
        body = ApiConventions.Body(body);
        var kind = body.Kind switch { "actor" => EntityKind.Actor, "body" => EntityKind.Body, _ => (EntityKind?)null };
        if (kind is null)
        {
            var errors = new ValidationErrors();
            errors.Add("kind", EntityValidator.NotAllowed(body.Kind, ["actor", "body"]));
            errors.ThrowIfAny();
        }
        var set = await networks.MergeAsync(networkId, new MergeRequest(kind!.Value, body.Keep?.Trim() ?? "", body.Other?.Trim() ?? "",
            string.IsNullOrWhiteSpace(body.AsOf) ? null : body.AsOf.Trim()), ApiConventions.Author(context), ct);
        ApiConventions.TellRevision(context, set);
        return TypedResults.Ok(set);
    }

    /// <summary>The URL segment of a kind: "actors", "bodies"...</summary>
    public static string Segment(EntityKind kind) => kind switch
    {
        EntityKind.Body => "bodies",
        EntityKind.Territory => "territories",
        _ => kind.ToString().ToLowerInvariant() + "s",
    };

    private static void Map<T>(IEndpointRouteBuilder routes, string plural) where T : Entity
    {
        var kind = NetworkSnapshot.KindOf<T>();
        var singular = typeof(T).Name;
        var group = routes.MapGroup($"/api/networks/{{networkId}}/{Segment(kind)}").WithTags(plural);

        group.MapGet("/", List<T>).WithName($"List{plural}")
            .WithSummary($"{plural} of a network, filtered and paged, ordered by id.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id}", Get<T>).WithName($"Get{singular}").WithSummary($"One {singular.ToLowerInvariant()}.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/", Create<T>).WithName($"Create{singular}")
            .WithSummary($"Adds a {singular.ToLowerInvariant()}; without an id one is generated.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPut("/{id}", Update<T>).WithName($"Update{singular}")
            .WithSummary($"Replaces a {singular.ToLowerInvariant()}; 'version' must be the version the edit is based on, else 409 with the current state.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapDelete("/{id}", Delete<T>).WithName($"Delete{singular}")
            .WithSummary($"Deletes a {singular.ToLowerInvariant()} with the memberships and collaborations that hang on it; " +
                         "'version' (required, else 428) must be its current version; 409 naming the references if anything else refers to it.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesValidationProblem(StatusCodes.Status428PreconditionRequired);
    }

    /// <summary>List filters; each applies only to the kinds that have the field.</summary>
    public sealed record ListQuery(
        string? Kind, string? Topic, string? Territory, string? Status, string? Text,
        string? Member, string? Body, string? Role, string? Actor, int? Offset, int? Limit);

    private static async Task<Ok<Page<T>>> List<T>(NetworkService networks, string networkId, [AsParameters] ListQuery query,
        CancellationToken ct) where T : Entity
    {
        var (offset, limit) = ApiConventions.Paging(query.Offset, query.Limit);
        CheckFilterValues<T>(query);
        var snapshot = await networks.GetAsync(networkId, ct);
        var matching = snapshot.All<T>().Where(e => Matches(e, query)).ToList();
        return TypedResults.Ok(new Page<T>(matching.Skip(offset).Take(limit).ToList(), matching.Count, offset, limit));
    }

    private static async Task<Ok<T>> Get<T>(NetworkService networks, string networkId, string id, CancellationToken ct) where T : Entity
    {
        var snapshot = await networks.GetAsync(networkId, ct);
        return TypedResults.Ok(snapshot.Find<T>(id) ?? throw NotFoundException.NoEntry(NetworkSnapshot.KindOf<T>(), id, networkId));
    }

    private static async Task<Created<T>> Create<T>(NetworkService networks, string networkId, T entity, HttpContext context,
        CancellationToken ct) where T : Entity
    {
        var set = await networks.CreateAsync(networkId, ApiConventions.Body(entity), ApiConventions.Author(context), ct);
        ApiConventions.TellRevision(context, set);
        var created = (T)set.Changes[0].After!;
        return TypedResults.Created($"/api/networks/{networkId}/{Segment(created.EntityKind)}/{created.Id}", created);
    }

    private static async Task<Ok<T>> Update<T>(NetworkService networks, string networkId, string id, T entity, HttpContext context,
        CancellationToken ct) where T : Entity
    {
        var set = await networks.UpdateAsync(networkId, ApiConventions.Body(entity) with { Id = id }, ApiConventions.Author(context), ct);
        ApiConventions.TellRevision(context, set);
        return TypedResults.Ok((T)set.Changes[0].After!);
    }

    private static async Task<Ok<ChangeSet>> Delete<T>(NetworkService networks, string networkId, string id, long? version,
        HttpContext context, CancellationToken ct) where T : Entity =>
        TypedResults.Ok(await networks.DeleteAsync(networkId, NetworkSnapshot.KindOf<T>(), id, PrivacyApi.RequireVersion(version),
            ApiConventions.Author(context), ct));

    /// <summary>A filter value that can never match is a mistake worth saying, with the values that can.</summary>
    private static void CheckFilterValues<T>(ListQuery q) where T : Entity
    {
        IReadOnlyList<string>? kinds = KindVocabulary(NetworkSnapshot.KindOf<T>())?.Codes;
        var errors = new ValidationErrors();
        if (q.Kind is not null && kinds is not null && !kinds.Contains(q.Kind))
            errors.Add("kind", EntityValidator.NotAllowed(q.Kind, kinds));
        if (q.Status is not null && !BodyStatuses.All.Contains(q.Status))
            errors.Add("status", EntityValidator.NotAllowed(q.Status, BodyStatuses.All));
        if (q.Role is not null && !MembershipRoles.All.Contains(q.Role))
            errors.Add("role", EntityValidator.NotAllowed(q.Role, MembershipRoles.All));
        errors.ThrowIfAny();
    }

    private static bool Matches(Entity e, ListQuery q)
    {
        if (q.Kind is not null && KindOf(e) != q.Kind) return false;
        if (q.Status is not null && (e as Body)?.Status != q.Status) return false;
        if (q.Topic is not null && !Topics(e).Contains(q.Topic)) return false;
        if (q.Territory is not null && !Territories(e).Contains(q.Territory)) return false;
        if (q.Member is not null && (e as Membership)?.Member != q.Member) return false;
        if (q.Body is not null && (e as Membership)?.Body != q.Body) return false;
        if (q.Role is not null && (e as Membership)?.Role != q.Role) return false;
        if (q.Actor is not null && !(e is Collaboration c && (c.From == q.Actor || c.To == q.Actor)) &&
            !(e is Person p && p.Actor == q.Actor) && !(e is Measure m && m.OfferedBy.Contains(q.Actor))) return false;
        return q.Text is null || Texts(e).Any(t => t?.Contains(q.Text, StringComparison.OrdinalIgnoreCase) == true);
    }

    /// <summary>The vocabulary of an entity's <c>kind</c> field, for the kinds that have one.</summary>
    private static Vocabulary? KindVocabulary(EntityKind kind) => kind switch
    {
        EntityKind.Actor => Kinds.Actor, EntityKind.Body => Kinds.Body, EntityKind.Territory => Kinds.Territory,
        EntityKind.Collaboration => Kinds.Collaboration, _ => null,
    };

    private static string? KindOf(Entity e) => e switch
    {
        Actor a => a.Kind, Body b => b.Kind, Territory t => t.Kind, Collaboration c => c.Kind, _ => null,
    };

    private static IReadOnlyList<string> Topics(Entity e) => e switch
    {
        Actor a => a.Topics, Body b => b.Topics, Measure m => m.Topics, Collaboration c => c.Topics, _ => [],
    };

    private static IReadOnlyList<string> Territories(Entity e) => e switch
    {
        Actor a => a.Territories, Body b => b.Territories, Measure m => m.Territories, _ => [],
    };

    private static IEnumerable<string?> Texts(Entity e) => e switch
    {
        Actor a => [a.Id, a.Name, a.ShortName, a.Description],
        Body b => [b.Id, b.Name, b.Mandate],
        Person p => [p.Id, p.Name, p.Function],
        Topic t => [t.Id, t.Name, t.Description],
        Territory t => [t.Id, t.Name],
        Measure m => [m.Id, m.Name, m.Description],
        Collaboration c => [c.Id, c.Description],
        _ => [e.Id],
    };
}
