using System.Text.Json;
using GraphApi.Domain;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
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
                Title = "The input breaks one or more rules; nothing was changed.",
            },
            BadHttpRequestException { InnerException: JsonException json } => new HttpValidationProblemDetails(
                new Dictionary<string, string[]> { [json.Path ?? "$"] = [$"Malformed JSON: {Describe(json)}"] })
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "The request body is not valid JSON of the expected shape; nothing was changed.",
            },
            BadHttpRequestException bad => new ProblemDetails
            {
                Status = bad.StatusCode,
                Title = "The request could not be read; nothing was changed.",
                Detail = bad.Message,
            },
            NotFoundException nf => new ProblemDetails { Status = StatusCodes.Status404NotFound, Title = "Not found.", Detail = nf.Message },
            ConflictException c => Conflict(c),
            _ => new ProblemDetails
            {
                Status = StatusCodes.Status500InternalServerError,
                Title = "Something went wrong on the server; nothing was changed.",
            },
        };
        if (problem.Status == StatusCodes.Status500InternalServerError)
            logger.LogError(exception, "Unhandled error on {Method} {Path}", context.Request.Method, context.Request.Path);

        context.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    private static ProblemDetails Conflict(ConflictException c)
    {
        var problem = new ProblemDetails { Status = StatusCodes.Status409Conflict, Title = "Conflict with the current state.", Detail = c.Message };
        if (c.Current is not null) problem.Extensions["current"] = c.Current;
        if (c.References.Count > 0) problem.Extensions["references"] = c.References;
        return problem;
    }

    private static string Describe(JsonException e)
    {
        var message = e.Message;
        var cut = message.IndexOf(". Path:", StringComparison.Ordinal);
        if (cut > 0) message = message[..cut] + ".";
        return e.LineNumber is { } line ? $"{message} (line {line + 1}, position {e.BytePositionInLine + 1})" : message;
    }
}
