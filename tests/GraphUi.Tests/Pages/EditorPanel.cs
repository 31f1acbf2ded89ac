using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GraphUi.Tests.Pages;

/// <summary>The editors in the details panel as a coordinator works them: mostly by keyboard, typing names and German days.</summary>
public sealed class EditorPanel(IPage page)
{
    public ILocator Details => page.GetByRole(AriaRole.Complementary, new() { Name = "Details" });
    public ILocator Editor => page.Locator("[data-testid=editor]");
    public ILocator Title => Details.Locator("#details-title");
    public ILocator Status => Details.Locator("[data-testid=details-status]");
    public ILocator EditorStatus => Editor.Locator("[data-testid=editor-status]");
    public ILocator Field(string field) => Editor.Locator($"#edit-{field}");
    public ILocator Error(string field) => Editor.Locator($"#edit-{field}-error");

    /// <summary>"Neuer Eintrag": chooses the kind and presses Enter on "Anlegen"; waits until the empty form has the focus.</summary>
    public async Task NewAsync(string kindCode, string title)
    {
        await page.Locator("#new-entry-kind").SelectOptionAsync(kindCode);
        await page.Locator("[data-testid=new-entry-create]").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(Editor.Locator("#editor-title")).ToHaveTextAsync(title);
        await Expect(Editor.Locator("input:not([type=hidden])").First).ToBeFocusedAsync();
    }

    /// <summary>Types into a field by keyboard (focus, select all, type), as a person does.</summary>
    public async Task TypeAsync(string field, string text)
    {
        var input = Field(field);
        await input.FocusAsync();
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync(text);
        await Expect(input).ToHaveValueAsync(text);
    }

    public Task ChooseAsync(string field, string code) => Field(field).SelectOptionAsync(code);

    /// <summary>Enter in a text field saves.</summary>
    public async Task PressEnterInAsync(string field)
    {
        await Field(field).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
    }

    /// <summary>"Speichern und nächster" by keyboard; waits until the next empty form has the focus.</summary>
    public async Task SaveAndNextAsync(string savedName)
    {
        await Editor.Locator("[data-testid=editor-save-next]").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(EditorStatus).ToContainTextAsync($"„{savedName}“ gespeichert");
        await Expect(Editor.Locator("input:not([type=hidden])").First).ToBeFocusedAsync();
    }
}
