using GraphApi.Domain;
using GraphApi.Exchange;
using GraphApi.Networks;

namespace GraphUi;

/// <summary>
/// The command-line verb "export NETWORK FILE": the same writers as GET /api/networks/{id}/export, the format taken from the
/// file's extension (.json, .xlsx, .csv.zip, .graphml, .gexf, and any other registered writer's).
/// </summary>
internal static class ExportCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, string networkId, string file)
    {
        var writers = services.GetServices<INetworkWriter>().ToList();
        var writer = writers.Where(w => file.EndsWith(w.Extension, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(w => w.Extension.Length).FirstOrDefault();
        if (writer is null)
        {
            Console.Error.WriteLine(Texts.Get("cli.formatIsTakenFromExtension", file, string.Join(", ", writers.Select(w => w.Extension))));
            return 1;
        }
        try
        {
            var networks = services.GetRequiredService<NetworkService>();
            var snapshot = await networks.GetAsync(networkId);
            var positions = await networks.PositionsAsync(networkId);
            await using (var output = File.Create(file))
                await writer.WriteAsync(new ExportRequest(snapshot, positions, new Dictionary<string, string?>()), output, CancellationToken.None);
            Console.WriteLine(Texts.Get("cli.wroteNetworkRevisionAsTo", networkId, snapshot.Revision, writer.Format, file));
            return 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotFoundException)
        {
            Console.Error.WriteLine($"{file}: {e.Message}");
            return 1;
        }
    }
}
