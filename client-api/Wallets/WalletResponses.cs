using Wallet.ClientApi.Contract;
using Wallet.ClientApi.Movements;
using Wallet.Limits;
using Wallet.Wallets;

namespace Wallet.ClientApi.Wallets;

/// <summary>A new wallet for the signed-in customer.</summary>
/// <param name="Currency">ISO 4217 code of the wallet's currency, one the bank holds (such as <c>CNY</c>); one wallet per currency.</param>
public sealed record OpenWalletRequest([property: RequiredField] string? Currency);

/// <summary>What unfreezing a wallet the customer froze takes: the payment PIN and the texted code.</summary>
/// <param name="Pin">The six-digit payment PIN.</param>
/// <param name="Code">The six digits from the SMS sent by <c>POST /v1/wallets/{id}/unfreeze-code</c>.</param>
public sealed record UnfreezeRequest([property: RequiredField] string? Pin, [property: RequiredField] string? Code);

/// <summary>An operator's hold or release of a wallet.</summary>
/// <param name="Status">The status to set: <c>active</c> releases the wallet, <c>receive_only</c> lets money in but none out, <c>frozen</c> stops money out (money still comes in). <c>closed</c> is refused here.</param>
/// <param name="Reason">Why, 1 to 200 characters, kept with the wallet's status.</param>
public sealed record WalletStatusRequest([property: RequiredField] WalletStatus? Status, [property: RequiredField] string? Reason);

/// <summary>
/// A wallet as its owner sees it: the limits of the owner's tier (minor units, null for none) and
/// what is spent against them on the current bank day and year. The owner id and ledger internals are not shown.
/// </summary>
/// <param name="WalletId">The wallet's id (<c>wal_…</c>).</param>
/// <param name="Currency">ISO 4217 code of the wallet's currency.</param>
/// <param name="Balance">The money in the wallet, an integer in minor units of the currency (fen for CNY).</param>
/// <param name="Available">What can be spent now, an integer in minor units of the currency (fen for CNY): the balance less what merchants' authorisations and movements held for review keep aside.</param>
/// <param name="Status">Whether money may move (see the WalletStatus schema for each value).</param>
/// <param name="OpenedAt">When the wallet was opened, UTC, ISO 8601.</param>
/// <param name="Tier">The owner's real-name tier (1 is verified in person, 4 is unverified), which sets the limits.</param>
/// <param name="Limits">The limits of the owner's tier in this currency; a null limit is no limit.</param>
/// <param name="Usage">What has gone out against the daily and yearly limits.</param>
/// <param name="Points">Loyalty points earned in merchants' points campaigns (a count, not money).</param>
/// <param name="SubWalletId">The family sub-wallet (<c>sw_…</c>) whose rules govern this wallet (it pays merchants only, and is funded by the family), or null for the customer's own.</param>
public sealed record WalletResponse(
    string WalletId, string Currency, long Balance, long Available, WalletStatus Status, DateTimeOffset OpenedAt,
    int Tier, LimitsResponse Limits, UsageResponse Usage, long Points, string? SubWalletId)
{
    public static WalletResponse From(WalletView view) => new(
        view.WalletId, view.Currency, view.Balance, view.Available, view.Status, view.OpenedAt,
        view.Tier, LimitsResponse.From(view.Limits, view.Currency), new UsageResponse(view.Currency, view.Usage.Day, view.Usage.DailyOut, view.Usage.YearlyOut), view.Points,
        view.SubWalletId);
}

/// <summary>A wallet and its newest entries, as an app's home screen shows them.</summary>
/// <param name="Wallet">The wallet, as <c>GET /v1/wallets/{id}</c> answers it.</param>
/// <param name="RecentEntries">Its newest entries, newest first, as the first page of <c>GET /v1/wallets/{id}/transactions</c>.</param>
public sealed record WalletOverviewResponse(WalletResponse Wallet, IReadOnlyList<EntryResponse> RecentEntries);

/// <summary>The limits of a real-name tier, each an integer in minor units of the currency (fen for CNY); null where the tier has no such limit.</summary>
/// <param name="Currency">ISO 4217 code of the limits.</param>
/// <param name="BalanceCap">The most a wallet may hold, or null for no cap.</param>
/// <param name="Single">The most one payment, transfer or withdrawal may move, or null for no limit.</param>
/// <param name="Daily">The most that may go out in one bank day (Asia/Shanghai), or null for no limit.</param>
/// <param name="Yearly">The most that may go out in one calendar year, or null for no limit.</param>
public sealed record LimitsResponse(string Currency, long? BalanceCap, long? Single, long? Daily, long? Yearly)
{
    public static LimitsResponse From(TierLimits limits, string currency) => new(currency, limits.BalanceCap, limits.Single, limits.Daily, limits.Yearly);
}

