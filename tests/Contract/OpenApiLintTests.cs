using System.Diagnostics;
using System.Text.Json;
using Wallet.Tests.Infrastructure;

namespace Wallet.Tests.Contract;

/// <summary>
/// The OpenAPI document passes a standard linter (Redocly's recommended-strict rules, every finding an error),
/// so a client generator can trust it. tests/run.sh installs the linter with <c>npm ci</c>.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class OpenApiLintTests(ApiFixture api)
{
    [Fact]
    public async Task The_OpenAPI_document_passes_Redocly_recommended_strict()
    {
        var cli = Repository.PathOf("tests", "contract", "node_modules", "@redocly", "cli", "bin", "cli.js");
        Assert.True(File.Exists(cli), $"The linter is not installed: run `npm ci --prefix tests/contract` (tests/run.sh does). Looked for {cli}.");
        var document = Path.Combine(Path.GetTempPath(), $"wallet-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(document, await api.CreateClient().GetStringAsync("/openapi/v1.json"));
        try
        {
            var (exit, output) = await RunAsync("node", cli, "lint", document, "--config", Repository.PathOf("tests", "contract", "redocly.yaml"),
                "--format", "json", "--max-problems", "1000");
            var problems = JsonDocument.Parse(output[output.IndexOf('{', StringComparison.Ordinal)..]).RootElement.GetProperty("problems")
                .EnumerateArray()
                .Select(p => $"{p.GetProperty("ruleId")}: {p.GetProperty("message")} at {p.GetProperty("location")[0].GetProperty("pointer")}")
                .ToList();
            Assert.True(exit == 0 && problems.Count == 0, $"exit {exit}, {problems.Count} problems:\n{string.Join('\n', problems.Take(60))}");
        }
        finally
        {
            File.Delete(document);
        }
    }

    private static async Task<(int Exit, string Output)> RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        _ = await errors; // the linter's banner and summary; the findings are on standard output
        return (process.ExitCode, await output);
    }
}
