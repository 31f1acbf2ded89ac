using GraphApi.Domain;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace GraphApi.Access;

/// <summary>What an endpoint demands, as endpoint metadata; see <see cref="NetworkAccessFilter"/> for the defaults.</summary>
public sealed record AccessRule(AccessRule.Kinds Kind, NetworkAction Action = NetworkAction.View)
{
    public enum Kinds
    {
        /// <summary>The {networkId} of the route, for the action.</summary>
        Network,
        /// <summary>Anyone signed in (a share link's visitor too); the handler narrows what they see.</summary>
        SignedIn,
        /// <summary>Administrators only.</summary>
        Administrator,
        /// <summary>Anyone: the handler asks <see cref="NetworkAccess"/> itself once it knows the network (an import names it in the file).</summary>
        Handler,
    }
}

public static class AccessRules
{
    /// <summary>Demands <paramref name="action"/> on the route's network (instead of View for GET, Edit otherwise).</summary>
    public static TBuilder RequireNetwork<TBuilder>(this TBuilder builder, NetworkAction action) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new AccessRule(AccessRule.Kinds.Network, action));

    public static TBuilder RequireAdministrator<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new AccessRule(AccessRule.Kinds.Administrator));

    public static TBuilder RequireSignedIn<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new AccessRule(AccessRule.Kinds.SignedIn));

    public static TBuilder DecidedByHandler<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new AccessRule(AccessRule.Kinds.Handler));

    /// <summary>
    /// The rule of an endpoint: its <see cref="AccessRule"/>, else for a route with <c>{networkId}</c> View (GET, HEAD) or Edit
    /// (every other method), else signed in. So an endpoint added without thought is closed to strangers, never open.
    /// </summary>
    public static AccessRule RuleOf(Endpoint endpoint)
    {
        if (endpoint.Metadata.GetMetadata<AccessRule>() is { } rule) return rule;
        var pattern = (endpoint as RouteEndpoint)?.RoutePattern;
        if (pattern?.GetParameter("networkId") is null) return new AccessRule(AccessRule.Kinds.SignedIn);
        var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [];
        return new AccessRule(AccessRule.Kinds.Network,
            methods.Count > 0 && methods.All(m => m is "GET" or "HEAD") ? NetworkAction.View : NetworkAction.Edit);
    }

    /// <summary>The refusal as the API answers it: 401, 403 or 404, a ProblemDetails in the request's language.</summary>
    public static IResult Refusal(AccessDecision decision, string? networkId) => decision switch
    {
        AccessDecision.SignInFirst => Problem(StatusCodes.Status401Unauthorized, Texts.Get("roles.signInFirst")),
        AccessDecision.Forbidden => Problem(StatusCodes.Status403Forbidden, Texts.Get("roles.forbidden", networkId ?? "")),
        // The same answer as for a network that does not exist (thrown, so the one ProblemHandler writes both alike),
        // so a stranger cannot learn which ids exist.
        _ => throw NotFoundException.NoNetwork(networkId ?? ""),
    };

    private static IResult Problem(int status, string title) =>
        TypedResults.Problem(new ProblemDetails { Status = status, Title = title });
}

/// <summary>
/// The HTTP API's one gate, applied once to every /api endpoint group: asks <see cref="NetworkAccess"/> what the endpoint's
/// <see cref="AccessRule"/> demands before the handler runs.
/// </summary>
public sealed class NetworkAccessFilter : IEndpointFilter
{
    /// <summary>The export as an SVG or PNG picture without the person layer: all of the API a share link opens.</summary>
    public static bool IsSharedPicture(Endpoint endpoint, HttpRequest request) =>
        endpoint.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName == "ExportNetwork"
        && request.Query["format"].ToString() is "svg" or "png"
        && !request.Query["layers"].ToString().Contains("person", StringComparison.OrdinalIgnoreCase);

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var endpoint = http.GetEndpoint();
        if (endpoint is null) return await next(context);
        var rule = AccessRules.RuleOf(endpoint);
        var user = http.User;
        switch (rule.Kind)
        {
            case AccessRule.Kinds.Handler:
                return await next(context);
            case AccessRule.Kinds.SignedIn:
                return Principals.IsSignedIn(user) ? await next(context) : AccessRules.Refusal(AccessDecision.SignInFirst, null);
            case AccessRule.Kinds.Administrator:
                if (!Principals.IsSignedIn(user)) return AccessRules.Refusal(AccessDecision.SignInFirst, null);
                return Principals.IsAdministrator(user) ? await next(context) : AccessRules.Refusal(AccessDecision.Forbidden, null);
            default:
                var networkId = http.Request.RouteValues["networkId"] as string ?? "";
                var decision = await http.RequestServices.GetRequiredService<NetworkAccess>().DecideAsync(user, networkId, rule.Action, http.RequestAborted);
                // A share link's visitor gets only the map pictures that name no person (the report's image); the data
                // endpoints would show persons' names.
                if (decision == AccessDecision.Allowed && Principals.ShareOf(user) is not null && !IsSharedPicture(endpoint, http.Request))
                    decision = AccessDecision.Forbidden;
                return decision == AccessDecision.Allowed ? await next(context) : AccessRules.Refusal(decision, networkId);
        }
    }
}
