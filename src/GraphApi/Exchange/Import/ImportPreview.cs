using GraphApi.Analysis;
using GraphApi.Domain;

namespace GraphApi.Exchange.Import;

/// <summary>
/// What an import would do, before anything is written: the counts of entries it would create, change and remove (in
/// total and per kind), every problem with its place in the file, and probable duplicates of actors already in the network.
/// <see cref="Revision"/> is the network's current revision (0: the network does not exist yet); the import sends it back
/// as <c>expectedRevision</c> and is refused with a new preview if the network has moved meanwhile.
/// </summary>
public sealed record ImportPreview(
    string Format,
    string NetworkId,
    string NetworkName,
    bool NetworkExists,
    long Revision,
    bool CanImport,
    ImportCounts Counts,
    IReadOnlyList<ImportKindCounts> ByKind,
    IReadOnlyList<ImportProblem> Problems,
    IReadOnlyList<ImportDuplicate> Duplicates);

public sealed record ImportCounts(int Created, int Changed, int Removed);

/// <summary>Counts for one kind: <see cref="Kind"/> is the code ("actor"), <see cref="Label"/> the plural in the request's language.</summary>
public sealed record ImportKindCounts(string Kind, string Label, int Created, int Changed, int Removed);

/// <summary>
/// An actor the import brings that probably is one already in the network (or in the same file), as the analysis's duplicate
/// detector sees it; offered for merging after the import.
/// </summary>
public sealed record ImportDuplicate(NamedRef Incoming, NamedRef Other, bool OtherExists, double Similarity, string Reason, string Sentence);

/// <summary>The network moved since the preview: the import was refused, and this is the preview against the new state.</summary>
public sealed class StaleImportException(ImportPreview preview) : Exception(Domain.Texts.Get("exchange.networkChangedSincePreviewNow", preview.NetworkId, preview.Revision))
{
    public ImportPreview Preview { get; } = preview;
}

/// <summary>
/// The seam to the analysis's one duplicate detector (issue 13's <see cref="DuplicateDetector"/>), so a test or another
/// detector can stand in.
/// </summary>
public interface IImportDuplicateFinder
{
    /// <summary>Pairs of actors of <paramref name="network"/> that probably are one organisation.</summary>
    IReadOnlyList<ProbableDuplicate> Find(NetworkSnapshot network);
}

/// <summary>Every pair in the network the import would leave behind; the importer keeps those with an actor the file brings.</summary>
public sealed class DetectedDuplicates : IImportDuplicateFinder
{
    public IReadOnlyList<ProbableDuplicate> Find(NetworkSnapshot network) => DuplicateDetector.Find(network, Phrases.Current);
}
