using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Wallet.Simulators;
using Wallet.Tests.Infrastructure;
using Wallet.Utilities;

namespace Wallet.Tests.Utilities;

/// <summary>Utility bills through HTTP: billers, payees, a bill looked up and paid once, autopay, and the refusals, with nothing moved.</summary>
[Collection(ApiCollection.Name)]
public sealed class UtilityBillsApiTests(ApiFixture api)
{
    private static readonly BillerProfile Water = SeededBillers.ShanghaiWater;

    [Fact]
    public async Task A_customer_saves_a_payee_looks_up_its_bill_and_pays_it_once()
    {
        var alice = await ApiCustomer.Register(api);
        var wallet = await alice.FundedWallet(100_000);
        var billers = await ApiCustomer.Json(await alice.Http.GetAsync("/v1/billers?city=上海&kind=water"), HttpStatusCode.OK);
        Assert.Equal([Water.BillerId], billers.GetProperty("items").EnumerateArray().Select(b => b.GetProperty("billerId").GetString()));

        var account = Billing.Account(Water);
        var saved = await ApiCustomer.Json(await alice.Post("/v1/bill-payees", new { billerId = Water.BillerId, accountNumber = account, nickname = "家里的水费" }), HttpStatusCode.Created);
        var payeeId = saved.GetProperty("payeeId").GetString()!;
        Assert.Equal(("上海城投水务", "postpaid", 3), (saved.GetProperty("billerName").GetString(), saved.GetProperty("mode").GetString(), saved.GetProperty("remindDaysBefore").GetInt32()));
        var again = await ApiCustomer.Json(await alice.Post("/v1/bill-payees", new { billerId = Water.BillerId, accountNumber = account }), HttpStatusCode.OK);
        Assert.Equal(payeeId, again.GetProperty("payeeId").GetString());
        var renamed = await ApiCustomer.Json(await alice.Http.PatchAsJsonAsync($"/v1/bill-payees/{payeeId}", new { nickname = "爸妈家水费", remindDaysBefore = 5 }), HttpStatusCode.OK);
        Assert.Equal(("爸妈家水费", 5), (renamed.GetProperty("nickname").GetString(), renamed.GetProperty("remindDaysBefore").GetInt32()));

        var bill = await ApiCustomer.Json(await alice.Http.GetAsync($"/v1/bill-payees/{payeeId}/bill"), HttpStatusCode.OK);
        Assert.Equal("unpaid", bill.GetProperty("status").GetString());
        var amount = bill.GetProperty("amount").GetInt64();
        var body = new { walletId = wallet, currency = "CNY", pin = TestData.Pin };
        var first = await alice.Post($"/v1/bill-payees/{payeeId}/payments", body, "water-1");
        var paid = await ApiCustomer.Json(first, HttpStatusCode.Created);
        var replay = await alice.Post($"/v1/bill-payees/{payeeId}/payments", body, "water-1");
        Assert.Equal(["true"], replay.Headers.GetValues("Idempotent-Replayed"));
        var paymentId = paid.GetProperty("paymentId").GetString()!;
        Assert.Equal(paymentId, (await ApiCustomer.Json(replay, HttpStatusCode.Created)).GetProperty("paymentId").GetString());
        Assert.Equal(("completed", "paid", amount, Water.BillerId), (paid.GetProperty("status").GetString(), paid.GetProperty("billerStatus").GetString(),
            paid.GetProperty("amount").GetInt64(), paid.GetProperty("to").GetProperty("billerId").GetString()));
        Assert.Equal(first.Headers.Location?.ToString(), $"/v1/bill-payments/{paymentId}");

        Assert.Equal(("paid", paymentId), await BillStatus(alice, payeeId));
        var again2 = await alice.Post($"/v1/bill-payees/{payeeId}/payments", body, "water-2");
        await ApiCustomer.Problem(again2, HttpStatusCode.Conflict, "bill_already_paid");
        Assert.Equal("paid", (await ApiCustomer.Json(await alice.Http.GetAsync($"/v1/bill-payments/{paymentId}"), HttpStatusCode.OK)).GetProperty("billerStatus").GetString());
        var listed = (await ApiCustomer.Json(await alice.Http.GetAsync($"/v1/bill-payees/{payeeId}/payments"), HttpStatusCode.OK)).GetProperty("items");
        Assert.Equal([paymentId], listed.EnumerateArray().Select(p => p.GetProperty("paymentId").GetString()));
        Assert.Equal(100_000 - amount, await alice.Balance(wallet));
        var history = await ApiCustomer.Json(await alice.Http.GetAsync($"/v1/wallets/{wallet}/transactions?kind=bill_payment"), HttpStatusCode.OK);
        var entry = Assert.Single(history.GetProperty("items").EnumerateArray());
        Assert.Equal(("utilities", amount), (entry.GetProperty("category").GetString(), entry.GetProperty("amount").GetInt64()));

        Assert.Equal(HttpStatusCode.NoContent, (await alice.Http.DeleteAsync($"/v1/bill-payees/{payeeId}")).StatusCode);
        Assert.Empty((await ApiCustomer.Json(await alice.Http.GetAsync("/v1/bill-payees"), HttpStatusCode.OK)).GetProperty("items").EnumerateArray());
        await Books.AssertBalanced(api, wallet);
    }

