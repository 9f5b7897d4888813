using Wallet.Fx;
using Wallet.Movements;
using Wallet.Refusals;
using Wallet.Tests.Infrastructure;
using Wallet.Wallets;

namespace Wallet.Tests.Fx;

/// <summary>
/// Conversions on the fake clock: a quote's amounts move exactly, once; a quote expires after 30 seconds; a yen is one
/// unit; the annual quota holds at its boundary and starts again with the Shanghai year; conversions at once against one
/// wallet conserve every currency, the bank's FX positions making up each side.
/// </summary>
[Collection(ClockedClusterCollection.Name)]
public sealed class ConversionTests(ClockedClusterFixture fixture)
{
    private readonly Scenario _bank = fixture.Scenario;
    private Exchange Fx => new(fixture.Grains, _bank);

    [Fact]
    public async Task A_conversion_moves_its_quotes_amounts_once_and_the_fx_positions_make_up_each_currency()
    {
        fixture.SetShanghaiTime(2026, 11, 20, 10, 0);
        var (alice, wallets) = await Fx.Customer(("CNY", 10_000_000), ("USD", 0));
        var (cnyBefore, usdBefore) = (await Fx.Position("CNY"), await Fx.Position("USD"));

        var quote = await Fx.Quote(alice, "CNY", "USD", toAmount: 10_000);
        var rate = await fixture.Grains.GetGrain<IFxDeskGrain>(0).Rate(new CurrencyPair("CNY", "USD"));
        Assert.Equal((rate.Buy, rate.Mid, 10_000L), (quote.Rate, quote.Mid, quote.ToAmount));
        Assert.Equal(FxArithmetic.Pays(10_000, rate.Buy, quote.Pair), quote.FromAmount);
        Assert.InRange(quote.FromAmount * quote.Rate, 10_000m, 10_000m + quote.Rate); // fen to cents: in the bank's favour, by less than a fen's worth
        Assert.Equal(10_000, quote.QuotaUsd);

        var key = Guid.NewGuid().ToString();
        var converted = await Fx.Convert(alice, quote, wallets["CNY"], wallets["USD"], key);
        Assert.True(MovementStatus.Completed == converted.Status, $"{converted.Refusal}");
        Assert.Equal((quote.FromAmount, "CNY", 10_000L, "USD", quote.Rate), (converted.Amount, converted.Currency, converted.ToAmount, converted.ToCurrency, converted.Rate));
        Assert.Equal((10_000_000 - quote.FromAmount, 10_000L), (await _bank.Balance(alice, wallets["CNY"]), await _bank.Balance(alice, wallets["USD"])));
        Assert.Equal((cnyBefore + quote.FromAmount, usdBefore - 10_000), (await Fx.Position("CNY"), await Fx.Position("USD")));
        var usdEntry = Assert.Single(await _bank.Entries(alice, wallets["USD"]));
        Assert.Equal((MovementKind.Conversion, EntryDirection.In, 10_000L, "USD", wallets["CNY"]), (usdEntry.Kind, usdEntry.Direction, usdEntry.Amount, usdEntry.Currency, usdEntry.Counterparty));
        Assert.Equal(10_000, (await Fx.Quota(alice)).Used);

        // The same key answers the recorded conversion; the same quote under another key is refused, nothing moves.
        Assert.True((await Fx.Convert(alice, quote, wallets["CNY"], wallets["USD"], key)).Replayed);
        var again = await Assert.ThrowsAsync<WalletRefusedException>(() => Fx.Convert(alice, quote, wallets["CNY"], wallets["USD"]));
        Assert.Equal(RefusalCodes.QuoteUsed, again.Code);
        Assert.Equal((10_000_000 - quote.FromAmount, 10_000L), (await _bank.Balance(alice, wallets["CNY"]), await _bank.Balance(alice, wallets["USD"])));
        Assert.Equal(10_000, (await Fx.Quota(alice)).Used);
        await _bank.AssertBalanced([.. wallets.Values]);
        await _bank.AssertBooksBalance();
    }

