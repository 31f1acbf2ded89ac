using GraphApi.Storage;

namespace GraphApi.Networks;

/// <summary>
/// Node positions after someone moved nodes; every screen applies them, so all end with the same picture.
/// <see cref="Layout"/> is null for the shared map (the positions the API, the report and the exports read), else the
/// name of the layout the positions belong to.
/// </summary>
public sealed record NodesMoved(string NetworkId, IReadOnlyDictionary<string, NodePosition> Positions, string By, string? Layout = null);
