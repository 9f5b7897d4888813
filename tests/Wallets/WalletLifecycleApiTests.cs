using System.Net;
using System.Net.Http.Json;
using Wallet.Tests.Infrastructure;
using static Wallet.Tests.Infrastructure.ApiCustomer;

namespace Wallet.Tests.Wallets;

/// <summary>Freeze and unfreeze, the bank's receive-only hold, and closing a wallet for good.</summary>
[Collection(ApiCollection.Name)]
public sealed class WalletLifecycleApiTests(ApiFixture api)
{
    [Fact]
    public async Task A_frozen_wallet_receives_but_sends_nothing_until_unfrozen_with_the_pin_and_a_texted_code()
    {
        var alice = await Register(api);
        var bob = await Register(api);
        var wallet = await alice.FundedWallet(10_000);
        var card = await alice.BindVerifiedCard();
        var bobs = await bob.FundedWallet(5_000);

        var frozen = await Json(await alice.Http.PostAsync($"/v1/wallets/{wallet}/freeze", null), HttpStatusCode.OK);
        Assert.Equal("frozen", frozen.GetProperty("status").GetString());

        await Problem(await alice.Post("/v1/transfers", alice.TransferBody(wallet, bobs, 100), "out"), HttpStatusCode.Conflict, "wallet_frozen");
        await Problem(await alice.Post($"/v1/wallets/{wallet}/withdrawals", new { cardId = card, amount = 100, currency = "CNY", pin = TestData.Pin }, "w"),
            HttpStatusCode.Conflict, "wallet_frozen");
        await Json(await bob.Post("/v1/transfers", bob.TransferBody(bobs, wallet, 500), "in"), HttpStatusCode.Created);

        Assert.Equal(HttpStatusCode.Accepted, (await alice.Http.PostAsync($"/v1/wallets/{wallet}/unfreeze-codes", null)).StatusCode);
        var code = await alice.LatestSmsCode();
        await Problem(await alice.Post($"/v1/wallets/{wallet}/unfreeze", new { pin = "000000", code }), HttpStatusCode.Forbidden, "invalid_pin");
        await Problem(await alice.Post($"/v1/wallets/{wallet}/unfreeze", new { pin = TestData.Pin, code = code == "000000" ? "000001" : "000000" }),
            HttpStatusCode.UnprocessableEntity, "invalid_verification_code");
        Assert.Equal("frozen", (await Json(await alice.Http.GetAsync($"/v1/wallets/{wallet}"), HttpStatusCode.OK)).GetProperty("status").GetString());

        var unfrozen = await Json(await alice.Post($"/v1/wallets/{wallet}/unfreeze", new { pin = TestData.Pin, code }), HttpStatusCode.OK);
        Assert.Equal("active", unfrozen.GetProperty("status").GetString());
        await Json(await alice.Post("/v1/transfers", alice.TransferBody(wallet, bobs, 100), "out-again"), HttpStatusCode.Created);

        Assert.Equal((10_400L, 4_600L), (await alice.Balance(wallet), await bob.Balance(bobs)));
        await Books.AssertBalanced(api, wallet, bobs);
    }

