using System.Text.RegularExpressions;
using GraphApi.Domain;
using GraphApi.Networks;
using GraphUi.Tests.Pages;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GraphUi.Tests;

/// <summary>
/// Issue 10, points 1 and 4: signing in on the page (German, errors beside the fields, lockout), one's own account, the
/// administrators' page, and people with Unicode names who edit live and are named in the others' history.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AccountTests(BrowserFixture browser, MapApp app) : IClassFixture<MapApp>
{
    private NetworkService Networks => app.Services.GetRequiredService<NetworkService>();

    [Fact]
    public async Task ASignedOutVisitorSignsInOnTheGermanPageAndLandsWhereTheyWereGoing()
    {
        await app.CreateAccountAsync("łucja.kılınç@kreis-peine.de", "Łucja Kılınç");
        await app.GrantAsync("peine", "łucja.kılınç@kreis-peine.de", "viewer");
        var page = await browser.NewPageAsync(app.BaseUrl, signedIn: false);
        var login = new LoginPage(page);
        await page.GotoAsync("/networks/peine/table");
        await Expect(page).ToHaveURLAsync(new Regex("/login\\?returnUrl=%2Fnetworks%2Fpeine%2Ftable$"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Anmelden");
        await page.AssertAccessibleAsync("sign-in page");

        await login.SignInAsync("", "");
        await Expect(login.EmailError).ToHaveTextAsync("Bitte ausfüllen.");
        await Expect(login.PasswordError).ToHaveTextAsync("Bitte ausfüllen.");
        await Expect(login.Email).ToHaveAttributeAsync("aria-invalid", "true");
        await page.AssertAccessibleAsync("sign-in page with errors");

        await login.SignInAsync("łucja.kılınç@kreis-peine.de", "falsch");
        await Expect(login.PasswordError).ToHaveTextAsync("Anmeldung fehlgeschlagen: E-Mail-Adresse oder Passwort stimmt nicht.");

        await login.SignInAsync("łucja.kılınç@kreis-peine.de", MapApp.UserPassword);
        await Expect(page).ToHaveURLAsync(new Regex("/networks/peine/table$"));
        await Expect(page.Locator("[data-testid=user-name]")).ToHaveTextAsync("Łucja Kılınç");
        await Expect(page.Locator("[data-testid=admin-link]")).ToHaveCountAsync(0);

        // Signing out ends it: the next page asks again.
        await page.Locator("[data-testid=sign-out]").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/login$"));
        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(new Regex("/login\\?returnUrl=%2F$"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task RepeatedWrongPasswordsLockTheAccountAndThePageSaysSo()
    {
        await app.CreateAccountAsync("vergesslich@kreis.test", "Vergesslich");
        var page = await browser.NewPageAsync(app.BaseUrl, signedIn: false);
        var login = new LoginPage(page);
        await page.GotoAsync("/login");
        for (var i = 1; i <= 5; i++)
        {
            await login.SignInAsync("vergesslich@kreis.test", "falsch-" + i);
            if (i < 5) await Expect(login.PasswordError).ToHaveTextAsync("Anmeldung fehlgeschlagen: E-Mail-Adresse oder Passwort stimmt nicht.");
        }
        await Expect(login.Alert).ToContainTextAsync("Das Konto ist gesperrt");
        await login.SignInAsync("vergesslich@kreis.test", MapApp.UserPassword);
        await Expect(login.Alert).ToContainTextAsync("Das Konto ist gesperrt");
        await page.AssertAccessibleAsync("sign-in page with the lockout message");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task OnesOwnAccountChangesItsDisplayNameAndPassword()
    {
        await app.CreateAccountAsync("eigen@kreis.test", "Eigen");
        var page = await browser.NewPageAsync(app.BaseUrl, signedIn: false);
        await page.GotoAsync("/account");
        await new LoginPage(page).SignInAsync("eigen@kreis.test", MapApp.UserPassword);
        await Expect(page.Locator("[data-testid=account] h1")).ToHaveTextAsync("Mein Konto");
        await page.AssertAccessibleAsync("account page");

        await page.GetByLabel("Anzeigename").FillAsync("Eigen Sinnig");
        await page.GetByRole(AriaRole.Button, new() { Name = "Namen speichern" }).ClickAsync();
        await Expect(page.Locator("[data-testid=account-saved]")).ToHaveTextAsync("Der Anzeigename ist gespeichert.");
        await Expect(page.Locator("[data-testid=user-name]")).ToHaveTextAsync("Eigen Sinnig");

        await page.GetByLabel("Bisheriges Passwort").FillAsync("falsch");
        await page.GetByLabel("Neues Passwort").FillAsync("Neu-und-gut-1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Passwort ändern" }).ClickAsync();
        await Expect(page.Locator("#f-password-currentpassword-error")).ToHaveTextAsync("Das bisherige Passwort stimmt nicht.");
        await page.AssertAccessibleAsync("account page with an error");
        await page.GetByLabel("Bisheriges Passwort").FillAsync(MapApp.UserPassword);
        await page.GetByLabel("Neues Passwort").FillAsync("Neu-und-gut-1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Passwort ändern" }).ClickAsync();
        await Expect(page.Locator("[data-testid=account-saved]")).ToHaveTextAsync("Das Passwort ist geändert.");
        Assert.NotEmpty(await app.TokenAsync("eigen@kreis.test", "Neu-und-gut-1"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AnAdministratorCreatesAnAccountResetsItsPasswordAndLocksIt()
    {
        var page = await browser.NewPageAsync(app.BaseUrl);
        var admin = new AccountsAdminPage(page);
        await page.GotoAsync("/");
        await Expect(page.Locator("[data-testid=admin-link]")).ToHaveAttributeAsync("href", "/admin/accounts");
        await page.GotoAsync("/admin/accounts");
        await Expect(admin.Root.Locator("h1")).ToHaveTextAsync("Konten");
        await page.AssertAccessibleAsync("administrators' accounts page");

        await admin.CreateAsync("neu@kreis.test", "Neue Kollegin", "kurz");
        await Expect(page.Locator("#f-input-password-error")).ToContainTextAsync("mindestens 8 Zeichen");
        await page.AssertAccessibleAsync("new account with an error");
        await admin.CreateAsync("neu@kreis.test", "Neue Kollegin", "Anfang-2026!");
        await Expect(admin.Saved).ToHaveTextAsync("Das Konto von Neue Kollegin ist angelegt.");
        await Expect(admin.Row("neu@kreis.test")).ToContainTextAsync("aktiv");

        await admin.ResetPasswordAsync("Neue Kollegin (neu@kreis.test)", "Zweiter-Anfang-3");
        await Expect(admin.Saved).ToHaveTextAsync("Das Passwort von Neue Kollegin ist neu gesetzt.");
        Assert.NotEmpty(await app.TokenAsync("neu@kreis.test", "Zweiter-Anfang-3"));

        await admin.Row("neu@kreis.test").GetByRole(AriaRole.Button, new() { Name = "Neue Kollegin sperren" }).ClickAsync();
        await Expect(admin.Saved).ToHaveTextAsync("Neue Kollegin ist gesperrt.");
        await Expect(admin.Row("neu@kreis.test")).ToContainTextAsync("gesperrt");
        using var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        var refused = await http.PostAsync("/api/auth/login", new StringContent("""{"email":"neu@kreis.test","password":"Zweiter-Anfang-3"}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, refused.StatusCode);
        await admin.Row("neu@kreis.test").GetByRole(AriaRole.Button, new() { Name = "Neue Kollegin entsperren" }).ClickAsync();
        await Expect(admin.Row("neu@kreis.test")).ToContainTextAsync("aktiv");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task JuergenMuellerSignsInEditsLiveAndTheOthersHistoryNamesHim()
    {
        var id = "konto-" + Guid.NewGuid().ToString("N")[..6];
        await Networks.CreateNetworkAsync(new Network { Id = id, Name = "Peine mit Konten" }, "Test");
        await Networks.CreateAsync(id, new Actor { Id = "jc", Name = "Jobcenter Peine", Kind = ActorKinds.Jobcenter }, "Test");
        await app.CreateAccountAsync("jürgen.müller@kreis-peine.de", "Jürgen Müller");
        await app.GrantAsync(id, "jürgen.müller@kreis-peine.de");

        var other = await browser.NewPageAsync(app.BaseUrl);
        var otherMap = new MapPage(other);
        await otherMap.OpenAsync(id);
        await otherMap.ShowPanelAsync("history");

        var juergen = await browser.NewPageAsync(app.BaseUrl, 1280, 900, signedIn: false);
        await juergen.GotoAsync($"/networks/{id}");
        await new LoginPage(juergen).SignInAsync("jürgen.müller@kreis-peine.de", MapApp.UserPassword);
        var map = new MapPage(juergen);
        await map.WaitUntilDrawnAsync();
        await Expect(other.Locator("ul.presence")).ToContainTextAsync("Jürgen Müller");
        var editor = new EditorPanel(juergen);
        await editor.NewAsync("Topic", "Neu: Handlungsfeld");
        await juergen.Keyboard.TypeAsync("Sprachförderung");
        await editor.PressEnterInAsync("name");
        await Expect(editor.Title).ToHaveTextAsync("Sprachförderung");

        var history = new HistoryPanel(other);
        await Expect(history.NewestSentence).ToContainTextAsync("Jürgen Müller");
        await Expect(history.NewestSentence).ToContainTextAsync("Sprachförderung");
        await other.AssertAccessibleAsync("history naming a signed-in author");
        var newest = (await Networks.HistoryAsync(id, 0, null, 1000)).Last();
        Assert.Equal("Jürgen Müller", newest.Author);
        Assert.Equal((await app.AuthorAsync("jürgen.müller@kreis-peine.de")).Id, newest.AuthorId);
        await other.Context.CloseAsync();
        await juergen.Context.CloseAsync();
    }
}
