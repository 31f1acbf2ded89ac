using GraphApi.Exchange.Csv;
using GraphApi.Exchange.Cypher;
using GraphApi.Exchange.Excel;
using GraphApi.Exchange.Gexf;
using GraphApi.Exchange.GraphMl;
using GraphApi.Exchange.Import;
using GraphApi.Exchange.Json;
using Microsoft.Extensions.DependencyInjection;

namespace GraphApi.Exchange;

public static class ExchangeServices
{
    /// <summary>The import and export formats of this folder and the importer; other folders add writers (svg, png, cypher) the same way.</summary>
    public static IServiceCollection AddExchangeFormats(this IServiceCollection services)
    {
        services.AddSingleton<INetworkWriter, JsonNetworkWriter>();
        services.AddSingleton<INetworkWriter, ExcelNetworkWriter>();
        services.AddSingleton<INetworkWriter, CsvNetworkWriter>();
        services.AddSingleton<INetworkWriter, GraphMlNetworkWriter>();
        services.AddSingleton<INetworkWriter, GexfNetworkWriter>();
        services.AddSingleton<INetworkWriter, CypherNetworkWriter>();
        services.AddSingleton<INetworkReader, JsonNetworkReader>();
        services.AddSingleton<INetworkReader, ExcelNetworkReader>();
        services.AddSingleton<INetworkReader, CsvNetworkReader>();
        services.AddSingleton<INetworkReader, GraphMlNetworkReader>();
        services.AddSingleton<INetworkReader, GexfNetworkReader>();
        services.AddSingleton<IImportDuplicateFinder, DetectedDuplicates>();
        services.AddSingleton<NetworkImporter>();
        return services;
    }
}
