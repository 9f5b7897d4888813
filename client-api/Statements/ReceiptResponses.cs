using Wallet.Bills;
using Wallet.ClientApi.Wallets;
using Wallet.Statements;
using Wallet.Wallets;

namespace Wallet.ClientApi.Statements;

/// <summary>What a receipt says of a movement that is booked: it happened (<c>completed</c>); a refund or reversal is a movement and a receipt of its own.</summary>
public enum ReceiptStatus
{
    Completed = 0,
}

/// <summary>
/// An electronic receipt (电子回单) for one entry: the movement, both parties masked (a receipt is shown to others), the
/// amount, when, and its status.
/// </summary>
/// <param name="ReceiptNumber">The receipt's number: the entry's id, unique and the same each time.</param>
/// <param name="MovementId">The movement the entry belongs to.</param>
/// <param name="Kind">What moved the money (see the MovementKind schema).</param>
/// <param name="Status">The movement's status as the entry records it.</param>
/// <param name="Amount">The amount, an integer in minor units (fen for CNY).</param>
/// <param name="Currency">ISO 4217 code of the amount.</param>
/// <param name="Payer">Who paid.</param>
/// <param name="Payee">Who was paid.</param>
/// <param name="Memo">The sender's note or the merchant's order, or null.</param>
/// <param name="Category">The bank's category for the entry (its movement's; the owner's own notes are not on a receipt).</param>
/// <param name="CreatedAt">When the money moved, UTC, ISO 8601.</param>
public sealed record ReceiptResponse(
    string ReceiptNumber, string MovementId, MovementKind Kind, ReceiptStatus Status, long Amount, string Currency,
    ReceiptParty Payer, ReceiptParty Payee, string? Memo, SpendingCategory Category, DateTimeOffset CreatedAt)
{
    public static ReceiptResponse From(EntryReceipt receipt)
    {
        var entry = receipt.Entry;
        var owner = new ReceiptParty(receipt.OwnerName, NameMasks.Id(receipt.WalletId));
        var other = new ReceiptParty(receipt.CounterpartyName, entry.Counterparty is { } id ? NameMasks.Id(id) : null);
        var (payer, payee) = entry.Direction == EntryDirection.Out ? (owner, other) : (other, owner);
        return new ReceiptResponse(EntryIds.Of(receipt.WalletId, entry.Sequence), entry.MovementId, entry.Kind, ReceiptStatus.Completed,
            entry.Amount, entry.Currency, payer, payee, entry.Memo, SpendingCategories.Of(entry), entry.CreatedAt);
    }
}

/// <summary>One side of a receipt, masked.</summary>
/// <param name="Name">The party's name as a receipt shows it (a customer's masked, a merchant's trading name, a card's bank and masked number), or null where there is none.</param>
/// <param name="Account">The party's account, masked: a wallet's or merchant's id as prefix and last four (<c>wal_…9f3a</c>), a card's masked number; null where there is none.</param>
public sealed record ReceiptParty(string? Name, string? Account);
