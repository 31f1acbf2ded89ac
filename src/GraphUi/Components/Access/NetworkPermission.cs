using GraphApi.Access;

namespace GraphUi.Components.Access;

/// <summary>
/// What the signed-in user (or a share link's visitor) may do on the network of the current page, cascaded by
/// <see cref="NetworkGate"/> so pages show or hide editing; the decision itself is <see cref="NetworkAccess"/>'s.
/// </summary>
public sealed record NetworkPermission(NetworkRole Role, bool Share)
{
    public bool CanEdit => NetworkAccess.Allows(Role, NetworkAction.Edit);
    public bool CanManage => NetworkAccess.Allows(Role, NetworkAction.Manage);
}

/// <summary>A network page that demands more than viewing (the members page: Manage).</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class NetworkPageAttribute(NetworkAction action) : Attribute
{
    public NetworkAction Action { get; } = action;
}

/// <summary>A page without a network that still needs someone signed in (the network list).</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class SignedInPageAttribute : Attribute;

/// <summary>A network page a share link's visitor may open (map, report, presentation): pages that never show person names.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class SharePageAttribute : Attribute;
