using System.Net;
using System.Net.Http.Json;
using Wallet.Tests.Infrastructure;
using static Wallet.Tests.Infrastructure.ApiCustomer;

namespace Wallet.Tests.Movements;

/// <summary>
/// Each movement workflow is its own grain, named by an id whose prefix says its workflow: an idempotency key is scoped
/// to its operation, and an id is found only where its workflow is retrieved (anywhere else it is not found, like any unknown id).
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class WorkflowIdsApiTests(ApiFixture api)
{
    [Fact]
    public async Task One_key_sent_to_a_top_up_and_a_transfer_makes_two_movements_each_replayed_under_its_own_operation()
    {
        var alice = await Register(api);
        var bob = await Register(api);
        var (wallet, bobWallet, card) = (await alice.OpenWallet(), await bob.OpenWallet(), await alice.BindVerifiedCard());

        var topUp = await Json(await alice.Post($"/v1/wallets/{wallet}/top-ups", new { cardId = card, amount = 5_000, currency = "CNY" }, "same-key"), HttpStatusCode.Created);
        var transfer = new { fromWalletId = wallet, to = new { walletId = bobWallet }, amount = 1_200, currency = "CNY", pin = TestData.Pin };
        var sent = await Json(await alice.Post("/v1/transfers", transfer, "same-key"), HttpStatusCode.Created);
        var replayed = await alice.Post("/v1/transfers", transfer, "same-key");

        var (topUpId, transferId) = (topUp.GetProperty("topUpId").GetString()!, sent.GetProperty("transferId").GetString()!);
        Assert.Equal(("tu_", "tr_"), (topUpId[..3], transferId[..3]));
        Assert.Equal(transferId, (await Json(replayed, HttpStatusCode.Created)).GetProperty("transferId").GetString());
        Assert.Equal("true", replayed.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal((3_800L, 1_200L), (await alice.Balance(wallet), await bob.Balance(bobWallet)));
        await Books.AssertBalanced(api, wallet, bobWallet);
    }

    [Fact]
    public async Task A_movement_id_is_not_found_on_another_workflows_route()
    {
        var ops = await Operator.SignIn(api);
        var alice = await Register(api);
        var bob = await Register(api);
        var wallet = await alice.FundedWallet(10_000);
        var bobWallet = await bob.OpenWallet();
        var sent = await Json(await alice.Post("/v1/transfers", new { fromWalletId = wallet, to = new { walletId = bobWallet }, amount = 700, currency = "CNY", pin = TestData.Pin }, "t"),
            HttpStatusCode.Created);
        var transferId = sent.GetProperty("transferId").GetString()!;
        var topUpId = (await Json(await alice.Http.GetAsync($"/v1/wallets/{wallet}/transactions?kind=top_up"), HttpStatusCode.OK)).GetProperty("items")[0].GetProperty("movementId").GetString()!;

        await Json(await alice.Http.GetAsync($"/v1/transfers/{transferId}"), HttpStatusCode.OK);
        await Problem(await alice.Http.GetAsync($"/v1/transfers/{topUpId}"), HttpStatusCode.NotFound, "not_found");
        await Problem(await alice.Http.GetAsync($"/v1/payments/{transferId}"), HttpStatusCode.NotFound, "not_found");
        await Problem(await alice.Http.GetAsync($"/v1/wallets/{wallet}/withdrawals/{transferId}"), HttpStatusCode.NotFound, "not_found");
        await Problem(await alice.Post($"/v1/payments/{transferId}/confirm", new { pin = TestData.Pin }), HttpStatusCode.NotFound, "not_found");
        await Problem(await ops.PostAsync($"/v1/ops/risk/movements/{topUpId}/release", null), HttpStatusCode.NotFound, "not_found"); // a top-up is never held
        await Problem(await ops.PostAsJsonAsync($"/v1/ops/risk/movements/{transferId}/reject", new { note = "not held" }), HttpStatusCode.Conflict, "not_pending");

        Assert.Equal((9_300L, 700L), (await alice.Balance(wallet), await bob.Balance(bobWallet))); // nothing moved
        await Books.AssertBalanced(api, wallet, bobWallet);
    }
}
