using Microsoft.Playwright;

namespace GraphUi.Tests;

/// <summary>One headless Chromium for all browser tests; each test gets its own context (cookies, storage).</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;
    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            // Without these Chromium tries to reach Google's services, which this closed network refuses.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    public async Task DisposeAsync()
    {
        await Browser.CloseAsync();
        _playwright?.Dispose();
    }

    private readonly Dictionary<(string, string), string> _signedIn = [];
    private readonly SemaphoreSlim _signingIn = new(1, 1);

    /// <summary>The cookies of a signed-in administrator (for a context made with its own options).</summary>
    public Task<string> AdminStateAsync(string baseUrl) => SignedInStateAsync(baseUrl, MapApp.AdminEmail, MapApp.AdminPassword);

    private async Task<string> SignedInStateAsync(string baseUrl, string email, string password)
    {
        await _signingIn.WaitAsync();
        try
        {
            if (_signedIn.TryGetValue((baseUrl, email), out var state)) return state;
            await using var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl });
            var response = await context.APIRequest.PostAsync("/api/auth/login?useCookies=true", new() { DataObject = new { email, password } });
            if (!response.Ok) throw new InvalidOperationException($"sign-in of {email}: {response.Status} {await response.TextAsync()}");
            return _signedIn[(baseUrl, email)] = await context.StorageStateAsync();
        }
        finally
        {
            _signingIn.Release();
        }
    }

    public static string ConsoleLog => Path.Combine(Repository.Artifacts, "browser-console.log");

    /// <summary>
    /// A page in a new context, signed in as the app's administrator (<see cref="MapApp.AdminEmail"/>), as another account
    /// (<paramref name="email"/>, password <see cref="MapApp.UserPassword"/>), or signed out (<paramref name="signedIn"/> false).
    /// Each account signs in once per app; later contexts reuse its cookie (Playwright's storage state).
    /// </summary>
    /// <remarks><paramref name="signInAt"/>: the app to sign in at when <paramref name="baseUrl"/> is another site (a foreign page).</remarks>
    public async Task<IPage> NewPageAsync(string baseUrl, int width = 1280, int height = 720, string language = "de",
        bool signedIn = true, string? email = null, string? signInAt = null)
    {
        var options = new BrowserNewContextOptions
        {
            BaseURL = baseUrl, ViewportSize = new ViewportSize { Width = width, Height = height }, Locale = language == "de" ? "de-DE" : "en-GB",
        };
        if (signedIn) options.StorageState = await SignedInStateAsync(signInAt ?? baseUrl, email ?? MapApp.AdminEmail, email is null ? MapApp.AdminPassword : MapApp.UserPassword);
        var context = await Browser.NewContextAsync(options);
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        // Script errors in the page are kept as an artifact: a failing test then shows what broke in the browser.
        page.Console += (_, message) =>
        {
            if (message.Type == "error") File.AppendAllText(ConsoleLog, $"{DateTime.UtcNow:O} {page.Url}: {message.Text}\n");
        };
        page.PageError += (_, error) => File.AppendAllText(ConsoleLog, $"{DateTime.UtcNow:O} {page.Url}: {error}\n");
        return page;
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}

public static class PageInteractivity
{
    /// <summary>
    /// Waits until the page's circuit runs (the layout's <c>main</c> says <c>data-interactive="true"</c>) and, when given,
    /// <paramref name="testId"/> is drawn inside it: before that, the prerendered buttons are drawn but a click reaches no
    /// server. Only for interactive pages (not the static account forms).
    /// </summary>
    public static Task WaitUntilInteractiveAsync(this IPage page, string? testId = null) =>
        Assertions.Expect(page.Locator("main#main[data-interactive=true]" + (testId is null ? "" : $" [data-testid={testId}]")).First)
            .ToBeVisibleAsync(new() { Timeout = 30_000 });
}
