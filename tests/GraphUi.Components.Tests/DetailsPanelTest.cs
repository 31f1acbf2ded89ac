using GraphUi.Components.Panels;

namespace GraphUi.Components.Tests;

/// <summary>A test of the details panel on its own: the selection it passes back stands in for the map page's.</summary>
public abstract class DetailsPanelTest : ComponentTest
{
    protected DetailsPanelTest(SeededStore store) : base(store)
    {
        // The editor focuses its first field through js/editor.js (unless the person already types in another field).
        JSInterop.SetupModule("./js/editor.js").SetupVoid("focusUnlessTyping", _ => true).SetVoidResult();
    }

    protected string? _selected;

    protected IRenderedComponent<DetailsPanel> Open(string networkId, string? selected)
    {
        _selected = selected;
        return Render<DetailsPanel>(p => p
            .Add(x => x.NetworkId, networkId)
            .Add(x => x.SelectedId, selected)
            .Add(x => x.SelectedIdChanged, id => _selected = id));
    }
}
