using GraphApi.Domain;
using GraphApi.Localization;
using GraphApi.Networks;
using GraphApi.Storage;
using GraphUi.Components.Map.Diagram;
using Microsoft.AspNetCore.Components;

namespace GraphUi.Components.Map;

/// <summary>
/// Large networks on the map (issue 8): above <see cref="MapGrouping.DefaultThreshold"/> nodes the map opens grouped, so
/// the diagram model and the render tree on the server hold only what is drawn: collapsed groups, the nodes of opened
/// groups and summed links. A group opens in place on a click, Enter or Space; a selection, a search's choice and the
/// keyboard's focus open the group they are in. <c>?groups=off</c> (the group bar's "Alle Knoten zeigen") draws
/// every node. Kept apart from MapView.razor so the drawing of small networks stays as it was.
/// </summary>
public partial class MapView
{
    /// <summary>"off": draw every node of a large network; it lives in the address like the filters.</summary>
    [SupplyParameterFromQuery(Name = "groups")] public string? GroupsQuery { get; set; }

    [Inject] private NavigationManager Navigation { get; set; } = default!;

    private GroupedMap? _grouped;
    private readonly HashSet<string> _expanded = new(StringComparer.Ordinal);

    /// <summary>A comparison is always drawn whole: its marks are per node.</summary>
    private bool GroupsOn(NetworkView view) => Snapshot is null && GroupsQuery != "off" && MapGrouping.Applies(view);

    /// <summary>Large and drawn whole on request: the group bar offers to group again.</summary>
    private bool Ungrouped => _grouped is null && Snapshot is null && _mapper?.View is { } v && MapGrouping.Applies(v);

    /// <summary>Applies a view to the diagram, grouped when it is large. Returns the places given to nodes that had none (to be saved).</summary>
    private IReadOnlyDictionary<string, NodePosition> ApplyView(NetworkView view)
    {
        if (!GroupsOn(view))
        {
            _grouped = null;
            return _mapper!.Apply(view, _saved, Filter.AsOf);
        }
        var size = LayoutStore.SizeIn(view);
        // A grouped map needs every node's place before it groups: new nodes go next to what they connect to.
        var placed = MapGrouping.PlaceMissing(view, _saved, size);
        if (placed.Count > 0)
        {
            var merged = new Dictionary<string, NodePosition>(_saved, StringComparer.Ordinal);
            foreach (var (id, p) in placed) merged[id] = p;
            _saved = merged;
        }
        Group(view, size);
        return placed;
    }

    private void Group(NetworkView view, Func<string, (double W, double H)>? size = null)
    {
        _grouped = MapGrouping.Group(view, _saved, size ?? LayoutStore.SizeIn(view), _expanded, [SelectedId, _focused, _connectFrom]);
        _expanded.Clear();
        _expanded.UnionWith(_grouped.Expanded);
        _mapper!.Apply(view, _saved, Filter.AsOf, _grouped, DescribeGroup);
    }

    /// <summary>Draws the grouped map again (a group opened or closed, nodes moved); false when the map is not grouped.</summary>
    private bool Regroup()
    {
        if (_grouped is null || _mapper?.View is not { } view) return false;
        Group(view);
        ApplyStates();
        return true;
    }

    /// <summary>Opens the group that holds a node (a selection from a panel, the address or a search).</summary>
    private void Reveal(string? id)
    {
        if (id is not null && _grouped?.IsHidden(id) == true) Regroup();
    }

    private string GroupName(MapGroup group) => group.ByTerritory ? T["map.group.territory", group.Title] : T["map.group.around", group.Title];

    /// <summary>"Gruppe Gemeinde Ilsede", "48 Akteure, 6 Gremien", and the accessible name "…, aufklappen".</summary>
    private void DescribeGroup(GroupNode node, MapGroup group)
    {
        var counts = string.Join(", ", group.Counts.Select(c => Counts.Of(c.Value, Kinds.Of(c.Key))));
        node.Name = GroupName(group);
        node.ShortName = $"{group.Title} ({group.Members.Count})";
        node.KindLabel = counts;
        node.AccessibleName = T["map.group.name", node.Name, counts];
    }

    /// <summary>Opens a group in place: its members are drawn where the layout put them; by keyboard the focus goes to the first of them.</summary>
    public void ExpandGroup(string groupId, bool focusFirst)
    {
        if (_grouped?.All.FirstOrDefault(g => g.Id == groupId) is not { } group || _expanded.Contains(groupId)) return;
        _expanded.Add(groupId);
        Regroup();
        var status = T["map.group.expanded", GroupName(group), group.Members.Count].Value;
        if (focusFirst && KeyboardNavigator.First(group.Members.Select(m => _mapper!.Nodes.GetValueOrDefault(m)).OfType<MapNode>()) is { } first)
        {
            _focusClaim = first;
            MoveFocus(first);
            status += " " + _mapper!.Nodes[first].AccessibleName;
        }
        _status = status;
    }

    /// <summary>A click on a group card opens it (a group is never the selection: the details panel knows no groups).</summary>
    private void OnGroupClicked(GroupNode group)
    {
        _selecting = true;
        try { _diagram!.UnselectModel(group); }
        finally { _selecting = false; }
        ExpandGroup(group.Id, focusFirst: false);
        StateHasChanged();
    }

    private void CollapseGroups()
    {
        if (_grouped is null) return;
        // The focus goes back to the card of the group it was in.
        if (_focused is not null && _grouped.GroupOf(_focused) is { } g) _focused = g;
        _expanded.Clear();
        Regroup();
        _status = T["map.groups.collapsed"];
    }

    /// <summary>On a grouped map a selection's neighbours may all be inside groups: show at least a screenful of what is around it.</summary>
    private static (double X1, double Y1, double X2, double Y2) WithContext(double x1, double y1, double x2, double y2)
    {
        const double width = 1600, height = 900;
        var (cx, cy) = ((x1 + x2) / 2, (y1 + y2) / 2);
        var (w, h) = (Math.Max(width, x2 - x1), Math.Max(height, y2 - y1));
        return (cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2);
    }

    private void DrawAll(bool all) =>
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameter("groups", all ? "off" : null), replace: true);
}
