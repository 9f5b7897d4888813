using Wallet.Bills;
using Wallet.ClientApi.Movements;
using Wallet.ClientApi.Wallets;
using Wallet.Statements;
using Wallet.Wallets;

namespace Wallet.ClientApi.Statements;

/// <summary>Whether a month's statement can still change: <c>open</c> (the month, or its few minutes' grace, is not over) or <c>closed</c> (final: the same bytes every time).</summary>
public enum StatementStatus
{
    Open = 0,
    Closed = 1,
}

/// <summary>
/// A wallet's statement for one calendar month (Asia/Shanghai): the balance before, every entry booked in the month,
/// what came in and went out by category, and the balance after. Opening + in − out = closing, checked when produced.
/// </summary>
/// <param name="WalletId">The wallet's id (<c>wal_…</c>).</param>
/// <param name="Month">The month, <c>yyyy-MM</c>.</param>
/// <param name="Status"><c>closed</c> once final, <c>open</c> while it may still change.</param>
/// <param name="Currency">ISO 4217 code of every amount.</param>
/// <param name="HolderName">The wallet's owner: their verified real name, or their masked phone before they verified it.</param>
/// <param name="OpeningBalance">The balance before the month's first entry, an integer in minor units (fen for CNY).</param>
/// <param name="TotalIn">What came in during the month, an integer in minor units.</param>
/// <param name="TotalOut">What went out during the month, an integer in minor units.</param>
/// <param name="ClosingBalance">The balance after the month's last entry, an integer in minor units.</param>
/// <param name="ByCategory">What came in and went out in each category that had any, in the categories' order.</param>
/// <param name="Entries">Every entry booked in the month, oldest first.</param>
/// <param name="ProducedAt">When the bank produced this statement, UTC, ISO 8601.</param>
public sealed record StatementResponse(
    string WalletId, string Month, StatementStatus Status, string Currency, string HolderName,
    long OpeningBalance, long TotalIn, long TotalOut, long ClosingBalance,
    IReadOnlyList<CategoryTotalResponse> ByCategory, IReadOnlyList<StatementEntryResponse> Entries, DateTimeOffset ProducedAt)
{
    public static StatementResponse From(MonthlyStatement s) => new(
        s.WalletId, s.Month, s.Closed ? StatementStatus.Closed : StatementStatus.Open, s.Currency, s.HolderName,
        s.OpeningBalance, s.TotalIn, s.TotalOut, s.ClosingBalance,
        [.. s.ByCategory.Select(c => new CategoryTotalResponse(c.Category, c.In, c.Out, s.Currency))],
        [.. s.Lines.Select(l => StatementEntryResponse.From(s.WalletId, s.Currency, l))], s.ProducedAt);
}

/// <summary>What came in and went out in one category during the month.</summary>
/// <param name="Category">The category (see the SpendingCategory schema).</param>
/// <param name="In">What came in, an integer in minor units.</param>
/// <param name="Out">What went out, an integer in minor units.</param>
/// <param name="Currency">ISO 4217 code of the amounts: the wallet's.</param>
public sealed record CategoryTotalResponse(SpendingCategory Category, long In, long Out, string Currency);

/// <summary>One entry as the statement lists it.</summary>
/// <param name="EntryId">The entry's id (<c>wal_….7</c>), as the wallet's transactions list it.</param>
/// <param name="CreatedAt">When the money moved, UTC, ISO 8601.</param>
/// <param name="Kind">What moved the money (see the MovementKind schema).</param>
/// <param name="Direction"><c>in</c> or <c>out</c>.</param>
/// <param name="Category">The bank's category for it (the movement's; the owner's own categories are not on a statement).</param>
/// <param name="Amount">The amount, an integer in minor units, always positive.</param>
/// <param name="BalanceAfter">The balance after it, an integer in minor units.</param>
/// <param name="Currency">ISO 4217 code of the amounts: the wallet's.</param>
/// <param name="Counterparty">The other side (a wallet, a merchant or a card), or null.</param>
/// <param name="CounterpartyName">The other side's name as the statement shows it: a merchant's trading name, another customer's masked name, the owner's card by bank and masked number; null where none.</param>
/// <param name="Memo">The sender's note or the merchant's order, or null.</param>
/// <param name="MovementId">The movement it belongs to.</param>
public sealed record StatementEntryResponse(
    string EntryId, DateTimeOffset CreatedAt, MovementKind Kind, EntryDirection Direction, SpendingCategory Category,
    long Amount, long BalanceAfter, string Currency, Party? Counterparty, string? CounterpartyName, string? Memo, string MovementId)
{
    public static StatementEntryResponse From(string walletId, string currency, StatementLine l) => new(
        EntryIds.Of(walletId, l.Sequence), l.CreatedAt, l.Kind, l.Direction, l.Category, l.Amount, l.BalanceAfter, currency,
        Party.Named(l.Counterparty), l.CounterpartyName, l.Memo, l.MovementId);
}

/// <summary>One month in a wallet's list of statements.</summary>
/// <param name="Month">The month, <c>yyyy-MM</c>.</param>
/// <param name="Status"><c>closed</c> once final, <c>open</c> while it may still change.</param>
/// <param name="Documents">The documents the bank has issued for a closed month (one per format fetched), with their SHA-256.</param>
public sealed record StatementMonthResponse(string Month, StatementStatus Status, IReadOnlyList<IssuedDocumentResponse> Documents)
{
    public static StatementMonthResponse From(StatementMonth m) => new(
        m.Month, m.Closed ? StatementStatus.Closed : StatementStatus.Open,
        [.. m.Issued.Select(d => new IssuedDocumentResponse(d.Format, d.Sha256, d.IssuedAt))]);
}

/// <summary>A document issued for a closed month: fetching it again answers exactly these bytes.</summary>
/// <param name="Format"><c>json</c>, <c>csv</c> or <c>pdf</c>.</param>
/// <param name="Sha256">The SHA-256 of its bytes, lowercase hex (what <c>sha256sum</c> prints).</param>
/// <param name="IssuedAt">When it was first fetched and so issued, UTC, ISO 8601.</param>
public sealed record IssuedDocumentResponse(StatementFormat Format, string Sha256, DateTimeOffset IssuedAt);
