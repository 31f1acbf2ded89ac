using GraphApi.Api;
using GraphApi.Domain;
using GraphApi.Exchange;

namespace GraphUi;

/// <summary>
/// The command-line verb "import FILE": the same import as POST /api/networks/import, into the configured store.
/// It speaks the process's language: German where the system is German, English everywhere else.
/// </summary>
internal static class ImportCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, string file)
    {
        try
        {
            var document = NetworkExchange.Parse(await File.ReadAllTextAsync(file));
            var set = await services.GetRequiredService<NetworkExchange>().ImportAsync(document, $"import {Path.GetFileName(file)}");
            var result = ExchangeApi.Summarise(set);
            Console.WriteLine(Texts.Say(
                $"Netzwerk „{result.NetworkId}“ importiert, Revision {result.Revision}: " +
                $"{result.Created} angelegt, {result.Updated} geändert, {result.Deleted} gelöscht.",
                $"Imported network '{result.NetworkId}' at revision {result.Revision}: " +
                $"{result.Created} created, {result.Updated} updated, {result.Deleted} deleted."));
            return 0;
        }
        catch (ValidationFailedException e)
        {
            Console.Error.WriteLine(Texts.Say($"{file}: Es wurde nichts importiert; das Dokument verstößt gegen diese Regeln:",
                $"{file}: nothing was imported; the document breaks these rules:"));
            foreach (var (path, messages) in e.Errors.ToDictionary())
                foreach (var message in messages) Console.Error.WriteLine($"  {path}: {message}");
            return 1;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ConflictException)
        {
            Console.Error.WriteLine($"{file}: {e.Message}");
            return 1;
        }
    }
}
