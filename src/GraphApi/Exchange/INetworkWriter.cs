using GraphApi.Domain;
using GraphApi.Storage;

namespace GraphApi.Exchange;

/// <summary>
/// One export format behind the one export endpoint <c>GET /api/networks/{id}/export?format=…</c>. Each format is a
/// class registered with <c>services.AddSingleton&lt;INetworkWriter, XyzNetworkWriter&gt;()</c>; the endpoint picks the
/// writer whose <see cref="Format"/> equals the query's <c>format</c> (case-insensitive) and answers 400 naming the
/// allowed values for any other.
/// </summary>
public interface INetworkWriter
{
    /// <summary>The value of <c>?format=</c>, lower case: "json", "xlsx", "svg".</summary>
    string Format { get; }

    /// <summary>The response's content type: "image/svg+xml".</summary>
    string ContentType { get; }

    /// <summary>The download's file extension with its dot: ".svg".</summary>
    string Extension { get; }

    Task WriteAsync(ExportRequest request, Stream output, CancellationToken ct);
}

/// <summary>
/// What a writer gets: the network as committed, where its nodes are placed on the map, and the query string's other
/// options (<c>asOf</c>, <c>layers</c>, <c>theme</c>, …), each as sent or null.
/// </summary>
public sealed record ExportRequest(NetworkSnapshot Snapshot, IReadOnlyDictionary<string, NodePosition> Positions,
    IReadOnlyDictionary<string, string?> Options);
