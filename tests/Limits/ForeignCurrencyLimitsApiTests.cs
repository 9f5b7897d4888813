using System.Net;
using System.Text.Json;
using Wallet.Tests.Infrastructure;
using static Wallet.Tests.Infrastructure.ApiCustomer;

namespace Wallet.Tests.Limits;

/// <summary>A wallet in another currency is held to its owner's tier limits like a CNY one, at the reference rate.</summary>
[Collection(ApiCollection.Name)]
public sealed class ForeignCurrencyLimitsApiTests(ApiFixture api)
{
    [Fact]
    public async Task An_unverified_customers_usd_wallet_cannot_be_topped_up_past_the_caps_equivalent()
    {
        var alice = await Register(api);
        var wallet = await alice.OpenWallet("USD");
        var card = await alice.BindVerifiedCard();

        var refused = await Problem(await alice.Post($"/v1/wallets/{wallet}/top-ups", new { cardId = card, amount = 4_000_000, currency = "USD" }, "usd-40k"),
            HttpStatusCode.UnprocessableEntity, "balance_cap_exceeded"); // US$40,000 against a ¥10,000 cap

        Assert.Equal("balance_cap", refused.GetProperty("limit").GetString());
        Assert.Equal(0, await alice.Balance(wallet));
        var cap = (await Limits(alice, wallet)).GetProperty("balanceCap").GetInt64();
        await Problem(await alice.Post($"/v1/wallets/{wallet}/top-ups", new { cardId = card, amount = cap + 1, currency = "USD" }, "usd-cap+1"),
            HttpStatusCode.UnprocessableEntity, "balance_cap_exceeded");
        await Json(await alice.Post($"/v1/wallets/{wallet}/top-ups", new { cardId = card, amount = cap, currency = "USD" }, "usd-cap"), HttpStatusCode.Created);
        Assert.Equal(cap, await alice.Balance(wallet));
        await Books.AssertBalanced(api, wallet);
    }

    [Fact]
    public async Task A_usd_payment_over_the_single_limits_equivalent_is_a_422_and_moves_nothing()
    {
        var alice = await Register(api);
        var bob = await Register(api);
        var from = await alice.OpenWallet("USD");
        var to = await bob.OpenWallet("USD");
        await Json(await alice.Post($"/v1/wallets/{from}/top-ups", new { cardId = await alice.BindVerifiedCard(), amount = 100_000, currency = "USD" }, "usd-fund"),
            HttpStatusCode.Created);
        var limits = await Limits(alice, from);
        var single = limits.GetProperty("single").GetInt64();
        Assert.InRange(single, 1, 200_000 - 1); // ¥2,000 is fewer dollars than yuan

        var refused = await Problem(await alice.Post("/v1/transfers", Usd(from, to, single + 1), "usd-over"), HttpStatusCode.UnprocessableEntity, "limit_exceeded");

        Assert.Equal(("single", single, "USD"), (refused.GetProperty("limit").GetString(), refused.GetProperty("limitAmount").GetInt64(), refused.GetProperty("currency").GetString()));
        Assert.Equal((100_000L, 0L), (await alice.Balance(from), await bob.Balance(to)));
        await Json(await alice.Post("/v1/transfers", Usd(from, to, single), "usd-at"), HttpStatusCode.Created); // exactly at the limit passes
        Assert.Equal((100_000L - single, single), (await alice.Balance(from), await bob.Balance(to)));
        await Books.AssertBalanced(api, from, to);
    }

    private static object Usd(string from, string to, long amount)
        => new { fromWalletId = from, to = new { walletId = to }, amount, currency = "USD", pin = TestData.Pin };

    private static async Task<JsonElement> Limits(ApiCustomer customer, string walletId)
        => (await Json(await customer.Http.GetAsync($"/v1/wallets/{walletId}"), HttpStatusCode.OK)).GetProperty("limits");
}
