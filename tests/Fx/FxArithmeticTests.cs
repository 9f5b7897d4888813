using Wallet.Fx;
using Wallet.Money;

namespace Wallet.Tests.Fx;

/// <summary>The conversions' arithmetic on its own: minor units by currency, rounding at the half unit, pairs as written.</summary>
public sealed class FxArithmeticTests
{
    private static readonly CurrencyPair UsdToCny = new("USD", "CNY");

    [Theory]
    [InlineData(100, "7.125", 712)] // $1.00 at 7.125 is ¥7.125: the half fen goes to the bank
    [InlineData(4, "7.125", 28)] // 28.5 fen: down, not to the even or away from zero
    [InlineData(1, "0.999999", 0)] // less than a fen converts to nothing (the quote refuses it)
    [InlineData(200, "7.125", 1_425)] // exact
    public void What_the_customer_receives_is_rounded_down(long cents, string rate, long fen)
        => Assert.Equal(fen, FxArithmetic.Receives(cents, decimal.Parse(rate, System.Globalization.CultureInfo.InvariantCulture), UsdToCny));

    [Theory]
    [InlineData(712, "7.125", 100)] // 99.93 cents: up to a whole dollar
    [InlineData(1_425, "7.125", 200)] // exact
    [InlineData(1, "7.125", 1)] // a fen costs a whole cent
    public void What_the_customer_pays_is_rounded_up(long fen, string rate, long cents)
        => Assert.Equal(cents, FxArithmetic.Pays(fen, decimal.Parse(rate, System.Globalization.CultureInfo.InvariantCulture), UsdToCny));

    [Fact]
    public void A_yen_is_one_unit_and_a_yuan_one_hundred()
    {
        Assert.Equal((0, 2), (Currencies.MinorUnitsOf("JPY"), Currencies.MinorUnitsOf("CNY")));
        Assert.Equal(5, FxArithmetic.Receives(1, 0.05m, new CurrencyPair("JPY", "CNY"))); // ¥1 (yen) at 0.05 is 5 fen
        Assert.Equal(20, FxArithmetic.Receives(100, 20m, new CurrencyPair("CNY", "JPY"))); // ¥1 (yuan, 100 fen) at 20 is 20 yen
        Assert.Equal(100, FxArithmetic.Pays(20, 20m, new CurrencyPair("CNY", "JPY"))); // 20 yen cost 100 fen
        Assert.Equal(0, FxArithmetic.Receives(4, 20m, new CurrencyPair("CNY", "JPY"))); // 4 fen is 0.8 yen: none
    }

    [Fact]
    public void Paying_for_an_amount_always_buys_at_least_it()
    {
        foreach (var rate in new[] { 7.1234m, 0.0487m, 20.53m, 1.0001m })
        {
            for (var wanted = 1L; wanted < 500; wanted += 7)
            {
                var pays = FxArithmetic.Pays(wanted, rate, UsdToCny);
                Assert.True(FxArithmetic.Receives(pays, rate, UsdToCny) >= wanted, $"{pays} at {rate} buys less than {wanted}");
                Assert.True(FxArithmetic.Receives(pays - 1, rate, UsdToCny) < wanted, $"{pays} at {rate} is more than a unit over {wanted}");
            }
        }
    }

    [Theory]
    [InlineData("USD-CNY", true)]
    [InlineData("JPY-HKD", true)]
    [InlineData("CNY-CNY", false)]
    [InlineData("usd-cny", false)]
    [InlineData("USD/CNY", false)]
    [InlineData("USDCNY", false)]
    [InlineData("XXX-CNY", false)]
    [InlineData("", false)]
    public void A_pair_is_two_different_currencies_written_from_dash_to(string key, bool valid)
        => Assert.Equal(valid, CurrencyPair.Parse(key) is not null);
}
