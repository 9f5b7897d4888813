using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Wallet.Tests.Infrastructure;
using static Wallet.Tests.Infrastructure.ApiCustomer;

namespace Wallet.Tests.Retrieval;

/// <summary>
/// Every resource a 201 or 202 answer creates can be retrieved where its <c>Location</c> points: that route
/// answers 200 with the same resource (the same id, the same body) to the same caller.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class LocationHeaderTests(ApiFixture api)
{
    [Fact]
    public async Task Every_created_resources_location_answers_with_it_to_its_creator()
    {
        var ops = await Operator.SignIn(api);
        var onboarded = await ops.PostAsJsonAsync("/v1/merchants", new { name = "Location Shop", category = "5411", city = "Shanghai" });
        await AssertResolves("merchant", onboarded, ops.GetAsync, "merchantId", compareBody: false); // the secret is shown at onboarding only
        var merchant = await ApiMerchant.Onboard(api, settlementCard: TestData.Card());
        Task<HttpResponseMessage> AsMerchant(string path) => merchant.Send(HttpMethod.Get, path);

        var alice = await Register(api);
        var bob = await Register(api);
        var registered = await api.CreateClient().PostAsJsonAsync("/v1/customers", new { phone = TestData.Phone(), password = TestData.Password });
        Assert.Equal("/v1/me", (await Checked(registered, HttpStatusCode.Created)).Location);

        var wallet = await AssertResolves("wallet", await alice.Post("/v1/wallets", new { currency = "CNY" }), alice.Http.GetAsync, "walletId");
        var card = await AssertResolves("card", await alice.Post("/v1/cards", new { cardNumber = TestData.Card(), holderName = "Han Meimei", phone = alice.Phone }), alice.Http.GetAsync, "cardId");
        await Json(await alice.Post($"/v1/cards/{card}/verify", new { code = await alice.LatestSmsCode() }), HttpStatusCode.OK);
        await AssertResolves("top-up", await alice.Post($"/v1/wallets/{wallet}/top-ups", new { cardId = card, amount = 20_000, currency = "CNY" }, "loc-t"), alice.Http.GetAsync, "topUpId");
        await AssertResolves("withdrawal", await alice.Post($"/v1/wallets/{wallet}/withdrawals", new { cardId = card, amount = 500, currency = "CNY", pin = TestData.Pin }, "loc-w"),
            alice.Http.GetAsync, "withdrawalId");
        var bobs = await bob.OpenWallet();
        await AssertResolves("transfer", await alice.Post("/v1/transfers", alice.TransferBody(wallet, bobs, 700), "loc-x"), alice.Http.GetAsync, "transferId");
        await AssertResolves("device", await alice.Post("/v1/me/devices", new { publicKey = DeviceKey() }), alice.Http.GetAsync, "deviceId");

        var issued = await merchant.Send(HttpMethod.Post, "/v1/merchant/qr-codes", JsonSerializer.Serialize(new { amount = 1_000, currency = "CNY", orderId = "LOC-QR" }));
        var code = await Json(issued, HttpStatusCode.Created);
        await AssertResolves("QR code", issued, AsMerchant, "qrCodeId");
        var payment = await AssertResolves("QR payment", await alice.Post("/v1/payments", new { qrPayload = code.GetProperty("payload").GetString(), fromWalletId = wallet, pin = TestData.Pin }, "loc-p"),
            alice.Http.GetAsync, "paymentId");
        await AssertResolves("charge", await merchant.Send(HttpMethod.Post, "/v1/merchant/charges",
            JsonSerializer.Serialize(new { paymentCode = await alice.PaymentCode(wallet), amount = 300, currency = "CNY", orderId = "LOC-CH" })), AsMerchant, "paymentId");
        await AssertResolves("authorisation", await merchant.Send(HttpMethod.Post, "/v1/merchant/authorizations",
            JsonSerializer.Serialize(new { paymentCode = await alice.PaymentCode(wallet), amount = 400, currency = "CNY", orderId = "LOC-AU" })), AsMerchant, "authorizationId");
        await AssertResolves("refund", await merchant.Refund(payment, 100, "loc-r"), AsMerchant, "refundId");
        var campaign = await AssertResolves("campaign", await merchant.Send(HttpMethod.Post, "/v1/merchant/campaigns", JsonSerializer.Serialize(new
        {
            name = "Location day", kind = "discount", percentOff = 10, couponOnly = true, budget = 10_000, endsAt = DateTimeOffset.UtcNow.AddDays(7),
        })), AsMerchant, "campaignId");
        await AssertResolves("coupon", await merchant.Send(HttpMethod.Post, $"/v1/merchant/campaigns/{campaign}/coupons", JsonSerializer.Serialize(new { phone = bob.Phone })),
            AsMerchant, "couponId");
        await AssertResolves("settlement", await merchant.Send(HttpMethod.Post, "/v1/merchant/settlements"), AsMerchant, "settlementId", compareBody: false); // its payout's status moves on
        await Books.AssertBalanced(api, wallet, bobs, merchant.SettlementWalletId);
    }

    /// <summary>The answer is created, its Location answers 200 to the same caller with the same id (and body); the id is returned.</summary>
    private static async Task<string> AssertResolves(string what, HttpResponseMessage created, Func<string, Task<HttpResponseMessage>> get, string idProperty, bool compareBody = true)
    {
        var (body, location) = await Checked(created, created.StatusCode == HttpStatusCode.Accepted ? HttpStatusCode.Accepted : HttpStatusCode.Created);
        Assert.True(location is not null, $"the {what} was created without a Location");
        var fetched = await get(location!);
        var text = await fetched.Content.ReadAsStringAsync();
        Assert.True(fetched.StatusCode == HttpStatusCode.OK, $"the {what}'s Location {location} answered {(int)fetched.StatusCode}: {text}");
        var found = JsonDocument.Parse(text).RootElement;
        var id = body.GetProperty(idProperty).GetString()!;
        Assert.Equal(id, found.GetProperty(idProperty).GetString());
        if (compareBody)
        {
            Assert.Equal(body.ToString(), found.ToString());
        }
        return id;
    }

    private static async Task<(JsonElement Body, string? Location)> Checked(HttpResponseMessage response, HttpStatusCode expected)
        => (await Json(response, expected), response.Headers.Location?.OriginalString);

    private static string DeviceKey()
    {
        using var key = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        return Convert.ToBase64String(key.ExportSubjectPublicKeyInfo());
    }
}
