using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace GraphApi.Tests.MultiInstance;

/// <summary>
/// A redis-server of the test run's own on a free loopback port, without persistence, stopped afterwards. Debian's
/// package is installed with apt when missing (as root; idempotent); where that is impossible the tests that need it
/// are reported skipped with <see cref="SkipReason"/>.
/// </summary>
public sealed class RedisServer : IAsyncLifetime
{
    private Process? _process;

    public string? SkipReason { get; private set; }
    public string Configuration { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var executable = "/usr/bin/redis-server";
        if (!File.Exists(executable))
        {
            await RunAsync("apt-get", "install", "-y", "-q", "redis-server");
            if (!File.Exists(executable))
            {
                await RunAsync("apt-get", "update", "-q");
                await RunAsync("apt-get", "install", "-y", "-q", "redis-server");
            }
            if (!File.Exists(executable))
            {
                SkipReason = "redis-server is not installed and `apt-get install redis-server` did not work (not root?).";
                return;
            }
        }
        var port = FreePort();
        var info = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "--port", port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--protected-mode", "yes" })
            info.ArgumentList.Add(arg);
        _process = Process.Start(info)!;
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        Configuration = $"127.0.0.1:{port}";
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var tcp = new TcpClient();
                await tcp.ConnectAsync("127.0.0.1", port);
                var stream = tcp.GetStream();
                await stream.WriteAsync("PING\r\n"u8.ToArray());
                var buffer = new byte[16];
                var read = await stream.ReadAsync(buffer);
                if (Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal)) return;
            }
            catch (SocketException) { /* starting */ }
            await Task.Delay(100);
        }
        throw new InvalidOperationException("redis-server did not answer PING within 10 s.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process?.Dispose();
    }

    private static async Task RunAsync(string file, params string[] args)
    {
        try
        {
            var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var arg in args) info.ArgumentList.Add(arg);
            info.Environment["DEBIAN_FRONTEND"] = "noninteractive";
            using var process = Process.Start(info)!;
            await Task.WhenAll(process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync(), process.WaitForExitAsync());
        }
        catch (System.ComponentModel.Win32Exception) { /* no apt here */ }
    }
}
