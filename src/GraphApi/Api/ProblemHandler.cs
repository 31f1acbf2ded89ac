using System.Text.Json;
using GraphApi.Domain;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;

namespace GraphApi.Api;

/// <summary>Turns every failure into one RFC 9457 ProblemDetails shape, so clients handle errors one way.</summary>
public sealed class ProblemHandler(IProblemDetailsService problems, ILogger<ProblemHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        ProblemDetails problem = exception switch
        {
            ValidationFailedException v => new HttpValidationProblemDetails(v.Errors.ToDictionary())
            {
                Status = StatusCodes.Status400BadRequest,
                Title = RulesBroken,
            },
            BadHttpRequestException { InnerException: JsonException json } => new HttpValidationProblemDetails(
                new Dictionary<string, string[]>
                {
                    // The parser's own sentence stays as .NET writes it (English); the frame is in the request's language.
                    [json.Path ?? "$"] = [Texts.Get("api.malformedJson", Describe(json))],
                })
            {
                Status = StatusCodes.Status400BadRequest,
                Title = Texts.Get("api.requestBodyIsNotValid"),
            },
            BadHttpRequestException missing when missing.Message.StartsWith("Implicit body inferred", StringComparison.Ordinal) =>
                new HttpValidationProblemDetails(new Dictionary<string, string[]> { ["$"] = [Texts.Get("valid.bodyMissing")] })
                {
                    Status = StatusCodes.Status400BadRequest, Title = RulesBroken,
                },
            BadHttpRequestException bad when Unbindable(bad) is { } field => new HttpValidationProblemDetails(
                new Dictionary<string, string[]> { [field.Name] = [Texts.Get("valid.binding", field.Value, Texts.Get($"valid.binding.{field.Type}"))] })
            {
                Status = StatusCodes.Status400BadRequest,
                Title = RulesBroken,
            },
            BadHttpRequestException bad => new ProblemDetails
            {
                Status = bad.StatusCode,
                Title = Texts.Get("api.requestCouldNotBeRead"),
                Detail = bad.Message,
            },
            VersionRequiredException v => new HttpValidationProblemDetails(v.Errors.ToDictionary())
            {
                Status = StatusCodes.Status428PreconditionRequired,
                Title = Texts.Get("privacy.versionRequired.title"),
            },
            NotFoundException nf => new ProblemDetails
            {
                Status = StatusCodes.Status404NotFound, Title = Texts.Get("api.notFound"), Detail = nf.Message,
            },
            ConflictException c => Conflict(c),
            GraphApi.Storage.StoreUnavailableException store => new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = Texts.Get("api.storeCannotBeReachedNothing"),
                Detail = store.Message,
            },
            GraphApi.Storage.Neo4j.Neo4jException neo4j => new ProblemDetails
            {
                Status = neo4j.IsTransient ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError,
                Title = Texts.Get("api.neo4jRefusedRequestNothingWas"),
                Detail = neo4j.Code,
            },
            _ => new ProblemDetails
            {
                Status = StatusCodes.Status500InternalServerError,
                Title = Texts.Get("api.somethingWentWrongOnServer"),
            },
        };
        if (problem.Status is StatusCodes.Status500InternalServerError or StatusCodes.Status503ServiceUnavailable)
            logger.LogError(exception, "Unhandled error on {Method} {Path}", context.Request.Method, context.Request.Path);

        context.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    private static string RulesBroken => Texts.Get("api.inputBreaksOneOrMore");

    private static ProblemDetails Conflict(ConflictException c)
    {
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status409Conflict, Title = Texts.Get("api.conflictWithCurrentState"),
            Detail = c.Message,
        };
        if (c.Current is not null) problem.Extensions["current"] = c.Current;
        if (c.References.Count > 0) problem.Extensions["references"] = c.References;
        return problem;
    }

    /// <summary>
    /// The framework answers some statuses itself (an unknown route, a wrong method or content type) with its
    /// English reason phrase as the title; in German those get a German title. Titles set above are left alone.
    /// </summary>
    public static void TranslateFrameworkTitle(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (!Texts.German || problem.Status is not { } status || problem.Title != ReasonPhrases.GetReasonPhrase(status)) return;
        problem.Title = status switch
        {
            StatusCodes.Status400BadRequest => "Ungültige Anfrage.",
            StatusCodes.Status401Unauthorized => Texts.Get("accounts.unauthorized"), // accounts
            StatusCodes.Status403Forbidden => Texts.Get("accounts.forbidden"), // accounts
            StatusCodes.Status404NotFound => "Nicht gefunden.",
            StatusCodes.Status405MethodNotAllowed => "Diese Methode ist für diese Adresse nicht erlaubt.",
            StatusCodes.Status406NotAcceptable => "Dieses Antwortformat wird nicht angeboten.",
            StatusCodes.Status413PayloadTooLarge => "Der Inhalt der Anfrage ist zu groß.",
            StatusCodes.Status415UnsupportedMediaType => "Dieses Format des Inhalts wird nicht unterstützt.",
            _ => problem.Title,
        };
    }

    /// <summary>
    /// A query or route value the framework could not convert ("threshold=abc"): the field as the client wrote it, the
    /// value, and the kind of value expected — the same per-field shape as every other rule.
    /// </summary>
    private static (string Name, string Value, string Type)? Unbindable(BadHttpRequestException e)
    {
        var match = System.Text.RegularExpressions.Regex.Match(e.Message, "^Failed to bind parameter \"(?<type>[^\"]+) (?<name>[^\" ]+)\" from \"(?<value>[^\"]*)\"");
        if (!match.Success) return null;
        var name = match.Groups["name"].Value;
        var type = match.Groups["type"].Value;
        bool Is(string name) => type.Contains(name, StringComparison.OrdinalIgnoreCase);
        var kind = Is("int") || Is("long") ? "integer" : Is("double") || Is("decimal") || Is("single") || Is("float") ? "number"
            : Is("bool") ? "boolean" : Is("date") ? "date" : "value";
        return (char.ToLowerInvariant(name[0]) + name[1..], match.Groups["value"].Value, kind);
    }

    private static string Describe(JsonException e)
    {
        var message = e.Message;
        var cut = message.IndexOf(". Path:", StringComparison.Ordinal);
        if (cut > 0) message = message[..cut] + ".";
        return e.LineNumber is { } line ? $"{message} (line {line + 1}, position {e.BytePositionInLine + 1})" : message;
    }
}
