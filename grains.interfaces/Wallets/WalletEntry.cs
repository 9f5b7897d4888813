namespace Wallet.Wallets;

/// <summary>
/// One line of a wallet's statement, written in the same transaction as the balance it leaves. <paramref name="Category"/>
/// is where its movement put it (a merchant payment by the merchant's MCC); null on entries booked before categories
/// were kept, which take their kind's (<see cref="Bills.SpendingCategories.Of"/>). <paramref name="BookedAt"/> is when the
/// book took it where that is not <paramref name="CreatedAt"/>: a credit a busy wallet's till received is dated when received
/// and booked when the till is swept.
/// </summary>
[GenerateSerializer, Immutable, Alias("Wallet.WalletEntry")]
public sealed record WalletEntry(
    [property: Id(0)] long Sequence,
    [property: Id(1)] string MovementId,
    [property: Id(2)] MovementKind Kind,
    [property: Id(3)] EntryDirection Direction,
    [property: Id(4)] long Amount,
    [property: Id(5)] string Currency,
    [property: Id(6)] long BalanceAfter,
    [property: Id(7)] string? Counterparty,
    [property: Id(8)] string? Memo,
    [property: Id(9)] DateTimeOffset CreatedAt,
    [property: Id(10)] Bills.SpendingCategory? Category = null,
    [property: Id(11)] DateTimeOffset? BookedAt = null)
{
    /// <summary>When the book took the entry: entries are numbered in this order, which dates need not follow.</summary>
    public DateTimeOffset Booked => BookedAt ?? CreatedAt;
}

/// <summary>Which way an entry moved money: <c>in</c> (into the wallet) or <c>out</c> (out of it).</summary>
public enum EntryDirection
{
    In = 0,
    Out = 1,
}

/// <summary>
/// What moved the money: <c>transfer</c> (between customers' wallets), <c>top_up</c> (from a bound card),
/// <c>withdrawal</c> (to a bound card), <c>payment</c> (to a merchant), <c>refund</c> (a merchant's back to the payer),
/// <c>settlement</c> (a merchant's balance swept to its card), <c>cashback</c> (a campaign's cashback into the payer's wallet),
/// <c>loan_drawdown</c> (a loan paid into the borrower's wallet) or <c>loan_repayment</c> (a loan repaid from it).
/// </summary>
public enum MovementKind
{
    Transfer = 0,
    TopUp = 1,
    Withdrawal = 2,
    Payment = 3,
    Refund = 4,
    Settlement = 5,

    /// <summary>A campaign's cashback into the payer's wallet, with the payment that earned it.</summary>
    Cashback = 6,

    /// <summary>A utility bill or top-up paid to a biller (生活缴费); a refused one comes back as a refund.</summary>
    BillPayment = 7,

    /// <summary>Money converted between two of the customer's own wallets in different currencies, at a quote's rate.</summary>
    Conversion = 8,

    /// <summary>Money sent to an account at a bank abroad (跨境汇款), through a correspondent bank; a returned one comes back as a refund.</summary>
    Remittance = 9,

    /// <summary>Money a family's owner or guardian puts into a member's sub-wallet (子钱包).</summary>
    FamilyTopUp = 10,

    /// <summary>What is left in a sub-wallet going back to who funded it: taken back, or at its end.</summary>
    FamilyTakeBack = 11,

    /// <summary>
    /// A red packet (红包): sent (out of the sender's wallet) or a share claimed (into the claimant's); what nobody claimed
    /// comes back to the sender as a refund.
    /// </summary>
    RedPacket = 12,

    /// <summary>Money into a holding of one of the bank's products (bought), or out of it (redeemed, or paid at maturity) (理财).</summary>
    Investment = 13,

    /// <summary>A consumer loan's principal paid into the borrower's wallet (贷款放款), from the bank's loan book.</summary>
    LoanDrawdown = 15,

    /// <summary>A consumer loan's instalment, or its whole rest repaid early (贷款还款), from the borrower's wallet.</summary>
    LoanRepayment = 16,

    /// <summary>The bank's security fund pays a customer an upheld claim for an unauthorised payment (安全保障基金赔付).</summary>
    Compensation = 17,
}
