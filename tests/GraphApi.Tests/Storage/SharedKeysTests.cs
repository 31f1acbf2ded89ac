using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace GraphApi.Tests.Storage;

/// <summary>
/// Several instances behind a load balancer (issue 11, point 9): with one DataProtection:KeysPath, what one app host
/// protects (cookies, antiforgery tokens, circuit state) the other reads; with key rings of their own they cannot.
/// </summary>
public sealed class SharedKeysTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("networkgraph-keys-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static IDataProtector Protector(IServiceProvider services) =>
        services.GetRequiredService<IDataProtectionProvider>().CreateProtector("Microsoft.AspNetCore.Antiforgery.AntiforgeryToken.v1");

    [Fact]
    public void TwoAppHostsWithTheSameKeysFolderUnprotectEachOthersPayloads()
    {
        var keys = Path.Combine(_folder, "shared");
        using var hostA = new TestApp();
        using var hostB = new TestApp();
        using var a = hostA.WithWebHostBuilder(b => b.UseSetting("DataProtection:KeysPath", keys));
        using var b = hostB.WithWebHostBuilder(b => b.UseSetting("DataProtection:KeysPath", keys));

        var fromA = Protector(a.Services).Protect("Sitzung von A – „Grüße“");
        Assert.Equal("Sitzung von A – „Grüße“", Protector(b.Services).Unprotect(fromA));
        Assert.Equal("von B", Protector(a.Services).Unprotect(Protector(b.Services).Protect("von B")));
        Assert.NotEmpty(Directory.GetFiles(keys, "key-*.xml"));

        // A third instance with a key ring of its own refuses A's payload: the shared folder is what makes it work.
        using var hostC = new TestApp();
        using var c = hostC.WithWebHostBuilder(b => b.UseSetting("DataProtection:KeysPath", Path.Combine(_folder, "own")));
        Assert.ThrowsAny<CryptographicException>(() => Protector(c.Services).Unprotect(fromA));
    }
}
