using GraphUi.Components.Map.Diagram;
using GraphUi.Components.Panels;

namespace GraphUi;

public static class GraphUiExtensions
{
    /// <summary>The interactive UI: Razor components over a Blazor Server circuit, and the map's services.</summary>
    public static WebApplicationBuilder AddGraphUi(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents(options =>
        {
            // A dropped connection keeps its circuit (and what was typed) for a while; .NET 10 can also persist it.
            options.DisconnectedCircuitRetentionPeriod = TimeSpan.FromMinutes(5);
            options.DetailedErrors = builder.Environment.IsDevelopment();
        });
        // The circuit's user (AuthenticationStateProvider) is the signed-in account of the page request that started it.
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddScoped<GraphUi.Components.Layout.CircuitCulture>();
        builder.Services.AddScoped<Microsoft.AspNetCore.Components.Server.Circuits.CircuitHandler, GraphUi.Components.Layout.CultureCircuitHandler>();
        builder.Services.AddSingleton<LayoutStore>();
        builder.Services.AddSingleton<MapWarmUp>();
        builder.Services.AddHostedService<LayoutOnArrival>();
        builder.Services.AddGraphUiPanels();
        return builder;
    }
}
