namespace Wallet.Limits;

/// <summary>
/// What one real-name tier may hold and spend, in the currency's minor units; null is no limit.
/// Spending is every movement out of the wallet: transfers, payments and withdrawals alike.
/// </summary>
[GenerateSerializer, Immutable, Alias("Wallet.TierLimits")]
public sealed record TierLimits(
    [property: Id(0)] long? BalanceCap = null,
    [property: Id(1)] long? Single = null,
    [property: Id(2)] long? Daily = null,
    [property: Id(3)] long? Yearly = null)
{
    public static readonly TierLimits None = new();

    public long? AmountOf(string limit) => limit switch
    {
        LimitNames.BalanceCap => BalanceCap,
        LimitNames.Single => Single,
        LimitNames.Daily => Daily,
        _ => Yearly,
    };
}

/// <summary>The names a refusal gives the limit it met (the problem's <c>limit</c>).</summary>
public static class LimitNames
{
    public const string BalanceCap = "balance_cap";
    public const string Single = "single";
    public const string Daily = "daily";
    public const string Yearly = "yearly";

    /// <summary>A sub-wallet's rule: the most one payment may be.</summary>
    public const string SubWalletPerPayment = "sub_wallet_per_payment";

    /// <summary>A sub-wallet's rule: the most a bank day's payments may add up to.</summary>
    public const string SubWalletDaily = "sub_wallet_daily";
}
