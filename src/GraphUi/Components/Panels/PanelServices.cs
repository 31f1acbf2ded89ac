namespace GraphUi.Components.Panels;

public static class PanelServices
{
    /// <summary>What the panels share within one circuit: the person's <see cref="EditSession"/>.</summary>
    public static IServiceCollection AddGraphUiPanels(this IServiceCollection services) => services.AddScoped<EditSession>();
}