    [Fact]
    public async Task A_biller_that_refuses_gives_the_money_back_at_once()
    {
        var alice = await ApiCustomer.Register(api);
        var wallet = await alice.FundedWallet(100_000);
        var payeeId = await SavePayee(alice, Billing.Account(Water, SimulatedBillingCompany.Refuses));

        var paid = await ApiCustomer.Json(await alice.Post($"/v1/bill-payees/{payeeId}/payments", new { walletId = wallet, currency = "CNY", pin = TestData.Pin }, "refused-1"),
            HttpStatusCode.Created);

        Assert.Equal(("refunded", "The account is closed at the biller."), (paid.GetProperty("billerStatus").GetString(), paid.GetProperty("reason").GetString()));
        Assert.StartsWith("br_", paid.GetProperty("refundId").GetString(), StringComparison.Ordinal);
        Assert.Equal(100_000, await alice.Balance(wallet));
        Assert.Equal(("unpaid", null), await BillStatus(alice, payeeId));
        var inbox = await ApiCustomer.Json(await alice.Http.GetAsync("/v1/me/notifications"), HttpStatusCode.OK);
        Assert.Contains(inbox.GetProperty("items").EnumerateArray(), n => n.GetProperty("kind").GetString() == "bill_refunded");
        await Books.AssertBalanced(api, wallet);
    }

    [Fact]
    public async Task A_phone_pays_a_bill_and_gives_a_mandate_with_its_device_signature_over_exactly_what_it_approves()
    {
        var alice = await ApiCustomer.Register(api);
        var wallet = await alice.FundedWallet(100_000);
        using var phone = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        await ApiCustomer.Json(await alice.Post("/v1/me/devices", new { publicKey = Convert.ToBase64String(phone.ExportSubjectPublicKeyInfo()) }), HttpStatusCode.Created);
        var meter = await SavePayee(alice, Billing.Account(SeededBillers.BeijingPrepaidPower), SeededBillers.BeijingPrepaidPower.BillerId);

        var (wrongId, wrongNonce) = await Challenge(alice);
        var signedOtherAmount = new { walletId = wallet, amount = 5_000, currency = "CNY",
            deviceSignature = new { challengeId = wrongId, signature = DeviceSigning.Sign(phone, wrongNonce, "bill_payment", 9_000, "CNY", meter, "meter-1") } };
        await ApiCustomer.Problem(await alice.Post($"/v1/bill-payees/{meter}/payments", signedOtherAmount, "meter-1"), HttpStatusCode.Forbidden, "invalid_device_signature");
        var (id, nonce) = await Challenge(alice);
        var signed = new { walletId = wallet, amount = 5_000, currency = "CNY",
            deviceSignature = new { challengeId = id, signature = DeviceSigning.Sign(phone, nonce, "bill_payment", 5_000, "CNY", meter, "meter-2") } };
        var paid = await ApiCustomer.Json(await alice.Post($"/v1/bill-payees/{meter}/payments", signed, "meter-2"), HttpStatusCode.Created);
        Assert.Equal("paid", paid.GetProperty("billerStatus").GetString());

        var water = await SavePayee(alice, Billing.Account(Water));
        var (mandateId, mandateNonce) = await Challenge(alice);
        var mandate = new { walletId = wallet, capPerBill = 30_000, currency = "CNY",
            deviceSignature = new { challengeId = mandateId, signature = DeviceSigning.Sign(phone, mandateNonce, "autopay_mandate", 30_000, "CNY", water, water) } };
        Assert.Equal(30_000, (await ApiCustomer.Json(await alice.Http.PutAsJsonAsync($"/v1/bill-payees/{water}/autopay", mandate), HttpStatusCode.OK)).GetProperty("capPerBill").GetInt64());
        Assert.Equal(100_000 - 5_000, await alice.Balance(wallet));
        await Books.AssertBalanced(api, wallet);
    }

