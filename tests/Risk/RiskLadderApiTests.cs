using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Wallet.Tests.Infrastructure;
using static Wallet.Tests.Infrastructure.ApiCustomer;

namespace Wallet.Tests.Risk;

/// <summary>
/// Each restriction of the escalation ladder over HTTP, reached by what the customer does: what it blocks,
/// what it lets through, what the customer and the operators are told, and the operator's way out.
/// Every test checks the books balance.
/// </summary>
[Collection(RiskApiCollection.Name)]
public sealed class RiskLadderApiTests(RiskApiFixture fixture)
{
    private readonly ApiFixture _api = fixture.Api;

    [Fact]
    public async Task Three_wrong_pins_require_step_up_so_a_small_code_payment_waits_until_an_operator_lifts_it()
    {
        var alice = await ApiCustomer.Register(_api);
        var wallet = await alice.FundedWallet(100_000);
        var bob = await ApiCustomer.Register(_api);
        var bobWallet = await bob.OpenWallet();
        var merchant = await ApiMerchant.Onboard(_api);
        for (var i = 0; i < 3; i++)
        {
            await Problem(await alice.Post("/v1/transfers", alice.TransferBody(wallet, bobWallet, 100, pin: "000000"), $"wrong-{i}"), HttpStatusCode.Forbidden, "invalid_pin");
        }

        await Restriction(alice, "step_up");
        var notice = await OnlyNotification(alice);
        Assert.Equal(("risk_alert", "We noticed unusual activity on your account"), (notice.GetProperty("kind").GetString(), notice.GetProperty("title").GetString()));
        Assert.Contains("payment PIN", notice.GetProperty("body").GetString(), StringComparison.Ordinal);
        var alert = await OpenAlertOf(alice);
        Assert.Equal(("repeated_pin_failures", "step_up"), (alert.GetProperty("rule").GetString(), alert.GetProperty("action").GetString()));

        // A small code payment, which goes through at once otherwise, waits for the PIN; a transfer with the PIN goes.
        var waiting = await Json(await Charge(merchant, await alice.PaymentCode(wallet), 1_000, "STEP-1"), HttpStatusCode.Accepted);
        Assert.Equal("pending_confirmation", waiting.GetProperty("status").GetString());
        await Problem(await merchant.Send(HttpMethod.Post, "/v1/merchant/authorizations",
            JsonSerializer.Serialize(new { paymentCode = await alice.PaymentCode(wallet), amount = 1_000, currency = "CNY", orderId = "HOLD-1" })), HttpStatusCode.Forbidden, "step_up_required");
        await Json(await alice.Post("/v1/transfers", alice.TransferBody(wallet, bobWallet, 100), "right-pin"), HttpStatusCode.Created);

        var ops = await Operator.SignIn(_api);
        var lifted = await Json(await ops.PostAsJsonAsync($"/v1/ops/risk/customers/{alice.Id}/unfreeze", new { note = "called the customer" }), HttpStatusCode.OK);
        Assert.Equal("none", lifted.GetProperty("restriction").GetString());
        Assert.Equal(("reviewed", "called the customer"), (lifted.GetProperty("alerts")[0].GetProperty("status").GetString(), lifted.GetProperty("alerts")[0].GetProperty("note").GetString()));
        await Restriction(alice, "none");
        var paid = await Json(await Charge(merchant, await alice.PaymentCode(wallet), 1_000, "STEP-2"), HttpStatusCode.Created);
        Assert.Equal("completed", paid.GetProperty("status").GetString());
        Assert.Equal(100_000 - 100 - 1_000, await alice.Balance(wallet));
        Assert.Equal("risk_lifted", (await Notifications(alice))[0].GetProperty("kind").GetString());
        await Books.AssertBalanced(_api, wallet, bobWallet, merchant.SettlementWalletId);
    }

