using GraphApi.Api;
using GraphUi;

// "import FILE" is a command, not a server start: strip it before the host reads the arguments.
var command = args is ["import", var file, ..] ? file : null;
var builder = WebApplication.CreateBuilder(command is null ? args : args[2..]);
builder.AddGraphApi();

var app = builder.Build();
await app.Services.InitializeGraphStoreAsync();

if (command is not null) return await ImportCommand.RunAsync(app.Services, command);

app.MapGraphApi();
app.MapGet("/", () => Results.Redirect("/api/networks")).ExcludeFromDescription();
app.Lifetime.ApplicationStarted.Register(() => StartupBanner.Print(app));
await app.RunAsync();
return 0;

/// <summary>Lets WebApplicationFactory find the entry point.</summary>
public partial class Program;
