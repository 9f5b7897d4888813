using Microsoft.Extensions.Options;
using Wallet.Customers;
using Wallet.Limits;

namespace Wallet.Tests.Limits;

/// <summary>Another currency's limits are CNY's at the reference rate, rounded against the customer; no rate, no wallet.</summary>
public sealed class ReferenceRateTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void A_usd_wallet_has_the_cny_limits_at_the_rate_rounded_down_to_the_cent()
    {
        var usd = Schedule(new() { ["USD"] = 7.30m }).For(CustomerTiers.Lowest, "USD", Now);

        // ¥2,000 = 200,000 fen at 7.30 fen a cent: 27,397.26… cents, so 27,397 (US$273.97 is ¥1,999.98; a cent more is over).
        Assert.Equal(new TierLimits(136_986, 27_397, 68_493, 684_931), usd);
    }

    [Fact]
    public void A_yen_wallet_counts_in_whole_yen()
    {
        var jpy = Schedule(new() { ["JPY"] = 0.047m }).For(CustomerTiers.Lowest, "JPY", Now);

        Assert.Equal(42_553, jpy.Single); // 200,000 fen / 4.7 fen a yen = 42,553.19…
        Assert.Equal(212_765, jpy.BalanceCap);
    }

    [Fact]
    public void Tier_1_has_no_limits_in_any_currency_and_a_missing_yearly_limit_stays_missing()
    {
        var schedule = Schedule(new() { ["USD"] = 7.30m });

        Assert.Equal(TierLimits.None, schedule.For(CustomerTiers.InPerson, "USD", Now));
        Assert.Null(schedule.For(CustomerTiers.RealName, "USD", Now).Yearly);
    }

    [Fact]
    public void A_currency_without_a_rate_cannot_be_opened_and_moves_nothing_if_a_wallet_already_holds_it()
    {
        var schedule = Schedule(new() { ["USD"] = 7.30m });

        Assert.True(schedule.Covers("CNY"));
        Assert.True(schedule.Covers("USD"));
        Assert.False(schedule.Covers("EUR"));
        Assert.Equal(LimitSchedule.Nothing, schedule.For(CustomerTiers.Lowest, "EUR", Now));
    }

    [Fact]
    public void Without_configured_rates_every_currency_a_wallet_holds_has_a_default_and_the_default_seven_are_offered()
    {
        var schedule = Schedule([]);

        Assert.All(Money.Currencies.All, currency => Assert.True(schedule.Rates.Covers(currency), currency));
        Assert.Equal(["CNY", "EUR", "GBP", "HKD", "JPY", "SGD", "USD"], schedule.Rates.Offered.Order(StringComparer.Ordinal));
        Assert.All(Money.Currencies.All, currency => Assert.Equal(schedule.Rates.Offered.Contains(currency), schedule.Covers(currency)));
        Assert.False(schedule.Covers("KRW")); // held (it has a rate), not offered
    }

    [Fact]
    public void A_configured_list_of_currencies_is_what_is_offered_and_each_needs_a_rate()
    {
        var offered = new LimitSchedule(Options.Create(new LimitOptions()), Options.Create(new Money.MoneyOptions { Currencies = ["USD", "KRW"] }));
        Assert.Equal(["CNY", "KRW", "USD"], offered.Rates.Offered.Order(StringComparer.Ordinal)); // the home currency always
        Assert.True(offered.Covers("KRW"));
        Assert.False(offered.Covers("EUR"));
        Assert.Throws<InvalidOperationException>(() => new LimitSchedule(Options.Create(new LimitOptions { ReferenceRates = new() { ["USD"] = 7.3m } }),
            Options.Create(new Money.MoneyOptions { Currencies = ["USD", "EUR"] }))); // EUR has no rate
        Assert.Throws<InvalidOperationException>(() => new LimitSchedule(Options.Create(new LimitOptions()), Options.Create(new Money.MoneyOptions { Currencies = ["XAU"] })));
    }

    [Fact]
    public void A_version_for_the_currency_itself_wins_over_the_rate()
    {
        var hkd = new LimitVersion { EffectiveFrom = Now.AddYears(-1), Currency = "HKD", Tiers = { [CustomerTiers.Lowest] = new(1, 2, 3, 4) } };
        var options = new LimitOptions { Versions = [LimitOptions.ECny, hkd], ReferenceRates = new() { ["HKD"] = 0.92m } };

        Assert.Equal(new TierLimits(1, 2, 3, 4), new LimitSchedule(Options.Create(options)).For(CustomerTiers.Lowest, "HKD", Now));
    }

    [Fact]
    public void With_another_home_currency_its_limits_are_the_base_and_cny_is_converted_from_them()
    {
        var hkd = new LimitVersion { EffectiveFrom = Now.AddYears(-1), Currency = "HKD", Tiers = { [CustomerTiers.Lowest] = new(1_000_000, 200_000, 500_000, null) } };
        var schedule = new LimitSchedule(Options.Create(new LimitOptions { Versions = [hkd], ReferenceRates = new() { ["CNY"] = 1.10m } }),
            Options.Create(new Money.MoneyOptions { HomeCurrency = "HKD" }));

        Assert.Equal("HKD", schedule.HomeCurrency);
        Assert.Equal(new TierLimits(909_090, 181_818, 454_545, null), schedule.For(CustomerTiers.Lowest, "CNY", Now)); // HK$2,000 is ¥1,818.18 at 1.10
        Assert.False(schedule.Covers("USD"));
    }

    [Fact]
    public void Another_home_currency_needs_its_own_rates_and_limits_so_no_wallet_is_ever_without_limits()
    {
        var hkd = new LimitVersion { EffectiveFrom = Now.AddYears(-1), Currency = "HKD", Tiers = { [CustomerTiers.Lowest] = new(1, 2, 3, 4) } };
        var home = Options.Create(new Money.MoneyOptions { HomeCurrency = "HKD" });

        Assert.Throws<InvalidOperationException>(() => new LimitSchedule(Options.Create(new LimitOptions { Versions = [hkd] }), home)); // the default rates are CNY's
        Assert.Throws<InvalidOperationException>(() => new LimitSchedule(Options.Create(new LimitOptions { ReferenceRates = new() { ["CNY"] = 1.10m } }), home)); // the e-CNY table is not HKD's
        Assert.Throws<InvalidOperationException>(() => new LimitSchedule(Options.Create(new LimitOptions()), Options.Create(new Money.MoneyOptions { HomeCurrency = "XAU" })));
    }

    [Fact]
    public void A_rate_of_zero_or_less_is_refused_at_start()
        => Assert.Throws<InvalidOperationException>(() => Schedule(new() { ["USD"] = 0m }));

    private static LimitSchedule Schedule(Dictionary<string, decimal> rates)
        => new(Options.Create(new LimitOptions { ReferenceRates = rates }));
}
