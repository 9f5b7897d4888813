namespace Wallet.Fx;

/// <summary>The bank's foreign exchange (<c>Wallet:Fx</c>): its spread, how long a quote holds, the annual purchase quota.</summary>
public sealed class FxOptions
{
    public const string Section = "Wallet:Fx";

    /// <summary>How far the bank's buy and sell rates are from the mid, each side (0.003: 0.3 %).</summary>
    public decimal Spread { get; set; } = 0.003m;

    /// <summary>How long a quote's price holds.</summary>
    public TimeSpan QuoteValidFor { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How old a pair's mid may be before the rate source is asked again.</summary>
    public TimeSpan RefreshEvery { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>What one person may buy in foreign currency in a bank year, in US dollars (the SAFE's individual quota).</summary>
    public long AnnualQuotaUsd { get; set; } = 50_000;

    /// <summary>The quota in US cents.</summary>
    public long AnnualQuotaCents => checked(AnnualQuotaUsd * 100);

    /// <summary>The fee for a remittance abroad, in minor units of the home currency (5000: ¥50.00); a wallet in another currency pays it converted.</summary>
    public long RemittanceFee { get; set; } = 5_000;

    /// <summary>How long a remittance waits for the correspondent bank's first answer before it is followed up.</summary>
    public TimeSpan CorrespondentAnswerWithin { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often a remittance under way asks the correspondent again (an Orleans reminder: a minute at least).</summary>
    public TimeSpan RemittanceFollowUpEvery { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>A remittance the correspondent has not taken within this is given back to the wallet.</summary>
    public TimeSpan RemittanceSendWithin { get; set; } = TimeSpan.FromDays(1);
}

/// <summary>
/// Where mid rates come from (a market data feed in a real bank): for each currency it quotes, how many major units of
/// the home currency one major unit buys, at <c>now</c>.
/// </summary>
public interface IFxRateSource
{
    Task<IReadOnlyDictionary<string, decimal>> MidRates(DateTimeOffset now);
}

/// <summary>Where no rate feed is integrated (simulators off): quotes and conversions answer 503 <c>integration_unavailable</c>.</summary>
public sealed class UnconfiguredFxRateSource : IFxRateSource
{
    public Task<IReadOnlyDictionary<string, decimal>> MidRates(DateTimeOffset now)
        => throw new Refusals.WalletRefusedException(Refusals.RefusalCodes.IntegrationUnavailable, "No FX rate feed is configured: currencies cannot be converted yet.");
}