/// <summary>What has gone out on the bank's day (Asia/Shanghai) and in its year, an integer in minor units of the currency (fen for CNY).</summary>
/// <param name="Currency">ISO 4217 code of the sums: the wallet's currency.</param>
/// <param name="Day">The bank day counted, ISO 8601 date in Asia/Shanghai.</param>
/// <param name="Daily">What has gone out on that day.</param>
/// <param name="Yearly">What has gone out in that day's year.</param>
public sealed record UsageResponse(string Currency, DateOnly Day, long Daily, long Yearly);

/// <summary>One line of a wallet's history: money in or out, and the balance after it.</summary>
/// <param name="EntryId">The entry's id: the wallet's id and the entry's sequence number, <c>wal_….7</c>.</param>
/// <param name="Kind">What moved the money (see the MovementKind schema for each value).</param>
/// <param name="Direction"><c>in</c> for money into the wallet, <c>out</c> for money out of it.</param>
/// <param name="Amount">The amount, an integer in minor units of the currency (fen for CNY), always positive: the direction says which way.</param>
/// <param name="Currency">ISO 4217 code of the amount.</param>
/// <param name="BalanceAfter">The wallet's balance after this entry, an integer in minor units of the currency (fen for CNY).</param>
/// <param name="Counterparty">The other side, in the shape of a movement's <c>from</c> and <c>to</c>: a wallet, a merchant or a card; null where there is none to show.</param>
/// <param name="Memo">The sender's note or the merchant's order, or null.</param>
/// <param name="MovementId">The movement this entry belongs to (the transfer's, top-up's, payment's... id).</param>
/// <param name="CreatedAt">When the entry was booked, UTC, ISO 8601.</param>
/// <param name="Category">Where it goes in the owner's bills: the owner's own category for it, else its movement's (a merchant payment by the merchant's MCC).</param>
/// <param name="Note">The owner's note on it, or null.</param>
/// <param name="Tags">The owner's tags on it (empty for none).</param>
public sealed record EntryResponse(
    string EntryId,
    MovementKind Kind,
    EntryDirection Direction,
    long Amount,
    string Currency,
    long BalanceAfter,
    Party? Counterparty,
    string? Memo,
    string MovementId,
    DateTimeOffset CreatedAt,
    Bills.SpendingCategory Category,
    string? Note,
    IReadOnlyList<string> Tags)
{
    public static EntryResponse From(string walletId, WalletEntry entry, EntryNote? note = null) => new(
        EntryIds.Of(walletId, entry.Sequence), entry.Kind, entry.Direction, entry.Amount, entry.Currency, entry.BalanceAfter,
        Party.Named(entry.Counterparty), entry.Memo, entry.MovementId, entry.CreatedAt,
        Bills.EntryNotes.CategoryOf(entry, note), note?.Note, note?.Tags ?? []);

    /// <summary>A page's entries with their notes.</summary>
    public static List<EntryResponse> Page(string walletId, EntryPage page)
        => [.. page.Items.Select(e => From(walletId, e, page.Notes?.GetValueOrDefault(e.Sequence)))];
}

/// <summary>An entry's id: its wallet's id, a dot, its sequence number in the wallet.</summary>
public static class EntryIds
{
    public static string Of(string walletId, long sequence) => $"{walletId}.{sequence.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    /// <summary>The sequence of <paramref name="entryId"/> if it names an entry of <paramref name="walletId"/>.</summary>
    public static long? SequenceIn(string walletId, string entryId)
    {
        var prefix = walletId + ".";
        var digits = entryId.StartsWith(prefix, StringComparison.Ordinal) ? entryId[prefix.Length..] : "";
        return digits.Length is > 0 and <= 18 && digits.All(char.IsAsciiDigit)
            && long.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var sequence) && sequence > 0
            ? sequence : null;
    }
}

/// <summary>What the owner writes on one entry; it replaces what was there, and all empty removes it.</summary>
/// <param name="Category">The owner's own category for the entry (the analysis follows it); null keeps its movement's.</param>
/// <param name="Note">A note, up to 200 characters; null or empty for none.</param>
/// <param name="Tags">Up to 10 tags of up to 20 characters each; a search can ask for one.</param>
public sealed record EntryNoteRequest(Bills.SpendingCategory? Category, string? Note, IReadOnlyList<string>? Tags);

/// <summary>The list shape every collection uses: newest first, and an opaque cursor to the next page.</summary>
/// <param name="Items">This page's items, newest first.</param>
/// <param name="NextCursor">Pass as <c>cursor</c> for the next page; null on the last page.</param>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);
