using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Wallet.Tests.Infrastructure;

/// <summary>
/// What the committed contract (docs/openapi.json) lists for each operation: the problem codes under each status,
/// read from each response's description, which names them. Every refusal a test asserts is checked against it, so a
/// code an operation answers with but does not declare fails the test that meets it.
/// </summary>
public static partial class ContractCodes
{
    private static readonly Lazy<IReadOnlyList<Operation>> s_operations = new(Load);

    /// <summary>
    /// Asserts that the operation <paramref name="response"/> answered for lists <paramref name="code"/> under
    /// <paramref name="status"/>. A request no operation takes (an unknown path or method, a 404 or 405 test) is not checked.
    /// </summary>
    public static void AssertListed(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var request = response.RequestMessage ?? throw new InvalidOperationException("The response does not say which request it answered.");
        if (Find(request.Method.Method, request.RequestUri!.AbsolutePath) is not { } operation)
        {
            return;
        }
        var listed = operation.Codes.GetValueOrDefault(((int)status).ToString(CultureInfo.InvariantCulture));
        Assert.True(listed?.Contains(code) == true,
            $"{operation.Method} {operation.Template} answered {(int)status} {code}, but docs/openapi.json lists " +
            (listed is null ? $"no {(int)status} for it" : $"only {string.Join(", ", listed)} under {(int)status}") +
            ": declare it on the route with MayRefuse (or fix the answer), then refresh the contract.");
    }

    /// <summary>The codes the document lists for an operation (<c>GET</c>, <c>/v1/wallets/{id}</c>), by status.</summary>
    public static IReadOnlyDictionary<int, HashSet<string>> Listed(string method, string template)
        => s_operations.Value.Single(o => o.Method == method.ToUpperInvariant() && o.Template == template)
            .Codes.ToDictionary(c => int.Parse(c.Key, CultureInfo.InvariantCulture), c => c.Value);

    /// <summary>Every operation in the document, as method and path template.</summary>
    public static IEnumerable<(string Method, string Template)> Operations => s_operations.Value.Select(o => (o.Method, o.Template));

    /// <summary>The operation a request reaches: its method on the path template that matches, a literal segment before a parameter.</summary>
    private static Operation? Find(string method, string path)
        => s_operations.Value
            .Where(o => o.Method == method.ToUpperInvariant() && o.Path.IsMatch(path))
            .OrderBy(o => o.Parameters)
            .FirstOrDefault();

    private static List<Operation> Load()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Repository.PathOf("docs", "openapi.json")));
        var operations = new List<Operation>();
        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject())
        {
            var pattern = new Regex("^" + Parameter().Replace(Regex.Escape(path.Name).Replace(@"\{", "{", StringComparison.Ordinal), "[^/]+") + "/?$",
                RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
            foreach (var operation in path.Value.EnumerateObject())
            {
                var codes = new Dictionary<string, HashSet<string>>();
                foreach (var response in operation.Value.GetProperty("responses").EnumerateObject())
                {
                    var description = response.Value.GetProperty("description").GetString() ?? "";
                    var at = description.IndexOf("`code` is one of", StringComparison.Ordinal);
                    if (at >= 0)
                    {
                        codes[response.Name] = [.. Code().Matches(description[(at + "`code`".Length)..]).Select(m => m.Groups[1].Value)];
                    }
                }
                operations.Add(new Operation(operation.Name.ToUpperInvariant(), path.Name, pattern, codes, path.Name.Count(c => c == '{')));
            }
        }
        return operations;
    }

    private sealed record Operation(string Method, string Template, Regex Path, Dictionary<string, HashSet<string>> Codes, int Parameters);

    [GeneratedRegex(@"\{[^}/]+\}")]
    private static partial Regex Parameter();

    [GeneratedRegex("`([a-z_]+)`")]
    private static partial Regex Code();
}
