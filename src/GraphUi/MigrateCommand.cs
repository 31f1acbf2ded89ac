using System.Globalization;
using GraphApi.Localization;
using GraphApi.Storage;
using GraphApi.Storage.Migration;
using GraphApi.Storage.Neo4j;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace GraphUi;

/// <summary>
/// The command-line verb "migrate --from STORE --to STORE [--network ID]... [--replace]": copies networks with their
/// history and positions (and the networks in the trash, into the target's trash) from one store to another through <see cref="StoreMigrator"/>, and verifies each copy. A store
/// is <c>sqlite:FILE</c> or <c>neo4j:URL</c> (optionally <c>#DATABASE</c>, else <c>Neo4j:Database</c>); Neo4j's
/// credentials and other settings come from the configuration (<c>Neo4j:User</c>, <c>Neo4j:Password</c>,
/// <c>Neo4j:Token</c>, <c>Neo4j:Transport</c>; environment <c>Neo4j__Password=…</c>), never from the command line.
/// Exit codes: 0 copied and verified, 1 refused or failed (the target keeps nothing of a failed network), 2 a store is
/// unreachable or refused the credentials.
/// </summary>
internal static class MigrateCommand
{
    public static async Task<int> RunAsync(IConfiguration configuration, IReadOnlyList<string> args)
    {
        // The process's language: German where the system is German, English everywhere else (as the other verbs).
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "de" ? "de" : "en");
        using var services = new ServiceCollection().AddLogging().AddLocalization().BuildServiceProvider();
        var text = services.GetRequiredService<IStringLocalizer<Strings>>();

        string? from = null, to = null;
        var networks = new List<string>();
        var replace = false;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--from" when i + 1 < args.Count: from = args[++i]; break;
                case "--to" when i + 1 < args.Count: to = args[++i]; break;
                case "--network" when i + 1 < args.Count: networks.Add(args[++i]); break;
                case "--replace": replace = true; break;
                default:
                    Console.Error.WriteLine(text["migrate.usage"]);
                    return 1;
            }
        }
        if (from is null || to is null)
        {
            Console.Error.WriteLine(text["migrate.usage"]);
            return 1;
        }

        IGraphStore? source = null, target = null;
        try
        {
            source = Open(from, configuration, text, mustExist: true);
            target = Open(to, configuration, text, mustExist: false);
            await source.InitializeAsync();
            await target.InitializeAsync();
            var migrator = new StoreMigrator(source, target, text);
            var copied = await migrator.MigrateAsync(new MigrationOptions(networks, replace), network => Console.WriteLine(text["migrate.copied",
                network.Id, network.Revision, network.ChangeSets, network.Positions, (network.Replaced ? text["migrate.replaced"] : "")
                + (network.TrashedAt is { } trashed ? text["migrate.trashed", trashed.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)] : "")]));
            Console.WriteLine(text["migrate.done", copied.Count, from, to]);
            return 0;
        }
        catch (MigrationException e)
        {
            Console.Error.WriteLine(e.Message);
            return 1;
        }
        catch (StoreUnavailableException e)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }
        catch (Exception e) when (e is ArgumentException or Neo4jException or Microsoft.Data.Sqlite.SqliteException)
        {
            Console.Error.WriteLine(e.Message);
            return 1;
        }
        finally
        {
            (source as IDisposable)?.Dispose();
            (target as IDisposable)?.Dispose();
        }
    }

    /// <summary>A store from its spec: sqlite:FILE or neo4j:URL[#DATABASE], with the configuration's Neo4j settings.</summary>
    private static IGraphStore Open(string spec, IConfiguration configuration, IStringLocalizer<Strings> text, bool mustExist)
    {
        if (spec.StartsWith("sqlite:", StringComparison.OrdinalIgnoreCase))
        {
            var path = Path.GetFullPath(spec["sqlite:".Length..]);
            if (mustExist && !File.Exists(path)) throw new ArgumentException(text["migrate.sqliteMissing", path]);
            return new SqliteGraphStore(Options.Create(new StoreOptions { DatabasePath = path }));
        }
        if (spec.StartsWith("neo4j:", StringComparison.OrdinalIgnoreCase)
            && Uri.TryCreate(spec["neo4j:".Length..], UriKind.Absolute, out var url) && url.Scheme is "http" or "https")
        {
            var options = configuration.GetSection("Neo4j").Get<Neo4jOptions>() ?? new Neo4jOptions();
            options.Url = url.GetLeftPart(UriPartial.Path);
            if (url.Fragment.Length > 1) options.Database = Uri.UnescapeDataString(url.Fragment[1..]);
            return new Neo4jGraphStore(options);
        }
        throw new ArgumentException(text["migrate.badStore", spec]);
    }
}
