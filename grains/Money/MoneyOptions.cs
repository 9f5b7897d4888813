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

    /// <summary>The currencies wallets are opened in, merchants settle in and customers convert between (ISO 4217 codes); null: <see cref="DefaultCurrencies"/>.</summary>
    public string[]? Currencies { get; set; }

    public static readonly string[] DefaultCurrencies = ["CNY", "HKD", "USD", "EUR", "GBP", "JPY", "SGD"];

    /// <summary>What is offered: the configured list (with the home currency always in it), or the default.</summary>
    public IReadOnlySet<string> Offered => new HashSet<string>(Currencies ?? DefaultCurrencies, StringComparer.Ordinal) { HomeCurrency };
}
