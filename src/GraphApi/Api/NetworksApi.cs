using GraphApi.Access;
using GraphApi.Domain;
using GraphApi.Networks;
using GraphApi.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace GraphApi.Api;

/// <summary>/api/networks: the maps themselves, and their history.</summary>
public static class NetworksApi
{
    public static IEndpointRouteBuilder MapNetworks(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/networks").WithTags("Networks");
        group.MapGet("/", ListNetworks).WithName("ListNetworks").WithSummary("The networks the caller may see, with optional text search and paging.")
            .RequireSignedIn();
        group.MapGet("/{networkId}", GetNetwork).WithName("GetNetwork").WithSummary("One network with its revision and counts.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/", CreateNetwork).WithName("CreateNetwork").WithSummary("Creates an empty network (administrators); its creator owns it.")
            .RequireAdministrator()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPut("/{networkId}", UpdateNetwork).WithName("UpdateNetwork")
            .WithSummary("Renames a network or changes its description and composition rules; needs the version it is based on.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapDelete("/{networkId}", DeleteNetwork).WithName("DeleteNetwork")
            .WithSummary("Moves a network with everything in it to the trash (/api/trash), restorable by its owner for 30 days, then erased; " +
                         "'version' (required, else 428) must be the network's current version.")
            .RequireNetwork(NetworkAction.Manage)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesValidationProblem(StatusCodes.Status428PreconditionRequired);
        group.MapGet("/{networkId}/history", History).WithName("GetHistory")
            .WithSummary("Committed change sets after a revision, oldest first; optionally only those touching one entity; with newest=true the newest 'limit' sets.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{networkId}/history/{revision:long}/revert", Revert).WithName("RevertChangeSet")
            .WithSummary("Undoes a committed change set by committing its inverse as a new one; 409 if anything it touched has changed since.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{networkId}/history/{revision:long}/restore", Restore).WithName("RestoreAsOf")
            .WithSummary("Makes the network look as it did right after that revision, by committing the difference as a new change set.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/{networkId}/positions", GetPositions).WithName("GetPositions")
            .WithSummary("Where users placed the nodes on the map, by node id.").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/{networkId}/positions", SavePositions).WithName("SavePositions")
            .WithSummary("Stores node positions (the given nodes only), so the map looks the same next time.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        return routes;
    }

    /// <summary>A network with its entries per kind (<see cref="Counts"/>) and the figures on its analysis day (<see cref="Figures"/>):
    /// both from <see cref="GraphApi.Analysis.Figures"/>, so they are what the report, panels and table show.</summary>
    public sealed record NetworkSummary(Network Network, long Revision, IReadOnlyDictionary<string, int> Counts, GraphApi.Analysis.NetworkFigures? Figures = null);

    private static async Task<Ok<Page<Network>>> ListNetworks(NetworkService networks, NetworkAccess access, HttpContext context, string? text,
        int? offset, int? limit, CancellationToken ct)
    {
        var (skip, take) = ApiConventions.Paging(offset, limit);
        var visible = await access.VisibleNetworksAsync(context.User, ct);
        var all = (await networks.ListNetworksAsync(ct))
            .Where(n => visible is null || visible.Contains(n.Id))
            .Where(n => text is null || n.Name.Contains(text, StringComparison.OrdinalIgnoreCase) || n.Id.Contains(text, StringComparison.OrdinalIgnoreCase))
            .ToList();
        return TypedResults.Ok(new Page<Network>(all.Skip(skip).Take(take).ToList(), all.Count, skip, take));
    }

    private static async Task<Ok<NetworkSummary>> GetNetwork(NetworkService networks, string networkId, CancellationToken ct)
    {
        var snapshot = await networks.GetAsync(networkId, ct);
        var figures = GraphApi.Analysis.Figures.Of(GraphApi.Analysis.AnalysisView.For(snapshot, null));
        var counts = Enum.GetValues<EntityKind>().Where(k => k != EntityKind.Network)
            .ToDictionary(k => EntitiesApi.Segment(k), figures.Of);
        return TypedResults.Ok(new NetworkSummary(snapshot.Network, snapshot.Revision, counts, figures));
    }

    private static async Task<Created<Network>> CreateNetwork(NetworkService networks, NetworkRights rights, Network network, HttpContext context,
        CancellationToken ct)
    {
        var set = await networks.CreateNetworkAsync(ApiConventions.Body(network), ApiConventions.Author(context), ct);
        var created = (Network)set.Changes[0].After!;
        if (Principals.IdOf(context.User) is { } owner) await rights.MakeOwnerAsync(created.Id, owner, context.User.Identity?.Name ?? owner, ct);
        return TypedResults.Created($"/api/networks/{created.Id}", created);
    }

    private static async Task<Ok<Network>> UpdateNetwork(NetworkService networks, string networkId, Network network, HttpContext context,
        CancellationToken ct)
    {
        var set = await networks.UpdateNetworkAsync(ApiConventions.Body(network) with { Id = networkId }, ApiConventions.Author(context), ct);
        return TypedResults.Ok((Network)set.Changes[0].After!);
    }

    // Its members and share links stay with it in the trash, so that its owner can restore it; they go when it is erased.
    private static async Task<NoContent> DeleteNetwork(NetworkService networks, string networkId, long? version, HttpContext context,
        CancellationToken ct)
    {
        await networks.DeleteNetworkAsync(networkId, PrivacyApi.RequireVersion(version), ApiConventions.Author(context), ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<ChangeSet>> Revert(NetworkService networks, string networkId, long revision, HttpContext context,
        CancellationToken ct) =>
        TypedResults.Ok(await networks.RevertAsync(networkId, revision, ApiConventions.Author(context), ct));

    private static async Task<Ok<ChangeSet>> Restore(NetworkService networks, string networkId, long revision, HttpContext context,
        CancellationToken ct) =>
        TypedResults.Ok(await networks.RestoreAsync(networkId, revision, ApiConventions.Author(context), ct));

    private static async Task<Ok<IReadOnlyDictionary<string, NodePosition>>> GetPositions(NetworkService networks, string networkId,
        CancellationToken ct)
    {
        await networks.GetAsync(networkId, ct);
        return TypedResults.Ok(await networks.PositionsAsync(networkId, ct));
    }

    private static async Task<NoContent> SavePositions(NetworkService networks, string networkId,
        Dictionary<string, NodePosition> positions, HttpContext context, CancellationToken ct)
    {
        await networks.SavePositionsAsync(networkId, positions, ApiConventions.Author(context).Name, ct: ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<IReadOnlyList<ChangeSet>>> History(NetworkService networks, string networkId, long? after, string? entity,
        int? limit, bool? newest, CancellationToken ct)
    {
        if (after is < 0) throw ApiConventions.Invalid("after", Texts.Get("api.mustBeRevision0Or"));
        var (_, take) = ApiConventions.Paging(0, limit);
        await networks.GetAsync(networkId, ct);
        return TypedResults.Ok(await networks.HistoryAsync(networkId, after ?? 0, entity, take, ct, newest ?? false));
    }
}
