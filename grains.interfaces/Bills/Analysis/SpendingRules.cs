using Wallet.Events;
using Wallet.Wallets;

namespace Wallet.Bills.Analysis;

/// <summary>
/// What a customer calls spending: money paid to merchants (by its merchant's category) and sent to other people
/// (<see cref="SpendingCategory.Transfers"/>, and in red packets, <see cref="SpendingCategory.RedPackets"/>); a refund takes
/// back from the category of what it refunds (a red packet's unclaimed rest, back as a refund, from red packets). Top-ups and
/// withdrawals move the customer's own money between their card and their wallet, cashback and money received are
/// income, and a transfer between the customer's own wallets is neither: none of them count.
/// </summary>
public static class SpendingRules
{
    /// <summary>The categories a customer spends in, and may set a budget for.</summary>
    public static readonly IReadOnlySet<SpendingCategory> Spent = new HashSet<SpendingCategory>(SpendingCategories.Merchant) { SpendingCategory.Transfers, SpendingCategory.RedPackets };

    /// <summary>What the event adds to the customer's spending (a refund a negative amount) and where; null when it is not spending.</summary>
    /// <summary>Whether an event may count in the analysis: only those go to it (a transfer's payee side never does).</summary>
    public static bool MayCount(Events.WalletEvent walletEvent) => walletEvent is MoneyMoved moved && Of(moved) is not null;

    public static (long Amount, SpendingCategory Category)? Of(MoneyMoved moved)
    {
        if (moved.Kind == MovementKind.Transfer && string.Equals(moved.CounterpartyId, moved.CustomerId, StringComparison.Ordinal))
        {
            return null;
        }
        return Signed(moved.Kind, moved.Direction, moved.Amount) is { } amount ? (amount, moved.Category ?? SpendingCategories.ForKind(moved.Kind)) : null;
    }

    /// <summary>
    /// What a ledger entry adds to its owner's spending, by the same rule as <see cref="Of(MoneyMoved)"/>;
    /// <paramref name="ownWallet"/> says whether a transfer's counterparty is one of the owner's wallets.
    /// </summary>
    public static long? Of(WalletEntry entry, Func<string?, bool> ownWallet)
        => entry.Kind == MovementKind.Transfer && ownWallet(entry.Counterparty) ? null : Signed(entry.Kind, entry.Direction, entry.Amount);

    private static long? Signed(MovementKind kind, EntryDirection direction, long amount) => (kind, direction) switch
    {
        (MovementKind.Payment, EntryDirection.Out) or (MovementKind.Transfer, EntryDirection.Out) or (MovementKind.BillPayment, EntryDirection.Out)
            or (MovementKind.RedPacket, EntryDirection.Out) => amount,
        (MovementKind.Refund, EntryDirection.In) => -amount,
        _ => null,
    };
}
