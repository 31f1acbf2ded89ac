using System.Net;
using System.Text.Json;

namespace GraphApi.Tests.Api;

/// <summary>Reads ProblemDetails answers the way a client would.</summary>
public static class ProblemAssert
{
    public static async Task<JsonElement> Status(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
        return problem;
    }

    /// <summary>Asserts a 400 whose errors name exactly these fields (or JSON paths), and returns the errors.</summary>
    public static async Task<Dictionary<string, string[]>> Invalid(HttpResponseMessage response, params string[] fields)
    {
        var problem = await Status(response, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors").Deserialize<Dictionary<string, string[]>>()!;
        Assert.Equal(fields.Order(StringComparer.Ordinal), errors.Keys.Order(StringComparer.Ordinal));
        return errors;
    }
}
