using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using GraphApi.Exchange.Excel;
using GraphApi.Exchange.Tables;

namespace GraphApi.Tests.Exchange;

/// <summary>Helpers the exchange tests share: posting files, building workbooks, asking networkx.</summary>
public static class ExchangeKit
{
    public static async Task<HttpResponseMessage> PostFileAsync(this TestApp app, byte[] content, string? contentType, string query = "")
    {
        var body = new ByteArrayContent(content);
        if (contentType is not null) body.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return await app.CreateClient().PostAsync("/api/networks/import" + query, body);
    }

    public static async Task<byte[]> XlsxAsync(Workbook workbook)
    {
        var buffer = new MemoryStream();
        await ExcelNetworkWriter.WriteAsync(workbook, buffer, CancellationToken.None);
        return buffer.ToArray();
    }

    public static async Task<byte[]> ExportAsync(this TestApp app, string networkId, string format)
    {
        var response = await app.CreateClient().GetAsync($"/api/networks/{networkId}/export?format={format}");
        Assert.True(response.IsSuccessStatusCode, $"export {format}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadAsByteArrayAsync();
    }

    /// <summary>A workbook sheet as a person would type it: the header, then rows.</summary>
    public static WorkSheet Sheet(string name, string[] headers, params object?[][] rows) =>
        new(name, headers, rows.Select((cells, i) => new WorkRow(i + 2, cells)).ToList());

    /// <summary>The template's sheets with one sheet's rows changed by <paramref name="change"/>.</summary>
    public static Workbook Template(Func<WorkSheet, WorkSheet>? change = null) =>
        new(ExchangeTemplate.Workbook().Sheets.Select(s => change?.Invoke(s) ?? s).ToList());

    public static WorkSheet WithCell(this WorkSheet sheet, int row, string header, object? value)
    {
        var column = sheet.Headers.ToList().IndexOf(header);
        Assert.True(column >= 0, $"{sheet.Name} has no column {header}");
        return sheet with
        {
            Rows = sheet.Rows.Select(r => r.Number != row ? r
                : r with { Cells = r.Cells.Select((c, i) => i == column ? value : c).ToArray() }).ToList(),
        };
    }

    /// <summary>Runs graphs.py with networkx (python3 on PATH) and parses what it prints.</summary>
    public static JsonElement Networkx(params string[] args)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "Exchange", "graphs.py");
        var start = new ProcessStartInfo("python3", [script, .. args]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), "graphs.py did not finish");
        Assert.True(process.ExitCode == 0, $"graphs.py {string.Join(' ', args)}: {stderr.Result}");
        return JsonDocument.Parse(stdout.Result).RootElement;
    }
}
