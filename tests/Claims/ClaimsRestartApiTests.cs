using System.Net;
using System.Security.Cryptography;
using Wallet.Tests.Infrastructure;
using static Wallet.Tests.Claims.ClaimsApi;
using static Wallet.Tests.Infrastructure.ApiCustomer;

namespace Wallet.Tests.Claims;

/// <summary>
/// On PostgreSQL, claims outlive their host: a claim opened and paid by the fund, and a chargeback decided, on one host;
/// on a new host over the same database the evidence is the same, the decisions sent again answer as before and move
/// nothing, the fund's register and the books agree, and the security fund's endowment is not made twice.
/// </summary>
[Collection(TopologyCollection.Name)]
public sealed class ClaimsRestartApiTests
{
    [Trait("Speed", "Slow")]
    [Fact]
    public async Task Decisions_pay_once_and_evidence_stays_across_a_restart()
    {
        var settings = PostgresServer.Settings(await PostgresServer.CreateDatabase());
        settings["Wallet:Auth:SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)); // the host after the restart takes the same tokens
        string claimId, chargebackClaim, evidence, wallet, payerWallet, customerToken, operatorToken;
        long fundBalance, fundPaid;
        await using (var api = ApiFixture.With(settings))
        {
            await api.InitializeAsync();
            var op = await Operator.SignIn(api);
            (var alice, wallet, claimId, _) = await ClaimedTransfer(api, 4_200);
            await Json(await Decide(op, claimId, new { outcome = "upheld_fund" }, "pg-1"), HttpStatusCode.OK);
            var merchant = await ApiMerchant.Onboard(api);
            var (payer, paidFrom, paymentId) = await merchant.PaidBy(api, 1_800);
            payerWallet = paidFrom;
            chargebackClaim = (await Json(await Open(payer, payerWallet, await EntryOf(payer, payerWallet, paymentId)), HttpStatusCode.Created)).GetProperty("claimId").GetString()!;
            await Json(await Decide(op, chargebackClaim, new { outcome = "upheld_chargeback" }), HttpStatusCode.OK);
            evidence = (await Json(await op.GetAsync($"/v1/ops/claims/{claimId}"), HttpStatusCode.OK)).GetProperty("evidence").GetRawText();
            var fund = await Fund(op);
            (fundBalance, fundPaid) = (fund.GetProperty("balance").GetInt64(), fund.GetProperty("paid").GetInt64());
            Assert.Equal(100_000_000 - 4_200, fundBalance);
            Assert.Equal(1_000 + 4_200, await alice.Balance(wallet)); // what was left after the transfer, and the fund's payment
            customerToken = alice.Http.DefaultRequestHeaders.Authorization!.Parameter!;
            operatorToken = op.DefaultRequestHeaders.Authorization!.Parameter!;
            Assert.Equal(1_800, await payer.Balance(payerWallet));
        }

        await using (var restarted = ApiFixture.With(settings))
        {
            await restarted.InitializeAsync();
            var op = restarted.CreateClient();
            op.DefaultRequestHeaders.Authorization = new("Bearer", operatorToken);
            var customer = restarted.CreateClient();
            customer.DefaultRequestHeaders.Authorization = new("Bearer", customerToken);

            Assert.Equal(evidence, (await Json(await op.GetAsync($"/v1/ops/claims/{claimId}"), HttpStatusCode.OK)).GetProperty("evidence").GetRawText());
            var again = await Decide(op, claimId, new { outcome = "upheld_fund" }, "pg-1");
            await Json(again, HttpStatusCode.OK);
            Assert.True(again.Headers.Contains("Idempotent-Replayed"));
            var chargebackAgain = await Decide(op, chargebackClaim, new { outcome = "upheld_chargeback" });
            await Json(chargebackAgain, HttpStatusCode.OK);
            Assert.True(chargebackAgain.Headers.Contains("Idempotent-Replayed"));
            await Problem(await Decide(op, claimId, new { outcome = "rejected", reason = "late" }), HttpStatusCode.Conflict, "claim_already_decided");

            Assert.Equal(1_000 + 4_200, (await Json(await customer.GetAsync($"/v1/wallets/{wallet}"), HttpStatusCode.OK)).GetProperty("balance").GetInt64());
            var fund = await Fund(op);
            Assert.Equal((fundBalance, fundPaid), (fund.GetProperty("balance").GetInt64(), fund.GetProperty("paid").GetInt64())); // nor endowed twice
            await Books.AssertBalanced(restarted, wallet, payerWallet);
            await Operator.AssertBooksBalance(op);
        }
    }
}
