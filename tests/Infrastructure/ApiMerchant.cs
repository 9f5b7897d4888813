using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Wallet.Merchants;
using static Wallet.Tests.Infrastructure.ApiCustomer;

namespace Wallet.Tests.Infrastructure;

/// <summary>A merchant of the API under test, onboarded by the operator, calling with requests signed as API.md says.</summary>
public sealed class ApiMerchant(string id, string secret, string settlementWalletId, HttpClient http)
{
    public string Id { get; } = id;
    public string Secret { get; set; } = secret;
    public string SettlementWalletId { get; } = settlementWalletId;

    public static async Task<ApiMerchant> Onboard(ApiFixture api, string name = "Corner Shop", string category = "5411", string city = "Shanghai", string? settlementCard = null,
        string? currency = null, string? nameLatin = null)
        => await Onboard(await Operator.SignIn(api), api.CreateClient(), name, category, city, settlementCard, currency, nameLatin);

    /// <summary>A merchant onboarded by the signed-in operator, calling the API through <paramref name="http"/> (an API process of its own, say).</summary>
    public static async Task<ApiMerchant> Onboard(HttpClient signedInOperator, HttpClient http, string name = "Corner Shop", string category = "5411", string city = "Shanghai",
        string? settlementCard = null, string? currency = null, string? nameLatin = null)
    {
        object body = settlementCard is null
            ? new { name, nameLatin, category, city, currency }
            : new { name, nameLatin, category, city, currency, settlementCard = new { cardNumber = settlementCard, holderName = name } };
        var created = await Json(await signedInOperator.PostAsJsonAsync("/v1/merchants", body), HttpStatusCode.Created);
        return new ApiMerchant(created.GetProperty("merchantId").GetString()!, created.GetProperty("secret").GetString()!,
            created.GetProperty("settlementWalletId").GetString()!, http);
    }

    /// <summary>A new customer with <paramref name="funds"/> in a wallet pays this merchant's dynamic QR code of <paramref name="amount"/>.</summary>
    public async Task<(ApiCustomer Payer, string Wallet, string PaymentId)> PaidBy(ApiFixture api, long amount, long? funds = null, string? orderId = null,
        ApiCustomer? payer = null)
    {
        payer ??= await Register(api);
        var wallet = await payer.FundedWallet(funds ?? amount);
        var code = await Json(await Send(HttpMethod.Post, "/v1/merchant/qr-codes", JsonSerializer.Serialize(new { amount, currency = "CNY", orderId })), HttpStatusCode.Created);
        var paid = await Json(await payer.Post("/v1/payments", new { qrPayload = code.GetProperty("payload").GetString(), fromWalletId = wallet, pin = TestData.Pin }, "pay"),
            HttpStatusCode.Created);
        return (payer, wallet, paid.GetProperty("paymentId").GetString()!);
    }

    /// <summary>The settlement wallet's balance, as the merchant reads it.</summary>
    public async Task<long> Balance()
        => (await Json(await Send(HttpMethod.Get, "/v1/merchant/me"), HttpStatusCode.OK)).GetProperty("balance").GetInt64();

    /// <summary>Refunds <paramref name="amount"/> of a payment; <paramref name="key"/> is the refund's id.</summary>
    public Task<HttpResponseMessage> Refund(string paymentId, long amount, string key)
        => Send(HttpMethod.Post, $"/v1/merchant/payments/{paymentId}/refunds", JsonSerializer.Serialize(new { amount }), idempotencyKey: key);

    /// <summary>Sends a signed request; each part of the signature can be spoiled to test the checks.</summary>
    public Task<HttpResponseMessage> Send(HttpMethod method, string pathAndQuery, string? body = null,
        DateTimeOffset? at = null, string? nonce = null, string? secret = null, string? signedBody = null, string? signedPath = null, string? idempotencyKey = null)
    {
        var timestamp = (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        nonce ??= Guid.NewGuid().ToString("N");
        var bodyHash = MerchantSignatures.BodyHash(Encoding.UTF8.GetBytes(signedBody ?? body ?? ""));
        var signature = MerchantSignatures.Sign(secret ?? Secret, MerchantSignatures.Canonical(method.Method, signedPath ?? pathAndQuery, timestamp, nonce, bodyHash));
        var request = new HttpRequestMessage(method, pathAndQuery);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }
        request.Headers.Add("X-Merchant-Id", Id);
        request.Headers.Add("X-Timestamp", timestamp);
        request.Headers.Add("X-Nonce", nonce);
        request.Headers.Add("X-Signature", signature);
        return http.SendAsync(request);
    }
}
