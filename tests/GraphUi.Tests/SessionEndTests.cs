using System.Text.RegularExpressions;
using GraphUi.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace GraphUi.Tests;

/// <summary>
/// Issue 10: locking an account ends what it has open at once, not when its cookie is next checked: its open map closes
/// (the circuit's gate hears the account notice on the live bus), the others see it leave, and a reload asks for sign-in.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SessionEndTests(BrowserFixture browser, MapApp app) : IClassFixture<MapApp>
{
    [Fact]
    public async Task LockingAnAccountClosesItsOpenMapAtOnce()
    {
        // An account of this test only: the browser fixture keeps each account's cookie for later tests.
        const string email = "gesperrt.live@kreis.test";
        await app.CreateAccountAsync(email, "Gerda Gesperrt");
        await app.GrantAsync("dithmarschen", email);
        var page = await browser.NewPageAsync(app.BaseUrl, email: email);
        var watcher = await browser.NewPageAsync(app.BaseUrl);
        try
        {
            await new MapPage(page).OpenAsync("dithmarschen");
            await new MapPage(watcher).OpenAsync("dithmarschen");
            await Expect(watcher.Locator("ul.presence")).ToContainTextAsync("Gerda Gesperrt");

            using var admin = await app.ApiClientAsync();
            (await admin.PostAsync($"/api/accounts/{(await app.AuthorAsync(email)).Id}/lock", null)).EnsureSuccessStatusCode();

            await Expect(page.GetByTestId("access-refused").Locator("h1"))
                .ToHaveTextAsync("Ihre Anmeldung gilt nicht mehr: Das Konto wurde gesperrt oder sein Passwort neu gesetzt.");
            await Expect(watcher.Locator("ul.presence")).Not.ToContainTextAsync("Gerda Gesperrt");
            await page.AssertAccessibleAsync("the page of an account locked while it was open");
            await page.ReloadAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/login\\?returnUrl="));
        }
        finally
        {
            await page.Context.CloseAsync();
            await watcher.Context.CloseAsync();
        }
    }
}
