namespace Wallet.Fx;

/// <summary>What counts against a person's annual quota for buying foreign currency (a conversion, a remittance abroad).</summary>
public static class FxQuotaRule
{
    /// <summary>
    /// A purchase of foreign currency with the home currency counts against the annual quota: what it buys in US
    /// cents at the mid, rounded up. Selling foreign currency, or changing one foreign currency for another, does not.
    /// </summary>
    public static async Task<long> DrawnBy(IGrainFactory grains, string homeCurrency, CurrencyPair pair, long bought)
    {
        if (pair.From != homeCurrency || pair.To == homeCurrency)
        {
            return 0;
        }
        if (pair.To == FxQuotas.Currency)
        {
            return bought;
        }
        var toUsd = new CurrencyPair(pair.To, FxQuotas.Currency);
        return FxArithmetic.CountedAs(bought, (await grains.GetGrain<IFxRateGrain>(toUsd.Key).Current()).Mid, toUsd);
    }
}
