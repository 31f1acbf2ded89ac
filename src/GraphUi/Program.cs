using GraphApi.Accounts;
using GraphApi.Api;
using GraphUi;
using GraphUi.Components;
using GraphUi.Components.Account;
using GraphApi.Localization;

// "migrate --from STORE --to STORE ..." copies between stores: it needs the configuration, not the app or its store.
if (args is ["migrate", .. var migrateArgs])
    return await MigrateCommand.RunAsync(WebApplication.CreateBuilder().Configuration, migrateArgs);

// "import FILE" and "export NETWORK FILE" are commands, not a server start: strip them before the host reads the arguments.
var command = args is ["import", var file, ..] ? file : null;
var export = args is ["export", var exportId, var exportFile, ..] ? (Id: exportId, File: exportFile) : default((string Id, string File)?);
var builder = WebApplication.CreateBuilder(command is not null ? args[2..] : export is not null ? args[3..] : args);
// Serves the framework's and the packages' static web assets (blazor.web.js, the diagram's CSS) also when
// the app is started from bin/ outside Development; a published app has them in wwwroot anyway.
builder.WebHost.UseStaticWebAssets();
builder.AddGraphApi();
builder.AddGraphUi();
builder.Services.AddSharedKeys(builder.Configuration); // DataProtection:KeysPath: one key ring for every instance

var app = builder.Build();
try
{
    await app.Services.InitializeGraphStoreAsync();
}
catch (GraphApi.Storage.StoreUnavailableException unavailable)
{
    // Unreachable, or the credentials were refused: one line that names the store's URL, not a stack trace.
    Console.Error.WriteLine(unavailable.Message);
    return 2;
}

if (command is not null) return await ImportCommand.RunAsync(app.Services, command);
if (export is { } exporting) return await ExportCommand.RunAsync(app.Services, exporting.Id, exporting.File);

await app.Services.InitializeAccountsAsync(); // the schema, the first administrator or the setup link

app.UseGraphApi();
app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"), pages =>
{
    pages.UseStatusCodePagesWithReExecute("/not-found");
});
app.UseStaticFiles();
app.UseRouting(); // after the status-code pages, so a re-executed request is routed again
app.UseAuthorization();
app.UseAntiforgery();
app.MapGraphApi();
app.MapLanguageSwitch();
app.MapAccountPages();
app.MapStaticAssets();
// The edge's one Content-Security-Policy already says frame-ancestors 'none'; Blazor's own second header would only repeat it weaker.
// Every page needs a signed-in user (a redirect to /login?returnUrl=…); /login and the setup link say [AllowAnonymous].
app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null).RequireAuthorization();
app.Lifetime.ApplicationStarted.Register(() => StartupBanner.Print(app));
await app.RunAsync();
return 0;

/// <summary>Lets WebApplicationFactory find the entry point.</summary>
public partial class Program;
