using GraphApi.Domain;
using Microsoft.AspNetCore.Http;

namespace GraphApi.Api;

/// <summary>Small things every endpoint family shares.</summary>
internal static class ApiConventions
{
    /// <summary>
    /// Who made a change, as the history records it: the signed-in account (display name and user id). Never a client
    /// header: the X-User header of old clients is ignored.
    /// </summary>
    public static Author Author(HttpContext context) =>
        new(GraphApi.Accounts.Users.DisplayNameOf(context.User), GraphApi.Accounts.Users.IdOf(context.User));

    /// <summary>The revision a change was committed as, so a client knows which change set is its own (to undo it).</summary>
    public static void TellRevision(HttpContext context, ChangeSet set) =>
        context.Response.Headers["X-Revision"] = set.Revision.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The request's JSON body, which must be there: an empty body or <c>null</c> is a 400 that says so, not a 500.</summary>
    public static T Body<T>(T? body) where T : class => body ?? throw Invalid("$", Texts.Get("valid.bodyMissing"));

    public static ValidationFailedException Invalid(string parameter, string message)
    {
        var errors = new ValidationErrors();
        errors.Add(parameter, message);
        return new ValidationFailedException(errors);
    }

    public static (int Offset, int Limit) Paging(int? offset, int? limit)
    {
        var errors = new ValidationErrors();
        if (offset is < 0) errors.Add("offset", Texts.Get("api.mustBe0OrMore"));
        if (limit is < 1 or > 1000) errors.Add("limit", Texts.Get("api.mustBeBetween1And2"));
        errors.ThrowIfAny();
        return (offset ?? 0, limit ?? 100);
    }
}

/// <summary>One page of a list, with the total count of matching entries.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int Total, int Offset, int Limit);
