using System.Net;
using Wallet.Tests.Infrastructure;
using static Wallet.Tests.Claims.ClaimsApi;
using static Wallet.Tests.Infrastructure.ApiCustomer;

namespace Wallet.Tests.Claims;

/// <summary>
/// Claims on a host of their own whose bank clock the test moves: a movement older than 60 days cannot be claimed, and the
/// security fund, empty on a new bank, pays nothing until an operator deposits into it; a refused payment leaves the claim open.
/// </summary>
[Collection(TopologyCollection.Name)]
public sealed class ClaimsClockedApiTests
{
    [Fact]
    public async Task A_claim_after_60_days_is_refused_and_an_empty_fund_pays_only_after_a_deposit()
    {
        var clock = new SettableClock(DateTimeOffset.UtcNow);
        await using var api = ApiFixture.OnBankClock(clock);
        await api.InitializeAsync();
        var alice = await Register(api);
        var wallet = await alice.FundedWallet(10_000);
        var bob = await Register(api);
        var bobWallet = await bob.OpenWallet();
        var old = (await Json(await alice.Post("/v1/transfers", alice.TransferBody(wallet, bobWallet, 1_000), "old"), HttpStatusCode.Created)).GetProperty("transferId").GetString()!;

        clock.Set(clock.GetUtcNow().AddDays(61));
        alice = new ApiCustomer(alice.Id, alice.Phone, await Operator.SignIn(api.CreateClient(), alice.Phone, TestData.Password)); // sessions end on the bank's clock
        var op = await Operator.SignIn(api);
        var recent = (await Json(await alice.Post("/v1/transfers", alice.TransferBody(wallet, bobWallet, 2_000), "recent"), HttpStatusCode.Created)).GetProperty("transferId").GetString()!;
        await Problem(await Open(alice, wallet, await EntryOf(alice, wallet, old), noticedAt: clock.GetUtcNow()), HttpStatusCode.UnprocessableEntity, "claim_window_passed");
        var claimId = (await Json(await Open(alice, wallet, await EntryOf(alice, wallet, recent), noticedAt: clock.GetUtcNow()), HttpStatusCode.Created))
            .GetProperty("claimId").GetString()!;

        Assert.Equal(0, (await Fund(op)).GetProperty("balance").GetInt64());
        await Problem(await Decide(op, claimId, new { outcome = "upheld_fund" }), HttpStatusCode.Conflict, "security_fund_short");
        Assert.Equal("open", (await Json(await alice.Http.GetAsync($"/v1/claims/{claimId}"), HttpStatusCode.OK)).GetProperty("status").GetString());
        Assert.Equal(7_000, await alice.Balance(wallet));

        await Deposit(op, 1_500);
        var partly = await Json(await Decide(op, claimId, new { outcome = "upheld_fund", amount = 1_500 }), HttpStatusCode.OK);
        Assert.Equal(1_500, partly.GetProperty("claim").GetProperty("decision").GetProperty("amount").GetInt64());
        Assert.Equal(8_500, await alice.Balance(wallet));
        var fund = await Fund(op);
        Assert.Equal((0L, 1_500L, 1_500L, 1), (fund.GetProperty("balance").GetInt64(), fund.GetProperty("deposited").GetInt64(), fund.GetProperty("paid").GetInt64(),
            fund.GetProperty("paymentCount").GetInt32()));
        await Books.AssertBalanced(api, wallet, bobWallet);
        await Operator.AssertBooksBalance(op);
    }
}
