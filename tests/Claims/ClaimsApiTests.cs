using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Wallet.Tests.Infrastructure;
using static Wallet.Tests.Claims.ClaimsApi;
using static Wallet.Tests.Infrastructure.ApiCustomer;

namespace Wallet.Tests.Claims;

/// <summary>
/// Claims for unauthorised payments through HTTP: the evidence is a snapshot, a decision pays exactly once however often
/// and however concurrently it is sent, a chargeback takes a merchant's payment back with its own webhook, claims a customer
/// may not open are refused with their codes, and one customer never sees another's. The books balance after each.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ClaimsApiTests(ApiFixture api)
{
    [Fact]
    public async Task Money_that_went_to_the_customers_own_wallet_is_no_theft_to_claim()
    {
        var alice = await Register(api);
        var wallet = await alice.FundedWallet(5_000);
        var savings = await alice.OpenWallet();
        var transfer = (await Json(await alice.Post("/v1/transfers", alice.TransferBody(wallet, savings, 1_000), "to-myself"), HttpStatusCode.Created))
            .GetProperty("transferId").GetString()!;

        await Problem(await Open(alice, wallet, await EntryOf(alice, wallet, transfer)), HttpStatusCode.UnprocessableEntity, "claim_not_outgoing");

        Assert.Equal(0, (await Json(await alice.Http.GetAsync("/v1/claims"), HttpStatusCode.OK)).GetProperty("items").GetArrayLength());
        await Books.AssertBalanced(api, wallet, savings);
    }

    [Fact]
    public async Task The_evidence_is_what_the_bank_held_when_the_claim_was_opened()
    {
        var op = await Operator.SignIn(api);
        var (alice, wallet, claimId, transfer) = await ClaimedTransfer(api, 3_000);

        var first = await Json(await op.GetAsync($"/v1/ops/claims/{claimId}"), HttpStatusCode.OK);
        var evidence = first.GetProperty("evidence");
        Assert.Equal(transfer, evidence.GetProperty("entry").GetProperty("movementId").GetString());
        Assert.Equal(3_000, evidence.GetProperty("entry").GetProperty("amount").GetInt64());
        Assert.Equal("open", first.GetProperty("claim").GetProperty("status").GetString());

        // Later events: another sign-in, a new device, another payment. The claim's evidence stays as it was taken.
        await Operator.SignIn(api.CreateClient(), alice.Phone, TestData.Password);
        using var key = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        await Json(await alice.Post("/v1/me/devices", new { publicKey = Convert.ToBase64String(key.ExportSubjectPublicKeyInfo()) }), HttpStatusCode.Created);
        var carol = await Register(api);
        await Json(await alice.Post("/v1/transfers", alice.TransferBody(wallet, await carol.OpenWallet(), 100), Guid.NewGuid().ToString()), HttpStatusCode.Created);
        await Task.Delay(500); // the risk monitor hears of them meanwhile

        var later = await Json(await op.GetAsync($"/v1/ops/claims/{claimId}"), HttpStatusCode.OK);
        Assert.Equal(evidence.GetRawText(), later.GetProperty("evidence").GetRawText());
        await Books.AssertBalanced(api, wallet);
    }

    [Fact]
    public async Task The_fund_pays_once_under_replays_and_ten_concurrent_decisions()
    {
        var op = await Operator.SignIn(api);
        await Deposit(op, 100_000);
        var (alice, wallet, claimId, _) = await ClaimedTransfer(api, 4_000);
        var before = await alice.Balance(wallet);
        var fundBefore = await Fund(op);

        var decisions = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Decide(op, claimId, new { outcome = "upheld_fund" }, "decide-" + claimId)));
        Assert.All(decisions, d => Assert.Equal(HttpStatusCode.OK, d.StatusCode));
        Assert.Single(decisions, d => !d.Headers.Contains("Idempotent-Replayed"));
        var replay = await Decide(op, claimId, new { outcome = "upheld_fund" }, "decide-" + claimId);
        var decided = await Json(replay, HttpStatusCode.OK);
        Assert.True(replay.Headers.Contains("Idempotent-Replayed"));
        await Problem(await Decide(op, claimId, new { outcome = "rejected", reason = "changed my mind" }), HttpStatusCode.Conflict, "claim_already_decided");

        var decision = decided.GetProperty("claim").GetProperty("decision");
        Assert.Equal(("upheld_fund", 4_000L), (decision.GetProperty("outcome").GetString(), decision.GetProperty("amount").GetInt64()));
        Assert.StartsWith("cp_", decision.GetProperty("movementId").GetString());
        Assert.Equal(before + 4_000, await alice.Balance(wallet));
        var fund = await Fund(op);
        Assert.Equal(fundBefore.GetProperty("balance").GetInt64() - 4_000, fund.GetProperty("balance").GetInt64());
        Assert.Equal(fundBefore.GetProperty("paid").GetInt64() + 4_000, fund.GetProperty("paid").GetInt64());
        Assert.Contains(fund.GetProperty("recentPayments").EnumerateArray(), p => p.GetProperty("claimId").GetString() == claimId);
        var claim = await Json(await alice.Http.GetAsync($"/v1/claims/{claimId}"), HttpStatusCode.OK);
        Assert.Equal("decided", claim.GetProperty("status").GetString());
        var inbox = await Json(await alice.Http.GetAsync("/v1/me/notifications"), HttpStatusCode.OK);
        Assert.Contains(inbox.GetProperty("items").EnumerateArray(), n => n.GetProperty("kind").GetString() == "claim" && n.GetProperty("title").GetString() == "Your claim was upheld");
        Assert.DoesNotContain((await Json(await op.GetAsync("/v1/ops/claims?limit=100"), HttpStatusCode.OK)).GetProperty("items").EnumerateArray(),
            c => c.GetProperty("claim").GetProperty("claimId").GetString() == claimId);
        await Books.AssertBalanced(api, wallet);
        await Operator.AssertBooksBalance(op);
    }

    [Fact]
    public async Task A_chargeback_takes_the_merchants_payment_back_once_and_tells_the_merchant()
    {
        var op = await Operator.SignIn(api);
        await using var receiver = await WebhookReceiver.Start();
        var merchant = await ApiMerchant.Onboard(api);
        receiver.Secret = merchant.Secret;
        await Json(await merchant.Send(HttpMethod.Put, "/v1/merchant/webhook", JsonSerializer.Serialize(new { url = receiver.Url })), HttpStatusCode.OK);
        var (payer, wallet, paymentId) = await merchant.PaidBy(api, 2_500, funds: 3_000);
        var claim = await Json(await Open(payer, wallet, await EntryOf(payer, wallet, paymentId)), HttpStatusCode.Created);
        var claimId = claim.GetProperty("claimId").GetString()!;
        Assert.Equal(merchant.Id, claim.GetProperty("merchantId").GetString());

        var decisions = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Decide(op, claimId, new { outcome = "upheld_chargeback" })));
        Assert.All(decisions, d => Assert.Equal(HttpStatusCode.OK, d.StatusCode));
        Assert.Single(decisions, d => !d.Headers.Contains("Idempotent-Replayed"));

        Assert.Equal(3_000, await payer.Balance(wallet));
        Assert.Equal(0, await merchant.Balance());
        var decision = (await Json(await payer.Http.GetAsync($"/v1/claims/{claimId}"), HttpStatusCode.OK)).GetProperty("decision");
        var refundId = decision.GetProperty("movementId").GetString()!;
        Assert.StartsWith("rf_", refundId);
        await Eventually.Until(() => receiver.Received.Any(r => r.Type == "refund.chargeback"), "the chargeback's webhook");
        var chargeback = Assert.Single(receiver.Distinct, r => r.Type == "refund.chargeback");
        Assert.Equal((refundId, paymentId), (chargeback.Body.GetProperty("data").GetProperty("refundId").GetString(), chargeback.Body.GetProperty("data").GetProperty("paymentId").GetString()));
        // Nothing is left to refund: the merchant's own refund is refused as more than was paid.
        await Problem(await merchant.Refund(paymentId, 1, "after-chargeback"), HttpStatusCode.UnprocessableEntity, "refund_exceeds_payment");
        await Books.AssertBalanced(api, wallet, merchant.SettlementWalletId);
        await Operator.AssertBooksBalance(op);
    }

    [Fact]
    public async Task Incoming_movements_and_ineligible_or_unpayable_decisions_are_refused_with_their_codes()
    {
        var op = await Operator.SignIn(api);
        var alice = await Register(api);
        var wallet = await alice.FundedWallet(5_000);
        var bob = await Register(api);
        var bobWallet = await bob.OpenWallet();
        var transfer = (await Json(await alice.Post("/v1/transfers", alice.TransferBody(wallet, bobWallet, 1_000), Guid.NewGuid().ToString()), HttpStatusCode.Created))
            .GetProperty("transferId").GetString()!;

        await Problem(await Open(bob, bobWallet, await EntryOf(bob, bobWallet, transfer, "in")), HttpStatusCode.UnprocessableEntity, "claim_not_outgoing");
        await Problem(await Open(alice, wallet, await EntryOf(alice, wallet, transfer), noticedAt: DateTimeOffset.UtcNow.AddDays(2)), HttpStatusCode.BadRequest, "validation_failed");

        // She shared her PIN: the fund may not pay; a transfer is no merchant payment to charge back; a rejection needs a reason.
        var claimId = (await Json(await Open(alice, wallet, await EntryOf(alice, wallet, transfer), pinShared: true), HttpStatusCode.Created)).GetProperty("claimId").GetString()!;
        var again = await Open(alice, wallet, await EntryOf(alice, wallet, transfer), pinShared: true);
        Assert.Equal(claimId, (await Json(again, HttpStatusCode.OK)).GetProperty("claimId").GetString());
        await Problem(await Decide(op, claimId, new { outcome = "upheld_fund" }), HttpStatusCode.UnprocessableEntity, "claim_not_eligible");
        await Problem(await Decide(op, claimId, new { outcome = "upheld_chargeback" }), HttpStatusCode.UnprocessableEntity, "claim_not_chargeable");
        await Problem(await Decide(op, claimId, new { outcome = "rejected" }), HttpStatusCode.BadRequest, "validation_failed");
        await Problem(await Decide(op, claimId, new { outcome = "refund_it" }), HttpStatusCode.BadRequest, "validation_failed");

        // Questions and answers go through the inbox before the decision.
        var asked = await Json(await Send(op, $"/v1/ops/claims/{claimId}/questions", new { text = "Did anyone else use your phone that day?" }), HttpStatusCode.OK);
        Assert.Equal("awaiting_customer", asked.GetProperty("claim").GetProperty("status").GetString());
        Assert.Contains((await Json(await alice.Http.GetAsync("/v1/me/notifications"), HttpStatusCode.OK)).GetProperty("items").EnumerateArray(),
            n => n.GetProperty("body").GetString() == "Did anyone else use your phone that day?" && n.GetProperty("reference").GetString() == claimId);
        var answered = await Json(await alice.Post($"/v1/claims/{claimId}/answers", new { text = "No, but I told my nephew my PIN." }), HttpStatusCode.OK);
        Assert.Equal(("open", 2), (answered.GetProperty("status").GetString(), answered.GetProperty("messages").GetArrayLength()));
        var assigned = await Json(await Send(op, $"/v1/ops/claims/{claimId}/assign", new { }), HttpStatusCode.OK);
        Assert.StartsWith("cus_", assigned.GetProperty("assignedTo").GetString());

        var rejected = await Json(await Decide(op, claimId, new { outcome = "rejected", reason = "The PIN was shared." }), HttpStatusCode.OK);
        Assert.Equal(("rejected", 0L), (rejected.GetProperty("claim").GetProperty("decision").GetProperty("outcome").GetString(),
            rejected.GetProperty("claim").GetProperty("decision").GetProperty("amount").GetInt64()));
        await Problem(await alice.Post($"/v1/claims/{claimId}/answers", new { text = "More" }), HttpStatusCode.Conflict, "claim_already_decided");
        Assert.Equal(4_000, await alice.Balance(wallet));
        await Books.AssertBalanced(api, wallet, bobWallet);
    }

    [Fact]
    public async Task No_operator_assigns_asks_or_decides_their_own_claim()
    {
        // An operator is a customer too: the seeded one pays a stranger from a wallet of their own and claims it.
        var op = await Operator.SignIn(api);
        var me = await Json(await op.GetAsync("/v1/me"), HttpStatusCode.OK);
        var self = new ApiCustomer(me.GetProperty("customerId").GetString()!, ApiFixture.OperatorPhone, op);
        Assert.Equal(HttpStatusCode.NoContent, (await op.PutAsJsonAsync("/v1/me/payment-pin", new { pin = TestData.Pin, currentPin = TestData.Pin })).StatusCode);
        await Deposit(op, 10_000);
        var wallet = await self.FundedWallet(3_000);
        var bob = await Register(api);
        var bobWallet = await bob.OpenWallet();
        var transfer = (await Json(await self.Post("/v1/transfers", self.TransferBody(wallet, bobWallet, 2_000), Guid.NewGuid().ToString()), HttpStatusCode.Created))
            .GetProperty("transferId").GetString()!;
        var claimId = (await Json(await Open(self, wallet, await EntryOf(self, wallet, transfer)), HttpStatusCode.Created)).GetProperty("claimId").GetString()!;
        var fundBefore = (await Fund(op)).GetProperty("balance").GetInt64();

        await Problem(await Send(op, $"/v1/ops/claims/{claimId}/assign", new { }), HttpStatusCode.Forbidden, "forbidden");
        await Problem(await Send(op, $"/v1/ops/claims/{claimId}/questions", new { text = "Was it you?" }), HttpStatusCode.Forbidden, "forbidden");
        await Problem(await Decide(op, claimId, new { outcome = "upheld_fund" }, "decide-" + claimId), HttpStatusCode.Forbidden, "forbidden");

        var claim = (await Json(await op.GetAsync($"/v1/ops/claims/{claimId}"), HttpStatusCode.OK)).GetProperty("claim");
        Assert.Equal("open", claim.GetProperty("status").GetString());
        Assert.False(claim.TryGetProperty("decision", out var decision) && decision.ValueKind != JsonValueKind.Null);
        Assert.Equal(1_000, await self.Balance(wallet));
        Assert.Equal(fundBefore, (await Fund(op)).GetProperty("balance").GetInt64());
        await Books.AssertBalanced(api, wallet, bobWallet);
    }

    [Fact]
    public async Task One_customer_never_sees_or_claims_anothers()
    {
        var (alice, wallet, claimId, transfer) = await ClaimedTransfer(api, 1_000);
        var mallory = await Register(api);
        await mallory.OpenWallet();

        await Problem(await mallory.Http.GetAsync($"/v1/claims/{claimId}"), HttpStatusCode.NotFound, "not_found");
        await Problem(await mallory.Post($"/v1/claims/{claimId}/answers", new { text = "mine" }), HttpStatusCode.NotFound, "not_found");
        await Problem(await Open(mallory, wallet, await EntryOf(alice, wallet, transfer)), HttpStatusCode.NotFound, "not_found");
        Assert.Equal(0, (await Json(await mallory.Http.GetAsync("/v1/claims"), HttpStatusCode.OK)).GetProperty("items").GetArrayLength());
        var mine = (await Json(await alice.Http.GetAsync("/v1/claims"), HttpStatusCode.OK)).GetProperty("items");
        Assert.Equal(claimId, Assert.Single(mine.EnumerateArray()).GetProperty("claimId").GetString());
        await Problem(await mallory.Http.GetAsync("/v1/ops/claims"), HttpStatusCode.Forbidden, "forbidden");
        await Books.AssertBalanced(api, wallet);
    }

    [Fact]
    public async Task The_queue_lists_undecided_claims_oldest_first_a_page_at_a_time()
    {
        var op = await Operator.SignIn(api);
        var (_, _, first, _) = await ClaimedTransfer(api, 100);
        var (_, _, second, _) = await ClaimedTransfer(api, 200);
        var (_, _, decided, _) = await ClaimedTransfer(api, 300);
        await Json(await Decide(op, decided, new { outcome = "rejected", reason = "Not unauthorised." }), HttpStatusCode.OK);

        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = await Json(await op.GetAsync("/v1/ops/claims?limit=2" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}")), HttpStatusCode.OK);
            Assert.True(page.GetProperty("items").GetArrayLength() <= 2);
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("claim").GetProperty("claimId").GetString()!));
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);

        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.True(seen.IndexOf(first) >= 0 && seen.IndexOf(first) < seen.IndexOf(second), "the older claim comes first");
        Assert.DoesNotContain(decided, seen);
    }
}
