namespace Wallet.Wallets;

/// <summary>
/// A wallet's auto top-up (keyed by the wallet's id): its owner lets a bound card cover a payment the wallet lacks the
/// money for, up to a cap per bank day. The payment tops up first, under an id made from its own, then pays.
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
}

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
