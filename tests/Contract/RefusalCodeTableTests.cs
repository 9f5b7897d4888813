using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Wallet.ClientApi.Http;
using Wallet.Refusals;
using Wallet.Tests.Infrastructure;

namespace Wallet.Tests.Contract;

/// <summary>
/// Every refusal code has one status, from the one table in the code (<see cref="Problems.StatusFor"/>), and one
/// row in the README's table with that status: a new code without either fails here, not in a client's hands.
/// </summary>
public sealed partial class RefusalCodeTableTests
{
    private static readonly string[] s_codes = [.. typeof(RefusalCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Concat(typeof(Problems).GetFields(BindingFlags.Public | BindingFlags.Static))
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .Select(f => (string)f.GetRawConstantValue()!)
        .Distinct()
        .Order(StringComparer.Ordinal)];

    [Fact]
    public void Every_code_but_the_defect_one_has_a_status_a_client_can_act_on()
    {
        var unmapped = s_codes.Where(c => c != Problems.InternalError && Problems.StatusFor(c) == 500).ToList();

        Assert.True(s_codes.Length > 80, $"the codes are read: {s_codes.Length}");
        Assert.True(unmapped.Count == 0, "give these a status in Problems.StatusFor: " + string.Join(", ", unmapped));
        Assert.Equal(500, Problems.StatusFor("no_such_code")); // a code nobody mapped is a defect, not a 422
    }

    [Fact]
    public void The_readme_explains_every_code_with_its_status_in_one_table()
    {
        var readme = File.ReadAllText(Path.Combine(Repository.Root, "README.md"));
        var section = readme[readme.IndexOf("## Refusal codes", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("\n## ", 1, StringComparison.Ordinal)];
        var rows = Row().Matches(section).ToDictionary(m => m.Groups["code"].Value, m => int.Parse(m.Groups["status"].Value, CultureInfo.InvariantCulture));

        var missing = s_codes.Where(c => !rows.ContainsKey(c)).Select(c => $"| `{c}` | {Problems.StatusFor(c)} | … |").ToList();
        var unknown = rows.Keys.Where(c => !s_codes.Contains(c)).ToList();
        var wrong = rows.Where(r => s_codes.Contains(r.Key) && Problems.StatusFor(r.Key) != r.Value)
            .Select(r => $"{r.Key}: README says {r.Value}, the API answers {Problems.StatusFor(r.Key)}").ToList();

        Assert.True(missing.Count == 0, "add these rows to the README's refusal codes:\n" + string.Join('\n', missing));
        Assert.True(unknown.Count == 0, "the README lists codes the API does not have: " + string.Join(", ", unknown));
        Assert.True(wrong.Count == 0, string.Join('\n', wrong));
    }

    [GeneratedRegex(@"^\| `(?<code>[a-z_]+)` \| (?<status>\d{3}) \|", RegexOptions.Multiline)]
    private static partial Regex Row();
}
