using System.Collections.Immutable;
using Wallet.Identity;

namespace Wallet.Families;

/// <summary>The sub-wallet's facts that change rarely, and what the owner has been told, in ordinary grain state.</summary>
[GenerateSerializer, Alias("Wallet.SubWalletProfile")]
public sealed class SubWalletProfile
{
    [Id(0)] public string FamilyId { get; set; } = "";
    [Id(1)] public string MemberId { get; set; } = "";
    [Id(2)] public string OpenedBy { get; set; } = "";
    [Id(3)] public string Currency { get; set; } = "";
    [Id(4)] public string WalletId { get; set; } = "";
    [Id(5)] public DateTimeOffset OpenedAt { get; set; }
    [Id(6)] public IdempotentRequest? Request { get; set; }

    /// <summary>The wallet of the last top-up: where what is left goes when the sub-wallet ends.</summary>
    [Id(7)] public string? FundedFrom { get; set; }

    /// <summary>The number of the last payment the owner was told of (one by one, or in a daily summary).</summary>
    [Id(8)] public long ToldThrough { get; set; }

    /// <summary>Why it ended, once it did, and whether what was left has been given back.</summary>
    [Id(9)] public string? EndReason { get; set; }
    [Id(10)] public bool GivenBack { get; set; }

    /// <summary>How many attempts to give back what was left were refused: each names its own take-back.</summary>
    [Id(13)] public int GiveBackAttempts { get; set; }

    /// <summary>Who keeps the family (it never changes hands): told of the payments, with the opener when another.</summary>
    [Id(11)] public string FamilyOwnerId { get; set; } = "";

    /// <summary>A copy of the rules' approval threshold (the guard's rules hold it), set with them, read while a payment is planned without a transaction.</summary>
    [Id(12)] public long? ApprovalAboveCopy { get; set; }
}

/// <summary>
/// What each payment checks and counts, in transactional state: the rules, a freeze, the end, and the day's payments.
/// A payment's debit reads and writes it in its own transaction, so two payments at once queue here and the second
/// sees what the first spent.
/// </summary>
[GenerateSerializer, Alias("Wallet.SubWalletGuard")]
public sealed class SubWalletGuard
{
    [Id(0)] public SubWalletRules Rules { get; set; } = new();
    [Id(1)] public bool Frozen { get; set; }
    [Id(2)] public DateTimeOffset? EndedAt { get; set; }
    [Id(3)] public DateOnly Day { get; set; }
    [Id(4)] public long SpentToday { get; set; }

    /// <summary>The most recent payments, oldest first (at most <see cref="Kept"/>), for the owner's view and notices.</summary>
    [Id(5)] public ImmutableList<SubWalletPayment> Payments { get; set; } = [];

    [Id(6)] public long PaymentCount { get; set; }

    public const int Kept = 200;

    /// <summary>What has been spent on <paramref name="day"/>: nothing yet, if the last payment was on an earlier one.</summary>
    public long SpentOn(DateOnly day) => Day == day ? SpentToday : 0;

    public void Count(SubWalletPayment payment, DateOnly day)
    {
        SpentToday = SpentOn(day) + payment.Amount;
        Day = day;
        PaymentCount = payment.Number;
        Payments = Payments.Count >= Kept ? Payments.RemoveAt(0).Add(payment) : Payments.Add(payment);
    }
}
