using Wallet.Hosting;
using Wallet.Money;

namespace Wallet.Fx;

/// <summary>
/// One currency's rate to the home currency for one bank day: the pair's mid the first time it is asked that day,
/// written down so that every silo, and this grain after a restart, answers the same rate all day.
/// </summary>
public sealed class FxFixingGrain(
    [PersistentState("fixing", StorageNames.Wallet)] IPersistentState<FxFixingState> fixing,
    ReferenceRates rates)
    : Grain, IFxFixingGrain
{
    public async Task<decimal> PerUnit()
    {
        if (fixing.State.PerUnit is { } fixedRate)
        {
            return fixedRate;
        }
        var currency = this.GetPrimaryKeyString().Split(':')[0];
        var mid = currency == rates.HomeCurrency
            ? 1m
            : (await GrainFactory.GetGrain<IFxRateGrain>(new CurrencyPair(currency, rates.HomeCurrency).Key).Current()).Mid;
        fixing.State.PerUnit = mid;
        try
        {
            await fixing.WriteStateAsync();
        }
        catch
        {
            fixing.State.PerUnit = null; // not written: another rate may be fixed after a restart, so none is answered from memory
            throw;
        }
        return mid;
    }
}

[GenerateSerializer, Alias("Wallet.FxFixingState")]
public sealed class FxFixingState
{
    [Id(0)] public decimal? PerUnit { get; set; }
}
