using System.Diagnostics;
using System.Net.Http.Json;

namespace GraphApi.Tests;

/// <summary>The real app as a child process (dotnet GraphUi.dll ...), for what only a separate process can show.</summary>
public static class AppProcess
{
    public static string AppDll => Path.Combine(Path.GetDirectoryName(typeof(Program).Assembly.Location)!, "GraphUi.dll");

    public static ProcessStartInfo StartInfo(string databasePath, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(AppDll);
        foreach (var arg in args) info.ArgumentList.Add(arg);
        info.Environment["Store__DatabasePath"] = databasePath;
        info.Environment["Store__SeedOnEmpty"] = "false";
        info.Environment["Map__LayoutOnArrival"] = "false"; // as in TestApp: no positions or live messages the tests did not cause
        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        WithAdministrator(info);
        // The command line speaks the system's language; the tests read English unless they set another.
        info.Environment["LC_ALL"] = "en_US.UTF-8";
        return info;
    }

    /// <summary>Configures the test administrator (the same as <see cref="TestApp"/>'s) for a process of the app.</summary>
    public static ProcessStartInfo WithAdministrator(ProcessStartInfo info)
    {
        info.Environment["Auth__Admin__Email"] = TestApp.AdminEmail;
        info.Environment["Auth__Admin__Password"] = TestApp.AdminPassword;
        info.Environment["Auth__Admin__DisplayName"] = TestApp.AdminName;
        return info;
    }

    /// <summary>Signs <paramref name="client"/> in as the administrator (its bearer token on every request); the token.</summary>
    public static async Task<string> SignInAsync(HttpClient client, string email = TestApp.AdminEmail, string password = TestApp.AdminPassword)
    {
        using var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password });
        Assert.True(response.IsSuccessStatusCode, $"sign-in of {email}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var token = (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("accessToken").GetString()!;
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return token;
    }

    /// <summary>Runs a command of the app to its end and returns its exit code and output.</summary>
    public static Task<(int ExitCode, string Output, string Error)> RunAsync(string databasePath, params string[] args) =>
        RunAsync(StartInfo(databasePath, args));

    /// <summary>Runs the app as <paramref name="info"/> says (with another language, say) to its end.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(ProcessStartInfo info)
    {
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}
