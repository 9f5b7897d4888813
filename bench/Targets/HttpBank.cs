using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Wallet.Bench.Targets;

/// <summary>
/// The HTTP facade: the API process in its embedded mode (its own in-memory silo), driven the way
/// apps drive it — bearer tokens, JSON bodies, an Idempotency-Key per transfer.
/// </summary>
public sealed class HttpBank : IBenchTarget
{
    private const string OperatorPhone = "+8613900000000";
    private const string OperatorPassword = "bench operator password";
    private Task<string>? _operatorToken;
    private readonly Process _api;
    private readonly HttpClient _http;
    private string[] _wallets = [];
    private string[] _tokens = [];
    private long _expected;

    private HttpBank(Process api, HttpClient http) => (_api, _http) = (api, http);

    public string Name => "http";

    public IReadOnlyList<int> Helpers => [_api.Id];

    public static async Task<IBenchTarget> Start(IReadOnlyDictionary<string, string?> settings, int port)
    {
        var assembly = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "client-api", "bin", "Release", "net10.0", "Wallet.ClientApi.dll"));
        var start = new ProcessStartInfo("dotnet", [assembly, "--urls", $"http://127.0.0.1:{port}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Staging",
                ["Wallet__Operator__Phone"] = OperatorPhone,
                ["Wallet__Operator__Password"] = OperatorPassword,
                ["Wallet__Auth__AccessTokenMinutes"] = "600", // a bench outlives the 15-minute default
                ["Wallet__Silo__SiloPort"] = $"{port + 1}",
                ["Wallet__Silo__GatewayPort"] = $"{port + 2}",
                // Metrics collected as a deployment collects them (the cost is the recording; nobody needs to scrape).
                ["Wallet__Telemetry__MetricsUrl"] = $"http://127.0.0.1:{port + 3}",
                // The bench is a crowd behind one address, each customer far busier than a person.
                ["Wallet__RateLimits__SignIn__PermitLimit"] = "1000000",
                ["Wallet__RateLimits__SignIn__WindowSeconds"] = "60",
                ["Wallet__RateLimits__Registration__PermitLimit"] = "1000000",
                ["Wallet__RateLimits__Registration__WindowSeconds"] = "60",
                ["Wallet__RateLimits__Sms__PermitLimit"] = "1000000",
                ["Wallet__RateLimits__Sms__WindowSeconds"] = "60",
                ["Wallet__RateLimits__Money__PermitLimit"] = "1000000",
                ["Wallet__RateLimits__Money__WindowSeconds"] = "60",
            },
        };
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }
        var api = Process.Start(start)!;
        api.OutputDataReceived += (_, _) => { }; // one log line per request, as in production; not kept
        api.ErrorDataReceived += (_, line) => { if (line.Data is { Length: > 0 }) { Console.Error.WriteLine($"  api: {line.Data}"); } };
        api.BeginOutputReadLine();
        api.BeginErrorReadLine();
        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1024, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{port}"),
            Timeout = TimeSpan.FromSeconds(30),
        };
        for (var deadline = DateTime.UtcNow.AddSeconds(60); ; await Task.Delay(250))
        {
            if (api.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException("the API did not start");
            }
            try
            {
                if ((await http.GetAsync("/health/ready")).IsSuccessStatusCode)
                {
                    return new HttpBank(api, http);
                }
            }
            catch (HttpRequestException)
            {
            }
        }
    }

    public async Task Prepare(int wallets, long opening, Action<string> progress)
    {
        _wallets = new string[wallets];
        _tokens = new string[wallets];
        await BenchCustomers.ForEach(wallets, progress, async (c, owned) =>
        {
            var phone = BenchCustomers.Phone(c);
            var customerId = (await Send(HttpMethod.Post, "/v1/customers", null, new { phone, password = BenchCustomers.Password })).GetProperty("customerId").GetString()!;
            var token = (await Send(HttpMethod.Post, "/v1/auth/token", null, new { phone, password = BenchCustomers.Password })).GetProperty("accessToken").GetString()!;
            await Send(HttpMethod.Put, "/v1/me/payment-pin", token, new { pin = BenchCustomers.Pin });
            await Send(HttpMethod.Post, "/v1/me/verification", token, new { name = BenchCustomers.Holder, idNumber = BenchCustomers.IdNumber(c) });
            await Send(HttpMethod.Put, $"/v1/ops/customers/{customerId}/tier", await OperatorToken(), new { tier = 1, reason = BenchCustomers.InPersonReason });
            var card = (await Send(HttpMethod.Post, "/v1/cards", token, new { cardNumber = BenchCustomers.CardNumber(c), holderName = BenchCustomers.Holder, phone }))
                .GetProperty("cardId").GetString()!;
            var sms = await Send(HttpMethod.Get, $"/v1/dev/sms?phone={Uri.EscapeDataString(phone)}", null, null);
            var code = BenchCustomers.CodeIn(sms[sms.GetArrayLength() - 1].GetProperty("text").GetString()!);
            await Send(HttpMethod.Post, $"/v1/cards/{card}/verify", token, new { code });
            for (var w = owned.Start.Value; w < owned.End.Value; w++)
            {
                var wallet = (await Send(HttpMethod.Post, "/v1/wallets", token, new { currency = "CNY" })).GetProperty("walletId").GetString()!;
                await Send(HttpMethod.Post, $"/v1/wallets/{wallet}/top-ups", token, new { cardId = card, amount = opening, currency = "CNY" }, Guid.NewGuid().ToString());
                (_wallets[w], _tokens[w]) = (wallet, token);
            }
        });
        _expected = wallets * opening;
    }

    public Task Transfer(int from, int to, long amount)
        => Send(HttpMethod.Post, "/v1/transfers", _tokens[from],
            new { fromWalletId = _wallets[from], to = new { walletId = _wallets[to] }, amount, currency = "CNY", pin = BenchCustomers.Pin },
            Guid.NewGuid().ToString());

    /// <summary>The balance and the newest 20 entries, as an app's home screen asks for them: one request.</summary>
    public Task Read(int wallet) => Send(HttpMethod.Get, $"/v1/wallets/{_wallets[wallet]}/overview?limit=20", _tokens[wallet], null);

    public async Task<Books> Audit()
    {
        var (total, negative) = await BenchCustomers.SumBalances(_wallets.Length,
            async w => (await Send(HttpMethod.Get, $"/v1/wallets/{_wallets[w]}", _tokens[w], null)).GetProperty("balance").GetInt64());
        var books = await Send(HttpMethod.Get, "/v1/ops/ledger/check", await OperatorToken(), null);
        return new Books(total, _expected, negative, books.GetProperty("balanced").GetBoolean());
    }

    public async Task<IReadOnlyList<double>> AlertDelaysMs(DateTimeOffset since)
    {
        var delays = new List<double>();
        string? cursor = null;
        do
        {
            var page = await Send(HttpMethod.Get, $"/v1/ops/risk/alerts?limit=100{(cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor))}", await OperatorToken(), null);
            var items = page.GetProperty("items").EnumerateArray().ToList();
            var recent = items.TakeWhile(a => a.GetProperty("raisedAt").GetDateTimeOffset() >= since).ToList();
            delays.AddRange(recent.Select(a => (a.GetProperty("raisedAt").GetDateTimeOffset() - a.GetProperty("eventAt").GetDateTimeOffset()).TotalMilliseconds));
            cursor = recent.Count == items.Count && page.GetProperty("nextCursor").ValueKind == JsonValueKind.String ? page.GetProperty("nextCursor").GetString() : null;
        }
        while (cursor is not null);
        return delays;
    }

    /// <summary>One operator session for the whole run (signing in for each customer would end older sessions).</summary>
    private Task<string> OperatorToken()
        => _operatorToken ??= SignInOperator();

    private async Task<string> SignInOperator()
        => (await Send(HttpMethod.Post, "/v1/auth/token", null, new { phone = OperatorPhone, password = OperatorPassword })).GetProperty("accessToken").GetString()!;

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        _api.Kill(entireProcessTree: true);
        await _api.WaitForExitAsync();
        _api.Dispose();
    }

    /// <summary>One request; anything but a 2xx becomes a failure named by the problem's code.</summary>
    private async Task<JsonElement> Send(HttpMethod method, string path, string? token, object? body, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            throw new BenchFailure($"http {exception.GetType().Name}", exception);
        }
        using (response)
        {
            var json = response.Content.Headers.ContentLength == 0 ? default : await response.Content.ReadFromJsonAsync<JsonElement>();
            if (!response.IsSuccessStatusCode)
            {
                var code = json.ValueKind == JsonValueKind.Object && json.TryGetProperty("code", out var c) ? c.GetString() : null;
                throw new BenchFailure($"{(int)response.StatusCode} {code ?? response.StatusCode.ToString()}");
            }
            return json;
        }
    }
}
