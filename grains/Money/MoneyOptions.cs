namespace Wallet.Money;

/// <summary>The bank's money (<c>Wallet:Money</c>): the home currency everything else is measured against.</summary>
public sealed class MoneyOptions
{
    public const string Section = "Wallet:Money";

    /// <summary>The home currency when none is configured, and the one the default limits and reference rates are in.</summary>
    public const string DefaultHomeCurrency = "CNY";

    /// <summary>
    /// The currency the tiers' limits and the risk rules' thresholds are set in (every other currency's are
    /// converted at its reference rate), the limits a customer's profile shows, and a merchant's settlement
    /// currency unless it chose another at onboarding.
    /// </summary>
    public string HomeCurrency { get; set; } = DefaultHomeCurrency;
}
