using System.Net;
using System.Security.Cryptography;
using Wallet.Tests.Infrastructure;
using static Wallet.Tests.Infrastructure.ApiCustomer;

namespace Wallet.Tests.RedPackets;

/// <summary>
/// One-to-one red packets through HTTP: sent by phone (201), claimed by the recipient (201) and again (200, the same share),
/// seen by its sender (every claim) and its recipient (their share), hidden from strangers; bad input refused with its code
/// and field, and nothing moved.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class RedPacketApiTests(ApiFixture api)
{
    [Fact]
    public async Task A_packet_sent_by_phone_is_claimed_once_and_a_repeat_claim_answers_the_same_share()
    {
        var alice = await Register(api);
        var wallet = await alice.FundedWallet(10_000);
        var bob = await Register(api);
        var bobWallet = await bob.OpenWallet();
        var key = Guid.NewGuid().ToString();
        var body = new { fromWalletId = wallet, recipient = new { phone = bob.Phone }, amount = 666, currency = "CNY", message = "六六大顺", pin = TestData.Pin };

        var first = await alice.Post("/v1/red-packets", body, key);
        var sent = await Json(first, HttpStatusCode.Created);
        var id = sent.GetProperty("redPacketId").GetString()!;
        Assert.StartsWith("rp_", id, StringComparison.Ordinal);
        Assert.Equal(($"/v1/red-packets/{id}", "completed", "open", "fixed", bob.Id), (first.Headers.Location?.ToString(), sent.GetProperty("status").GetString(),
            sent.GetProperty("packetStatus").GetString(), sent.GetProperty("split").GetString(), sent.GetProperty("recipientId").GetString()));
        Assert.Equal((1, 1, 666L, "六六大顺", wallet, id), (sent.GetProperty("shares").GetInt32(), sent.GetProperty("sharesLeft").GetInt32(), sent.GetProperty("total").GetInt64(),
            sent.GetProperty("message").GetString(), sent.GetProperty("from").GetProperty("walletId").GetString(), sent.GetProperty("to").GetProperty("redPacketId").GetString()));
        var replay = await alice.Post("/v1/red-packets", body, key);
        Assert.Equal(id, (await Json(replay, HttpStatusCode.Created)).GetProperty("redPacketId").GetString());
        Assert.True(replay.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(10_000 - 666, await alice.Balance(wallet));
        var entry = (await Json(await alice.Http.GetAsync($"/v1/wallets/{wallet}/transactions"), HttpStatusCode.OK)).GetProperty("items")[0];
        Assert.Equal(("red_packet", "red_packets", 666L), (entry.GetProperty("kind").GetString(), entry.GetProperty("category").GetString(), entry.GetProperty("amount").GetInt64()));

        // Bob sees it before claiming; Mallory does not learn it exists, nor may he claim it.
        var seen = await Json(await bob.Http.GetAsync($"/v1/red-packets/{id}"), HttpStatusCode.OK);
        Assert.Equal((1, System.Text.Json.JsonValueKind.Null), (seen.GetProperty("sharesLeft").GetInt32(), seen.GetProperty("yourShare").ValueKind));
        var mallory = await Register(api);
        await mallory.OpenWallet();
        await Problem(await mallory.Http.GetAsync($"/v1/red-packets/{id}"), HttpStatusCode.NotFound, "not_found");
        await Problem(await mallory.Post($"/v1/red-packets/{id}/claims", new { }), HttpStatusCode.NotFound, "not_found");
        await Problem(await alice.Post($"/v1/red-packets/{id}/claims", new { }), HttpStatusCode.Conflict, "own_red_packet");

        var claimed = await bob.Http.PostAsync($"/v1/red-packets/{id}/claims", null); // no body: into his CNY wallet
        var share = await Json(claimed, HttpStatusCode.Created);
        Assert.StartsWith("rpc_", share.GetProperty("claimId").GetString(), StringComparison.Ordinal);
        Assert.Equal((666L, 0, bobWallet, id), (share.GetProperty("amount").GetInt64(), share.GetProperty("shareIndex").GetInt32(),
            share.GetProperty("to").GetProperty("walletId").GetString(), share.GetProperty("from").GetProperty("redPacketId").GetString()));
        var again = await bob.Post($"/v1/red-packets/{id}/claims", new { walletId = bobWallet });
        Assert.Equal(share.GetProperty("claimId").GetString(), (await Json(again, HttpStatusCode.OK)).GetProperty("claimId").GetString());
        Assert.True(again.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(666, await bob.Balance(bobWallet));

        var bobsView = await Json(await bob.Http.GetAsync($"/v1/red-packets/{id}"), HttpStatusCode.OK);
        Assert.Equal(("claimed", 0, 666L, 1), (bobsView.GetProperty("packetStatus").GetString(), bobsView.GetProperty("sharesLeft").GetInt32(),
            bobsView.GetProperty("yourShare").GetProperty("amount").GetInt64(), bobsView.GetProperty("claims").GetArrayLength()));
        var alicesView = await Json(await alice.Http.GetAsync($"/v1/red-packets/{id}"), HttpStatusCode.OK);
        Assert.Equal(bob.Id, alicesView.GetProperty("claims")[0].GetProperty("customerId").GetString());
        await Books.AssertBalanced(api, wallet, bobWallet);
    }

    [Fact]
    public async Task A_packet_signed_by_a_registered_device_pays_and_a_signature_for_another_recipient_pays_nothing()
    {
        var alice = await Register(api);
        var wallet = await alice.FundedWallet(10_000);
        var bob = await Register(api);
        await bob.OpenWallet();
        var carol = await Register(api);
        await carol.OpenWallet();
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        await Json(await alice.Post("/v1/me/devices", new { publicKey = Convert.ToBase64String(key.ExportSubjectPublicKeyInfo()) }), HttpStatusCode.Created);
        async Task<object> Signed(string signedFor, string sentTo, string idempotencyKey)
        {
            var challenge = await Json(await alice.Http.PostAsync("/v1/me/challenges", null), HttpStatusCode.Created);
            var signature = DeviceSigning.Sign(key, challenge.GetProperty("nonce").GetString()!, "red_packet", 520, "CNY", signedFor, idempotencyKey);
            return new { fromWalletId = wallet, recipient = new { customerId = sentTo }, amount = 520, currency = "CNY", message = "我爱你",
                deviceSignature = new { challengeId = challenge.GetProperty("challengeId").GetString(), signature } };
        }

        await Problem(await alice.Post("/v1/red-packets", await Signed(bob.Id, carol.Id, "signed-for-bob"), "signed-for-bob"), HttpStatusCode.Forbidden, "invalid_device_signature");
        await Json(await alice.Post("/v1/red-packets", await Signed(bob.Id, bob.Id, "signed"), "signed"), HttpStatusCode.Created);

        Assert.Equal(10_000 - 520, await alice.Balance(wallet));
        await Books.AssertBalanced(api, wallet);
    }

    [Fact]
    public async Task Bad_red_packets_and_claims_are_refused_with_their_codes_and_move_nothing()
    {
        var carol = await Register(api);
        var wallet = await carol.FundedWallet(10_000);
        var dan = await Register(api);
        var danWallet = await dan.OpenWallet();
        object Body(object? to = null, string? familyId = null, int? shares = null, string? split = null, long amount = 100, string currency = "CNY", string? message = null,
            string? pin = TestData.Pin, string? fromWalletId = null)
            => new { fromWalletId = fromWalletId ?? wallet, recipient = to ?? (familyId is null ? new { customerId = dan.Id } : null), familyId, shares, split, amount, currency, message, pin };

        foreach (var (bad, field) in new (object, string)[]
        {
            (Body(to: new { customerId = dan.Id }, familyId: "fam_x"), "recipient"), // both a customer and a family
            (new { fromWalletId = wallet, amount = 100, currency = "CNY", pin = TestData.Pin }, "recipient"),
            (Body(to: new { customerId = dan.Id, phone = dan.Phone }), "recipient"),
            (Body(to: new { phone = "12345" }), "recipient.phone"),
            (Body(shares: 2), "shares"),
            (Body(amount: 0), "amount"),
            (Body(currency: "cny"), "currency"),
            (Body(message: new string('福', 61)), "message"),
            (Body(pin: null), "pin"),
            (Body(fromWalletId: " "), "fromWalletId"),
        })
        {
            var problem = await Problem(await carol.Post("/v1/red-packets", bad, Guid.NewGuid().ToString()), HttpStatusCode.BadRequest, "validation_failed");
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{field}: {problem}");
        }
        await Problem(await carol.Post("/v1/red-packets", Body(message: "hi\u202Eyou"), Guid.NewGuid().ToString()), HttpStatusCode.BadRequest, "invalid_text");
        await Problem(await carol.Post("/v1/red-packets", Body()), HttpStatusCode.BadRequest, "idempotency_key_required");
        await Problem(await carol.Post("/v1/red-packets", Body(amount: 20_001), Guid.NewGuid().ToString()), HttpStatusCode.BadRequest, "validation_failed"); // over ¥200 a share
        await Problem(await carol.Post("/v1/red-packets", Body(pin: "000000"), Guid.NewGuid().ToString()), HttpStatusCode.Forbidden, "invalid_pin");
        await Problem(await carol.Post("/v1/red-packets", Body(to: new { customerId = carol.Id }), Guid.NewGuid().ToString()), HttpStatusCode.Conflict, "own_red_packet");
        await Problem(await carol.Post("/v1/red-packets", Body(to: new { phone = TestData.Phone() }), Guid.NewGuid().ToString()), HttpStatusCode.UnprocessableEntity,
            "recipient_not_found");
        await Problem(await carol.Post("/v1/red-packets", Body(fromWalletId: danWallet), Guid.NewGuid().ToString()), HttpStatusCode.NotFound, "not_found");
        await Problem(await carol.Post("/v1/red-packets", Body(amount: 15_000), Guid.NewGuid().ToString()), HttpStatusCode.UnprocessableEntity, "insufficient_funds");

        await Problem(await dan.Post("/v1/red-packets/rp_00000000000000000000000000/claims", new { }), HttpStatusCode.NotFound, "not_found");
        await Problem(await dan.Post("/v1/red-packets/tr_00000000000000000000000000/claims", new { }), HttpStatusCode.NotFound, "not_found");
        await Problem(await dan.Post("/v1/red-packets/rp_00000000000000000000000000/claims", new { walletId = " " }), HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal((10_000L, 0L), (await carol.Balance(wallet), await dan.Balance(danWallet)));
        await Books.AssertBalanced(api, wallet, danWallet);
    }
}