    [Fact]
    public async Task Autopay_is_given_with_the_PIN_read_back_and_cancelled()
    {
        var alice = await ApiCustomer.Register(api);
        var wallet = await alice.FundedWallet(10_000);
        var payeeId = await SavePayee(alice, Billing.Account(Water));

        await ApiCustomer.Problem(await alice.Http.PutAsJsonAsync($"/v1/bill-payees/{payeeId}/autopay", new { walletId = wallet, capPerBill = 50_000, currency = "CNY", pin = "000000" }),
            HttpStatusCode.Forbidden, "invalid_pin");
        await ApiCustomer.Problem(await alice.Http.GetAsync($"/v1/bill-payees/{payeeId}/autopay"), HttpStatusCode.NotFound, "not_found");
        var given = await ApiCustomer.Json(await alice.Http.PutAsJsonAsync($"/v1/bill-payees/{payeeId}/autopay",
            new { walletId = wallet, capPerBill = 50_000, currency = "CNY", pin = TestData.Pin }), HttpStatusCode.OK);
        Assert.Equal((wallet, 50_000L), (given.GetProperty("walletId").GetString(), given.GetProperty("capPerBill").GetInt64()));
        var payees = await ApiCustomer.Json(await alice.Http.GetAsync("/v1/bill-payees"), HttpStatusCode.OK);
        Assert.Equal(50_000, payees.GetProperty("items")[0].GetProperty("autopay").GetProperty("capPerBill").GetInt64());
        Assert.Equal(HttpStatusCode.NoContent, (await alice.Http.DeleteAsync($"/v1/bill-payees/{payeeId}/autopay")).StatusCode);
        await ApiCustomer.Problem(await alice.Http.DeleteAsync($"/v1/bill-payees/{payeeId}/autopay"), HttpStatusCode.NotFound, "not_found");
        Assert.Equal(10_000, await alice.Balance(wallet));
    }

    [Fact]
    public async Task Bad_account_numbers_unknown_billers_and_wrong_amounts_are_clear_4xx_and_nothing_moves()
    {
        var alice = await ApiCustomer.Register(api);
        var mallory = await ApiCustomer.Register(api);
        var wallet = await alice.FundedWallet(100_000);

        await ApiCustomer.Problem(await alice.Post("/v1/bill-payees", new { billerId = Water.BillerId, accountNumber = "12-34" }), HttpStatusCode.UnprocessableEntity, "invalid_account_number");
        await ApiCustomer.Problem(await alice.Post("/v1/bill-payees", new { billerId = "bil_nowhere", accountNumber = "1234567890" }), HttpStatusCode.NotFound, "not_found");
        await ApiCustomer.Problem(await alice.Post("/v1/bill-payees", new { billerId = Water.BillerId }), HttpStatusCode.BadRequest, "validation_failed");
        await ApiCustomer.Problem(await alice.Post("/v1/bill-payees", new { billerId = Water.BillerId, accountNumber = Billing.Account(Water), remindDaysBefore = 99 }),
            HttpStatusCode.BadRequest, "validation_failed");
        await ApiCustomer.Problem(await alice.Http.GetAsync("/v1/billers?kind=sewage"), HttpStatusCode.BadRequest, "validation_failed");

        var water = await SavePayee(alice, Billing.Account(Water));
        var phone = await SavePayee(alice, "13800138000", SeededBillers.ChinaMobile.BillerId);
        var amount = (await ApiCustomer.Json(await alice.Http.GetAsync($"/v1/bill-payees/{water}/bill"), HttpStatusCode.OK)).GetProperty("amount").GetInt64();
        var pay = (string payee, object body, string? key) => alice.Post($"/v1/bill-payees/{payee}/payments", body, key);
        await ApiCustomer.Problem(await pay(water, new { walletId = wallet, currency = "CNY", pin = TestData.Pin }, null), HttpStatusCode.BadRequest, "idempotency_key_required");
        await ApiCustomer.Problem(await pay(water, new { walletId = wallet, currency = "CNY" }, "no-pin"), HttpStatusCode.BadRequest, "validation_failed");
        await ApiCustomer.Problem(await pay(water, new { walletId = wallet, amount = amount - 1, currency = "CNY", pin = TestData.Pin }, "partial"), HttpStatusCode.BadRequest, "validation_failed");
        await ApiCustomer.Problem(await pay(water, new { walletId = wallet, currency = "CNY", pin = "000000" }, "wrong-pin"), HttpStatusCode.Forbidden, "invalid_pin");
        await ApiCustomer.Problem(await pay(phone, new { walletId = wallet, amount = 4_000, currency = "CNY", pin = TestData.Pin }, "odd-top-up"),
            HttpStatusCode.UnprocessableEntity, "amount_not_offered");
        await ApiCustomer.Problem(await pay(phone, new { walletId = wallet, amount = 5_000, currency = "USD", pin = TestData.Pin }, "usd"),
            HttpStatusCode.UnprocessableEntity, "currency_mismatch");
        await ApiCustomer.Problem(await mallory.Post($"/v1/bill-payees/{water}/payments", new { walletId = wallet, currency = "CNY", pin = TestData.Pin }, "not-mine"),
            HttpStatusCode.NotFound, "not_found");
        await ApiCustomer.Problem(await mallory.Http.GetAsync($"/v1/bill-payees/{water}/bill"), HttpStatusCode.NotFound, "not_found");

        Assert.Equal(100_000, await alice.Balance(wallet));
        Assert.Equal(("unpaid", null), await BillStatus(alice, water));
        await Books.AssertBalanced(api, wallet);
    }

