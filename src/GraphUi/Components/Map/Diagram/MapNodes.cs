using GraphApi.Exchange.Svg;
using Blazor.Diagrams.Core.Geometry;
using Blazor.Diagrams.Core.Models;

namespace GraphUi.Components.Map.Diagram;

/// <summary>
/// A node of the map: what its widget shows, decided by the <see cref="DiagramMapper"/> from the domain. The model's
/// id is the entity id (the diagram renders it as <c>data-node-id</c>). Sizes are fixed, so the browser need not
/// measure every card and the layouts know each card's box.
/// </summary>
public abstract class MapNode : NodeModel
{
    protected MapNode(string id, Point position, Size size) : base(id, position)
    {
        Size = size;
        ControlledSize = true;
        Locked = false;
    }

    /// <summary>"actor", "body", "person", "topic", "territory", "measure".</summary>
    public abstract string Type { get; }
    public string Name { get; set; } = "";
    /// <summary>What the card shows when space is short: the short name, or the name.</summary>
    public string ShortName { get; set; } = "";
    /// <summary>The kind in words ("Wohlfahrtsverband").</summary>
    public string KindLabel { get; set; } = "";
    public string Colour { get; set; } = "#5f6b7a";
    public string Icon { get; set; } = "";
    /// <summary>What a screen reader says: "Gremium Steuerungsgruppe Integration, 12 Mitglieder, aktiv".</summary>
    public string AccessibleName { get; set; } = "";
    public MapNodeState State { get; set; } = new();
}

public sealed record LabelBox(double X, double Y, double Width, double Height, int Lines);

/// <summary>The per-view look of a node: level of detail, highlight, focus, others' selections. Changing it re-renders only that node.</summary>
public sealed record MapNodeState
{
    /// <summary>Label font size in diagram units (the presentation view raises it so it is read at ≥ 16 screen px).</summary>
    public double LabelSize { get; init; } = 15;
    public bool LabelHidden { get; init; }
    /// <summary>In compact mode the label floats over the card: its box relative to the card's top-left, in diagram units.</summary>
    public LabelBox? Floating { get; init; }
    /// <summary>Overview zoom: short names, no details.</summary>
    public bool Compact { get; init; }
    public bool Focused { get; init; }
    public bool Dimmed { get; init; }
    public bool Matched { get; init; }
    public bool ConnectSource { get; init; }
    /// <summary>A comparison's mark: "new", "ended" or "changed" (null: none); see the compare view.</summary>
    public string? Mark { get; init; }
    /// <summary>Where the words above the card (the mark, others' names) go, relative to the card, and their font size; diagram units.</summary>
    public LabelBox? Badge { get; init; }
    public double BadgeSize { get; init; } = 12;
    /// <summary>Colours of the other participants who have this node selected.</summary>
    public IReadOnlyList<(string Name, string Colour)> SelectedBy { get; init; } = [];
}

public sealed class ActorNode(string id, Point position) : MapNode(id, position, new Size(Width, Height))
{
    public const double Width = 200, Height = 72;
    public override string Type => "actor";
    /// <summary>Persons folded into the actor (the person layer is off).</summary>
    public IReadOnlyList<string> Persons { get; set; } = [];
}

public sealed class BodyNode(string id, Point position) : MapNode(id, position, new Size(Width, Height))
{
    public const double Width = 240, Height = 96;
    public override string Type => "body";
    public int MemberCount { get; set; }
    public string Status { get; set; } = "active";
    public string StatusLabel { get; set; } = "";
    public string MembersLabel { get; set; } = "";
}

public sealed class PersonNode(string id, Point position) : MapNode(id, position, new Size(Width, Height))
{
    public const double Width = 170, Height = 40;
    public override string Type => "person";
}

/// <summary>Topics, territories and measures: a label with its kind.</summary>
public sealed class TagNode(string id, string type, Point position) : MapNode(id, position, new Size(Width, Height))
{
    public const double Width = 180, Height = 52;
    public override string Type { get; } = type;
}

/// <summary>A relationship: its type and kind (role, collaboration kind) decide the stroke.</summary>
public sealed class MapLink : LinkModel
{
    public MapLink(string id, string type, string? kind, NodeModel source, NodeModel target) : base(id, source, target)
    {
        Type = type;
        Kind = kind;
        SourceId = source.Id;
        TargetId = target.Id;
        Look = LineLook.Of(type, kind);
        if (Look.Arrow) TargetMarker = LinkMarker.Arrow;
    }

    /// <summary>How the relationship is drawn: the same table as the legend and the exported pictures.</summary>
    public LineLook Look { get; }

    public string SourceId { get; }
    public string TargetId { get; }

    public string Type { get; }
    public string? Kind { get; set; }
    public bool Dimmed { get; set; }
    /// <summary>A comparison's mark of the relationship ("new", "ended", "changed") and the word's size in diagram units.</summary>
    public string? Mark { get; set; }
    public double MarkSize { get; set; } = 12;
    /// <summary>How many relationships a summed link of a grouped map stands for (1 for a plain one).</summary>
    public int Weight { get; set; } = 1;
}
