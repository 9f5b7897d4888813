using System.Net;
using Wallet.Tests.Infrastructure;
using static Wallet.Tests.Infrastructure.ApiCustomer;

namespace Wallet.Tests.Fx;

/// <summary>Currencies through HTTP: the rates, a quote, a conversion with it (once), the quota, and every bad input refused with a code and nothing moved.</summary>
[Collection(ApiCollection.Name)]
public sealed class FxApiTests(ApiFixture api)
{
    [Fact]
    public async Task A_customer_reads_the_rates_takes_a_quote_and_converts_with_it_once()
    {
        var alice = await Register(api);
        var cny = await alice.FundedWallet(50_000);
        var usd = await alice.OpenWallet("USD");

        var rates = await Json(await alice.Http.GetAsync("/v1/fx/rates"), HttpStatusCode.OK);
        Assert.Equal("CNY", rates.GetProperty("homeCurrency").GetString());
        var listed = rates.GetProperty("rates").EnumerateArray().ToList();
        Assert.Equal(["EUR-CNY", "GBP-CNY", "HKD-CNY", "JPY-CNY", "SGD-CNY", "USD-CNY"], listed.Select(r => r.GetProperty("pair").GetString()));
        Assert.All(listed, r => Assert.True(r.GetProperty("buy").GetDecimal() < r.GetProperty("mid").GetDecimal() && r.GetProperty("mid").GetDecimal() < r.GetProperty("sell").GetDecimal()));
        var cross = await Json(await alice.Http.GetAsync("/v1/fx/rates/JPY-HKD"), HttpStatusCode.OK);
        Assert.Equal(("JPY", "HKD"), (cross.GetProperty("baseCurrency").GetString(), cross.GetProperty("quoteCurrency").GetString()));

        var quote = await Json(await alice.Post("/v1/fx/quotes", new { currency = "CNY", toCurrency = "USD", amount = 10_000 }), HttpStatusCode.Created);
        var quoteId = quote.GetProperty("quoteId").GetString()!;
        var toAmount = quote.GetProperty("toAmount").GetInt64();
        Assert.Equal(10_000, quote.GetProperty("amount").GetInt64());
        Assert.InRange(toAmount, 1_300, 1_450); // ¥100 is about $13.7 at the reference 7.30 less the spread
        Assert.Equal(Math.Floor(10_000 * quote.GetProperty("rate").GetDecimal()), toAmount); // rounded down: the bank's favour
        Assert.Equal((toAmount, "USD", false), (quote.GetProperty("quotaDrawn").GetInt64(), quote.GetProperty("quotaCurrency").GetString(), quote.GetProperty("used").GetBoolean()));
        Assert.InRange(quote.GetProperty("expiresAt").GetDateTimeOffset() - DateTimeOffset.UtcNow, TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(31));

        var key = Guid.NewGuid().ToString();
        var body = new { quoteId, fromWalletId = cny, toWalletId = usd, pin = TestData.Pin };
        var first = await alice.Post("/v1/fx/conversions", body, key);
        var converted = await Json(first, HttpStatusCode.Created);
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        var conversionId = converted.GetProperty("conversionId").GetString()!;
        Assert.StartsWith("cv_", conversionId, StringComparison.Ordinal);
        Assert.Equal((10_000L, "CNY", toAmount, "USD", cny, usd), (converted.GetProperty("amount").GetInt64(), converted.GetProperty("currency").GetString(),
            converted.GetProperty("toAmount").GetInt64(), converted.GetProperty("toCurrency").GetString(),
            converted.GetProperty("from").GetProperty("walletId").GetString(), converted.GetProperty("to").GetProperty("walletId").GetString()));
        var replay = await alice.Post("/v1/fx/conversions", body, key);
        Assert.Equal(conversionId, (await Json(replay, HttpStatusCode.Created)).GetProperty("conversionId").GetString());
        Assert.True(replay.Headers.Contains("Idempotent-Replayed"));
        await Problem(await alice.Post("/v1/fx/conversions", body, Guid.NewGuid().ToString()), HttpStatusCode.Conflict, "quote_used");

        Assert.Equal((40_000L, toAmount), (await alice.Balance(cny), await alice.Balance(usd)));
        Assert.Equal(conversionId, (await Json(await alice.Http.GetAsync($"/v1/fx/conversions/{conversionId}"), HttpStatusCode.OK)).GetProperty("conversionId").GetString());
        Assert.True((await Json(await alice.Http.GetAsync($"/v1/fx/quotes/{quoteId}"), HttpStatusCode.OK)).GetProperty("used").GetBoolean());
        var entry = (await Json(await alice.Http.GetAsync($"/v1/wallets/{usd}/transactions"), HttpStatusCode.OK)).GetProperty("items")[0];
        Assert.Equal(("conversion", "conversions", toAmount, "USD"), (entry.GetProperty("kind").GetString(), entry.GetProperty("category").GetString(),
            entry.GetProperty("amount").GetInt64(), entry.GetProperty("currency").GetString()));
        var quota = await Json(await alice.Http.GetAsync("/v1/me/fx-quota"), HttpStatusCode.OK);
        Assert.Equal((5_000_000L, toAmount, 5_000_000L - toAmount, "USD"), (quota.GetProperty("quota").GetInt64(), quota.GetProperty("used").GetInt64(),
            quota.GetProperty("remaining").GetInt64(), quota.GetProperty("currency").GetString()));

        // Nobody else sees or uses the quote or the conversion.
        var mallory = await Register(api);
        var malloryCny = await mallory.FundedWallet(50_000);
        var malloryUsd = await mallory.OpenWallet("USD");
        await Problem(await mallory.Http.GetAsync($"/v1/fx/conversions/{conversionId}"), HttpStatusCode.NotFound, "not_found");
        await Problem(await mallory.Http.GetAsync($"/v1/fx/quotes/{quoteId}"), HttpStatusCode.NotFound, "not_found");
        var aliceFresh = (await Json(await alice.Post("/v1/fx/quotes", new { currency = "CNY", toCurrency = "USD", toAmount = 100 }), HttpStatusCode.Created)).GetProperty("quoteId").GetString();
        await Problem(await mallory.Post("/v1/fx/conversions", new { quoteId = aliceFresh, fromWalletId = malloryCny, toWalletId = malloryUsd, pin = TestData.Pin },
            Guid.NewGuid().ToString()), HttpStatusCode.NotFound, "not_found");
        Assert.Equal((50_000L, 0L), (await mallory.Balance(malloryCny), await mallory.Balance(malloryUsd)));
        await Books.AssertBalanced(api, cny, usd, malloryCny, malloryUsd);
    }

