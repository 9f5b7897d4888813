using Wallet.Bills;
using Wallet.Identity;

namespace Wallet.Families;

/// <summary>How a sub-wallet's payments reach the family's owner: each as it happens, or one summary a day.</summary>
public enum PaymentNotices
{
    EachPayment = 0,
    DailySummary = 1,
}

/// <summary>
/// What a sub-wallet may pay, set by the family's owner or a guardian. Amounts in minor units of the sub-wallet's
/// currency; null or empty is no rule. Hours and the end date are the bank's (Asia/Shanghai).
/// </summary>
[GenerateSerializer, Immutable, Alias("Wallet.SubWalletRules")]
public sealed record SubWalletRules
{
    /// <summary>The most one payment may be.</summary>
    [Id(0)] public long? PerPaymentLimit { get; init; }

    /// <summary>The most the payments of one bank day may add up to.</summary>
    [Id(1)] public long? DailyLimit { get; init; }

    /// <summary>The spending categories (from the merchant's MCC) it may pay in; empty: any.</summary>
    [Id(2)] public IReadOnlyList<SpendingCategory> AllowedCategories { get; init; } = [];

    /// <summary>The only merchants it may pay; empty: any not blocked.</summary>
    [Id(3)] public IReadOnlyList<string> AllowedMerchants { get; init; } = [];

    /// <summary>Merchants it may never pay.</summary>
    [Id(4)] public IReadOnlyList<string> BlockedMerchants { get; init; } = [];

    /// <summary>From when in the day it may pay (inclusive); with <see cref="PaysUntil"/>, a window that may pass midnight.</summary>
    [Id(5)] public TimeOnly? PaysFrom { get; init; }

    /// <summary>Until when in the day it may pay (exclusive).</summary>
    [Id(6)] public TimeOnly? PaysUntil { get; init; }

    /// <summary>The last day it may pay; the next day what is left goes back to who funded it.</summary>
    [Id(7)] public DateOnly? EndDate { get; init; }

    [Id(8)] public PaymentNotices Notices { get; init; }

    /// <summary>A payment above this waits for the owner's or a guardian's approval, its money held in the sub-wallet.</summary>
    [Id(9)] public long? ApprovalAbove { get; init; }
}

/// <summary>A payment the sub-wallet made, as the family's owner sees it; <see cref="Number"/> counts its payments from 1.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.SubWalletPayment")]
public sealed record SubWalletPayment(
    [property: Id(0)] string MovementId,
    [property: Id(1)] string? MerchantId,
    [property: Id(2)] long Amount,
    [property: Id(3)] DateTimeOffset At,
    [property: Id(4)] SpendingCategory? Category,
    [property: Id(5)] long Number);

/// <summary>A sub-wallet as its family's owner, a guardian or its member sees it.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.SubWalletView")]
public sealed record SubWalletView(
    [property: Id(0)] string SubWalletId,
    [property: Id(1)] string WalletId,
    [property: Id(2)] string FamilyId,
    [property: Id(3)] string MemberId,
    [property: Id(4)] string OpenedBy,
    [property: Id(5)] string Currency,
    [property: Id(6)] long Balance,
    [property: Id(7)] bool Frozen,
    [property: Id(8)] DateTimeOffset? EndedAt,
    [property: Id(9)] SubWalletRules Rules,
    [property: Id(10)] DateOnly Day,
    [property: Id(11)] long SpentToday,
    [property: Id(12)] IReadOnlyList<SubWalletPayment> RecentPayments,
    [property: Id(13)] DateTimeOffset OpenedAt);

/// <summary>The owner's or a guardian's request to open a sub-wallet for a member, in the member's name and the given currency.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.SubWalletOpening")]
public sealed record SubWalletOpening(
    [property: Id(0)] string FamilyId,
    [property: Id(1)] string OpenedBy,
    [property: Id(2)] string MemberId,
    [property: Id(3)] string Currency,
    [property: Id(4)] SubWalletRules Rules,
    [property: Id(5)] IdempotentRequest Request);

/// <summary>What a movement into or out of a sub-wallet needs of it, asked for a steward (the owner or a guardian); <see cref="Stewards"/>: who is told of it.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.SubWalletTerms")]
public sealed record SubWalletTerms(
    [property: Id(0)] string WalletId,
    [property: Id(1)] string MemberId,
    [property: Id(2)] string Currency,
    [property: Id(3)] bool Ended,
    [property: Id(4)] IReadOnlyList<string> Stewards);
