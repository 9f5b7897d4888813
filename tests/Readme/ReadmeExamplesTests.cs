using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using Wallet.Tests.Infrastructure;

namespace Wallet.Tests.Readme;

/// <summary>
/// README.md's shell examples, run verbatim against the wallet started as a user starts it, so the README
/// cannot drift from the code. Every <c>```sh</c> block runs, in order, in one bash session, unless it is
/// listed in <see cref="NotRunHere"/> with the reason; a new block is run by default.
/// </summary>
public sealed partial class ReadmeExamplesTests
{
    /// <summary>The blocks about other setups, each found by a fragment of its text (a fragment that finds none fails).</summary>
    private static readonly Dictionary<string, string> NotRunHere = new()
    {
        ["dotnet run --project client-api"] = "starts the wallet: the test starts the same build (the built API in the embedded mode, Development) itself",
        ["./tests/run.sh"] = "is this test's own command",
        ["docker compose up"] = "needs Docker and builds images (tests/dockerfile-check.sh and run.sh's compose validation cover the files)",
        ["sudo -u postgres psql"] = "the by-hand production setup needs root on a machine's own PostgreSQL (the Storage and Hosting tests run the same processes)",
    };

    /// <summary>The only problems the README's examples answer on purpose, by the block that makes them.</summary>
    private static readonly (string Block, int Status, string Method, string Path, int Count, string Why)[] ProblemsOnPurpose =
    [
        ("# three wrong PINs", 403, "POST", "/v1/transfers", 3, "three transfers with a wrong PIN answer invalid_pin"),
        ("# a customer whose phone is stolen", 401, "GET", "/v1/me", 1, "the stolen session's token is refused once the report is made"),
        ("# a customer whose phone is stolen", 403, "POST", "/v1/auth/token", 1, "the right password signs nobody in to a reported account"),
    ];

    /// <summary>The README's base URL: the one assignment the test changes, to the port its API listens on.</summary>
    private const string ReadmeBase = "B=http://127.0.0.1:5080;";

    /// <summary>The README's metrics endpoint, changed like the base URL to the one the test's API serves.</summary>
    private const string ReadmeMetrics = "M=http://127.0.0.1:9464;";

    private const string OperatorPhone = "+15550001111";
    private const string OperatorPassword = "readme operator secret";

    [Trait("Speed", "Slow")]
    [Fact]
    public async Task Every_shell_example_in_the_README_runs_as_written_against_the_embedded_wallet()
    {
        RequireTools("bash", "curl", "jq", "openssl", "sha256sum", "base64");
        var blocks = ReadmeBlocks.ShellBlocks(Repository.PathOf("README.md"));
        foreach (var fragment in NotRunHere.Keys)
        {
            Assert.True(blocks.Count(b => b.Text.Contains(fragment, StringComparison.Ordinal)) == 1,
                $"NotRunHere's \"{fragment}\" must name exactly one ```sh block of README.md");
        }
        var run = blocks.Select((block, index) => (Number: index + 1, Block: block))
            .Where(b => !NotRunHere.Keys.Any(fragment => b.Block.Text.Contains(fragment, StringComparison.Ordinal)))
            .ToList();
        Assert.True(run.Sum(b => Occurrences(b.Block.Text, ReadmeBase)) == 1, $"the README's examples set the base URL once, as `{ReadmeBase}`");
        Assert.True(run.Sum(b => Occurrences(b.Block.Text, ReadmeMetrics)) == 1, $"the README's examples set the metrics endpoint once, as `{ReadmeMetrics}`");

        await using var api = await EmbeddedApiProcess.StartReady(OperatorPhone, OperatorPassword);
        var session = await ShellSession.Run(
            [.. run.Select(b => (b.Number, b.Block.Text.Replace(ReadmeBase, $"B={api.Address.ToString().TrimEnd('/')};", StringComparison.Ordinal)
                .Replace(ReadmeMetrics, $"M={api.Metrics.ToString().TrimEnd('/')};", StringComparison.Ordinal)))],
            keep: ["TOKEN", "FRIEND", "OPS", "WALLET", "USD", "RM", "SWID", "KIDWALLET", "POCKET", "RP", "FUND", "HLD", "BORROWER", "LOAN", "PURSE", "VICTIM", "SAFE"],
            environment: new Dictionary<string, string> { ["OPERATOR_PHONE"] = OperatorPhone, ["OPERATOR_PASSWORD"] = OperatorPassword },
            within: TimeSpan.FromSeconds(60));
        try
        {
            Assert.True(session.ExitCode == 0, $"a README example failed:\n{session}\n--- API log\n{api.Log}");
            AssertOnlyProblemsOnPurpose(session, run.ToDictionary(b => b.Number, b => b.Block));
            await AssertOutcomes(session, api.Address);
        }
        finally
        {
            Directory.Delete(session.WorkingDirectory, recursive: true);
        }
    }