    [Fact]
    public async Task Bad_quotes_and_conversions_are_refused_with_a_code_and_move_nothing()
    {
        var bob = await Register(api);
        var cny = await bob.FundedWallet(50_000);
        var usd = await bob.OpenWallet("USD");
        await Problem(await bob.Post("/v1/wallets", new { currency = "KRW" }), HttpStatusCode.UnprocessableEntity, "currency_not_supported"); // held, not offered

        foreach (var bad in new object[]
        {
            new { currency = "CNY", toCurrency = "CNY", amount = 100 },
            new { currency = "CNY", toCurrency = "USD", amount = 100, toAmount = 100 },
            new { currency = "CNY", toCurrency = "USD" },
            new { currency = "CNY", toCurrency = "USD", amount = 0 },
            new { currency = "CNY", toCurrency = "USD", amount = -5 },
            new { currency = "XYZ", toCurrency = "USD", amount = 100 },
            new { currency = "cny", toCurrency = "USD", amount = 100 },
            new { toCurrency = "USD", amount = 100 },
        })
        {
            await Problem(await bob.Post("/v1/fx/quotes", bad), HttpStatusCode.BadRequest, "validation_failed");
        }
        var fraction = await bob.PostRaw("/v1/fx/quotes", """{"currency":"CNY","toCurrency":"USD","amount":100.5}""");
        Assert.Equal(HttpStatusCode.BadRequest, fraction.StatusCode); // an amount finer than a minor unit
        await Problem(await bob.Post("/v1/fx/quotes", new { currency = "KRW", toCurrency = "CNY", amount = 100 }), HttpStatusCode.UnprocessableEntity, "currency_not_supported");
        await Problem(await bob.Post("/v1/fx/quotes", new { currency = "CNY", toCurrency = "JPY", amount = 1 }), HttpStatusCode.UnprocessableEntity, "amount_too_small");
        await Problem(await bob.Http.GetAsync("/v1/fx/rates/USDCNY"), HttpStatusCode.BadRequest, "validation_failed");
        await Problem(await bob.Http.GetAsync("/v1/fx/rates/KRW-CNY"), HttpStatusCode.UnprocessableEntity, "currency_not_supported");

        var quoteId = (await Json(await bob.Post("/v1/fx/quotes", new { currency = "CNY", toCurrency = "USD", amount = 10_000 }), HttpStatusCode.Created)).GetProperty("quoteId").GetString();
        var eur = await bob.OpenWallet("EUR");
        await Problem(await bob.Post("/v1/fx/conversions", new { quoteId, fromWalletId = usd, toWalletId = cny, pin = TestData.Pin }, Guid.NewGuid().ToString()),
            HttpStatusCode.UnprocessableEntity, "currency_mismatch");
        await Problem(await bob.Post("/v1/fx/conversions", new { quoteId, fromWalletId = cny, toWalletId = eur, pin = TestData.Pin }, Guid.NewGuid().ToString()),
            HttpStatusCode.UnprocessableEntity, "currency_mismatch");
        await Problem(await bob.Post("/v1/fx/conversions", new { quoteId, fromWalletId = cny, toWalletId = usd, pin = "000000" }, Guid.NewGuid().ToString()),
            HttpStatusCode.Forbidden, "invalid_pin");
        await Problem(await bob.Post("/v1/fx/conversions", new { quoteId = "fxq_unknownunknownunknown1", fromWalletId = cny, toWalletId = usd, pin = TestData.Pin },
            Guid.NewGuid().ToString()), HttpStatusCode.NotFound, "not_found");
        await Problem(await bob.Post("/v1/fx/conversions", new { quoteId, fromWalletId = cny, toWalletId = usd, pin = TestData.Pin }), HttpStatusCode.BadRequest, "idempotency_key_required");
        await Problem(await bob.Post("/v1/fx/conversions", new { quoteId, fromWalletId = cny, pin = TestData.Pin }, Guid.NewGuid().ToString()), HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal((50_000L, 0L, 0L), (await bob.Balance(cny), await bob.Balance(usd), await bob.Balance(eur)));
        Assert.False((await Json(await bob.Http.GetAsync($"/v1/fx/quotes/{quoteId}"), HttpStatusCode.OK)).GetProperty("used").GetBoolean());
        Assert.Equal(0, (await Json(await bob.Http.GetAsync("/v1/me/fx-quota"), HttpStatusCode.OK)).GetProperty("used").GetInt64());
        await Books.AssertBalanced(api, cny, usd, eur);
    }
}
