using System.Diagnostics;
using System.Text;

namespace Wallet.Tests.Readme;

/// <summary>What one bash session printed, every HTTP answer its curl calls got, and the variables it ended with.</summary>
public sealed record ShellTranscript(int ExitCode, string Output, string Errors, IReadOnlyList<CurlAnswer> Answers, IReadOnlyDictionary<string, string> Variables, string WorkingDirectory)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Errors}\n--- answers\n{string.Join('\n', Answers)}";
}

/// <summary>One curl call's answer (status 0 when nothing answered), and the README block it was made in.</summary>
public sealed record CurlAnswer(int Block, int Status, string Method, string Url)
{
    public string Path => new Uri(Url).AbsolutePath;

    public override string ToString() => $"block {Block}: {Status} {Method} {Url}";
}

/// <summary>
/// Runs README blocks verbatim, in order, in ONE bash session (they share variables), with the strictness a
/// test needs put around them, never into them: any failing command stops the session, an unset variable is an
/// error, and curl — a function wrapping the real one, so the blocks stay as written and their output untouched —
/// appends each answer's status to a file through curl's own <c>--write-out %{stderr}</c>.
/// </summary>
public static class ShellSession
{
    private const string Prologue = """
        set -Eeuo pipefail
        shopt -s inherit_errexit
        trap 'echo "README example failed (exit $?) at: $BASH_COMMAND" >&2' ERR
        curl() { command curl -w '%{stderr}%{http_code} %{method} %{url_effective}\n' "$@" 2>>"$WALLET_README_ANSWERS"; }
        """;

    public static async Task<ShellTranscript> Run(IReadOnlyList<(int Number, string Text)> blocks, IReadOnlyList<string> keep,
        IReadOnlyDictionary<string, string> environment, TimeSpan within)
    {
        var directory = Directory.CreateTempSubdirectory("wallet-readme-").FullName;
        var answers = Path.Combine(directory, ".answers");
        var variables = Path.Combine(directory, ".variables");
        var script = new StringBuilder(Prologue).Append('\n');
        foreach (var (number, text) in blocks)
        {
            script.Append($"echo 'block {number}' >>\"$WALLET_README_ANSWERS\"\n").Append(text).Append('\n');
        }
        // The variables the test reads afterwards; one the README no longer sets stops the session here (set -u).
        script.Append($"for name in {string.Join(' ', keep)}; do printf '%s=%s\\n' \"$name\" \"${{!name}}\"; done >\"$WALLET_README_VARIABLES\"\n");
        var file = Path.Combine(directory, ".session.sh");
        await File.WriteAllTextAsync(file, script.ToString());

        var start = new ProcessStartInfo("bash", ["--noprofile", "--norc", file])
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["WALLET_README_ANSWERS"] = answers, ["WALLET_README_VARIABLES"] = variables },
        };
        start.Environment.Remove("BASH_ENV");
        start.Environment.Remove("ENV");
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using (var timeout = new CancellationTokenSource(within))
        {
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
                Assert.Fail($"the README's examples did not finish within {within}:\n{await output}\n{await errors}");
            }
        }
        return new ShellTranscript(process.ExitCode, await output, await errors, ReadAnswers(answers), ReadVariables(variables), directory);
    }

    private static List<CurlAnswer> ReadAnswers(string file)
    {
        var read = new List<CurlAnswer>();
        var block = 0;
        foreach (var line in File.Exists(file) ? File.ReadAllLines(file) : [])
        {
            var parts = line.Split(' ', 3);
            if (parts is ["block", var number])
            {
                block = int.Parse(number, System.Globalization.CultureInfo.InvariantCulture);
            }
            else
            {
                // Anything else curl wrote there (an error message under -S) is an answer that is not one.
                read.Add(parts is [var status, var method, var url] && int.TryParse(status, out var code)
                    ? new CurlAnswer(block, code, method, url)
                    : new CurlAnswer(block, 0, "?", $"about:{line}"));
            }
        }
        return read;
    }

    private static Dictionary<string, string> ReadVariables(string file) =>
        (File.Exists(file) ? File.ReadAllLines(file) : [])
            .Select(line => line.Split('=', 2))
            .ToDictionary(pair => pair[0], pair => pair[1]);
}
