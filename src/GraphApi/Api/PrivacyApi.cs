using GraphApi.Access;
using GraphApi.Domain;
using GraphApi.Privacy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace GraphApi.Api;

/// <summary>
/// The trash (/api/trash) and the data-protection operations on persons (/api/networks/{id}/persons/...): retention dates
/// that are due, erasure (Art. 17) and the export of everything stored about a person (Art. 15).
/// </summary>
public static class PrivacyApi
{
    public static IEndpointRouteBuilder MapPrivacy(this IEndpointRouteBuilder routes)
    {
        var trash = routes.MapGroup("/api/trash").WithTags("Trash");
        trash.MapGet("/", ListTrash).WithName("ListTrash")
            .WithSummary("Deleted networks in the trash, with when and by whom they were deleted and when they will be erased.");
        trash.MapPost("/{networkId}/restore", RestoreFromTrash).WithName("RestoreFromTrash")
            .WithSummary("Takes a network out of the trash exactly as it was (state, history, positions); its owner.")
            .RequireNetwork(NetworkAction.Manage)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        var persons = routes.MapGroup("/api/networks/{networkId}/persons").WithTags("Persons");
        persons.MapGet("/due", Due).WithName("ListPersonsDue")
            .WithSummary("Persons whose retention date (retainUntil) is on or before 'asOf' (default today): due for review or erasure.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        persons.MapPost("/{personId}/erase", Erase).WithName("ErasePerson").RequireNetwork(NetworkAction.Manage)
            .WithSummary("Erases a person (DSGVO Art. 17) from the current state, the stored history and the map positions; the erasure " +
                         "is recorded without the name. Cannot be undone.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        persons.MapGet("/{personId}/export", Export).WithName("ExportPersonData").RequireNetwork(NetworkAction.Manage)
            .WithSummary("Everything stored about a person (DSGVO Art. 15) as JSON: the person, their memberships, every stored change and their position.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return routes;
    }

    /// <summary>Each sees the deleted networks they own (an administrator all): only an owner can restore one.</summary>
    private static async Task<Ok<IReadOnlyList<TrashEntry>>> ListTrash(TrashService trash, NetworkAccess access, HttpContext context,
        CancellationToken ct) =>
        TypedResults.Ok(await access.ManagedAsync(context.User, await trash.ListAsync(ct), e => e.NetworkId, ct));

    private static async Task<NoContent> RestoreFromTrash(TrashService trash, string networkId, CancellationToken ct)
    {
        await trash.RestoreAsync(networkId, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<IReadOnlyList<Person>>> Due(PersonData persons, string networkId, string? asOf, CancellationToken ct)
    {
        DateOnly? day = null;
        if (asOf is not null)
        {
            if (!DateOnly.TryParseExact(asOf, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d))
                throw ApiConventions.Invalid("asOf", Texts.Get("valid.date", asOf));
            day = d;
        }
        return TypedResults.Ok(await persons.DueAsync(networkId, day, ct));
    }

    private static async Task<Ok<ChangeSet>> Erase(PersonData persons, string networkId, string personId, HttpContext context, CancellationToken ct)
    {
        var set = await persons.EraseAsync(networkId, personId, ApiConventions.Author(context), ct);
        ApiConventions.TellRevision(context, set);
        return TypedResults.Ok(set);
    }

    private static async Task<Ok<PersonDataExport>> Export(PersonData persons, string networkId, string personId, HttpContext context,
        CancellationToken ct)
    {
        var export = await persons.ExportAsync(networkId, personId, ct);
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"person-{SafeFileName(personId)}.json\"";
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(export);
    }

    private static string SafeFileName(string id) => string.Concat(id.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_'));

    /// <summary>
    /// A DELETE must name the version it is based on (<c>?version=</c>), so it cannot delete what someone changed meanwhile:
    /// without one it is refused with 428 Precondition Required, a ProblemDetails naming the parameter.
    /// </summary>
    public static long RequireVersion(long? version) => version ?? throw new VersionRequiredException();
}

/// <summary>A state-changing request came without the version it is based on: 428 Precondition Required naming <c>version</c>.</summary>
public sealed class VersionRequiredException() : Exception("The version this request is based on is required.")
{
    public ValidationErrors Errors
    {
        get
        {
            var errors = new ValidationErrors();
            errors.Add("version", Texts.Get("privacy.versionRequired"));
            return errors;
        }
    }
}
