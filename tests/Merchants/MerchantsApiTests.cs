using System.Net;
using System.Net.Http.Json;
using Wallet.Tests.Infrastructure;
using static Wallet.Tests.Infrastructure.ApiCustomer;

namespace Wallet.Tests.Merchants;

/// <summary>Onboarding merchants, and the HMAC-signed requests they call with: each spoiled part of a signature is a 401.</summary>
[Collection(ApiCollection.Name)]
public sealed class MerchantsApiTests(ApiFixture api)
{
    [Fact]
    public async Task An_operator_onboards_a_merchant_and_the_merchant_reads_itself_with_a_signed_request()
    {
        var ops = await Operator.SignIn(api);
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/merchants") { Content = JsonContent.Create(new { name = "Lao Wang Noodles", category = "5812", city = "Shanghai" }) };
        request.Headers.Add("Idempotency-Key", "onboard-lao-wang");
        var first = await ops.SendAsync(request);
        var replay = new HttpRequestMessage(HttpMethod.Post, "/v1/merchants") { Content = JsonContent.Create(new { name = "Lao Wang Noodles", category = "5812", city = "Shanghai" }) };
        replay.Headers.Add("Idempotency-Key", "onboard-lao-wang");
        var again = await ops.SendAsync(replay);

        var created = await Json(first, HttpStatusCode.Created);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        var merchant = new ApiMerchant(created.GetProperty("merchantId").GetString()!, created.GetProperty("secret").GetString()!,
            created.GetProperty("settlementWalletId").GetString()!, api.CreateClient());
        var me = await Json(await merchant.Send(HttpMethod.Get, "/v1/merchant/me"), HttpStatusCode.OK);

        Assert.Equal(("Lao Wang Noodles", "5812", "Shanghai", merchant.SettlementWalletId, 0L),
            (me.GetProperty("name").GetString(), me.GetProperty("category").GetString(), me.GetProperty("city").GetString(),
             me.GetProperty("settlementWalletId").GetString(), me.GetProperty("balance").GetInt64()));
        await Books.AssertBalanced(api, merchant.SettlementWalletId);
    }

    [Fact]
    public async Task Every_spoiled_part_of_a_signature_is_refused_naming_the_check_and_a_nonce_works_once()
    {
        var merchant = await ApiMerchant.Onboard(api);
        var now = DateTimeOffset.UtcNow;

        await Json(await merchant.Send(HttpMethod.Get, "/v1/merchant/me?x=1", at: now.AddSeconds(-290)), HttpStatusCode.OK);
        await Json(await merchant.Send(HttpMethod.Get, "/v1/merchant/me", at: now.AddSeconds(290)), HttpStatusCode.OK);
        await Refused(merchant.Send(HttpMethod.Get, "/v1/merchant/me", at: now.AddSeconds(-310)), "stale_timestamp");
        await Refused(merchant.Send(HttpMethod.Get, "/v1/merchant/me", at: now.AddSeconds(310)), "stale_timestamp");
        await Refused(merchant.Send(HttpMethod.Get, "/v1/merchant/me", secret: "msk_not-the-secret"), "bad_signature");
        await Refused(merchant.Send(HttpMethod.Get, "/v1/merchant/me?x=2", signedPath: "/v1/merchant/me?x=1"), "bad_signature");
        await Refused(merchant.Send(HttpMethod.Get, "/v1/merchant/me", body: "{}", signedBody: "{\"a\":1}"), "bad_signature");

        await Json(await merchant.Send(HttpMethod.Get, "/v1/merchant/me", nonce: "once-only"), HttpStatusCode.OK);
        await Refused(merchant.Send(HttpMethod.Get, "/v1/merchant/me", nonce: "once-only"), "reused_nonce");

        var stranger = new ApiMerchant("mch_nobody", merchant.Secret, "", api.CreateClient());
        await Refused(stranger.Send(HttpMethod.Get, "/v1/merchant/me"), "unknown_merchant");
        var unsigned = new HttpRequestMessage(HttpMethod.Get, "/v1/merchant/me");
        unsigned.Headers.Add("X-Merchant-Id", merchant.Id);
        await Refused(api.CreateClient().SendAsync(unsigned), "malformed_signature");
        await Refused(api.CreateClient().GetAsync("/v1/merchant/me"), "unauthorized");
    }

    [Fact]
    public async Task A_rotated_secret_replaces_the_old_one_at_once()
    {
        var merchant = await ApiMerchant.Onboard(api);
        var old = merchant.Secret;

        var rotated = await Json(await (await Operator.SignIn(api)).PostAsync($"/v1/merchants/{merchant.Id}/credentials", null), HttpStatusCode.OK);
        merchant.Secret = rotated.GetProperty("secret").GetString()!;

        Assert.NotEqual(old, merchant.Secret);
        await Refused(merchant.Send(HttpMethod.Get, "/v1/merchant/me", secret: old), "bad_signature");
        await Json(await merchant.Send(HttpMethod.Get, "/v1/merchant/me"), HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("""{"name":"A name that is far too long for a QR","category":"5411","city":"Shanghai"}""", "name")]
    [InlineData("""{"name":"Shop","category":"54a1","city":"Shanghai"}""", "category")]
    [InlineData("""{"name":"Shop","category":"5411"}""", "city")]
    public async Task Onboarding_with_bad_fields_is_a_validation_problem(string body, string field)
    {
        var ops = await Operator.SignIn(api);
        var problem = await Problem(await ops.PostAsync("/v1/merchants", new StringContent(body, null, "application/json")), HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"errors should name {field}: {problem}");
    }

    [Fact]
    public async Task Only_operators_onboard_merchants_and_a_customer_token_is_no_merchant_signature()
    {
        var alice = await Register(api);

        await Problem(await alice.Post("/v1/merchants", new { name = "Mine", category = "5411", city = "Shanghai" }), HttpStatusCode.Forbidden, "forbidden");
        await Problem(await alice.Http.GetAsync("/v1/merchant/me"), HttpStatusCode.Unauthorized, "unauthorized");
    }

    /// <summary>A 401 whose code names the check that failed.</summary>
    private static async Task Refused(Task<HttpResponseMessage> sending, string code) => await Problem(await sending, HttpStatusCode.Unauthorized, code);
}
