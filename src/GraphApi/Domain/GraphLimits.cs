namespace GraphApi.Domain;

/// <summary>Size rules for input. Defaults in code; the "Graph:Limits" configuration section may change them.</summary>
public sealed class GraphLimits
{
    public int MaxNameLength { get; set; } = 200;
    public int MaxTextLength { get; set; } = 10_000;
    public int MaxIdLength { get; set; } = 250;
    public int MaxMembersPerBody { get; set; } = 500;
    public int MaxListLength { get; set; } = 1_000;
}
