using System.Net;
using System.Security.Cryptography;
using Wallet.Tests.Infrastructure;
using static Wallet.Tests.Infrastructure.ApiCustomer;

namespace Wallet.Tests.Customers;

/// <summary>
/// A device signature approves the one movement it was made for — its kind, amount, currency, payee and
/// idempotency key — and nothing else; a signature for anything else is refused, moves nothing and spends
/// the challenge.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class DeviceSigningApiTests(ApiFixture api)
{
    [Fact]
    public async Task A_signature_for_one_amount_does_not_approve_another_and_spends_the_challenge()
    {
        using var phone = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var (alice, from, _, to) = await Pair(phone);
        var challenge = await Challenge(alice);
        var forA = DeviceSigning.Sign(phone, challenge.Nonce, "transfer", 700, "CNY", to, "amount-b");

        await Problem(await alice.Post("/v1/transfers", SignedTransferBody(from, to, 7_000, challenge.Id, forA), "amount-b"), HttpStatusCode.Forbidden, "invalid_device_signature");
        await Problem(await alice.Post("/v1/transfers", SignedTransferBody(from, to, 700, challenge.Id, forA), "amount-a"), HttpStatusCode.Forbidden, "invalid_challenge");

        Assert.Equal(10_000, await alice.Balance(from));
        await Books.AssertBalanced(api, from, to);
    }

    [Fact]
    public async Task A_signature_for_one_payee_does_not_approve_another()
    {
        using var phone = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var (alice, from, _, to) = await Pair(phone);
        var mallory = await (await Register(api)).OpenWallet();
        var challenge = await Challenge(alice);

        var signed = DeviceSigning.Sign(phone, challenge.Nonce, "transfer", 700, "CNY", to, "payee");
        await Problem(await alice.Post("/v1/transfers", SignedTransferBody(from, mallory, 700, challenge.Id, signed), "payee"), HttpStatusCode.Forbidden, "invalid_device_signature");

        Assert.Equal(10_000, await alice.Balance(from));
        await Books.AssertBalanced(api, from, to, mallory);
    }

    [Fact]
    public async Task A_signature_for_one_idempotency_key_does_not_approve_a_movement_under_another()
    {
        using var phone = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var (alice, from, _, to) = await Pair(phone);
        var challenge = await Challenge(alice);

        var signed = DeviceSigning.Sign(phone, challenge.Nonce, "transfer", 700, "CNY", to, "key-1");
        await Problem(await alice.Post("/v1/transfers", SignedTransferBody(from, to, 700, challenge.Id, signed), "key-2"), HttpStatusCode.Forbidden, "invalid_device_signature");

        Assert.Equal(10_000, await alice.Balance(from));
    }

    [Fact]
    public async Task A_signature_over_the_nonce_alone_approves_nothing()
    {
        using var phone = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var (alice, from, _, to) = await Pair(phone);
        var challenge = await Challenge(alice);

        var nonceOnly = DeviceSigning.Sign(phone, challenge.Nonce);
        await Problem(await alice.Post("/v1/transfers", SignedTransferBody(from, to, 700, challenge.Id, nonceOnly), "nonce-only"), HttpStatusCode.Forbidden, "invalid_device_signature");

        Assert.Equal(10_000, await alice.Balance(from));
    }

    [Fact]
    public async Task The_signature_for_the_very_movement_approves_it_to_a_wallet_to_a_phone_and_to_a_card()
    {
        using var phone = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var (alice, from, receiver, to) = await Pair(phone);
        var bob = await Register(api);
        var bobs = await bob.OpenWallet();

        var first = await Challenge(alice);
        await Json(await alice.Post("/v1/transfers",
            SignedTransferBody(from, to, 700, first.Id, DeviceSigning.Sign(phone, first.Nonce, "transfer", 700, "CNY", to, "to-wallet")), "to-wallet"), HttpStatusCode.Created);

        var second = await Challenge(alice);
        var byPhone = new
        {
            fromWalletId = from, to = new { phone = bob.Phone }, amount = 300, currency = "CNY",
            deviceSignature = new { challengeId = second.Id, signature = DeviceSigning.Sign(phone, second.Nonce, "transfer", 300, "CNY", bob.Phone, "to-phone") },
        };
        await Json(await alice.Post("/v1/transfers", byPhone, "to-phone"), HttpStatusCode.Created);

        var card = await alice.BindVerifiedCard();
        var third = await Challenge(alice);
        var withdrawal = new
        {
            cardId = card, amount = 1_000, currency = "CNY",
            deviceSignature = new { challengeId = third.Id, signature = DeviceSigning.Sign(phone, third.Nonce, "withdrawal", 1_000, "CNY", card, "to-card") },
        };
        await Json(await alice.Post($"/v1/wallets/{from}/withdrawals", withdrawal, "to-card"), HttpStatusCode.Created);

        Assert.Equal((8_000L, 700L, 300L), (await alice.Balance(from), await receiver.Balance(to), await bob.Balance(bobs)));
        await Books.AssertBalanced(api, from, to, bobs);
    }

    [Fact]
    public async Task A_qr_payment_is_signed_for_its_merchant()
    {
        using var phone = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var (alice, from, _, _) = await Pair(phone);
        var merchant = await ApiMerchant.Onboard(api);
        var other = await ApiMerchant.Onboard(api);
        var qr = (await Json(await merchant.Send(HttpMethod.Post, "/v1/merchant/qr-codes", """{"amount":1200,"currency":"CNY"}"""), HttpStatusCode.Created))
            .GetProperty("payload").GetString();

        var wrong = await Challenge(alice);
        await Problem(await alice.Post("/v1/payments", Pay(qr, from, wrong, DeviceSigning.Sign(phone, wrong.Nonce, "payment", 1_200, "CNY", other.Id, "qr")), "qr"),
            HttpStatusCode.Forbidden, "invalid_device_signature");
        var right = await Challenge(alice);
        await Json(await alice.Post("/v1/payments", Pay(qr, from, right, DeviceSigning.Sign(phone, right.Nonce, "payment", 1_200, "CNY", merchant.Id, "qr-2")), "qr-2"),
            HttpStatusCode.Created);

        Assert.Equal(10_000 - 1_200, await alice.Balance(from));
        await Books.AssertBalanced(api, from, merchant.SettlementWalletId, other.SettlementWalletId);
    }

    [Fact]
    public async Task Confirming_a_merchants_charge_is_signed_for_that_payment()
    {
        using var phone = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var alice = await Register(api);
        var wallet = await alice.FundedWallet(150_000);
        await Json(await alice.Post("/v1/me/devices", new { publicKey = Convert.ToBase64String(phone.ExportSubjectPublicKeyInfo()) }), HttpStatusCode.Created);
        var merchant = await ApiMerchant.Onboard(api);
        var charge = System.Text.Json.JsonSerializer.Serialize(new { paymentCode = await alice.PaymentCode(wallet), amount = 100_001, currency = "CNY", orderId = "BIG-1" });
        var paymentId = (await Json(await merchant.Send(HttpMethod.Post, "/v1/merchant/charges", charge), HttpStatusCode.Accepted)).GetProperty("paymentId").GetString()!;

        var wrong = await Challenge(alice);
        var forLess = DeviceSigning.Sign(phone, wrong.Nonce, "payment", 1_001, "CNY", merchant.Id, paymentId);
        await Problem(await alice.Post($"/v1/payments/{paymentId}/confirm", new { deviceSignature = new { challengeId = wrong.Id, signature = forLess } }),
            HttpStatusCode.Forbidden, "invalid_device_signature");
        Assert.Equal(150_000, await alice.Balance(wallet));

        var right = await Challenge(alice);
        var forThis = DeviceSigning.Sign(phone, right.Nonce, "payment", 100_001, "CNY", merchant.Id, paymentId);
        await Json(await alice.Post($"/v1/payments/{paymentId}/confirm", new { deviceSignature = new { challengeId = right.Id, signature = forThis } }), HttpStatusCode.OK);

        Assert.Equal(150_000 - 100_001, await alice.Balance(wallet));
        await Books.AssertBalanced(api, wallet, merchant.SettlementWalletId);
    }

    private static object Pay(string? qrPayload, string from, (string Id, string Nonce) challenge, string signature)
        => new { qrPayload, fromWalletId = from, deviceSignature = new { challengeId = challenge.Id, signature } };

    /// <summary>Alice with ¥100 and <paramref name="phone"/> registered as her device, and someone else's wallet to pay.</summary>
    private async Task<(ApiCustomer Alice, string From, ApiCustomer Receiver, string To)> Pair(ECDsa phone)
    {
        var alice = await Register(api);
        var receiver = await Register(api);
        var from = await alice.FundedWallet(10_000);
        var to = await receiver.OpenWallet();
        await Json(await alice.Post("/v1/me/devices", new { publicKey = Convert.ToBase64String(phone.ExportSubjectPublicKeyInfo()) }), HttpStatusCode.Created);
        return (alice, from, receiver, to);
    }

    private static async Task<(string Id, string Nonce)> Challenge(ApiCustomer customer)
    {
        var challenge = await Json(await customer.Http.PostAsync("/v1/me/challenges", null), HttpStatusCode.Created);
        return (challenge.GetProperty("challengeId").GetString()!, challenge.GetProperty("nonce").GetString()!);
    }
}
