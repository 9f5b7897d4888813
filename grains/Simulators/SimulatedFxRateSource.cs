using Wallet.Fx;
using Wallet.Money;

namespace Wallet.Simulators;

/// <summary>
/// A rate feed for the embedded mode and the tests. Stateless, so every silo answers alike: each currency's mid is its
/// reference rate (<c>Wallet:Limits:ReferenceRates</c>) moved a little every <see cref="MovesEvery"/> — a slow swing of
/// up to ±0.4 % over about an hour and a tick of up to ±0.05 % — worked out from the currency and the time alone.
/// </summary>
public sealed class SimulatedFxRateSource(ReferenceRates rates) : IFxRateSource
{
    public static readonly TimeSpan MovesEvery = TimeSpan.FromSeconds(5);

    public Task<IReadOnlyDictionary<string, decimal>> MidRates(DateTimeOffset now)
    {
        var tick = now.ToUnixTimeMilliseconds() / (long)MovesEvery.TotalMilliseconds;
        var mids = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var currency in Currencies.All)
        {
            if (currency != rates.HomeCurrency && rates.PerUnit(currency) is { } reference)
            {
                mids[currency] = FxArithmetic.Rounded(reference * (1 + Wobble(currency, tick)));
            }
        }
        return Task.FromResult<IReadOnlyDictionary<string, decimal>>(mids);
    }

    /// <summary>The currency's move at this tick, as a fraction of its reference rate.</summary>
    public static decimal Wobble(string currency, long tick)
    {
        var phase = Ledger.StableHash.Of(currency) % 1000 / 1000.0 * 2 * Math.PI;
        var swing = 0.004 * Math.Sin(tick * 2 * Math.PI / 720 + phase); // 720 ticks of 5 s: an hour
        var jitter = (Ledger.StableHash.Of($"{currency}:{tick}") % 2001 / 1000.0 - 1) * 0.0005;
        return decimal.Round((decimal)(swing + jitter), 8);
    }
}