    [Fact]
    public async Task One_quote_sent_twice_at_once_under_two_keys_converts_once()
    {
        fixture.SetShanghaiTime(2026, 11, 21, 8, 0);
        var (frank, wallets) = await Fx.Customer(("CNY", 100_000), ("USD", 0));
        var quote = await Fx.Quote(frank, "CNY", "USD", fromAmount: 10_000);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            try
            {
                var receipt = await Fx.Convert(frank, quote, wallets["CNY"], wallets["USD"]);
                return receipt.Status == MovementStatus.Completed ? "completed" : receipt.Refusal!.Code;
            }
            catch (WalletRefusedException refused)
            {
                return refused.Code;
            }
        }));

        Assert.Equal(1, outcomes.Count(o => o == "completed"));
        Assert.All(outcomes.Where(o => o != "completed"), o => Assert.Equal(RefusalCodes.QuoteUsed, o));
        Assert.Equal((100_000 - 10_000L, quote.ToAmount), (await _bank.Balance(frank, wallets["CNY"]), await _bank.Balance(frank, wallets["USD"])));
        Assert.Equal(quote.QuotaUsd, (await Fx.Quota(frank)).Used);
        await _bank.AssertBalanced([.. wallets.Values]);
    }

    [Fact]
    public async Task A_quote_holds_for_thirty_seconds_and_an_expired_one_moves_nothing()
    {
        fixture.SetShanghaiTime(2026, 11, 21, 9, 0);
        var (bob, wallets) = await Fx.Customer(("USD", 50_000), ("CNY", 0));
        var stale = await Fx.Quote(bob, "USD", "CNY", fromAmount: 10_000);
        fixture.Clock.Set(fixture.Clock.GetUtcNow().AddSeconds(30));
        var expired = await Assert.ThrowsAsync<WalletRefusedException>(() => Fx.Convert(bob, stale, wallets["USD"], wallets["CNY"]));
        Assert.Equal(RefusalCodes.QuoteExpired, expired.Code);
        Assert.Equal((50_000L, 0L), (await _bank.Balance(bob, wallets["USD"]), await _bank.Balance(bob, wallets["CNY"])));
        Assert.Null((await fixture.Grains.GetGrain<IFxQuoteGrain>(stale.QuoteId).Find(bob.Id))!.UsedBy);

        var fresh = await Fx.Quote(bob, "USD", "CNY", fromAmount: 10_000);
        fixture.Clock.Set(fixture.Clock.GetUtcNow().AddSeconds(29.9));
        var converted = await Fx.Convert(bob, fresh, wallets["USD"], wallets["CNY"]);
        Assert.Equal(MovementStatus.Completed, converted.Status);
        Assert.Equal(FxArithmetic.Receives(10_000, fresh.Rate, fresh.Pair), converted.ToAmount);
        Assert.Equal(0, fresh.QuotaUsd); // selling foreign currency draws nothing
        Assert.Equal(0, (await Fx.Quota(bob)).Used);
        await _bank.AssertBalanced([.. wallets.Values]);
    }

    [Fact]
    public async Task A_yen_is_one_unit_and_each_side_rounds_in_the_banks_favour()
    {
        fixture.SetShanghaiTime(2026, 11, 22, 15, 0);
        var (carol, wallets) = await Fx.Customer(("CNY", 100_000), ("JPY", 0));
        var yen = await Fx.Quote(carol, "CNY", "JPY", toAmount: 1_000); // ¥1,000: one thousand units, not ten
        Assert.InRange(yen.FromAmount, 4_000, 6_000); // about ¥1,000 × 0.05 yuan = 5,000 fen
        Assert.Equal(FxArithmetic.Pays(1_000, yen.Rate, yen.Pair), yen.FromAmount);
        Assert.Equal(MovementStatus.Completed, (await Fx.Convert(carol, yen, wallets["CNY"], wallets["JPY"])).Status);
        Assert.Equal(1_000, await _bank.Balance(carol, wallets["JPY"]));

        var back = await Fx.Quote(carol, "JPY", "CNY", fromAmount: 1);
        Assert.Equal(FxArithmetic.Receives(1, back.Rate, back.Pair), back.ToAmount); // ¥1 → a few fen, rounded down
        var tooSmall = await Assert.ThrowsAsync<WalletRefusedException>(() => Fx.Quote(carol, "CNY", "JPY", fromAmount: 1)); // one fen buys no whole yen
        Assert.Equal(RefusalCodes.AmountTooSmall, tooSmall.Code);
        await _bank.AssertBalanced([.. wallets.Values]);
    }

    [Fact]
    public async Task The_annual_quota_holds_at_its_boundary_and_starts_again_with_the_shanghai_year()
    {
        fixture.SetShanghaiTime(2026, 12, 31, 23, 50);
        var (dave, wallets) = await Fx.Customer(("CNY", 40_000_000), ("USD", 0));
        var quota = (await Fx.Quota(dave)).Quota;
        Assert.Equal(5_000_000, quota); // USD 50,000.00

        Assert.Equal(MovementStatus.Completed, (await Fx.Convert(dave, await Fx.Quote(dave, "CNY", "USD", toAmount: quota - 1), wallets["CNY"], wallets["USD"])).Status);
        var balances = (await _bank.Balance(dave, wallets["CNY"]), await _bank.Balance(dave, wallets["USD"]));
        var over = await Fx.Quote(dave, "CNY", "USD", toAmount: 2);
        var refused = await Fx.Convert(dave, over, wallets["CNY"], wallets["USD"]);
        Assert.Equal((MovementStatus.Refused, RefusalCodes.FxQuotaExceeded), (refused.Status, refused.Refusal!.Code));
        Assert.Equal((FxQuotas.LimitName, quota, 1L, "USD"), (refused.Refusal.Limit!.Name, refused.Refusal.Limit.Amount, refused.Refusal.Limit.Remaining, refused.Refusal.Limit.Currency));
        Assert.Equal(balances, (await _bank.Balance(dave, wallets["CNY"]), await _bank.Balance(dave, wallets["USD"])));
        Assert.Null((await fixture.Grains.GetGrain<IFxQuoteGrain>(over.QuoteId).Find(dave.Id))!.UsedBy); // a refused conversion leaves its quote unused
        Assert.Equal(MovementStatus.Completed, (await Fx.Convert(dave, await Fx.Quote(dave, "CNY", "USD", toAmount: 1), wallets["CNY"], wallets["USD"])).Status);
        Assert.Equal(new FxQuotaView(2026, quota, quota), await Fx.Quota(dave));

        fixture.SetShanghaiTime(2027, 1, 1, 0, 0);
        Assert.Equal(new FxQuotaView(2027, quota, 0), await Fx.Quota(dave));
        Assert.Equal(MovementStatus.Completed, (await Fx.Convert(dave, await Fx.Quote(dave, "CNY", "USD", toAmount: 100), wallets["CNY"], wallets["USD"])).Status);
        Assert.Equal(100, (await Fx.Quota(dave)).Used);
        await _bank.AssertBalanced([.. wallets.Values]);
    }

    [Fact]
    public async Task Conversions_at_once_against_one_wallet_conserve_every_currency()
    {
        fixture.SetShanghaiTime(2026, 11, 23, 11, 0);
        var (erin, wallets) = await Fx.Customer(("CNY", 100_000), ("USD", 10_000), ("HKD", 0));
        var positions = await Task.WhenAll(new[] { "CNY", "USD", "HKD" }.Select(Fx.Position));
        // Thirty of ¥50 out of a ¥1,000 wallet to dollars and Hong Kong dollars, while ten of $5 (about ¥36 each) come back in: some must be refused.
        var quotes = await Task.WhenAll(Enumerable.Range(0, 30).Select(i => Fx.Quote(erin, "CNY", i % 2 == 0 ? "USD" : "HKD", fromAmount: 5_000))
            .Concat(Enumerable.Range(0, 10).Select(_ => Fx.Quote(erin, "USD", "CNY", fromAmount: 500))));
        var receipts = await Task.WhenAll(quotes.Select(q => Scenario.AsAClientWould(() => Fx.Convert(erin, q, wallets[q.Pair.From], wallets[q.Pair.To]))));

        var done = receipts.Where(r => r.Status == MovementStatus.Completed).ToList();
        Assert.All(receipts.Where(r => r.Status != MovementStatus.Completed), r => Assert.Equal(RefusalCodes.InsufficientFunds, r.Refusal!.Code));
        Assert.Contains(receipts, r => r.Status == MovementStatus.Refused);
        foreach (var (currency, i) in new[] { "CNY", "USD", "HKD" }.Select((c, i) => (c, i)))
        {
            var paid = done.Where(r => r.Currency == currency).Sum(r => r.Amount);
            var received = done.Where(r => r.ToCurrency == currency).Sum(r => r.ToAmount);
            var opening = currency switch { "CNY" => 100_000L, "USD" => 10_000L, _ => 0L };
            Assert.Equal(opening - paid + received, await _bank.Balance(erin, wallets[currency]));
            Assert.Equal(positions[i] + paid - received, await Fx.Position(currency)); // what the wallets lost the bank's position holds, and the reverse
        }
        await _bank.AssertBalanced([.. wallets.Values]);
        await _bank.AssertBooksBalance();
    }
}
