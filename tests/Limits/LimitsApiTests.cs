using System.Net;
using System.Net.Http.Json;
using Wallet.Tests.Infrastructure;
using static Wallet.Tests.Infrastructure.ApiCustomer;

namespace Wallet.Tests.Limits;

/// <summary>Limits as the app sees them: on the wallet and the profile, in refusals, and the operator's tier changes.</summary>
[Collection(ApiCollection.Name)]
public sealed class LimitsApiTests(ApiFixture api)
{
    [Fact]
    public async Task A_wallet_shows_its_tiers_limits_and_todays_usage()
    {
        var alice = await Register(api);
        var bob = await Register(api);
        var from = await alice.FundedWallet(300_000);
        var to = await bob.OpenWallet();
        await Json(await alice.Post("/v1/transfers", alice.TransferBody(from, to, 12_345), "pay-1"), HttpStatusCode.Created);

        var wallet = await Json(await alice.Http.GetAsync($"/v1/wallets/{from}"), HttpStatusCode.OK);
        var me = await Json(await alice.Http.GetAsync("/v1/me"), HttpStatusCode.OK);

        Assert.Equal(4, wallet.GetProperty("tier").GetInt32());
        var limits = wallet.GetProperty("limits");
        Assert.Equal((1_000_000L, 200_000L, 500_000L, 5_000_000L),
            (limits.GetProperty("balanceCap").GetInt64(), limits.GetProperty("single").GetInt64(), limits.GetProperty("daily").GetInt64(), limits.GetProperty("yearly").GetInt64()));
        Assert.Equal((12_345L, 12_345L), (wallet.GetProperty("usage").GetProperty("daily").GetInt64(), wallet.GetProperty("usage").GetProperty("yearly").GetInt64()));
        Assert.Equal(200_000, me.GetProperty("limits").GetProperty("single").GetInt64());
        Assert.Equal(0, me.GetProperty("tierHistory").GetArrayLength());
        await Books.AssertBalanced(api, from, to);
    }

    [Fact]
    public async Task A_transfer_over_the_single_limit_is_a_422_naming_the_limit_and_moves_nothing()
    {
        var alice = await Register(api);
        var bob = await Register(api);
        var from = await alice.FundedWallet(300_000);
        var to = await bob.OpenWallet();

        var refused = await Problem(await alice.Post("/v1/transfers", alice.TransferBody(from, to, 200_001), "big"), HttpStatusCode.UnprocessableEntity, "limit_exceeded");
        var replay = await Problem(await alice.Post("/v1/transfers", alice.TransferBody(from, to, 200_001), "big"), HttpStatusCode.UnprocessableEntity, "limit_exceeded");

        // which limit, how much it is and how much is left under it, as fields an app can show ("at most ¥2,000.00 at once")
        Assert.Equal(("single", 200_000L, 200_000L, "CNY"), (refused.GetProperty("limit").GetString(), refused.GetProperty("limitAmount").GetInt64(),
            refused.GetProperty("limitRemaining").GetInt64(), refused.GetProperty("currency").GetString()));
        Assert.Equal(refused.GetProperty("movementId").GetString(), replay.GetProperty("movementId").GetString());
        Assert.Equal(refused.GetProperty("limitRemaining").GetInt64(), replay.GetProperty("limitRemaining").GetInt64());
        Assert.Equal((300_000L, 0L), (await alice.Balance(from), await bob.Balance(to)));
        await Books.AssertBalanced(api, from, to);
    }

    [Fact]
    public async Task A_top_up_over_the_balance_cap_is_a_422_naming_the_cap()
    {
        var alice = await Register(api);
        var wallet = await alice.FundedWallet(900_000);
        var card = await alice.BindVerifiedCard();

        var refused = await Problem(await alice.Post($"/v1/wallets/{wallet}/top-ups", new { cardId = card, amount = 100_001, currency = "CNY" }, "over"),
            HttpStatusCode.UnprocessableEntity, "balance_cap_exceeded");

        Assert.Equal("balance_cap", refused.GetProperty("limit").GetString());
        // what may still come in: the cap less what the wallet holds, less than what was asked
        Assert.Equal(refused.GetProperty("limitAmount").GetInt64() - 900_000, refused.GetProperty("limitRemaining").GetInt64());
        Assert.InRange(refused.GetProperty("limitRemaining").GetInt64(), 0, 100_000);
        Assert.Equal(900_000, await alice.Balance(wallet));
        await Books.AssertBalanced(api, wallet);
    }

    [Fact]
    public async Task An_operator_verifies_a_customer_in_person_to_tier_1_and_the_history_shows_each_change()
    {
        var alice = await Register(api);
        await Json(await alice.Post("/v1/me/verification", new { name = "韩梅梅", idNumber = TestData.IdNumber() }), HttpStatusCode.OK);
        var ops = await Operator.SignIn(api);

        var changed = await Json(await ops.PutAsJsonAsync($"/v1/ops/customers/{alice.Id}/tier", new { tier = 1, reason = "passport seen at the branch" }), HttpStatusCode.OK);
        var me = await Json(await alice.Http.GetAsync("/v1/me"), HttpStatusCode.OK);

        Assert.Equal(1, changed.GetProperty("tier").GetInt32());
        Assert.Equal(1, me.GetProperty("tier").GetInt32());
        Assert.Equal(JsonNull, me.GetProperty("limits").GetProperty("single").ValueKind);
        var history = me.GetProperty("tierHistory");
        Assert.Equal((4, 3, "real-name verified"), (history[0].GetProperty("fromTier").GetInt32(), history[0].GetProperty("toTier").GetInt32(), history[0].GetProperty("reason").GetString()));
        Assert.Equal((3, 1, "passport seen at the branch"), (history[1].GetProperty("fromTier").GetInt32(), history[1].GetProperty("toTier").GetInt32(), history[1].GetProperty("reason").GetString()));
    }

    [Theory]
    [InlineData("""{"tier":0,"reason":"x"}""", HttpStatusCode.BadRequest, "validation_failed")]
    [InlineData("""{"tier":1}""", HttpStatusCode.BadRequest, "validation_failed")]
    [InlineData("""{"tier":2,"reason":"card"}""", HttpStatusCode.BadRequest, "validation_failed")]
    [InlineData("""{"tier":1,"reason":"no real name yet"}""", HttpStatusCode.UnprocessableEntity, "real_name_required")]
    public async Task Tier_changes_the_rules_do_not_allow_are_refused_and_change_nothing(string body, HttpStatusCode status, string code)
    {
        var alice = await Register(api);
        var ops = await Operator.SignIn(api);

        await Problem(await ops.PutAsync($"/v1/ops/customers/{alice.Id}/tier", new StringContent(body, null, "application/json")), status, code);

        Assert.Equal(4, (await Json(await alice.Http.GetAsync("/v1/me"), HttpStatusCode.OK)).GetProperty("tier").GetInt32());
    }

    [Fact]
    public async Task Only_operators_change_tiers_and_an_unknown_customer_is_404()
    {
        var alice = await Register(api);
        var ops = await Operator.SignIn(api);

        await Problem(await alice.Http.PutAsJsonAsync($"/v1/ops/customers/{alice.Id}/tier", new { tier = 1, reason = "myself" }), HttpStatusCode.Forbidden, "forbidden");
        await Problem(await ops.PutAsJsonAsync("/v1/ops/customers/cus_nobody/tier", new { tier = 4, reason = "x" }), HttpStatusCode.NotFound, "not_found");
    }

    private const System.Text.Json.JsonValueKind JsonNull = System.Text.Json.JsonValueKind.Null;
}