    [Fact]
    public async Task A_large_transfer_after_a_new_device_holds_later_ones_for_review_until_an_operator_releases_or_rejects_each()
    {
        var alice = await ApiCustomer.Register(_api);
        var wallet = await alice.FundedWallet(500_000);
        var bob = await ApiCustomer.Register(_api);
        var bobWallet = await bob.OpenWallet();
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        await Json(await alice.Post("/v1/me/devices", new { publicKey = Convert.ToBase64String(key.ExportSubjectPublicKeyInfo()) }), HttpStatusCode.Created);
        await Json(await alice.Post("/v1/transfers", alice.TransferBody(wallet, bobWallet, 100_000), "large"), HttpStatusCode.Created);
        await Restriction(alice, "review");

        var first = await Json(await alice.Post("/v1/transfers", alice.TransferBody(wallet, bobWallet, 10_000), "held-1"), HttpStatusCode.Accepted);
        var second = await Json(await alice.Post("/v1/transfers", alice.TransferBody(wallet, bobWallet, 5_000), "held-2"), HttpStatusCode.Accepted);
        Assert.Equal("held_for_review", first.GetProperty("status").GetString());
        var view = await Json(await alice.Http.GetAsync($"/v1/wallets/{wallet}"), HttpStatusCode.OK);
        Assert.Equal((400_000L, 385_000L), (view.GetProperty("balance").GetInt64(), view.GetProperty("available").GetInt64())); // held, not gone
        Assert.Equal(100_000, await bob.Balance(bobWallet));
        var card = (await Json(await alice.Http.GetAsync("/v1/me"), HttpStatusCode.OK)).GetProperty("cards")[0].GetProperty("cardId").GetString();
        var cashOut = await Json(await alice.Post($"/v1/wallets/{wallet}/withdrawals", new { cardId = card, amount = 3_000, currency = "CNY", pin = TestData.Pin }, "cash-out"),
            HttpStatusCode.Accepted);
        Assert.Equal("held_for_review", cashOut.GetProperty("status").GetString());

        var ops = await Operator.SignIn(_api);
        var standing = await Json(await ops.GetAsync($"/v1/ops/risk/customers/{alice.Id}"), HttpStatusCode.OK);
        Assert.Equal(3, standing.GetProperty("held").GetArrayLength());
        var (firstId, secondId) = (first.GetProperty("transferId").GetString(), second.GetProperty("transferId").GetString());
        var released = await Json(await ops.PostAsync($"/v1/ops/risk/movements/{firstId}/release", null), HttpStatusCode.OK);
        var rejected = await Json(await ops.PostAsJsonAsync($"/v1/ops/risk/movements/{secondId}/reject", new { note = "not the customer" }), HttpStatusCode.OK);
        var paidOut = await Json(await ops.PostAsync($"/v1/ops/risk/movements/{cashOut.GetProperty("withdrawalId").GetString()}/release", null), HttpStatusCode.OK);
        Assert.Equal(("completed", "withdrawal"), (paidOut.GetProperty("status").GetString(), paidOut.GetProperty("kind").GetString()));
        Assert.Equal(("completed", "refused", "rejected_in_review"),
            (released.GetProperty("status").GetString(), rejected.GetProperty("status").GetString(), rejected.GetProperty("refusalCode").GetString()));
        Assert.Equal(("not the customer", JsonValueKind.String), (rejected.GetProperty("reviewNote").GetString(), released.GetProperty("reviewedBy").ValueKind));
        await Problem(await ops.PostAsync($"/v1/ops/risk/movements/{firstId}/release", null), HttpStatusCode.Conflict, "not_pending");

        // A QR payment is held the same way, and released pays the merchant.
        var merchant = await ApiMerchant.Onboard(_api);
        var qr = await Json(await merchant.Send(HttpMethod.Post, "/v1/merchant/qr-codes", JsonSerializer.Serialize(new { currency = "CNY" })), HttpStatusCode.Created);
        var payment = await Json(await alice.Post("/v1/payments", new { qrPayload = qr.GetProperty("payload").GetString(), fromWalletId = wallet, amount = 2_000, pin = TestData.Pin }, "held-qr"),
            HttpStatusCode.Accepted);
        Assert.Equal(("held_for_review", 0L), (payment.GetProperty("status").GetString(), await merchant.Balance()));
        await Json(await ops.PostAsync($"/v1/ops/risk/movements/{payment.GetProperty("paymentId").GetString()}/release", null), HttpStatusCode.OK);
        Assert.Equal(2_000, await merchant.Balance());

        view = await Json(await alice.Http.GetAsync($"/v1/wallets/{wallet}"), HttpStatusCode.OK);
        Assert.Equal((385_000L, 385_000L), (view.GetProperty("balance").GetInt64(), view.GetProperty("available").GetInt64()));
        Assert.Equal(110_000, await bob.Balance(bobWallet));
        Assert.Equal("completed", (await Json(await alice.Http.GetAsync($"/v1/transfers/{firstId}"), HttpStatusCode.OK)).GetProperty("status").GetString());
        Assert.Equal(0, (await Json(await ops.GetAsync($"/v1/ops/risk/customers/{alice.Id}"), HttpStatusCode.OK)).GetProperty("held").GetArrayLength());
        var told = (await Notifications(alice)).Select(n => n.GetProperty("kind").GetString()).ToList();
        Assert.Equal(["movement_reviewed", "movement_reviewed", "movement_reviewed", "movement_reviewed", "risk_alert"], told);
        await Books.AssertBalanced(_api, wallet, bobWallet, merchant.SettlementWalletId);
    }

