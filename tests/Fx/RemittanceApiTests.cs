using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Wallet.Fx;
using Wallet.Simulators;
using Wallet.Tests.Infrastructure;
using static Wallet.Tests.Infrastructure.ApiCustomer;

namespace Wallet.Tests.Fx;

/// <summary>Remittances abroad through HTTP: sent, followed to credited or returned (refunded once), replayed by key, hidden from others, and bad input refused with nothing moved.</summary>
[Collection(ApiCollection.Name)]
public sealed class RemittanceApiTests(ApiFixture api)
{
    private static object Beneficiary(string account = "123456789012") => new { name = "Chan Tai Man", bankCode = "HSBCHKHHHKH", account };

    [Fact]
    public async Task A_customer_sends_hkd_abroad_from_a_cny_wallet_sees_it_sent_and_a_returned_one_comes_back_once()
    {
        var alice = await Register(api);
        var cny = await alice.FundedWallet(100_000);

        var key = Guid.NewGuid().ToString();
        var body = new { walletId = cny, amount = 20_000, currency = "HKD", purpose = "family_support", beneficiary = Beneficiary(), pin = TestData.Pin };
        var first = await alice.Post("/v1/remittances", body, key);
        var sent = await Json(first, HttpStatusCode.Created);
        var id = sent.GetProperty("remittanceId").GetString()!;
        Assert.StartsWith("rm_", id, StringComparison.Ordinal);
        Assert.Equal(($"/v1/remittances/{id}", "completed", "sent"), (first.Headers.Location?.ToString(), sent.GetProperty("status").GetString(), sent.GetProperty("remittanceStatus").GetString()));
        var exchange = sent.GetProperty("exchange");
        var (paid, fee, total) = (exchange.GetProperty("amount").GetInt64(), sent.GetProperty("fee").GetInt64(), sent.GetProperty("total").GetInt64());
        Assert.Equal((20_000L, "HKD", "CNY", 5_000L, paid + fee, "CNY"), (sent.GetProperty("amount").GetInt64(), sent.GetProperty("currency").GetString(),
            exchange.GetProperty("currency").GetString(), fee, total, sent.GetProperty("feeCurrency").GetString()));
        Assert.Equal(Math.Ceiling(20_000 / exchange.GetProperty("rate").GetDecimal()), paid); // HK$200 at the bank's rate, rounded up
        Assert.Equal(("••••9012", "HSBCHKHHHKH", cny, id), (sent.GetProperty("beneficiary").GetProperty("account").GetString(),
            sent.GetProperty("beneficiary").GetProperty("bankCode").GetString(), sent.GetProperty("from").GetProperty("walletId").GetString(),
            sent.GetProperty("to").GetProperty("remittanceId").GetString()));
        Assert.Equal(100_000 - total, await alice.Balance(cny));
        var entry = (await Json(await alice.Http.GetAsync($"/v1/wallets/{cny}/transactions"), HttpStatusCode.OK)).GetProperty("items")[0];
        Assert.Equal(("remittance", "remittances", total), (entry.GetProperty("kind").GetString(), entry.GetProperty("category").GetString(), entry.GetProperty("amount").GetInt64()));

        // The same key answers the same remittance; nothing moves twice. Nobody else sees it.
        var replay = await alice.Post("/v1/remittances", body, key);
        Assert.Equal(id, (await Json(replay, HttpStatusCode.Created)).GetProperty("remittanceId").GetString());
        Assert.True(replay.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(100_000 - total, await alice.Balance(cny));
        var mallory = await Register(api);
        await Problem(await mallory.Http.GetAsync($"/v1/remittances/{id}"), HttpStatusCode.NotFound, "not_found");

        // Followed up: credited.
        var grains = api.Services.GetRequiredService<IGrainFactory>();
        await grains.GetGrain<IRemittanceGrain>(id).FollowUp();
        Assert.Equal("credited", (await Json(await alice.Http.GetAsync($"/v1/remittances/{id}"), HttpStatusCode.OK)).GetProperty("remittanceStatus").GetString());

        // One to a closed account comes back once, at the day's rate, the fee kept.
        var closed = await Json(await alice.Post("/v1/remittances", body with { amount = 10_000, beneficiary = Beneficiary("99887766" + SimulatedCorrespondentBank.Returns) },
            Guid.NewGuid().ToString()), HttpStatusCode.Created);
        var closedId = closed.GetProperty("remittanceId").GetString()!;
        var closedPrincipal = closed.GetProperty("exchange").GetProperty("amount").GetInt64();
        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => grains.GetGrain<IRemittanceGrain>(closedId).FollowUp()));
        var back = await Json(await alice.Http.GetAsync($"/v1/remittances/{closedId}"), HttpStatusCode.OK);
        Assert.Equal("returned", back.GetProperty("remittanceStatus").GetString());
        var returned = back.GetProperty("return");
        var credited = returned.GetProperty("amount").GetInt64();
        Assert.Equal((10_000L, "HKD", "CNY", credited - closedPrincipal), (returned.GetProperty("returned").GetInt64(), returned.GetProperty("returnedCurrency").GetString(),
            returned.GetProperty("currency").GetString(), returned.GetProperty("difference").GetInt64()));
        Assert.StartsWith("rr_", returned.GetProperty("returnId").GetString(), StringComparison.Ordinal);
        Assert.Equal(100_000 - total - closedPrincipal - 5_000 + credited, await alice.Balance(cny));
        await Books.AssertBalanced(api, cny);
    }

    [Fact]
    public async Task Bad_remittances_are_refused_with_a_code_and_move_nothing()
    {
        var bob = await Register(api);
        var cny = await bob.FundedWallet(50_000);
        object Body(object? beneficiary = null, long amount = 1_000, string currency = "USD", string? purpose = "education", string? pin = TestData.Pin)
            => new { walletId = cny, amount, currency, purpose, beneficiary = beneficiary ?? Beneficiary(), pin };

        foreach (var (bad, field) in new (object, string)[]
        {
            (Body(new { name = "Chan Tai Man", bankCode = "HSBC", account = "123456789012" }), "beneficiary.bankCode"),
            (Body(new { name = "Chan Tai Man", bankCode = "HSBCHKHHHKH", account = "12 3456" }), "beneficiary.account"),
            (Body(new { name = "C", bankCode = "HSBCHKHHHKH", account = "123456789012" }), "beneficiary.name"),
            (Body(new { bankCode = "HSBCHKHHHKH", account = "123456789012" }), "beneficiary.name"),
            (new { walletId = cny, amount = 1_000, currency = "USD", purpose = "education", pin = TestData.Pin }, "beneficiary"),
            (Body(purpose: null), "purpose"),
            (Body(amount: 0), "amount"),
            (Body(currency: "usd"), "currency"),
        })
        {
            var problem = await Problem(await bob.Post("/v1/remittances", bad, Guid.NewGuid().ToString()), HttpStatusCode.BadRequest, "validation_failed");
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{field}: {problem}");
        }
        Assert.Equal(HttpStatusCode.BadRequest, (await bob.PostRaw("/v1/remittances",
            $$"""{"walletId":"{{cny}}","amount":1000,"currency":"USD","purpose":"bribes","beneficiary":{"name":"Chan","bankCode":"HSBCHKHHHKH","account":"123456789012"},"pin":"{{TestData.Pin}}"}""",
            Guid.NewGuid().ToString())).StatusCode);
        await Problem(await bob.Post("/v1/remittances", Body(currency: "KRW"), Guid.NewGuid().ToString()), HttpStatusCode.UnprocessableEntity, "currency_not_supported");
        await Problem(await bob.Post("/v1/remittances", Body(pin: "000000"), Guid.NewGuid().ToString()), HttpStatusCode.Forbidden, "invalid_pin");
        await Problem(await bob.Post("/v1/remittances", Body()), HttpStatusCode.BadRequest, "idempotency_key_required");
        await Problem(await bob.Post("/v1/remittances", Body(amount: 10_000), Guid.NewGuid().ToString()), HttpStatusCode.UnprocessableEntity, "insufficient_funds");
        Assert.Equal(50_000, await bob.Balance(cny));
        Assert.Equal(0, (await Json(await bob.Http.GetAsync("/v1/me/fx-quota"), HttpStatusCode.OK)).GetProperty("used").GetInt64());
        await Books.AssertBalanced(api, cny);
    }
}
