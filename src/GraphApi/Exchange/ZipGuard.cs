using System.IO.Compression;
using GraphApi.Domain;

namespace GraphApi.Exchange;

/// <summary>
/// Limits for zipped input (xlsx workbooks are zips too): a zip bomb — a few kilobytes that unpack to gigabytes — is refused
/// before anything is unpacked, by the sizes its directory declares; CSV entries are also read through a counting stream.
/// </summary>
public static class ZipGuard
{
    public const long MaxUnpackedBytes = 200L * 1024 * 1024;
    public const int MaxEntries = 1_000;
    /// <summary>Spreadsheet XML packs about 10:1; a bomb packs a thousand to one.</summary>
    public const double MaxRatio = 200;

    /// <summary>The problem with the archive, or null when it is within the limits.</summary>
    public static string? Check(ZipArchive zip)
    {
        if (zip.Entries.Count > MaxEntries)
            return Texts.Get("exchange.archiveHoldsFilesAtMost", zip.Entries.Count, MaxEntries);
        long total = 0;
        foreach (var entry in zip.Entries)
        {
            total += entry.Length;
            if (entry.Length > 1024 * 1024 && entry.CompressedLength > 0 && (double)entry.Length / entry.CompressedLength > MaxRatio || total > MaxUnpackedBytes)
                return Texts.Get("exchange.archiveWouldUnpackToMore", MaxUnpackedBytes / 1024 / 1024, entry.FullName);
        }
        return null;
    }

    /// <summary>Reads an entry, stopping with an exception when it yields more than it declared or than the limit.</summary>
    public static async Task<byte[]> ReadAsync(ZipArchiveEntry entry, CancellationToken ct)
    {
        var limit = Math.Min(entry.Length, MaxUnpackedBytes);
        await using var stream = entry.Open();
        using var buffer = new MemoryStream((int)Math.Min(limit, 16 * 1024 * 1024));
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > limit) throw new InvalidDataException($"'{entry.FullName}' unpacks to more than it declares.");
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
