namespace Wallet.Wallets;

/// <summary>When a wallet is busy enough to receive through tills, and how many (<c>Wallet:Tills</c>).</summary>
public sealed class TillOptions
{
    public const string Section = "Wallet:Tills";

    /// <summary>Receiving tills a busy wallet gets: payers then contend on one of these instead of on the wallet.</summary>
    public int Count { get; set; } = 8;

    /// <summary>Credits planned within one second (movements asking to credit it) at which a wallet switches to tills, for good.</summary>
    public int BusyCreditsPerSecond { get; set; } = 50;
}
