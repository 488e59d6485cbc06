using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Guichet.Testing;

namespace Guichet.Host.Tests;

/// <summary>
/// The OpenAPI document the app serves passes <c>redocly lint</c> with the recommended rules (<c>redocly.yaml</c>
/// at the repository's root): no error and no warning.
/// </summary>
[Collection(HostGroup.Name)]
public sealed class OpenApiLintTests(AzuriteFixture azurite, SharedApp shared)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Document_PassesRedoclyRecommendedRules_WithoutErrorOrWarning()
    {
        var app = await shared.GetAsync(azurite);
        using var anonymous = app.ClientWith(null);
        var document = await anonymous.GetStringAsync("/openapi/v1.json");
        var directory = Directory.CreateTempSubdirectory("guichet-openapi-");
        try
        {
            var file = Path.Combine(directory.FullName, "openapi.json");
            await File.WriteAllTextAsync(file, document);

            var report = await LintAsync(file);

            var totals = report.GetProperty("totals");
            var problems = report.GetProperty("problems").EnumerateArray().Select(Describe).ToList();
            Assert.True(
                totals.GetProperty("errors").GetInt32() == 0 && totals.GetProperty("warnings").GetInt32() == 0,
                $"redocly lint found {problems.Count} problems:\n{string.Join('\n', problems)}");
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    // The JSON report goes to stdout; the exit code is not 0 when there are errors, which the report tells apart.
    private static async Task<JsonElement> LintAsync(string file)
    {
        var tools = NodeTools.Repository;
        var start = new ProcessStartInfo(tools.Executable("redocly"))
        {
            ArgumentList = { "lint", file, "--format=json", "--config", Path.Combine(tools.Root, "redocly.yaml") },
            WorkingDirectory = tools.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            Environment = { ["REDOCLY_TELEMETRY"] = "off", ["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true" },
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("redocly did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        await process.WaitForExitAsync(timeout.Token);
        var output = await stdout;
        var json = output.IndexOf('{', StringComparison.Ordinal) is var at and >= 0 ? output[at..] : output;
        try
        {
            return JsonDocument.Parse(json).RootElement.Clone();
        }
        catch (JsonException)
        {
            throw new InvalidOperationException($"redocly lint exited with {process.ExitCode} without a JSON report:\n{output}\n{await stderr}");
        }
    }

    private static string Describe(JsonElement problem)
    {
        var text = new StringBuilder()
            .Append(problem.GetProperty("severity").GetString()).Append(' ')
            .Append(problem.GetProperty("ruleId").GetString()).Append(": ")
            .Append(problem.GetProperty("message").GetString());
        foreach (var location in problem.TryGetProperty("location", out var locations) ? locations.EnumerateArray() : default)
        {
            text.Append(" at ").Append(location.TryGetProperty("pointer", out var pointer) ? pointer.GetString() : "?");
        }

        return text.ToString();
    }
}
