using GraphApi.Domain;
using GraphApi.Exchange;
using GraphApi.Networks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace GraphApi.Api;

/// <summary>Whole networks in and out as one JSON document (docs/network.schema.json).</summary>
public static class ExchangeApi
{
    public static IEndpointRouteBuilder MapExchange(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/networks").WithTags("Exchange");
        group.MapPost("/import", Import).WithName("ImportNetwork")
            .WithSummary("Creates or replaces the network named in the document, in one transaction; idempotent. " +
                         "Every problem is reported at once with its JSON path, and then nothing is written.")
            .Accepts<NetworkDocument>("application/json")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/{networkId}/export", Export).WithName("ExportNetwork")
            .WithSummary("The whole network as an exchange document; the same content always gives the same bytes.")
            .Produces<NetworkDocument>(contentType: "application/json").ProducesProblem(StatusCodes.Status404NotFound);
        return routes;
    }

    public sealed record ImportResult(string NetworkId, long Revision, int Created, int Updated, int Deleted);

    // The body is read by hand so that unreadable JSON is reported with its line and path like any other problem.
    private static async Task<Ok<ImportResult>> Import(NetworkExchange exchange, HttpRequest request, CancellationToken ct)
    {
        var document = await NetworkExchange.ParseAsync(request.Body, ct);
        var set = await exchange.ImportAsync(document, ApiConventions.Author(request.HttpContext), ct);
        return TypedResults.Ok(Summarise(set));
    }

    public static ImportResult Summarise(ChangeSet set) => new(set.NetworkId, set.Revision,
        set.Changes.Count(c => c.Op == ChangeOp.Create && c.Kind != EntityKind.Network),
        set.Changes.Count(c => c.Op == ChangeOp.Update && c.Kind != EntityKind.Network),
        set.Changes.Count(c => c.Op == ChangeOp.Delete));

    private static async Task<IResult> Export(NetworkService networks, string networkId, CancellationToken ct)
    {
        var snapshot = await networks.GetAsync(networkId, ct);
        var json = NetworkExchange.Serialize(NetworkExchange.ToDocument(snapshot));
        return Results.Text(json, "application/json; charset=utf-8");
    }
}