    /// <summary>Every answer was a success but the README's deliberate problems, each exactly as often as it says.</summary>
    private static void AssertOnlyProblemsOnPurpose(ShellTranscript session, Dictionary<int, ReadmeBlock> blocks)
    {
        Assert.NotEmpty(session.Answers);
        var unexpected = session.Answers.Where(a => a.Status is < 200 or >= 400).ToList();
        foreach (var (block, status, method, path, count, why) in ProblemsOnPurpose)
        {
            var expected = unexpected.Where(a => blocks[a.Block].Text.Contains(block, StringComparison.Ordinal)
                && a.Status == status && a.Method == method && a.Path == path).ToList();
            Assert.True(expected.Count == count, $"{why}: expected {count} × {status} {method} {path}, saw {expected.Count}\n{session}");
            unexpected = [.. unexpected.Except(expected)];
        }
        Assert.True(unexpected.Count == 0, $"README examples answered problems it does not announce:\n{string.Join('\n', unexpected.Select(a => $"{a} (the block at README.md line {blocks[a.Block].Line})"))}\n{session}");
    }

    /// <summary>What the walk-through, the merchant's blocks and the risk block say happens, happened.</summary>
    private static async Task AssertOutcomes(ShellTranscript session, Uri address)
    {
        var lines = session.Output.Split('\n').Select(line => line.Trim()).ToList();
        // The lunch transfer and its replay: one answer twice, one transfer in the history.
        var transfers = TransferIds().Matches(session.Output).Select(m => m.Groups[1].Value).ToList();
        Assert.True(transfers.Count == 2 && transfers[0] == transfers[1], $"the replayed transfer answers as the first: {string.Join(", ", transfers)}");
        using var customer = Client(address, session.Variables["TOKEN"]);
        var wallet = session.Variables["WALLET"];
        var history = await Json(customer, $"/v1/wallets/{wallet}/transactions?limit=100");
        Assert.Single(history.GetProperty("items").EnumerateArray(), e => e.GetProperty("memo").ValueKind == JsonValueKind.String && e.GetProperty("memo").GetString() == "lunch");
        using var friend = Client(address, session.Variables["FRIEND"]);
        var friendsWallet = Assert.Single((await Json(friend, "/v1/wallets")).GetProperty("items").EnumerateArray(), w => w.GetProperty("subWalletId").ValueKind == JsonValueKind.Null);
        // The family's red packet: two shares summing to ¥8.88, one to the friend, one to the sender; claimed again, the same share.
        var packet = await Json(customer, $"/v1/red-packets/{session.Variables["RP"]}");
        var shares = packet.GetProperty("claims").EnumerateArray().ToList();
        Assert.Equal(("claimed", 0, 888L), (packet.GetProperty("packetStatus").GetString(), packet.GetProperty("sharesLeft").GetInt32(), shares.Sum(s => s.GetProperty("amount").GetInt64())));
        var sender = (await Json(customer, "/v1/me")).GetProperty("customerId").GetString();
        var friendsShare = shares.Single(s => s.GetProperty("customerId").GetString() != sender).GetProperty("amount").GetInt64();
        Assert.Equal(2_500 + 100 + friendsShare, friendsWallet.GetProperty("balance").GetInt64());   // lunch, the right-PIN transfer, the red packet

        // The loan: drawn and repaid the same day, so the borrower's wallet holds the ¥1,000 and the credit card's ¥200 top-up.
        using var borrower = Client(address, session.Variables["BORROWER"]);
        Assert.Equal("repaid", (await Json(borrower, $"/v1/loans/{session.Variables["LOAN"]}")).GetProperty("status").GetString());
        Assert.Equal(120_000, (await Json(borrower, $"/v1/wallets/{session.Variables["PURSE"]}")).GetProperty("balance").GetInt64());

        // The stolen phone: the report froze the wallet and ended the session; recovery unfroze it, and the new password signs in.
        using var victim = Client(address, session.Variables["VICTIM"]);
        Assert.Equal("active", (await Json(victim, $"/v1/wallets/{session.Variables["SAFE"]}")).GetProperty("status").GetString());
        Assert.Contains("account_reported_lost", lines);
        Assert.Contains("unauthorized", lines);

        // The QR code's image is a PNG, the promotions gave what their comments say.
        var png = await File.ReadAllBytesAsync(Path.Combine(session.WorkingDirectory, "order-A-1001.png"));
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);
        Assert.Contains("\"discount\": 500,", lines);   // 20 % of ¥30, capped at ¥5
        Assert.Contains("\"discount\": 400,", lines);   // the half-price coupon on ¥8

