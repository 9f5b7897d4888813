namespace Wallet.Merchants;

/// <summary>Merchant settlement (<c>Wallet:Settlement</c>): the bank's fee, and how often settlement runs on its own.</summary>
public sealed class SettlementOptions
{
    public const string Section = "Wallet:Settlement";

    /// <summary>The fee in hundredths of a percent of what is settled (38 = 0.38 %), rounded down to the fen.</summary>
    public int FeeBasisPoints { get; set; } = 38;

    /// <summary>Scheduled settlement's period (an Orleans reminder per merchant with a settlement card).</summary>
    public TimeSpan Every { get; set; } = TimeSpan.FromDays(1);
}
