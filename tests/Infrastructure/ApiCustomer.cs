using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Wallet.Tests.Infrastructure;

/// <summary>A signed-in customer of the API under test, with the calls tests make on their behalf.</summary>
public sealed class ApiCustomer(string id, string phone, HttpClient http)
{
    public string Id { get; } = id;
    public string Phone { get; } = phone;
    public HttpClient Http { get; } = http;

    public static Task<ApiCustomer> Register(ApiFixture api, bool withPin = true, string password = TestData.Password)
        => Register(api.CreateClient(), withPin, password);

    /// <summary>A new customer of the API the client reaches (an API process of its own, say).</summary>
    public static async Task<ApiCustomer> Register(HttpClient http, bool withPin = true, string password = TestData.Password)
    {
        var phone = TestData.Phone();
        var created = await Json(await http.PostAsJsonAsync("/v1/customers", new { phone, password }), HttpStatusCode.Created);
        var token = await Json(await http.PostAsJsonAsync("/v1/auth/token", new { phone, password }), HttpStatusCode.OK);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());
        var customer = new ApiCustomer(created.GetProperty("customerId").GetString()!, phone, http);
        if (withPin)
        {
            Assert.Equal(HttpStatusCode.NoContent, (await http.PutAsJsonAsync("/v1/me/payment-pin", new { pin = TestData.Pin })).StatusCode);
        }
        return customer;
    }

    public async Task<string> OpenWallet(string currency = "CNY")
        => (await Json(await Http.PostAsJsonAsync("/v1/wallets", new { currency }), HttpStatusCode.Created)).GetProperty("walletId").GetString()!;

    /// <summary>Binds and verifies a card, by default in the customer's verified name (the only one a verified customer may bind).</summary>
    public async Task<string> BindVerifiedCard(string? cardNumber = null, string? holderName = null)
    {
        holderName ??= (await Json(await Http.GetAsync("/v1/me"), HttpStatusCode.OK)).GetProperty("realName").GetString() ?? "Han Meimei";
        var card = await Json(await Http.PostAsJsonAsync("/v1/cards", new { cardNumber = cardNumber ?? TestData.Card(), holderName, phone = Phone }), HttpStatusCode.Created);
        var cardId = card.GetProperty("cardId").GetString()!;
        await Json(await Http.PostAsJsonAsync($"/v1/cards/{cardId}/verify", new { code = await LatestSmsCode() }), HttpStatusCode.OK);
        return cardId;
    }

    public Task<string> LatestSmsCode() => LatestSmsCode(Http, Phone);

    /// <summary>The six digits of the last text the simulated gateway sent to <paramref name="phone"/> (anyone may read the simulator's outbox).</summary>
    public static async Task<string> LatestSmsCode(HttpClient http, string phone)
    {
        var messages = await Json(await http.GetAsync($"/v1/dev/sms?phone={Uri.EscapeDataString(phone)}"), HttpStatusCode.OK);
        return System.Text.RegularExpressions.Regex.Match(messages[0].GetProperty("text").GetString()!, @"\b\d{6}\b").Value;
    }

    public async Task<string> FundedWallet(long amount)
    {
        var wallet = await OpenWallet();
        var card = await BindVerifiedCard();
        await Json(await Post($"/v1/wallets/{wallet}/top-ups", new { cardId = card, amount, currency = "CNY" }, Guid.NewGuid().ToString()), HttpStatusCode.Created);
        return wallet;
    }

    /// <summary>A fresh payment code for one of this customer's wallets, as the phone would show it.</summary>
    public async Task<string> PaymentCode(string walletId)
        => (await Json(await Post("/v1/me/payment-codes", new { walletId }), HttpStatusCode.Created)).GetProperty("code").GetString()!;

    public async Task<long> Balance(string walletId)
        => (await Json(await Http.GetAsync($"/v1/wallets/{walletId}"), HttpStatusCode.OK)).GetProperty("balance").GetInt64();

    public Task<HttpResponseMessage> Post(string path, object body, string? idempotencyKey = null)
        => PostRaw(path, JsonSerializer.Serialize(body, JsonSerializerOptions.Web), idempotencyKey);

    public Task<HttpResponseMessage> PostRaw(string path, string body, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }
        return Http.SendAsync(request);
    }

    public object TransferBody(string from, string to, long amount, string pin = TestData.Pin)
        => new { fromWalletId = from, to = new { walletId = to }, amount, currency = "CNY", pin };

    /// <summary>A transfer authorised by a device signature instead of the PIN.</summary>
    public static object SignedTransferBody(string from, string to, long amount, string challengeId, string signature)
        => new { fromWalletId = from, to = new { walletId = to }, amount, currency = "CNY", deviceSignature = new { challengeId, signature } };

    /// <summary>
    /// The response's JSON, after checking its status (the body is in the failure message); of a problem, also that
    /// the contract lists its code under that status for the operation.
    /// </summary>
    public static async Task<JsonElement> Json(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected} but got {(int)response.StatusCode}: {text}");
        var json = JsonDocument.Parse(text).RootElement.Clone();
        if ((int)expected >= 400 && json.ValueKind == JsonValueKind.Object && json.TryGetProperty("code", out var code) && code.GetString() is { } refusal)
        {
            ContractCodes.AssertListed(response, expected, refusal);
        }
        return json;
    }

    /// <summary>Checks a problem response's status, media type and code, and that the contract lists that code under that status for the operation.</summary>
    public static async Task<JsonElement> Problem(HttpResponseMessage response, HttpStatusCode expected, string code)
    {
        var problem = await Json(response, expected);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(code, problem.GetProperty("code").GetString());
        return problem;
    }
}
