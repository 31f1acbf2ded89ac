using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GraphUi.Tests.Pages;

/// <summary>The sign-in page (/login).</summary>
public sealed class LoginPage(IPage page)
{
    public ILocator Root => page.Locator("[data-testid=login]");
    public ILocator Email => page.GetByLabel("E-Mail-Adresse");
    public ILocator Password => page.GetByLabel("Passwort", new() { Exact = true });
    public ILocator EmailError => page.Locator("#f-input-email-error");
    public ILocator PasswordError => page.Locator("#f-input-password-error");
    public ILocator Alert => page.Locator("[data-testid=login-error]");

    /// <summary>Types e-mail and password as a person does and presses Enter.</summary>
    public async Task SignInAsync(string email, string password)
    {
        await Expect(Root).ToBeVisibleAsync();
        await Email.FillAsync(email);
        await Password.FillAsync(password);
        await Password.PressAsync("Enter");
    }
}

/// <summary>The administrators' accounts page (/admin/accounts).</summary>
public sealed class AccountsAdminPage(IPage page)
{
    public ILocator Root => page.Locator("[data-testid=accounts-admin]");
    public ILocator Saved => page.Locator("[data-testid=admin-saved]");
    public ILocator Row(string email) => page.Locator($"table.accounts tr[data-email=\"{email}\"]");

    public async Task CreateAsync(string email, string displayName, string password)
    {
        var form = page.Locator("form").Filter(new() { Has = page.GetByRole(AriaRole.Button, new() { Name = "Konto anlegen" }) });
        await form.GetByLabel("E-Mail-Adresse").FillAsync(email);
        await form.GetByLabel("Anzeigename").FillAsync(displayName);
        await form.GetByLabel("Neues Passwort").FillAsync(password);
        await form.GetByRole(AriaRole.Button, new() { Name = "Konto anlegen" }).ClickAsync();
    }

    public async Task ResetPasswordAsync(string who, string password)
    {
        var form = page.Locator("form").Filter(new() { Has = page.GetByRole(AriaRole.Button, new() { Name = "Passwort setzen" }) });
        await form.GetByLabel("Konto").SelectOptionAsync(new SelectOptionValue { Label = who });
        await form.GetByLabel("Neues Passwort").FillAsync(password);
        await form.GetByRole(AriaRole.Button, new() { Name = "Passwort setzen" }).ClickAsync();
    }
}
