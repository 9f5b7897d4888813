using System.Net;
using Microsoft.Extensions.DependencyInjection;
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
        var settings = new Dictionary<string, string?>(TestSettings.Values) { ["Wallet:Claims:FundEndowment"] = "0" }; // a bank whose fund starts empty
        await using var api = ApiFixture.OnBankClock(clock, settings);
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

    [Fact]
    public async Task Provisional_credit_is_paid_once_after_five_days_and_a_rejection_takes_it_back_only_if_the_wallet_holds_it()
    {
        var clock = new SettableClock(DateTimeOffset.UtcNow);
        await using var api = ApiFixture.OnBankClock(clock);
        await api.InitializeAsync();
        var grains = api.Services.GetRequiredService<IGrainFactory>();
        var alice = await Register(api);
        var wallet = await alice.FundedWallet(10_000);
        var bob = await Register(api);
        var bobWallet = await bob.OpenWallet();
        async Task<string> Claimed(long amount, string key, bool pinShared = false)
        {
            var transfer = (await Json(await alice.Post("/v1/transfers", alice.TransferBody(wallet, bobWallet, amount), key), HttpStatusCode.Created)).GetProperty("transferId").GetString()!;
            return (await Json(await Open(alice, wallet, await EntryOf(alice, wallet, transfer), pinShared, clock.GetUtcNow()), HttpStatusCode.Created)).GetProperty("claimId").GetString()!;
        }
        var rejected = await Claimed(1_000, "a");
        var spent = await Claimed(2_000, "b");
        var upheld = await Claimed(3_000, "c");
        var shared = await Claimed(500, "d", pinShared: true); // the fund may not pay it: no provisional credit
        Assert.Equal(3_500, await alice.Balance(wallet));

        // Four days: nothing yet. Six days: the fund pays each qualifying claim once, however often the reminder ticks.
        clock.Set(clock.GetUtcNow().AddDays(4));
        await grains.GetGrain<Wallet.Claims.IClaimGrain>(rejected).FollowUp();
        Assert.Equal(3_500, await alice.Balance(wallet));
        clock.Set(clock.GetUtcNow().AddDays(2));
        foreach (var claim in new[] { rejected, spent, upheld, shared, rejected, spent, upheld, shared })
        {
            await grains.GetGrain<Wallet.Claims.IClaimGrain>(claim).FollowUp();
        }
        Assert.Equal(3_500 + 1_000 + 2_000 + 3_000, await alice.Balance(wallet));
        alice = new ApiCustomer(alice.Id, alice.Phone, await Operator.SignIn(api.CreateClient(), alice.Phone, TestData.Password)); // sessions end on the bank's clock
        var op = await Operator.SignIn(api);
        var provisional = (await Json(await alice.Http.GetAsync($"/v1/claims/{upheld}"), HttpStatusCode.OK)).GetProperty("provisional");
        Assert.Equal(3_000, provisional.GetProperty("amount").GetInt64());

        // Upheld: the provisional credit was the payment; nothing more moves. Rejected: taken back. Spent meanwhile: kept, and said so.
        var decided = await Json(await Decide(op, upheld, new { outcome = "upheld_fund" }), HttpStatusCode.OK);
        Assert.Equal(provisional.GetProperty("movementId").GetString(), decided.GetProperty("claim").GetProperty("decision").GetProperty("movementId").GetString());
        await Json(await Decide(op, rejected, new { outcome = "rejected", reason = "The transfer was made from the customer's own phone." }), HttpStatusCode.OK);
        await Json(await alice.Post("/v1/transfers", alice.TransferBody(wallet, bobWallet, 8_000), "spend"), HttpStatusCode.Created);
        var kept = await Json(await Decide(op, spent, new { outcome = "rejected", reason = "Same device as always." }), HttpStatusCode.OK);
        Assert.Equal("insufficient_funds", kept.GetProperty("claim").GetProperty("provisional").GetProperty("reversalRefusal").GetString());
        Assert.Equal(3_500 + 1_000 + 2_000 + 3_000 - 1_000 - 8_000, await alice.Balance(wallet));
        var reversed = (await Json(await alice.Http.GetAsync($"/v1/claims/{rejected}"), HttpStatusCode.OK)).GetProperty("provisional");
        Assert.StartsWith("cp_", reversed.GetProperty("reversalMovementId").GetString());
        var fund = await Fund(op);
        Assert.Equal((1_000L + 2_000 + 3_000 - 1_000, 3), (fund.GetProperty("paid").GetInt64(), fund.GetProperty("paymentCount").GetInt32()));
        await Books.AssertBalanced(api, wallet, bobWallet);
        await Operator.AssertBooksBalance(op);
    }
}
