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

    public static string ConsoleLog => Path.Combine(Repository.Artifacts, "browser-console.log");

    public async Task<IPage> NewPageAsync(string baseUrl, int width = 1280, int height = 720, string language = "de")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl, ViewportSize = new ViewportSize { Width = width, Height = height }, Locale = language == "de" ? "de-DE" : "en-GB",
        });
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
