using System.Globalization;
using System.Runtime.CompilerServices;

namespace GraphApi.Tests;

internal static class TestCulture
{
    /// <summary>
    /// The tests that call the domain directly read its messages in English, whatever language the machine
    /// that runs them speaks. HTTP requests choose their language themselves (TestApp asks for English).
    /// </summary>
    [ModuleInitializer]
    internal static void English() => CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.GetCultureInfo("en");
}
