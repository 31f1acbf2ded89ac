using System.Security.Claims;
using GraphApi.Domain;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace GraphApi.Access;

/// <summary>The owner's endpoints: members and roles, share links. Everything here demands <see cref="NetworkAction.Manage"/>.</summary>
public static class AccessApi
{
    public sealed record MemberRequest(string? Role);

    public sealed record ShareRequest(string? Label, string? View, DateTimeOffset? Expires, int? Days);

    /// <summary>A share link as the owner's list shows it; never its token or hash.</summary>
    public sealed record ShareSummary(string Id, string Label, string View, DateTimeOffset Created, DateTimeOffset Expires, string CreatedBy, bool Expired);

    public sealed record CreatedShare(ShareSummary Share, string Token, string Path);

    public static IEndpointRouteBuilder MapAccess(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/networks/{networkId}").WithTags("Access").RequireNetwork(NetworkAction.Manage)
            .AddEndpointFilter(async (context, next) =>
            {
                // An administrator passes the gate for any id: a network that is not there is still a 404.
                var networkId = (string)context.HttpContext.Request.RouteValues["networkId"]!;
                await context.HttpContext.RequestServices.GetRequiredService<GraphApi.Networks.NetworkService>().GetAsync(networkId, context.HttpContext.RequestAborted);
                return await next(context);
            });
        group.MapGet("/members", ListMembers).WithName("ListMembers").WithSummary("The network's members and their roles (owner only).");
        group.MapPut("/members/{user}", SetMember).WithName("SetMember")
            .WithSummary("Adds a member by e-mail or user id, or changes their role: viewer, editor or owner (owner only).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapDelete("/members/{userId}", RemoveMember).WithName("RemoveMember")
            .WithSummary("Removes a member; their open maps and live connections to the network close at once (owner only).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/shares", ListShares).WithName("ListShares").WithSummary("The network's read-only share links (owner only).");
        group.MapPost("/shares", CreateShare).WithName("CreateShare")
            .WithSummary("Makes a read-only share link of a view; the token is in the answer this once (owner only).").ProducesValidationProblem();
        group.MapDelete("/shares/{shareId}", RevokeShare).WithName("RevokeShare")
            .WithSummary("Revokes a share link; whoever has it open is cut off at once (owner only).").ProducesProblem(StatusCodes.Status404NotFound);
        return routes;
    }

    private static async Task<Ok<IReadOnlyList<NetworkMember>>> ListMembers(NetworkRights rights, string networkId, CancellationToken ct) =>
        TypedResults.Ok(await rights.MembersAsync(networkId, ct));

    private static async Task<Ok<NetworkMember>> SetMember(NetworkRights rights, IUserDirectory users, string networkId, string user,
        MemberRequest? request, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        NetworkRole role = default;
        if (request?.Role is not { } text || !Enum.TryParse(text, ignoreCase: true, out role) || !Enum.IsDefined(role) || int.TryParse(text, out _))
            errors.Add("role", Texts.Get("roles.roleUnknown"));
        var found = await users.FindAsync(user, ct);
        if (found is null) errors.Add("user", Texts.Get("roles.userUnknown", user));
        errors.ThrowIfAny();
        return TypedResults.Ok(await rights.SetMemberAsync(networkId, found!.Id, found.Name, role, ct));
    }

    private static async Task<NoContent> RemoveMember(NetworkRights rights, string networkId, string userId, CancellationToken ct)
    {
        if (!await rights.RemoveMemberAsync(networkId, userId, ct)) throw new NotFoundException(Texts.Get("roles.noMember", userId));
        return TypedResults.NoContent();
    }

    private static async Task<Ok<List<ShareSummary>>> ListShares(NetworkRights rights, TimeProvider time, string networkId, CancellationToken ct) =>
        TypedResults.Ok((await rights.SharesAsync(networkId, ct)).Select(s => Summary(s, time.GetUtcNow())).ToList());

    private static async Task<Created<CreatedShare>> CreateShare(NetworkRights rights, TimeProvider time, string networkId, ShareRequest? request,
        ClaimsPrincipal user, CancellationToken ct)
    {
        var expires = request?.Expires ?? time.GetUtcNow().AddDays(request?.Days ?? 30);
        var made = await rights.CreateShareAsync(networkId, request?.Label, request?.View, expires, Principals.IdOf(user) ?? "", ct);
        return TypedResults.Created($"/api/networks/{networkId}/shares/{made.Link.Id}",
            new CreatedShare(Summary(made.Link, time.GetUtcNow()), made.Token, made.Path));
    }

    private static async Task<NoContent> RevokeShare(NetworkRights rights, string networkId, string shareId, CancellationToken ct)
    {
        if (!await rights.RevokeShareAsync(networkId, shareId, ct)) throw new NotFoundException(Texts.Get("roles.noShare", shareId));
        return TypedResults.NoContent();
    }

    private static ShareSummary Summary(ShareLink s, DateTimeOffset now) => new(s.Id, s.Label, s.View, s.Created, s.Expires, s.CreatedBy, !s.IsValidAt(now));
}

/// <summary>Finds an account by sign-in name (e-mail) or id, for adding members; implemented over the accounts store.</summary>
public interface IUserDirectory
{
    Task<UserEntry?> FindAsync(string emailOrId, CancellationToken ct = default);
}

public sealed record UserEntry(string Id, string Name);
