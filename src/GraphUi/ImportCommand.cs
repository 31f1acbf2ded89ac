using GraphApi.Domain;
using GraphApi.Exchange;
using GraphApi.Exchange.Import;
using GraphApi.Exchange.Tables;

namespace GraphUi;

/// <summary>
/// The command-line verb "import FILE": the same import as POST /api/networks/import, into the configured store, for every
/// import format (.json, .xlsx, .csv.zip, .graphml, .gexf; told apart by content like the endpoint).
/// It speaks the process's language: German where the system is German, English everywhere else.
/// </summary>
internal static class ImportCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, string file)
    {
        try
        {
            var importer = services.GetRequiredService<NetworkImporter>();
            await using var stream = File.OpenRead(file);
            var input = await importer.ReadAsync(stream, null, new ImportOptions(), ct: CancellationToken.None);
            var result = await importer.ImportAsync(input, null, $"import {Path.GetFileName(file)}");
            Console.WriteLine(Texts.Get("cli.importedNetworkAtRevisionCreated", result.NetworkId, result.Revision, result.Created, result.Updated, result.Deleted));
            foreach (var warning in result.Warnings ?? []) Console.WriteLine($"  {warning}");
            return 0;
        }
        catch (ValidationFailedException e)
        {
            Console.Error.WriteLine(Texts.Get("cli.nothingWasImportedDocumentBreaks", file));
            foreach (var (path, messages) in e.Errors.ToDictionary())
                foreach (var message in messages) Console.Error.WriteLine($"  {path}: {message}");
            return 1;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ConflictException or Microsoft.AspNetCore.Http.BadHttpRequestException)
        {
            Console.Error.WriteLine($"{file}: {e.Message}");
            return 1;
        }
    }
}
