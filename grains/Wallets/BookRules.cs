using Wallet.Ledger;
using Wallet.Limits;
using Wallet.Money;
using Wallet.Refusals;

namespace Wallet.Wallets;

/// <summary>
/// What a wallet's book admits, checked inside the update that would post it: its status, the owner's
/// restriction, the tier's limits and the funds. Apart from <see cref="WalletGrain"/>, which applies them,
/// since they change with the bank's rules and limits, not with how the book is kept.
/// </summary>
public static class BookRules
{
    /// <summary>Why the book refuses a debit, or null: the status, the restriction, the tier's limits against the day's and year's usage, the funds.</summary>
    public static Refusal? RefusesDebit(WalletBook book, Posting posting, SpendingUsage usage, TierLimits tierLimits)
        => WalletStatuses.RefusesOutgoing(book.Status)
            ?? Risk.Restrictions.RefusesDebit(book.OwnerRestriction, posting.PayerAuthorised, posting.Reviewed)
            ?? (CountsAsSpending(posting) && usage.LimitBrokenBy(posting.Amount, tierLimits) is { } limit ? LimitRefusal(limit, tierLimits, usage, posting.Currency) : null)
            ?? (book.Available < posting.Amount ? new Refusal(RefusalCodes.InsufficientFunds) : null);

    /// <summary>
    /// Whether a debit counts against the tier's limits: all do but a family's take-back, which is not the member spending
    /// but what their family gave going back to it (a child's low tier must not keep a parent's money in their sub-wallet),
    /// and a loan's repayment, which pays the bank back what it lent (a tier's limits must never make a borrower late), and the
    /// security fund's provisional credit taken back from a rejected claim, which is the bank's correction, not spending.
    /// </summary>
    public static bool CountsAsSpending(Posting posting) => posting.Kind is not (MovementKind.FamilyTakeBack or MovementKind.LoanRepayment or MovementKind.Compensation);

    /// <summary>What a sub-wallet takes in: its family's top-ups, and a merchant's refund or cashback for its own payments.</summary>
    public static bool SubWalletTakes(MovementKind kind) => kind is MovementKind.FamilyTopUp or MovementKind.Refund or MovementKind.Cashback;

    /// <summary>Why the book refuses to hold <paramref name="amount"/> for a merchant (or for a review), or null.</summary>
    public static Refusal? RefusesHold(WalletBook book, long amount, bool forReview)
        => WalletStatuses.RefusesOutgoing(book.Status)
            ?? Risk.Restrictions.RefusesDebit(book.OwnerRestriction, payerAuthorised: forReview, reviewed: forReview)
            ?? (book.Available < amount ? new Refusal(RefusalCodes.InsufficientFunds) : null);

    /// <summary>Why the book refuses a credit, or null: a closed wallet, a frozen owner, or the tier's balance cap over the book and its tills.</summary>
    public static WalletRefusedException? RefusesCredit(WalletBook book, Posting posting, long inTills, long? cap)
    {
        if ((WalletStatuses.RefusesIncoming(book.Status) ?? Risk.Restrictions.RefusesCredit(book.OwnerRestriction))?.AsException() is { } refused)
        {
            return refused;
        }
        return checked(book.Balance + inTills + posting.Amount) > cap
            ? new WalletRefusedException(RefusalCodes.BalanceCapExceeded, $"The receiving wallet's tier may hold at most {Amounts.Format(cap!.Value, posting.Currency)}.")
            {
                Limit = new LimitMet(LimitNames.BalanceCap, cap.Value, Math.Max(0, cap.Value - book.Balance - inTills), posting.Currency),
            }
            : null;
    }

    private static Refusal LimitRefusal(string limit, TierLimits tierLimits, SpendingUsage usage, string currency)
    {
        var cap = tierLimits.AmountOf(limit)!.Value;
        var amount = Amounts.Format(cap, currency);
        var spent = limit switch
        {
            LimitNames.Daily => usage.DailyOut,
            LimitNames.Yearly => usage.YearlyOut,
            _ => 0, // one movement's limit is the same for each
        };
        var detail = limit switch
        {
            LimitNames.Single => $"The single-movement limit of your tier is {amount}.",
            LimitNames.Daily => $"The daily limit of your tier is {amount}; {Amounts.Format(usage.DailyOut, currency)} is already spent today.",
            _ => $"The yearly limit of your tier is {amount}; {Amounts.Format(usage.YearlyOut, currency)} is already spent this year.",
        };
        return new Refusal(RefusalCodes.LimitExceeded, detail, new LimitMet(limit, cap, Math.Max(0, cap - spent), currency));
    }
}
