using Blazor.Diagrams.Core.Geometry;

namespace GraphUi.Components.Map.Diagram;

/// <summary>
/// A collapsed group of a large map (<see cref="MapGrouping"/>): one larger card with the group's name and what it holds.
/// Its place follows its members, so it cannot be dragged; a click, Enter or Space expands it in place.
/// </summary>
public sealed class GroupNode : MapNode
{
    public const double MinWidth = 300, MinHeight = 120;

    public GroupNode(string id, Point position, Size size) : base(id, position, size)
    {
        Locked = true;
        Colour = "#455a64";
        Icon = "nodes";
    }

    public override string Type => "group";
    /// <summary>How many nodes the group holds.</summary>
    public int Count { get; set; }
}
