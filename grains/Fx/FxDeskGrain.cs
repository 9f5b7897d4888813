using Wallet.Hosting;
using Wallet.Limits;
using Wallet.Money;
using Wallet.Refusals;

namespace Wallet.Fx;

/// <summary>The FX desk the API asks: which currencies the bank offers, their rates, and a customer's quota this bank year.</summary>
[Orleans.Concurrency.StatelessWorker]
public sealed class FxDeskGrain(LimitSchedule calendar, [FromKeyedServices(WalletClock.Key)] TimeProvider clock) : Grain, IFxDeskGrain
{
    private ReferenceRates Offered => calendar.Rates;

    public async Task<FxBoard> Rates()
        => new(Offered.HomeCurrency, await Task.WhenAll(Offered.Offered.Where(c => c != Offered.HomeCurrency).Order(StringComparer.Ordinal)
            .Select(c => GrainFactory.GetGrain<IFxRateGrain>(new CurrencyPair(c, Offered.HomeCurrency).Key).Current())));

    public Task<FxRate> Rate(CurrencyPair pair)
        => pair.IsConvertible && Offered.Offered.Contains(pair.From) && Offered.Offered.Contains(pair.To)
            ? GrainFactory.GetGrain<IFxRateGrain>(pair.Key).Current()
            : throw new WalletRefusedException(RefusalCodes.CurrencyNotSupported, $"The bank does not convert {pair.From} to {pair.To}.");

    public Task<FxQuotaView> Quota(string customerId)
        => GrainFactory.GetGrain<IFxQuotaGrain>(FxQuotas.KeyOf(customerId, calendar.DayOf(clock.GetUtcNow()).Year)).View();
}
