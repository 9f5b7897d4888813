using Microsoft.Extensions.Options;
using Wallet.Hosting;
using Wallet.Limits;
using Wallet.Refusals;

namespace Wallet.Fx;

/// <summary>A customer's purchases of foreign currency in one bank year, drawn on inside each converting transaction.</summary>
public sealed class FxQuotaGrain([TransactionalState("quota", StorageNames.Wallet)] ITransactionalState<FxQuotaState> state, IOptions<FxOptions> options)
    : Grain, IFxQuotaGrain
{
    private long Quota => options.Value.AnnualQuotaCents;

    private int Year => int.Parse(this.GetPrimaryKeyString().Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);

    public Task Draw(string movementId, long usd) => state.PerformUpdate(s =>
    {
        var quota = Quota;
        if (s.Drawn.ContainsKey(movementId))
        {
            return;
        }
        var used = s.Drawn.Values.Sum();
        if (checked(used + usd) > quota)
        {
            var left = Math.Max(0, quota - used);
            throw new WalletRefusedException(RefusalCodes.FxQuotaExceeded,
                $"This would buy {Money.Amounts.Format(usd, FxQuotas.Currency)} of foreign currency; {Money.Amounts.Format(left, FxQuotas.Currency)} is left of this year's quota.")
            {
                Limit = new LimitMet(FxQuotas.LimitName, quota, left, FxQuotas.Currency),
            };
        }
        s.Drawn[movementId] = usd;
    });

    public Task<FxQuotaView> View() => state.PerformRead(s => new FxQuotaView(Year, Quota, s.Drawn.Values.Sum()));
}

/// <summary>Each conversion's draw by its movement id, so the transaction retried after an abort draws once.</summary>
[GenerateSerializer, Alias("Wallet.FxQuotaState")]
public sealed class FxQuotaState
{
    [Id(0)] public Dictionary<string, long> Drawn { get; set; } = new(StringComparer.Ordinal);
}