        // Risk: three invalid_pin, step_up, lifted to none, then the transfer with the right PIN completes. From
        // midnight to 5 a.m. in Shanghai the walk-through's fifth payment has raised the night-time rule's alert
        // first, so the PINs climb one restriction higher, to review, as the README's comment says.
        using var operators = Client(address, session.Variables["OPS"]);
        var rules = (await Json(operators, "/v1/ops/risk/alerts?status=all")).GetProperty("items").EnumerateArray()
            .Select(alert => alert.GetProperty("rule").GetString()).ToList();
        Assert.Contains("repeated_pin_failures", rules);
        var expected = rules.Contains("night_time") ? "\"review\"" : "\"step_up\"";
        Assert.Equal(3, lines.Count(line => line == "invalid_pin"));
        var restricted = lines.IndexOf(expected);
        Assert.True(restricted >= 0 && lines.IndexOf("\"none\"") > restricted, $"the restriction goes {expected}, then none (alerts: {string.Join(", ", rules)}):\n{session.Output}");
        Assert.Equal("\"completed\"", lines.Skip(lines.LastIndexOf("\"none\"") + 1).First(line => line.Length > 0)); // the right PIN's transfer, after the unfreeze
        // The remittance abroad at the end is the walk-through's tenth payment within the hour: the velocity rule's step-up, as the
        // README says, once the monitor has the event (it follows the movement on a stream).
        var me = await Json(customer, "/v1/me");
        await Eventually.Until(async () => (me = await Json(customer, "/v1/me")).GetProperty("restriction").GetString() == "step_up",
            "the velocity rule's step-up after the remittance", TimeSpan.FromSeconds(10));
        Assert.Contains("velocity", (await Json(operators, "/v1/ops/risk/alerts?status=all")).GetProperty("items").EnumerateArray()
            .Select(alert => alert.GetProperty("rule").GetString()));
        Assert.Equal(2, me.GetProperty("tier").GetInt32());   // real name (4 -> 3), then a debit card in that name (3 -> 2)

        // Spending: dining is the noodle shop's ¥12.50 less the ¥5.00 refund, the ¥8.00 code charge, the promotions' ¥25.00 and
        // ¥4.00, the ¥25.00 lunch its owner called dining, and the ¥8.00 tea the auto top-up paid for; its ¥60 budget was told spent, once; the read model agrees with the ledger.
        var month = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        var spending = await Json(customer, $"/v1/me/spending?month={month}");
        Assert.Equal(1_250 - 500 + 800 + 2_500 + 400 + 2_500 + 800, spending.GetProperty("categories").EnumerateArray().Single(c => c.GetProperty("category").GetString() == "dining").GetProperty("amount").GetInt64());
        Assert.Single((await Json(customer, "/v1/me/notifications?limit=100")).GetProperty("items").EnumerateArray(), n => n.GetProperty("kind").GetString() == "budget");
        await Eventually.Until(async () => (await Json(operators, $"/v1/ops/customers/{me.GetProperty("customerId").GetString()}/spending/reconciliation?month={month}")).GetProperty("agrees").GetBoolean(),
            "the spending analysis agreeing with the ledger", TimeSpan.FromSeconds(10));