    [Fact]
    public async Task Impossible_travel_leaves_the_customer_receive_only_money_comes_in_none_goes_out()
    {
        var alice = await ApiCustomer.Register(_api);
        var wallet = await alice.FundedWallet(50_000);
        var bob = await ApiCustomer.Register(_api);
        var bobWallet = await bob.FundedWallet(50_000);
        await SignInFrom(alice, "31.2304,121.4737"); // Shanghai
        await SignInFrom(alice, "40.7128,-74.0060"); // New York, moments later
        await Restriction(alice, "receive_only");

        await Problem(await alice.Post("/v1/transfers", alice.TransferBody(wallet, bobWallet, 100), "out"), HttpStatusCode.Conflict, "account_receive_only");
        await Json(await bob.Post("/v1/transfers", bob.TransferBody(bobWallet, wallet, 700), "in"), HttpStatusCode.Created);
        Assert.Equal(50_700, await alice.Balance(wallet));

        var ops = await Operator.SignIn(_api);
        await Json(await ops.PostAsJsonAsync($"/v1/ops/risk/customers/{alice.Id}/unfreeze", new { note = "travelling, confirmed" }), HttpStatusCode.OK);
        await Json(await alice.Post("/v1/transfers", alice.TransferBody(wallet, bobWallet, 100), "out-again"), HttpStatusCode.Created);
        Assert.Equal(49_400, await bob.Balance(bobWallet));
        await Books.AssertBalanced(_api, wallet, bobWallet);
    }

    [Fact]
    public async Task Five_payments_in_an_hour_freeze_the_account_nothing_goes_out_or_comes_in_not_even_to_a_new_wallet()
    {
        var alice = await ApiCustomer.Register(_api);
        var wallet = await alice.FundedWallet(50_000);
        var bob = await ApiCustomer.Register(_api);
        var bobWallet = await bob.FundedWallet(50_000);
        for (var i = 0; i < 5; i++)
        {
            await Json(await alice.Post("/v1/transfers", alice.TransferBody(wallet, bobWallet, 100), $"quick-{i}"), HttpStatusCode.Created);
        }
        await Restriction(alice, "freeze");

        await Problem(await alice.Post("/v1/transfers", alice.TransferBody(wallet, bobWallet, 100), "out"), HttpStatusCode.Conflict, "account_frozen");
        await Problem(await bob.Post("/v1/transfers", bob.TransferBody(bobWallet, wallet, 100), "in"), HttpStatusCode.Conflict, "account_frozen");
        var fresh = await alice.OpenWallet();
        await Problem(await bob.Post("/v1/transfers", bob.TransferBody(bobWallet, fresh, 100), "in-fresh"), HttpStatusCode.Conflict, "account_frozen");
        Assert.Equal((49_500L, 50_500L), (await alice.Balance(wallet), await bob.Balance(bobWallet)));
        var alert = await OpenAlertOf(alice);
        Assert.Equal(("velocity", "freeze"), (alert.GetProperty("rule").GetString(), alert.GetProperty("action").GetString()));

        var ops = await Operator.SignIn(_api);
        var reviewed = await Json(await ops.PostAsJsonAsync($"/v1/ops/risk/alerts/{alert.GetProperty("alertId").GetString()}/review", new { note = "looked" }), HttpStatusCode.OK);
        Assert.Equal("reviewed", reviewed.GetProperty("status").GetString());
        await Restriction(alice, "freeze"); // closing the alert lifts nothing
        await Json(await ops.PostAsJsonAsync($"/v1/ops/risk/customers/{alice.Id}/unfreeze", new { }), HttpStatusCode.OK);
        await Json(await bob.Post("/v1/transfers", bob.TransferBody(bobWallet, fresh, 100), "in-fresh-again"), HttpStatusCode.Created);
        Assert.Equal(100, await alice.Balance(fresh));
        await Books.AssertBalanced(_api, wallet, bobWallet, fresh);
    }

