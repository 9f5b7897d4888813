namespace Wallet.Wallets;

/// <summary>
/// What covers a wallet's payment short of money (keyed by the wallet's id): its owner's money-market fund first ("balance plus
/// fund"), then a bound card up to a cap per bank day (an auto top-up). The payment is covered first, under ids made from its own, then pays.
/// </summary>
[Alias("Wallet.IAutoTopUpGrain")]
public interface IAutoTopUpGrain : IGrainWithStringKey
{
    /// <summary>The setting and today's use, for the wallet's owner; null when none is set.</summary>
    [Alias("Find")]
    Task<AutoTopUpView?> Find(string callerId);

    /// <summary>Sets (or replaces) it: the card must be one of the owner's, bound and verified.</summary>
    [Alias("Set")]
    Task<AutoTopUpView> Set(string callerId, AutoTopUpSettings settings);

    [Alias("Remove")]
    Task Remove(string callerId);

    /// <summary>
    /// What a payment <paramref name="shortfall"/> short may top up now, reserved under <paramref name="topUpId"/> (asked again,
    /// the same answer): the shortfall, rounded up to the chosen amount while that fits today's cap; null when none is set
    /// or the cap has no room for the shortfall.
    /// </summary>
    [Alias("Reserve")]
    Task<AutoTopUpPlan?> Reserve(string topUpId, long shortfall);

    /// <summary>The card declined the top-up reserved under <paramref name="topUpId"/>: its share of the cap is free again.</summary>
    [Alias("Release")]
    Task Release(string topUpId);

    /// <summary>
    /// "Balance plus fund": the owner lets their holding of a money-market fund cover a payment the wallet lacks the money for,
    /// before any card. The holding must be theirs, a fund's, active and in the wallet's currency; null removes it.
    /// </summary>
    [Alias("SetFundCover")]
    Task<FundCoverView?> SetFundCover(string callerId, string? holdingId);

    /// <summary>The fund that covers the wallet's payments, for its owner; null when none does.</summary>
    [Alias("FindFundCover")]
    Task<FundCoverView?> FindFundCover(string callerId);

    /// <summary>The holding a payment short of money redeems from first, or null.</summary>
    [Alias("FundCoverOf")]
    Task<string?> FundCoverOf();
}

/// <summary>The holding of a money-market fund that covers a wallet's payments.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.FundCoverView")]
public sealed record FundCoverView([property: Id(0)] string WalletId, [property: Id(1)] string HoldingId, [property: Id(2)] string Currency);

/// <summary>The redemption from a fund a payment made first, to cover what the wallet lacked.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.FundCoverApplied")]
public sealed record FundCoverApplied([property: Id(0)] string RedemptionId, [property: Id(1)] long Amount);

/// <summary>Which card tops up, at most how much a bank day, and the round amount to top up by (null: just the shortfall).</summary>
[GenerateSerializer, Immutable, Alias("Wallet.AutoTopUpSettings")]
public sealed record AutoTopUpSettings([property: Id(0)] string CardId, [property: Id(1)] long DailyCap, [property: Id(2)] long? RoundTo);

/// <summary>A wallet's auto top-up and what it has topped up on the bank day <see cref="Day"/>.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.AutoTopUpView")]
public sealed record AutoTopUpView(
    [property: Id(0)] string WalletId,
    [property: Id(1)] AutoTopUpSettings Settings,
    [property: Id(2)] DateOnly Day,
    [property: Id(3)] long UsedToday,
    [property: Id(4)] string Currency);

/// <summary>A top-up a payment may make: from which card, how much.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.AutoTopUpPlan")]
public sealed record AutoTopUpPlan([property: Id(0)] string CardId, [property: Id(1)] long Amount);

/// <summary>The top-up a payment made first, to cover what the wallet lacked.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.AutoTopUpApplied")]
public sealed record AutoTopUpApplied([property: Id(0)] string TopUpId, [property: Id(1)] long Amount);
