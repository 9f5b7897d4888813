using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Wallet.Tests.Infrastructure;
using static Wallet.Tests.Infrastructure.ApiCustomer;

namespace Wallet.Tests.Movements;

/// <summary>
/// A client's honest retries of a request refused by its PIN or device signature (same caller, same key,
/// same body) get the first answer again and spend no further try; a corrected request is a new one.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class CredentialReplayTests(ApiFixture api)
{
    [Fact]
    public async Task A_transfer_with_a_wrong_pin_replayed_under_its_key_answers_the_same_and_counts_once()
    {
        var alice = await Register(api);
        var bob = await Register(api);
        var from = await alice.FundedWallet(10_000);
        var to = await bob.OpenWallet();
        var mistyped = alice.TransferBody(from, to, 100, pin: "000000");

        var answers = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            answers.Add(await WrongPin(await alice.Post("/v1/transfers", mistyped, "lunch")));
        }
        // The movement and the customer now know only what they stored.
        await api.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        answers.Add(await WrongPin(await alice.Post("/v1/transfers", mistyped, "lunch")));

        Assert.All(answers, a => Assert.Equal(answers[0], a));
        Assert.Equal("4: The payment PIN is wrong; 4 more wrong and payments lock.", answers[0]);
        Assert.StartsWith("3: ", await WrongPin(await alice.Post("/v1/transfers", alice.TransferBody(from, to, 100, pin: "111111"), "another")), StringComparison.Ordinal);

        // The corrected PIN under the same key is another request, and is carried out; the old body is then a reuse of the key.
        await Json(await alice.Post("/v1/transfers", alice.TransferBody(from, to, 100), "lunch"), HttpStatusCode.Created);
        await Problem(await alice.Post("/v1/transfers", mistyped, "lunch"), HttpStatusCode.UnprocessableEntity, "idempotency_key_reused");
        Assert.Equal((9_900L, 100L), (await alice.Balance(from), await bob.Balance(to)));
        await Books.AssertBalanced(api, from, to);
    }

    [Fact]
    public async Task Withdrawals_qr_payments_and_confirmations_replayed_with_a_wrong_pin_count_it_once()
    {
        var merchant = await ApiMerchant.Onboard(api);
        var alice = await Register(api);
        var bob = await Register(api);
        var wallet = await alice.FundedWallet(150_000);
        var card = await alice.BindVerifiedCard();
        var bobs = await bob.OpenWallet();
        var qr = await Json(await merchant.Send(HttpMethod.Post, "/v1/merchant/qr-codes", """{"amount":1250,"currency":"CNY"}"""), HttpStatusCode.Created);
        var pending = await Json(await merchant.Send(HttpMethod.Post, "/v1/merchant/charges",
            JsonSerializer.Serialize(new { paymentCode = await alice.PaymentCode(wallet), amount = 100_001, currency = "CNY", orderId = "BIG-7" })), HttpStatusCode.Accepted);
        var paymentId = pending.GetProperty("paymentId").GetString()!;

        foreach (var (path, body, key) in new (string, object, string?)[]
        {
            ($"/v1/wallets/{wallet}/withdrawals", new { cardId = card, amount = 1_000, currency = "CNY", pin = "000000" }, "out"),
            ("/v1/payments", new { qrPayload = qr.GetProperty("payload").GetString(), fromWalletId = wallet, pin = "000000" }, "noodles"),
            ($"/v1/payments/{paymentId}/confirm", new { pin = "000000" }, null),
        })
        {
            var first = await WrongPin(await alice.Post(path, body, key));
            Assert.Equal(first, await WrongPin(await alice.Post(path, body, key)));
            Assert.Equal(first, await WrongPin(await alice.Post(path, body, key)));
        }

        // Three tries spent, one by each request: the next wrong PIN is the fourth of five.
        Assert.StartsWith("1: ", await WrongPin(await alice.Post("/v1/transfers", alice.TransferBody(wallet, bobs, 100, pin: "111111"), "fourth")), StringComparison.Ordinal);
        await Json(await alice.Post($"/v1/payments/{paymentId}/confirm", new { pin = TestData.Pin }), HttpStatusCode.OK);
        Assert.Equal((49_999L, 100_001L), (await alice.Balance(wallet), await merchant.Balance()));
        await Books.AssertBalanced(api, wallet, bobs, merchant.SettlementWalletId);
    }

    [Fact]
    public async Task The_wrong_pin_that_locks_payments_replayed_answers_the_same_lock_with_when_it_ends()
    {
        var alice = await Register(api);
        var bob = await Register(api);
        var from = await alice.FundedWallet(10_000);
        var to = await bob.OpenWallet();
        for (var i = 0; i < 4; i++)
        {
            await WrongPin(await alice.Post("/v1/transfers", alice.TransferBody(from, to, 100, pin: "000000"), $"try-{i}"));
        }
        var last = alice.TransferBody(from, to, 100, pin: "000000");

        var locked = await (await alice.Post("/v1/transfers", last, "try-4")).Content.ReadAsStringAsync();
        var replayed = await alice.Post("/v1/transfers", last, "try-4");

        var problem = await Problem(replayed, (HttpStatusCode)423, "pin_locked");
        Assert.Equal(locked, problem.GetRawText());
        Assert.True(problem.GetProperty("lockedUntil").GetDateTimeOffset() > DateTimeOffset.UtcNow, "the replayed lock still says when it ends");
        Assert.Equal(10_000, await alice.Balance(from));
    }

    /// <summary>The wrong PIN's answer: the tries left (machine-readable) and the detail.</summary>
    private static async Task<string> WrongPin(HttpResponseMessage response)
    {
        var problem = await Problem(response, HttpStatusCode.Forbidden, "invalid_pin");
        return $"{problem.GetProperty("remainingAttempts").GetInt32()}: {problem.GetProperty("detail").GetString()}";
    }
}
