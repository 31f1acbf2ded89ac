using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GraphApi.Exchange.Svg;

public static class SvgExportExtensions
{
    /// <summary>The picture formats of the one export endpoint: <c>?format=svg</c> and <c>?format=png</c>.</summary>
    public static IServiceCollection AddSvgExport(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddLocalization();
        services.TryAddSingleton<SvgNetworkWriter>();
        services.TryAddSingleton<PngNetworkWriter>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<INetworkWriter, SvgNetworkWriter>(sp => sp.GetRequiredService<SvgNetworkWriter>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<INetworkWriter, PngNetworkWriter>(sp => sp.GetRequiredService<PngNetworkWriter>()));
        return services;
    }
}
