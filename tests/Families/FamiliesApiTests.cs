using System.Net;
using System.Net.Http.Json;
using Wallet.Tests.Infrastructure;
using static Wallet.Tests.Infrastructure.ApiCustomer;

namespace Wallet.Tests.Families;

/// <summary>
/// A family through HTTP: a parent creates it and invites a child by phone, opens a sub-wallet with rules and tops it up;
/// the child pays a merchant from it with their own PIN until a rule says no; the parent sees it, and takes back what is left.
/// Bad requests are problems naming the field, and move nothing.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class FamiliesApiTests(ApiFixture api)
{
    [Fact]
    public async Task A_parent_funds_a_childs_sub_wallet_the_child_pays_within_its_rules_and_the_parent_takes_back_the_rest()
    {
        var (parent, child) = (await Register(api), await Register(api));
        var parentWallet = await parent.FundedWallet(50_000);
        var family = await Json(await parent.Post("/v1/families", new { name = "The Wangs" }, "wangs"), HttpStatusCode.Created);
        var familyId = family.GetProperty("familyId").GetString()!;
        var invitation = await Json(await parent.Post($"/v1/families/{familyId}/invitations", new { phone = child.Phone, role = "member" }), HttpStatusCode.Created);
        var waiting = await Json(await child.Http.GetAsync("/v1/family-invitations"), HttpStatusCode.OK);
        Assert.Equal(invitation.GetProperty("invitationId").GetString(), waiting.GetProperty("items")[0].GetProperty("invitationId").GetString());
        var accepted = await Json(await child.Post($"/v1/families/{familyId}/invitations/{invitation.GetProperty("invitationId").GetString()}/accept", new { }), HttpStatusCode.OK);
        Assert.Equal("accepted", accepted.GetProperty("status").GetString());

        var opened = await Json(await parent.Post($"/v1/families/{familyId}/sub-wallets", new
        {
            memberId = child.Id, currency = "CNY", rules = new { perPaymentLimit = 2_000, dailyLimit = 3_000, allowedCategories = new[] { "groceries", "dining" } },
        }, "pocket-money"), HttpStatusCode.Created);
        var subWalletId = opened.GetProperty("subWalletId").GetString()!;
        var subWallet = opened.GetProperty("walletId").GetString()!;
        Assert.Equal((2_000L, "each_payment"), (opened.GetProperty("rules").GetProperty("perPaymentLimit").GetInt64(), opened.GetProperty("rules").GetProperty("notices").GetString()));
        var topUp = await Json(await parent.Post($"/v1/sub-wallets/{subWalletId}/top-ups", new { fromWalletId = parentWallet, amount = 10_000, pin = TestData.Pin }, "allowance"), HttpStatusCode.Created);
        var replay = await parent.Post($"/v1/sub-wallets/{subWalletId}/top-ups", new { fromWalletId = parentWallet, amount = 10_000, pin = TestData.Pin }, "allowance");
        Assert.Equal(topUp.GetProperty("movementId").GetString(), (await Json(replay, HttpStatusCode.Created)).GetProperty("movementId").GetString());
        Assert.Equal("true", replay.Headers.GetValues("Idempotent-Replayed").Single());

        var mine = (await Json(await child.Http.GetAsync("/v1/wallets"), HttpStatusCode.OK)).GetProperty("items").EnumerateArray().Single(w => w.GetProperty("walletId").GetString() == subWallet);
        Assert.Equal((subWalletId, 10_000L), (mine.GetProperty("subWalletId").GetString(), mine.GetProperty("balance").GetInt64()));
        var grocer = await ApiMerchant.Onboard(api, name: "Fresh Market", category: "5411");
        var gadgets = await ApiMerchant.Onboard(api, name: "Gadget World", category: "5732");
        var grocerCode = await StaticCode(grocer);
        await Json(await child.Post("/v1/payments", new { qrPayload = grocerCode, fromWalletId = subWallet, amount = 1_500, pin = TestData.Pin }, "apples"), HttpStatusCode.Created);
        var single = await Problem(await child.Post("/v1/payments", new { qrPayload = grocerCode, fromWalletId = subWallet, amount = 2_001, pin = TestData.Pin }, "melon"),
            HttpStatusCode.UnprocessableEntity, "limit_exceeded");
        Assert.Equal(("sub_wallet_per_payment", 2_000L), (single.GetProperty("limit").GetString(), single.GetProperty("limitAmount").GetInt64()));
        var daily = await Problem(await child.Post("/v1/payments", new { qrPayload = grocerCode, fromWalletId = subWallet, amount = 1_501, pin = TestData.Pin }, "bread"),
            HttpStatusCode.UnprocessableEntity, "limit_exceeded");
        Assert.Equal(("sub_wallet_daily", 1_500L), (daily.GetProperty("limit").GetString(), daily.GetProperty("limitRemaining").GetInt64()));
        await Problem(await child.Post("/v1/payments", new { qrPayload = await StaticCode(gadgets), fromWalletId = subWallet, amount = 100, pin = TestData.Pin }, "game"),
            HttpStatusCode.UnprocessableEntity, "category_not_allowed");
        await Problem(await child.Post("/v1/transfers", child.TransferBody(subWallet, parentWallet, 100), "to-dad"), HttpStatusCode.UnprocessableEntity, "not_for_sub_wallet");

        var seen = await Json(await parent.Http.GetAsync($"/v1/sub-wallets/{subWalletId}"), HttpStatusCode.OK);
        Assert.Equal((8_500L, 1_500L, 1), (seen.GetProperty("balance").GetInt64(), seen.GetProperty("spentToday").GetInt64(), seen.GetProperty("recentPayments").GetArrayLength()));
        await Problem(await child.Post($"/v1/sub-wallets/{subWalletId}/take-backs", new { toWalletId = await child.OpenWallet() }, "mine"), HttpStatusCode.Forbidden, "family_role_required");
        var back = await Json(await parent.Post($"/v1/sub-wallets/{subWalletId}/take-backs", new { toWalletId = parentWallet }, "back"), HttpStatusCode.Created);
        Assert.Equal((8_500L, subWallet, parentWallet), (back.GetProperty("amount").GetInt64(), back.GetProperty("from").GetProperty("walletId").GetString(), back.GetProperty("to").GetProperty("walletId").GetString()));

        Assert.Equal((48_500L, 0L), (await parent.Balance(parentWallet), await child.Balance(subWallet)));
        await Books.AssertBalanced(api, parentWallet, subWallet, grocer.SettlementWalletId);
    }

    [Fact]
    public async Task A_payment_over_the_threshold_waits_for_the_parent_who_approves_it_and_a_payment_code_over_it_is_refused()
    {
        var (parent, child) = (await Register(api), await Register(api));
        var parentWallet = await parent.FundedWallet(50_000);
        var familyId = (await Json(await parent.Post("/v1/families", new { name = "The Zhous" }), HttpStatusCode.Created)).GetProperty("familyId").GetString()!;
        var invitation = (await Json(await parent.Post($"/v1/families/{familyId}/invitations", new { phone = child.Phone, role = "member" }), HttpStatusCode.Created)).GetProperty("invitationId").GetString()!;
        await Json(await child.Post($"/v1/families/{familyId}/invitations/{invitation}/accept", new { }), HttpStatusCode.OK);
        var opened = await Json(await parent.Post($"/v1/families/{familyId}/sub-wallets", new { memberId = child.Id, currency = "CNY", rules = new { approvalAbove = 1_000 } }, "sw"), HttpStatusCode.Created);
        var (subWalletId, subWallet) = (opened.GetProperty("subWalletId").GetString()!, opened.GetProperty("walletId").GetString()!);
        await Json(await parent.Post($"/v1/sub-wallets/{subWalletId}/top-ups", new { fromWalletId = parentWallet, amount = 10_000, pin = TestData.Pin }, "fund"), HttpStatusCode.Created);
        var shop = await ApiMerchant.Onboard(api, name: "Book Shop", category: "5942");

        var waiting = await Json(await child.Post("/v1/payments", new { qrPayload = await StaticCode(shop), fromWalletId = subWallet, amount = 2_000, pin = TestData.Pin }, "books"), HttpStatusCode.Accepted);
        Assert.Equal("awaiting_approval", waiting.GetProperty("status").GetString());
        var paymentId = waiting.GetProperty("paymentId").GetString()!;
        var listed = await Json(await child.Http.GetAsync($"/v1/sub-wallets/{subWalletId}/approvals"), HttpStatusCode.OK);
        Assert.Equal(paymentId, listed.GetProperty("items")[0].GetProperty("paymentId").GetString());
        await Problem(await child.Post($"/v1/sub-wallets/{subWalletId}/approvals/{paymentId}/approve", new { }), HttpStatusCode.Forbidden, "family_role_required");
        var approved = await Json(await parent.Post($"/v1/sub-wallets/{subWalletId}/approvals/{paymentId}/approve", new { }), HttpStatusCode.OK);
        Assert.Equal(("completed", parent.Id), (approved.GetProperty("status").GetString(), approved.GetProperty("answeredBy").GetString()));
        await Problem(await parent.Post($"/v1/sub-wallets/{subWalletId}/approvals/{paymentId}/decline", new { }), HttpStatusCode.Conflict, "not_pending");
        Assert.Equal("completed", (await Json(await child.Http.GetAsync($"/v1/payments/{paymentId}"), HttpStatusCode.OK)).GetProperty("status").GetString());

        var code = await child.PaymentCode(subWallet);
        await Problem(await shop.Send(HttpMethod.Post, "/v1/merchant/charges", System.Text.Json.JsonSerializer.Serialize(new { paymentCode = code, amount = 1_500, currency = "CNY", orderId = "B-1" })),
            HttpStatusCode.UnprocessableEntity, "approval_required");

        Assert.Equal((8_000L, 2_000L), (await child.Balance(subWallet), await shop.Balance()));
        await Books.AssertBalanced(api, parentWallet, subWallet, shop.SettlementWalletId);
    }

    [Fact]
    public async Task Bad_family_and_sub_wallet_requests_name_the_field_and_change_nothing()
    {
        var (parent, child) = (await Register(api), await Register(api));
        var parentWallet = await parent.FundedWallet(5_000);
        await Problem(await parent.Post("/v1/families", new { name = "" }), HttpStatusCode.BadRequest, "validation_failed");
        await Problem(await parent.Post("/v1/families", new { name = "Wang\u202Efamily" }), HttpStatusCode.BadRequest, "invalid_text");
        var familyId = (await Json(await parent.Post("/v1/families", new { name = "The Wangs" }), HttpStatusCode.Created)).GetProperty("familyId").GetString()!;
        AssertField(await Problem(await parent.Post($"/v1/families/{familyId}/invitations", new { phone = "12345", role = "member" }), HttpStatusCode.BadRequest, "validation_failed"), "phone");
        AssertField(await Problem(await parent.Post($"/v1/families/{familyId}/invitations", new { phone = child.Phone, role = "owner" }), HttpStatusCode.BadRequest, "validation_failed"), "role");
        await Problem(await parent.Post($"/v1/families/{familyId}/invitations", new { phone = TestData.Phone(), role = "member" }), HttpStatusCode.UnprocessableEntity, "recipient_not_found");
        var invitation = (await Json(await parent.Post($"/v1/families/{familyId}/invitations", new { phone = child.Phone, role = "member" }), HttpStatusCode.Created)).GetProperty("invitationId").GetString()!;
        await Problem(await parent.Post($"/v1/families/{familyId}/invitations", new { phone = child.Phone, role = "member" }), HttpStatusCode.Conflict, "already_in_family");
        await Json(await child.Post($"/v1/families/{familyId}/invitations/{invitation}/accept", new { }), HttpStatusCode.OK);
        await Problem(await child.Post($"/v1/families/{familyId}/invitations/{invitation}/decline", new { }), HttpStatusCode.Conflict, "not_pending");
        await Problem(await parent.Post($"/v1/families/{familyId}/leave", new { }), HttpStatusCode.Conflict, "owner_cannot_leave");

        var path = $"/v1/families/{familyId}/sub-wallets";
        AssertField(await Problem(await parent.Post(path, new { memberId = child.Id, currency = "CNY", rules = new { dailyLimit = 0 } }, "a"), HttpStatusCode.BadRequest, "validation_failed"), "rules.dailyLimit");
        AssertField(await Problem(await parent.Post(path, new { memberId = child.Id, currency = "CNY", rules = new { paysFrom = "25:00" } }, "b"), HttpStatusCode.BadRequest, "validation_failed"), "rules.paysFrom");
        AssertField(await Problem(await parent.Post(path, new { memberId = child.Id, currency = "CNY", rules = new { paysFrom = "08:00", paysUntil = "08:00" } }, "c"), HttpStatusCode.BadRequest, "validation_failed"), "rules.paysUntil");
        AssertField(await Problem(await parent.Post(path, new { memberId = child.Id, currency = "CNY", rules = new { allowedCategories = new[] { "transfers" } } }, "d"), HttpStatusCode.BadRequest, "validation_failed"), "rules.allowedCategories");
        AssertField(await Problem(await parent.Post(path, new { memberId = child.Id, currency = "CNY", rules = new { blockedMerchants = new[] { "mch 1" } } }, "e"), HttpStatusCode.BadRequest, "validation_failed"), "rules.blockedMerchants");
        await Problem(await parent.Post(path, new { memberId = child.Id, currency = "CNY", rules = new { notices = "hourly" } }, "f"), HttpStatusCode.BadRequest, "validation_failed");
        await Problem(await parent.Post(path, new { memberId = child.Id, currency = "CNY", rules = new { endDate = "2020-01-01" } }, "g"), HttpStatusCode.BadRequest, "validation_failed");
        await Problem(await parent.Post(path, new { memberId = child.Id, currency = "CNY" }), HttpStatusCode.BadRequest, "idempotency_key_required");
        await Problem(await parent.Post(path, new { memberId = parent.Id, currency = "CNY" }, "self"), HttpStatusCode.NotFound, "not_found");
        await Problem(await child.Post(path, new { memberId = parent.Id, currency = "CNY" }, "child"), HttpStatusCode.Forbidden, "family_role_required");
        var subWalletId = (await Json(await parent.Post(path, new { memberId = child.Id, currency = "CNY" }, "ok"), HttpStatusCode.Created)).GetProperty("subWalletId").GetString()!;
        await Problem(await parent.Post(path, new { memberId = child.Id, currency = "USD" }, "ok"), HttpStatusCode.UnprocessableEntity, "idempotency_key_reused");

        var topUps = $"/v1/sub-wallets/{subWalletId}/top-ups";
        AssertField(await Problem(await parent.Post(topUps, new { fromWalletId = parentWallet, amount = 0, pin = TestData.Pin }, "t1"), HttpStatusCode.BadRequest, "validation_failed"), "amount");
        await Problem(await parent.Post(topUps, new { fromWalletId = parentWallet, amount = 100 }, "t2"), HttpStatusCode.BadRequest, "validation_failed");
        await Problem(await parent.Post(topUps, new { fromWalletId = parentWallet, amount = 100, pin = "000000" }, "t3"), HttpStatusCode.Forbidden, "invalid_pin");
        await Problem(await parent.Post(topUps, new { fromWalletId = parentWallet, amount = 9_000, pin = TestData.Pin }, "t4"), HttpStatusCode.UnprocessableEntity, "insufficient_funds");
        await Problem(await parent.Post($"/v1/sub-wallets/{subWalletId}/take-backs", new { toWalletId = parentWallet }, "t5"), HttpStatusCode.Conflict, "nothing_to_take_back");
        AssertField(await Problem(await parent.Http.PutAsJsonAsync($"/v1/sub-wallets/{subWalletId}/rules", new { perPaymentLimit = -5 }), HttpStatusCode.BadRequest, "validation_failed"), "perPaymentLimit");

        Assert.Equal(5_000, await parent.Balance(parentWallet));
        await Books.AssertBalanced(api, parentWallet);
    }

    private static async Task<string> StaticCode(ApiMerchant merchant)
        => (await Json(await merchant.Send(HttpMethod.Post, "/v1/merchant/qr-codes", """{"currency":"CNY"}"""), HttpStatusCode.Created)).GetProperty("payload").GetString()!;

    private static void AssertField(System.Text.Json.JsonElement problem, string field)
        => Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"the problem names {field}: {problem}");
}
