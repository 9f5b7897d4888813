using Microsoft.Extensions.Options;
using Wallet.Hosting;
using Wallet.Money;

namespace Wallet.Fx;

/// <summary>
/// One pair's rates: the mid from the source (each currency against the home one, so a cross pair is their ratio),
/// asked again when older than <see cref="FxOptions.RefreshEvery"/>, and the bank's buy and sell rates a spread either side.
/// </summary>
[Orleans.Concurrency.Reentrant] // a refresh is one read of the source: callers waiting on it may as well share it
public sealed class FxRateGrain(IFxRateSource source, ReferenceRates rates, IOptions<FxOptions> options, [FromKeyedServices(WalletClock.Key)] TimeProvider clock)
    : Grain, IFxRateGrain
{
    private FxRate? _rate;
    private Task<FxRate>? _refreshing;

    private CurrencyPair Pair => CurrencyPair.Parse(this.GetPrimaryKeyString()) ?? throw new ArgumentException($"Not a currency pair: {this.GetPrimaryKeyString()}.");

    public async Task<FxRate> Current()
    {
        var now = clock.GetUtcNow();
        if (_rate is { } fresh && now - fresh.At < options.Value.RefreshEvery && now >= fresh.At)
        {
            return fresh;
        }
        _refreshing ??= Refresh(now);
        try
        {
            return _rate = await _refreshing;
        }
        finally
        {
            _refreshing = null;
        }
    }

    private async Task<FxRate> Refresh(DateTimeOffset now)
    {
        var pair = Pair;
        var mids = await source.MidRates(now);
        var mid = FxArithmetic.Rounded(MidOf(mids, pair.From) / MidOf(mids, pair.To));
        var spread = options.Value.Spread;
        return new FxRate(pair, mid, FxArithmetic.Rounded(mid * (1 - spread)), FxArithmetic.Rounded(mid * (1 + spread)), now);
    }

    private decimal MidOf(IReadOnlyDictionary<string, decimal> mids, string currency)
        => currency == rates.HomeCurrency ? 1m
            : mids.TryGetValue(currency, out var mid) && mid > 0 ? mid
            : throw new Refusals.WalletRefusedException(Refusals.RefusalCodes.IntegrationUnavailable, $"The rate feed has no rate for {currency}.");
}