        // FX: exactly $100.00 bought with CNY (drawn on the quota), and the Hong Kong shop paid its HK$88.00 from the CNY wallet.
        // Then US$20.00 of them sent to Hong Kong with the fee in dollars: sent, and nothing more drawn on the quota.
        var dollars = await Json(customer, $"/v1/wallets/{session.Variables["USD"]}");
        var remittance = await Json(customer, $"/v1/remittances/{session.Variables["RM"]}");
        Assert.Equal(("sent", 2_000L, "USD"), (remittance.GetProperty("remittanceStatus").GetString(), remittance.GetProperty("amount").GetInt64(), remittance.GetProperty("feeCurrency").GetString()));
        Assert.Equal(2_000 + remittance.GetProperty("fee").GetInt64(), remittance.GetProperty("total").GetInt64());
        Assert.Equal((10_000 - remittance.GetProperty("total").GetInt64(), "USD"), (dollars.GetProperty("balance").GetInt64(), dollars.GetProperty("currency").GetString()));
        Assert.Equal(10_000, (await Json(customer, "/v1/me/fx-quota")).GetProperty("used").GetInt64());
        Assert.Contains("\"currency\": \"HKD\",", lines);

        // The family: the friend paid ¥6.00 from the sub-wallet the customer topped up with ¥20.00, and the customer took back the ¥14.00 left.
        var subWallet = await Json(customer, $"/v1/sub-wallets/{session.Variables["SWID"]}");
        Assert.Equal((0L, 600L), (subWallet.GetProperty("balance").GetInt64(), subWallet.GetProperty("spentToday").GetInt64()));
        Assert.Equal(session.Variables["KIDWALLET"], subWallet.GetProperty("walletId").GetString());
        Assert.Contains("\"amount\": 1400", lines);
        await Eventually.Until(async () => (await Json(customer, "/v1/me/notifications?limit=100")).GetProperty("items").EnumerateArray()
            .Any(n => n.GetProperty("kind").GetString() == "sub_wallet_payment"), "the owner told of the sub-wallet's payment", TimeSpan.FromSeconds(10));

        // Auto top-up: the ¥8.00 payment from the empty wallet topped up ¥50.00 once, though it was sent twice.
        Assert.Equal(5_000 - 800, (await Json(customer, $"/v1/wallets/{session.Variables["POCKET"]}")).GetProperty("balance").GetInt64());
        Assert.Single((await Json(customer, $"/v1/wallets/{session.Variables["POCKET"]}/transactions?kind=top_up")).GetProperty("items").EnumerateArray());

        // Wealth: ¥10.00 of the fund bought once, ¥4.00 redeemed; the holding is worth the rest, the fund's account owes just that.
        var holding = await Json(customer, $"/v1/holdings/{session.Variables["HLD"]}");
        Assert.Equal((600L, "active"), (holding.GetProperty("value").GetInt64(), holding.GetProperty("status").GetString()));
        var fund = (await Json(operators, "/v1/ops/products")).GetProperty("items").EnumerateArray()
            .Single(p => p.GetProperty("product").GetProperty("productId").GetString() == session.Variables["FUND"]);
        Assert.Equal(600L, fund.GetProperty("owed").GetInt64());

        // The books: every wallet and clearing account sums to zero.
        var books = await Json(operators, "/v1/ops/ledger/check");
        Assert.True(books.GetProperty("balanced").GetBoolean(), $"the books balance: {books}");
        Assert.Equal(0, books.GetProperty("negativeWallets").GetInt64());
        var cny = Assert.Single(books.GetProperty("currencies").EnumerateArray(), c => c.GetProperty("currency").GetString() == "CNY");
        Assert.Equal(0, cny.GetProperty("total").GetInt64());
    }

    private static void RequireTools(params string[] tools)
    {
        var path = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator);
        var missing = tools.Where(tool => !path.Any(directory => File.Exists(Path.Combine(directory, tool)))).ToList();
        Assert.True(missing.Count == 0, $"The README's examples need {string.Join(", ", missing)}: install them (tests/run.sh does, as root, with apt-get).");
    }

    private static int Occurrences(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;

    private static HttpClient Client(Uri address, string token) =>
        new() { BaseAddress = address, DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", token) } };

    private static async Task<JsonElement> Json(HttpClient http, string path)
    {
        var response = await http.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    [GeneratedRegex("\"transferId\":\"([a-z0-9_]+)\"")]
    private static partial Regex TransferIds();
}
