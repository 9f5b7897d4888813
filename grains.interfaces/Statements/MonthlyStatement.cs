using Wallet.Bills;
using Wallet.Wallets;

namespace Wallet.Statements;

/// <summary>
/// A wallet's statement for one calendar month (Asia/Shanghai): the entries booked in it, in order, with the balance
/// before the first and after the last. Built from the wallet's own book and filed pages, never from a derived view.
/// A month's entries are those its book took in the month: a credit a busy wallet received in the last seconds of a
/// month and booked from a till after midnight is in the next month's, with the time it was received (as a bank's
/// statement lists by booking date and shows the value date). <paramref name="TimeZone"/> is the bank's calendar (its IANA
/// id), in which the month is counted and its times are printed.
/// </summary>
[GenerateSerializer, Immutable, Alias("Wallet.MonthlyStatement")]
public sealed record MonthlyStatement(
    [property: Id(0)] string WalletId,
    [property: Id(1)] string Month,
    [property: Id(2)] string Currency,
    [property: Id(3)] string HolderName,
    [property: Id(4)] long OpeningBalance,
    [property: Id(5)] long ClosingBalance,
    [property: Id(6)] IReadOnlyList<StatementLine> Lines,
    [property: Id(7)] bool Closed,
    [property: Id(8)] DateTimeOffset ProducedAt,
    [property: Id(9)] string TimeZone)
{
    public long TotalIn => Lines.Where(l => l.Direction == EntryDirection.In).Sum(l => l.Amount);

    public long TotalOut => Lines.Where(l => l.Direction == EntryDirection.Out).Sum(l => l.Amount);

    /// <summary>Money in and out by category, in the categories' order; only those with any.</summary>
    public IReadOnlyList<CategoryTotal> ByCategory => [.. Lines.GroupBy(l => l.Category).OrderBy(g => g.Key).Select(g => new CategoryTotal(
        g.Key,
        g.Where(l => l.Direction == EntryDirection.In).Sum(l => l.Amount),
        g.Where(l => l.Direction == EntryDirection.Out).Sum(l => l.Amount)))];
}

/// <summary>One entry as a statement prints it: the wallet's entry with its other side named for a person to read.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.StatementLine")]
public sealed record StatementLine(
    [property: Id(0)] long Sequence,
    [property: Id(1)] DateTimeOffset CreatedAt,
    [property: Id(2)] MovementKind Kind,
    [property: Id(3)] EntryDirection Direction,
    [property: Id(4)] SpendingCategory Category,
    [property: Id(5)] long Amount,
    [property: Id(6)] long BalanceAfter,
    [property: Id(7)] string? Counterparty,
    [property: Id(8)] string? CounterpartyName,
    [property: Id(9)] string? Memo,
    [property: Id(10)] string MovementId);

/// <summary>What came in and went out in one category.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.CategoryTotal")]
public sealed record CategoryTotal([property: Id(0)] SpendingCategory Category, [property: Id(1)] long In, [property: Id(2)] long Out);

/// <summary>A statement's file formats: <c>json</c>, <c>csv</c> (RFC 4180, UTF-8) or <c>pdf</c>.</summary>
public enum StatementFormat
{
    Json = 0,
    Csv = 1,
    Pdf = 2,
}

/// <summary>A closed month's statement in one format as the bank issued it: these bytes, every time, and their SHA-256 (lowercase hex).</summary>
[GenerateSerializer, Immutable, Alias("Wallet.IssuedDocument")]
public sealed record IssuedDocument([property: Id(0)] StatementFormat Format, [property: Id(1)] byte[] Content, [property: Id(2)] string Sha256, [property: Id(3)] DateTimeOffset IssuedAt);

/// <summary>
/// A month's statement as asked for: the one document issued in the format asked (a closed month, once issued), or
/// the statement to render (an open month, or a closed one not yet issued in that format).
/// </summary>
[GenerateSerializer, Immutable, Alias("Wallet.StatementAnswer")]
public sealed record StatementAnswer([property: Id(0)] MonthlyStatement Statement, [property: Id(1)] IssuedDocument? Issued);

/// <summary>One month in a wallet's list of statements: whether it is closed, and the documents issued for it.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.StatementMonth")]
public sealed record StatementMonth([property: Id(0)] string Month, [property: Id(1)] bool Closed, [property: Id(2)] IReadOnlyList<IssuedDigest> Issued);

/// <summary>A document issued for a closed month: its format, SHA-256 and when it was issued.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.IssuedDigest")]
public sealed record IssuedDigest([property: Id(0)] StatementFormat Format, [property: Id(1)] string Sha256, [property: Id(2)] DateTimeOffset IssuedAt);