    [Fact]
    public async Task Operators_alone_see_alerts_and_bad_requests_are_refused()
    {
        var alice = await ApiCustomer.Register(_api);
        Assert.Equal(HttpStatusCode.Forbidden, (await alice.Http.GetAsync("/v1/ops/risk/alerts")).StatusCode);
        var ops = await Operator.SignIn(_api);
        await Problem(await ops.GetAsync("/v1/ops/risk/alerts?status=closed"), HttpStatusCode.BadRequest, "validation_failed");
        await Problem(await ops.GetAsync("/v1/ops/risk/alerts?cursor=nonsense"), HttpStatusCode.BadRequest, "validation_failed");
        await Problem(await ops.PostAsJsonAsync("/v1/ops/risk/alerts/rsk_unknown/review", new { }), HttpStatusCode.NotFound, "not_found");
        await Problem(await ops.PostAsJsonAsync($"/v1/ops/risk/customers/{alice.Id}/unfreeze", new { note = new string('x', 501) }), HttpStatusCode.BadRequest, "validation_failed");
        await Problem(await ops.GetAsync("/v1/ops/risk/customers/mch_not_a_customer"), HttpStatusCode.NotFound, "not_found");
        await Problem(await ops.PostAsync("/v1/ops/risk/movements/mv_unknown/release", null), HttpStatusCode.NotFound, "not_found");
        await Problem(await alice.Http.GetAsync("/v1/me/notifications?limit=0"), HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(0, (await Json(await alice.Http.GetAsync("/v1/me/notifications"), HttpStatusCode.OK)).GetProperty("items").GetArrayLength());
    }

    private static Task<HttpResponseMessage> Charge(ApiMerchant merchant, string code, long amount, string orderId)
        => merchant.Send(HttpMethod.Post, "/v1/merchant/charges", JsonSerializer.Serialize(new { paymentCode = code, amount, currency = "CNY", orderId }));

    private async Task SignInFrom(ApiCustomer customer, string location)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/auth/token") { Content = JsonContent.Create(new { phone = customer.Phone, password = TestData.Password }) };
        request.Headers.Add("X-Client-Location", location);
        await Json(await _api.CreateClient().SendAsync(request), HttpStatusCode.OK);
    }

    /// <summary>Waits for the customer's restriction as they see it (the monitor acts moments after the event).</summary>
    private static async Task Restriction(ApiCustomer customer, string restriction)
        => await Eventually.Value(async () => (await Json(await customer.Http.GetAsync("/v1/me"), HttpStatusCode.OK)).GetProperty("restriction").GetString(),
            r => r == restriction, $"{customer.Id} under {restriction}", TimeSpan.FromSeconds(20));

    private static async Task<List<JsonElement>> Notifications(ApiCustomer customer)
        => [.. (await Json(await customer.Http.GetAsync("/v1/me/notifications"), HttpStatusCode.OK)).GetProperty("items").EnumerateArray()];

    private static async Task<JsonElement> OnlyNotification(ApiCustomer customer)
        => Assert.Single(await Eventually.Value(() => Notifications(customer), n => n.Count > 0, $"a notification for {customer.Id}", TimeSpan.FromSeconds(20)));

    private async Task<JsonElement> OpenAlertOf(ApiCustomer customer)
    {
        var ops = await Operator.SignIn(_api);
        return await Eventually.Value(async () => (await Json(await ops.GetAsync("/v1/ops/risk/alerts?status=open&limit=100"), HttpStatusCode.OK))
            .GetProperty("items").EnumerateArray().FirstOrDefault(a => a.GetProperty("customerId").GetString() == customer.Id),
            a => a.ValueKind == JsonValueKind.Object, $"an open alert for {customer.Id}", TimeSpan.FromSeconds(20));
    }
}
