using GraphApi.Access;
using GraphApi.Domain;
using GraphApi.Exchange;
using GraphApi.Exchange.Excel;
using GraphApi.Exchange.Import;
using GraphApi.Exchange.Tables;
using GraphApi.Networks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace GraphApi.Api;

/// <summary>
/// Whole networks in and out: ONE import endpoint for every format (JSON, xlsx, CSV zip, GraphML, GEXF; with
/// <c>?dryRun=true</c> the preview) and ONE export endpoint whose formats are the registered <see cref="INetworkWriter"/>s.
/// </summary>
public static class ExchangeApi
{
    public static IEndpointRouteBuilder MapExchange(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/networks").WithTags("Exchange");
        group.MapPost("/import", Import).WithName("ImportNetwork")
            .WithSummary("Creates or replaces the network named in the file (JSON document, xlsx workbook, CSV zip, GraphML or GEXF, " +
                         "told apart by signature or content type) in one transaction; idempotent. ?dryRun=true answers the preview and " +
                         "writes nothing; ?expectedRevision= (the preview's revision) makes a moved network answer 409 with a new preview. " +
                         "Every problem is reported at once with its place (JSON path, or sheet, row and column), and then nothing is written.")
            // No Accepts(...): it would answer 415 for any content type not listed, but the importer tells formats apart by content.
            .Produces<ImportResult>().Produces<ImportPreview>(StatusCodes.Status200OK)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .DisableAntiforgery()
            .DecidedByHandler(); // the network is named in the file: owners import over theirs, administrators create new ones
        group.MapGet("/{networkId}/export", Export).WithName("ExportNetwork")
            .WithSummary("The whole network in one format: ?format=json (default; the same content always gives the same bytes), " +
                         "xlsx, csv (a zip), graphml, gexf, and whatever other writers are registered (svg, png, cypher). " +
                         "Other query parameters (asOf, layers, theme, …) go to the writer.")
            .Produces(StatusCodes.Status200OK).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        routes.MapGet("/api/exchange/template.xlsx", Template).WithTags("Exchange").WithName("ExchangeTemplate")
            .WithSummary("An Excel workbook with every sheet and column of the import, and a few example rows typed as a person would (no ids, references by name).")
            .Produces(StatusCodes.Status200OK, contentType: ExcelNetworkWriter.MediaType);
        return routes;
    }

    // The body is read by hand, so that any format (and unreadable JSON) is reported with its place like any other problem.
    private static async Task<IResult> Import(NetworkImporter importer, NetworkAccess access, NetworkRights rights, NetworkService networks, HttpRequest request, CancellationToken ct,
        bool? dryRun = null, long? expectedRevision = null, string? network = null, string? name = null, string? format = null,
        string? typeAttribute = null, string? bodyValue = null)
    {
        if (!Principals.IsSignedIn(request.HttpContext.User)) return AccessRules.Refusal(AccessDecision.SignInFirst, null);
        var options = new ImportOptions(Blank(network), Blank(name)) { TypeAttribute = Blank(typeAttribute), BodyValue = Blank(bodyValue) };
        ImportInput input;
        if (request.HasFormContentType)
        {
            // A browser form: the first file it carries.
            var form = await request.ReadFormAsync(ct);
            var file = form.Files.FirstOrDefault() ?? throw ApiConventions.Invalid("file",
                Texts.Get("api.formHoldsNoFile"));
            await using var stream = file.OpenReadStream();
            input = await importer.ReadAsync(stream, file.ContentType, options, Blank(format), ct);
        }
        else input = await importer.ReadAsync(request.Body, request.ContentType, options, Blank(format), ct);

        var user = request.HttpContext.User;
        var target = input.Document.Network?.Id;
        var creating = target is null || await networks.TryGetAsync(target, ct) is null;
        var decision = creating
            ? NetworkAccess.CanCreateNetworks(user) ? AccessDecision.Allowed : AccessDecision.Forbidden
            : await access.DecideAsync(user, target!, NetworkAction.Manage, ct);
        if (decision != AccessDecision.Allowed) return AccessRules.Refusal(decision, target);
        if (dryRun == true) return TypedResults.Ok(await importer.PreviewAsync(input, ct));
        try
        {
            var result = await importer.ImportAsync(input, expectedRevision, ApiConventions.Author(request.HttpContext), ct);
            if (creating && Principals.IdOf(user) is { } owner) await rights.MakeOwnerAsync(result.NetworkId, owner, user.Identity?.Name ?? owner, ct);
            request.HttpContext.Response.Headers["X-Revision"] = result.Revision.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return TypedResults.Ok(result);
        }
        catch (StaleImportException stale)
        {
            return TypedResults.Problem(new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = Texts.Get("api.conflictWithCurrentState2"),
                Detail = stale.Message,
                Extensions = { ["preview"] = stale.Preview },
            });
        }
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    // Writers write into a buffer first: a writer's failure still becomes a ProblemDetails, and a synchronous library
    // (MiniExcel) never blocks a request thread on the network.
    private static async Task<IResult> Export(NetworkService networks, IEnumerable<INetworkWriter> writers, HttpContext context,
        string networkId, CancellationToken ct, string? format = null)
    {
        var all = writers.ToList();
        var wanted = Blank(format)?.ToLowerInvariant() ?? "json";
        var writer = all.FirstOrDefault(w => w.Format == wanted)
                     ?? throw ApiConventions.Invalid("format", EntityValidator.NotAllowed(format, all.Select(w => w.Format).Distinct().ToList()));
        var snapshot = await networks.GetAsync(networkId, ct);
        var positions = await networks.PositionsAsync(networkId, ct);
        var options = context.Request.Query.Where(q => q.Key != "format")
            .ToDictionary(q => q.Key, q => (string?)q.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var buffer = new MemoryStream();
        await writer.WriteAsync(new ExportRequest(snapshot, positions, options), buffer, ct);
        return Results.File(buffer.ToArray(), writer.ContentType, wanted == "json" ? null : networkId + writer.Extension);
    }

    private static async Task<IResult> Template(CancellationToken ct)
    {
        var buffer = new MemoryStream();
        await ExcelNetworkWriter.WriteAsync(ExchangeTemplate.Workbook(), buffer, ct);
        return Results.File(buffer.ToArray(), ExcelNetworkWriter.MediaType, Texts.Get("api.networkTemplateXlsx"));
    }
}
