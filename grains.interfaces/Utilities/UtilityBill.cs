namespace Wallet.Utilities;

/// <summary>
/// What a biller says an account owes for one period: the bill's reference (unique at the biller), the amount,
/// the day it was issued and the day it is due (Asia/Shanghai calendar days, as the bill prints them).
/// </summary>
[GenerateSerializer, Immutable, Alias("Wallet.UtilityBill")]
public sealed record UtilityBill(
    [property: Id(0)] string BillRef,
    [property: Id(1)] string Period,
    [property: Id(2)] long Amount,
    [property: Id(3)] string Currency,
    [property: Id(4)] DateOnly IssuedOn,
    [property: Id(5)] DateOnly DueOn);

/// <summary>What a biller answered about a payment: it took it (with its own reference), refused it (why), or has not said.</summary>
public enum BillerOutcome
{
    Accepted = 0,
    Refused = 1,
    Unknown = 2,
}

[GenerateSerializer, Immutable, Alias("Wallet.BillerAnswer")]
public sealed record BillerAnswer([property: Id(0)] BillerOutcome Outcome, [property: Id(1)] string? Reference = null, [property: Id(2)] string? Reason = null)
{
    public static readonly BillerAnswer Silent = new(BillerOutcome.Unknown);
}

/// <summary>
/// One bill of one account at a biller, whoever pays it: which payment settles it. Claimed inside the payment's
/// transaction and let go inside its refund's, so two payments of the same bill (two family members, a tap and an
/// autopay at once) can never both go through.
/// </summary>
[Alias("Wallet.IUtilityBillGrain")]
public interface IUtilityBillGrain : IGrainWithStringKey
{
    /// <summary>Claims the bill for <paramref name="paymentId"/>, or says it is paid by another.</summary>
    [Alias("Claim"), Transaction(TransactionOption.Join), AlwaysInterleave]
    Task<Refusals.Refusal?> Claim(string paymentId);

    /// <summary>Lets the bill go again if <paramref name="paymentId"/> held it (its money went back).</summary>
    [Alias("Release"), Transaction(TransactionOption.Join), AlwaysInterleave]
    Task Release(string paymentId);

    /// <summary>The payment that settles the bill, or null while it is unpaid.</summary>
    [Alias("PaidBy"), Transaction(TransactionOption.CreateOrJoin), AlwaysInterleave]
    Task<string?> PaidBy();
}

public static class UtilityBills
{
    /// <summary>A bill's grain key: the biller, the account there and the biller's reference for the bill.</summary>
    public static string KeyOf(string billerId, string account, string billRef) => $"{billerId}/{account}/{billRef}";
}
