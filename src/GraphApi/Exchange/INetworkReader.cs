using GraphApi.Exchange.Tables;

namespace GraphApi.Exchange;

/// <summary>
/// One import format behind the one import endpoint <c>POST /api/networks/import</c>: JSON, an xlsx workbook, a CSV zip,
/// GraphML, GEXF. The importer gives every reader the first bytes and the declared content type and takes the first that
/// recognises the content.
/// </summary>
public interface INetworkReader
{
    /// <summary>"xlsx": the same word as the matching writer's format.</summary>
    string Format { get; }

    /// <summary>Whether the content is this format, by its first bytes (a file signature) or else its content type.</summary>
    bool Recognises(ReadOnlySpan<byte> head, string? contentType);

    /// <summary>
    /// The document the file describes and every problem found on the way; never throws for bad content. The stream is
    /// seekable and already bounded by the importer's size limit.
    /// </summary>
    Task<ImportInput> ReadAsync(Stream content, ImportOptions options, CancellationToken ct);
}

/// <summary>A read file: the document, the problems found while reading it, and how to place the validator's JSON paths in the file.</summary>
public sealed record ImportInput(string Format, NetworkDocument Document, IReadOnlyList<ImportProblem> Problems, TableLocator? Locator = null)
{
    /// <summary>The file could not be read at all (malformed JSON, say): its problems are all there is to say.</summary>
    public bool Unreadable { get; init; }
}
