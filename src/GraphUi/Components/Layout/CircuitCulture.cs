using System.Globalization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace GraphUi.Components.Layout;

/// <summary>
/// The language of one circuit. A circuit's work arrives on the hub's connection, not on the page request whose
/// culture cookie chose the language, so the page hands the culture to the root component and every inbound
/// activity of the circuit (events, JS calls, renders) runs in it.
/// </summary>
public sealed class CircuitCulture
{
    public CultureInfo? Culture { get; set; }

    public void Apply()
    {
        if (Culture is not { } c) return;
        CultureInfo.CurrentCulture = c;
        CultureInfo.CurrentUICulture = c;
    }
}

public sealed class CultureCircuitHandler(CircuitCulture culture) : CircuitHandler
{
    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
        context =>
        {
            culture.Apply();
            return next(context);
        };
}