    [Fact]
    public async Task Operators_add_a_biller_customers_can_then_pay_and_see_what_the_bank_holds_for_each()
    {
        var ops = await Operator.SignIn(api);
        var alice = await ApiCustomer.Register(api);
        var rule = new { minLength = 8, maxLength = 8, digitsOnly = true };
        await ApiCustomer.Problem(await alice.Post("/v1/ops/billers", new { name = "杭州水务", kind = "water", city = "杭州", mode = "postpaid", accountRule = rule }),
            HttpStatusCode.Forbidden, "forbidden");
        await ApiCustomer.Problem(await ops.PostAsJsonAsync("/v1/ops/billers", new { name = "杭州水务", kind = "water", city = "杭州", mode = "postpaid", accountRule = new { minLength = 40, maxLength = 2 } }),
            HttpStatusCode.BadRequest, "validation_failed");
        var added = await ApiCustomer.Json(await ops.PostAsJsonAsync("/v1/ops/billers",
            new { name = "杭州水务", nameLatin = "Hangzhou Water", kind = "water", city = "杭州", mode = "postpaid", accountRule = rule, confirmWithinMinutes = 30 }), HttpStatusCode.Created);
        var billerId = added.GetProperty("billerId").GetString()!;

        var listed = await ApiCustomer.Json(await alice.Http.GetAsync("/v1/billers?city=杭州"), HttpStatusCode.OK);
        Assert.Contains(listed.GetProperty("items").EnumerateArray(), b => b.GetProperty("billerId").GetString() == billerId);
        var wallet = await alice.FundedWallet(100_000);
        var payeeId = await SavePayee(alice, "12345678", billerId);
        var paid = await ApiCustomer.Json(await alice.Post($"/v1/bill-payees/{payeeId}/payments", new { walletId = wallet, currency = "CNY", pin = TestData.Pin }, "hz"), HttpStatusCode.Created);

        var billers = await ApiCustomer.Json(await ops.GetAsync("/v1/ops/billers"), HttpStatusCode.OK);
        var mine = billers.GetProperty("items").EnumerateArray().Single(b => b.GetProperty("biller").GetProperty("billerId").GetString() == billerId);
        Assert.Equal(paid.GetProperty("amount").GetInt64(), mine.GetProperty("owed").GetInt64());
        await ApiCustomer.Json(await ops.GetAsync("/v1/ops/bill-payments/late-confirmations"), HttpStatusCode.OK);
        await Books.AssertBalanced(api, wallet);
    }

    private static async Task<(string Id, string Nonce)> Challenge(ApiCustomer customer)
    {
        var challenge = await ApiCustomer.Json(await customer.Http.PostAsync("/v1/me/challenges", null), HttpStatusCode.Created);
        return (challenge.GetProperty("challengeId").GetString()!, challenge.GetProperty("nonce").GetString()!);
    }

    private static async Task<string> SavePayee(ApiCustomer customer, string account, string? billerId = null)
        => (await ApiCustomer.Json(await customer.Post("/v1/bill-payees", new { billerId = billerId ?? Water.BillerId, accountNumber = account }), HttpStatusCode.Created))
            .GetProperty("payeeId").GetString()!;

    private static async Task<(string?, string?)> BillStatus(ApiCustomer customer, string payeeId)
    {
        var bill = await ApiCustomer.Json(await customer.Http.GetAsync($"/v1/bill-payees/{payeeId}/bill"), HttpStatusCode.OK);
        return (bill.GetProperty("status").GetString(), bill.GetProperty("paymentId").ValueKind == JsonValueKind.Null ? null : bill.GetProperty("paymentId").GetString());
    }
}