    [Fact]
    public async Task A_receive_only_hold_is_the_banks_to_lift_and_the_owner_cannot()
    {
        var alice = await Register(api);
        var bob = await Register(api);
        var wallet = await alice.FundedWallet(10_000);
        var bobs = await bob.FundedWallet(5_000);
        var ops = await Operator.SignIn(api);

        await Problem(await alice.Http.PutAsJsonAsync($"/v1/ops/wallets/{wallet}/status", new { status = "active", reason = "me" }), HttpStatusCode.Forbidden, "forbidden");
        var held = await Json(await ops.PutAsJsonAsync($"/v1/ops/wallets/{wallet}/status", new { status = "receive_only", reason = "mule pattern review" }), HttpStatusCode.OK);
        Assert.Equal("receive_only", held.GetProperty("status").GetString());

        await Problem(await alice.Post("/v1/transfers", alice.TransferBody(wallet, bobs, 100), "out"), HttpStatusCode.Conflict, "wallet_receive_only");
        await Json(await bob.Post("/v1/transfers", bob.TransferBody(bobs, wallet, 500), "in"), HttpStatusCode.Created);
        await alice.Http.PostAsync($"/v1/wallets/{wallet}/unfreeze-codes", null);
        await Problem(await alice.Post($"/v1/wallets/{wallet}/unfreeze", new { pin = TestData.Pin, code = await alice.LatestSmsCode() }), HttpStatusCode.Conflict, "wallet_not_frozen");

        await Json(await ops.PutAsJsonAsync($"/v1/ops/wallets/{wallet}/status", new { status = "active", reason = "review cleared" }), HttpStatusCode.OK);
        await Json(await alice.Post("/v1/transfers", alice.TransferBody(wallet, bobs, 100), "out-after"), HttpStatusCode.Created);
        await Problem(await ops.PutAsJsonAsync($"/v1/ops/wallets/{wallet}/status", new { status = "closed", reason = "x" }), HttpStatusCode.BadRequest, "validation_failed");
        await Problem(await ops.PutAsJsonAsync("/v1/ops/wallets/wal_nobody/status", new { status = "frozen", reason = "x" }), HttpStatusCode.NotFound, "not_found");
        Assert.Equal((10_400L, 4_600L), (await alice.Balance(wallet), await bob.Balance(bobs)));
        await Books.AssertBalanced(api, wallet, bobs);
    }

    [Fact]
    public async Task Only_an_empty_wallet_closes_and_closed_is_final()
    {
        var alice = await Register(api);
        var bob = await Register(api);
        var wallet = await alice.FundedWallet(1_000);
        var bobs = await bob.OpenWallet();

        await Problem(await alice.Http.DeleteAsync($"/v1/wallets/{wallet}"), HttpStatusCode.Conflict, "wallet_not_empty");
        Assert.Equal("active", (await Json(await alice.Http.GetAsync($"/v1/wallets/{wallet}"), HttpStatusCode.OK)).GetProperty("status").GetString());
        await Json(await alice.Post("/v1/transfers", alice.TransferBody(wallet, bobs, 1_000), "empty-it"), HttpStatusCode.Created);

        var closed = await Json(await alice.Http.DeleteAsync($"/v1/wallets/{wallet}"), HttpStatusCode.OK);
        Assert.Equal("closed", closed.GetProperty("status").GetString());

        await Problem(await bob.Post("/v1/transfers", bob.TransferBody(bobs, wallet, 100), "to-closed"), HttpStatusCode.Conflict, "wallet_closed");
        await Problem(await alice.Http.PostAsync($"/v1/wallets/{wallet}/freeze", null), HttpStatusCode.Conflict, "wallet_closed");
        await Problem(await bob.Http.DeleteAsync($"/v1/wallets/{wallet}"), HttpStatusCode.NotFound, "not_found");
        Assert.Equal((0L, 1_000L), (await alice.Balance(wallet), await bob.Balance(bobs)));
        await Books.AssertBalanced(api, wallet, bobs);
    }

    [Fact]
    public async Task Nobody_else_freezes_unfreezes_or_closes_a_wallet()
    {
        var alice = await Register(api);
        var mallory = await Register(api);
        var wallet = await alice.FundedWallet(1_000);

        await Problem(await mallory.Http.PostAsync($"/v1/wallets/{wallet}/freeze", null), HttpStatusCode.NotFound, "not_found");
        await Problem(await mallory.Http.PostAsync($"/v1/wallets/{wallet}/unfreeze-codes", null), HttpStatusCode.NotFound, "not_found");
        await Problem(await mallory.Post($"/v1/wallets/{wallet}/unfreeze", new { pin = TestData.Pin, code = "123456" }), HttpStatusCode.NotFound, "not_found");
        await Problem(await mallory.Http.DeleteAsync($"/v1/wallets/{wallet}"), HttpStatusCode.NotFound, "not_found");
        await Problem(await alice.Post($"/v1/wallets/{wallet}/unfreeze", new { pin = "12", code = "x" }), HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal("active", (await Json(await alice.Http.GetAsync($"/v1/wallets/{wallet}"), HttpStatusCode.OK)).GetProperty("status").GetString());
    }
}
