using System.Globalization;
using Wallet.Bills;
using Wallet.ClientApi.Contract;
using Wallet.ClientApi.Http;
using Wallet.ClientApi.Movements;
using Wallet.Families;

namespace Wallet.ClientApi.Families;

/// <summary>A sub-wallet the caller (the family's owner or a guardian) opens for a member, empty until topped up.</summary>
/// <param name="MemberId">The member who will spend from it (<c>cus_…</c>), someone else in the family.</param>
/// <param name="Currency">ISO 4217 code of the sub-wallet; top-ups come from a wallet in it.</param>
/// <param name="Rules">What it may pay; every rule may be left out.</param>
public sealed record OpenSubWalletRequest([property: RequiredField] string? MemberId, [property: RequiredField] string? Currency, SubWalletRulesBody? Rules);

/// <summary>
/// What a sub-wallet may pay. Amounts are integers in minor units of its currency; times are Beijing time (Asia/Shanghai).
/// Left out (or empty), a rule does not apply.
/// </summary>
/// <param name="PerPaymentLimit">The most one payment may be.</param>
/// <param name="DailyLimit">The most a bank day's payments may add up to.</param>
/// <param name="AllowedCategories">The only spending categories (by the merchant's MCC, as the spending analysis names them) it may pay in.</param>
/// <param name="AllowedMerchants">The only merchants (<c>mch_…</c>) it may pay.</param>
/// <param name="BlockedMerchants">Merchants (<c>mch_…</c>) it may never pay.</param>
/// <param name="PaysFrom">From when in the day it may pay, <c>HH:mm</c> (inclusive).</param>
/// <param name="PaysUntil">Until when in the day it may pay, <c>HH:mm</c> (exclusive); before <c>paysFrom</c>, the window passes midnight.</param>
/// <param name="EndDate">The last day it may pay, ISO 8601 date, today or later; the day after, what is left goes back to the wallet that topped it up last.</param>
/// <param name="Notices"><c>each_payment</c> (the default): the owner is told of every payment; <c>daily_summary</c>: once a day, of the day before's.</param>
/// <param name="ApprovalAbove">A payment over this waits for the owner's or a guardian's approval (a day at most), its money held in the sub-wallet; only a QR payment can wait (another answers <c>approval_required</c>).</param>
public sealed record SubWalletRulesBody(
    long? PerPaymentLimit, long? DailyLimit, IReadOnlyList<SpendingCategory>? AllowedCategories, IReadOnlyList<string>? AllowedMerchants,
    IReadOnlyList<string>? BlockedMerchants, string? PaysFrom, string? PaysUntil, DateOnly? EndDate, PaymentNotices Notices, long? ApprovalAbove)
{
    private const int MerchantsListed = 50;

    /// <summary>Checks every rule, naming the field of each mistake; then <see cref="ToRules"/> may be read.</summary>
    public FieldErrors Check(FieldErrors errors, string prefix = "rules.")
        => errors.Check(ApprovalAbove is null || Money.Amounts.IsValidMovement(ApprovalAbove.Value), prefix + "approvalAbove", $"An amount is 1 to {Money.Amounts.Max} minor units.")
            .Check(PerPaymentLimit is null || Money.Amounts.IsValidMovement(PerPaymentLimit.Value), prefix + "perPaymentLimit", $"An amount is 1 to {Money.Amounts.Max} minor units.")
            .Check(DailyLimit is null || Money.Amounts.IsValidMovement(DailyLimit.Value), prefix + "dailyLimit", $"An amount is 1 to {Money.Amounts.Max} minor units.")
            .Check(AllowedMerchants is null || (AllowedMerchants.Count <= MerchantsListed && AllowedMerchants.All(Identity.Ids.IsWellFormed)), prefix + "allowedMerchants", $"Up to {MerchantsListed} merchant ids.")
            .Check(BlockedMerchants is null || (BlockedMerchants.Count <= MerchantsListed && BlockedMerchants.All(Identity.Ids.IsWellFormed)), prefix + "blockedMerchants", $"Up to {MerchantsListed} merchant ids.")
            .Check(AllowedCategories is null || AllowedCategories.All(SpendingCategories.Merchant.Contains), prefix + "allowedCategories", "Name categories merchants are in (dining, groceries, transport, ...).")
            .Check(PaysFrom is null || TimeOf(PaysFrom) is not null, prefix + "paysFrom", "A time of day, HH:mm.")
            .Check(PaysUntil is null || TimeOf(PaysUntil) is not null, prefix + "paysUntil", "A time of day, HH:mm.")
            .Check(PaysFrom is null || PaysUntil is null || TimeOf(PaysFrom) != TimeOf(PaysUntil), prefix + "paysUntil", "The window must not be empty: leave both out to allow any hour.");

    public SubWalletRules ToRules() => new()
    {
        PerPaymentLimit = PerPaymentLimit, DailyLimit = DailyLimit, AllowedCategories = [.. AllowedCategories?.Distinct() ?? []],
        AllowedMerchants = [.. AllowedMerchants?.Distinct() ?? []], BlockedMerchants = [.. BlockedMerchants?.Distinct() ?? []],
        PaysFrom = TimeOf(PaysFrom), PaysUntil = TimeOf(PaysUntil), EndDate = EndDate, Notices = Notices, ApprovalAbove = ApprovalAbove,
    };

    public static SubWalletRulesBody Of(SubWalletRules r) => new(r.PerPaymentLimit, r.DailyLimit, r.AllowedCategories, r.AllowedMerchants, r.BlockedMerchants,
        r.PaysFrom?.ToString("HH:mm", CultureInfo.InvariantCulture), r.PaysUntil?.ToString("HH:mm", CultureInfo.InvariantCulture), r.EndDate, r.Notices, r.ApprovalAbove);

    private static TimeOnly? TimeOf(string? text)
        => TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null;
}

/// <summary>Money from one of the caller's wallets into the sub-wallet.</summary>
/// <param name="FromWalletId">The caller's wallet the money leaves (<c>wal_…</c>), in the sub-wallet's currency.</param>
/// <param name="Amount">The amount, an integer in minor units of the currency (fen for CNY), from 1 up.</param>
/// <param name="Pin">The six-digit payment PIN; give it or <c>deviceSignature</c>, not both.</param>
/// <param name="DeviceSignature">A registered device's signature approving this top-up (kind <c>family_top_up</c>, the sub-wallet's id as payee), instead of the PIN.</param>
public sealed record FamilyTopUpRequest([property: RequiredField] string? FromWalletId, [property: RequiredField] long? Amount, string? Pin, DeviceSignatureBody? DeviceSignature);

/// <summary>Everything left in the sub-wallet, back into one of the caller's wallets.</summary>
/// <param name="ToWalletId">The caller's wallet the money goes to (<c>wal_…</c>), in the sub-wallet's currency.</param>
public sealed record TakeBackRequest([property: RequiredField] string? ToWalletId);

/// <summary>A sub-wallet as the family's owner, a guardian or its member sees it.</summary>
/// <param name="SubWalletId">The sub-wallet's id (<c>sw_…</c>).</param>
/// <param name="WalletId">The member's wallet it governs (<c>wal_…</c>): the member pays from it like any wallet of theirs.</param>
/// <param name="FamilyId">Its family (<c>fam_…</c>).</param>
/// <param name="MemberId">The member who spends from it (<c>cus_…</c>).</param>
/// <param name="OpenedBy">Who opened it (<c>cus_…</c>).</param>
/// <param name="Currency">ISO 4217 code of its money.</param>
/// <param name="Balance">What it holds, an integer in minor units of the currency.</param>
/// <param name="Frozen">True while the family has frozen it: no payment passes.</param>
/// <param name="EndedAt">When it ended (its end date passed, or its member left), UTC, ISO 8601; null while open.</param>
/// <param name="Rules">What it may pay.</param>
/// <param name="Day">The bank day <c>spentToday</c> counts, ISO 8601 date in Asia/Shanghai.</param>
/// <param name="SpentToday">What its payments add up to on that day, in minor units.</param>
/// <param name="RecentPayments">Its newest payments (up to 20), newest first.</param>
/// <param name="OpenedAt">When it was opened, UTC, ISO 8601.</param>
public sealed record SubWalletResponse(
    string SubWalletId, string WalletId, string FamilyId, string MemberId, string OpenedBy, string Currency, long Balance, bool Frozen, DateTimeOffset? EndedAt,
    SubWalletRulesBody Rules, DateOnly Day, long SpentToday, IReadOnlyList<SubWalletPaymentResponse> RecentPayments, DateTimeOffset OpenedAt)
{
    public static SubWalletResponse Of(SubWalletView v) => new(v.SubWalletId, v.WalletId, v.FamilyId, v.MemberId, v.OpenedBy, v.Currency, v.Balance, v.Frozen, v.EndedAt,
        SubWalletRulesBody.Of(v.Rules), v.Day, v.SpentToday, [.. v.RecentPayments.Select(p => new SubWalletPaymentResponse(p.MovementId, p.MerchantId, p.Amount, v.Currency, p.At))],
        v.OpenedAt);
}

/// <summary>A payment the sub-wallet made.</summary>
/// <param name="PaymentId">The payment (<c>py_…</c>, <c>ch_…</c> or <c>au_…</c>).</param>
/// <param name="MerchantId">The merchant paid (<c>mch_…</c>).</param>
/// <param name="Amount">What left the sub-wallet, an integer in minor units of the currency.</param>
/// <param name="Currency">ISO 4217 code of the amount.</param>
/// <param name="At">When it was paid, UTC, ISO 8601.</param>
public sealed record SubWalletPaymentResponse(string PaymentId, string? MerchantId, long Amount, string Currency, DateTimeOffset At);

/// <summary>A family top-up or take-back as the bank recorded it.</summary>
/// <param name="MovementId">Its id (<c>ft_…</c> for a top-up, <c>fb_…</c> for a take-back), the same for every replay of its <c>Idempotency-Key</c>.</param>
/// <param name="Status">Where it stands: <c>completed</c> when the money has moved.</param>
/// <param name="SubWalletId">The sub-wallet (<c>sw_…</c>).</param>
/// <param name="From">The wallet the money left (<c>walletId</c>).</param>
/// <param name="To">The wallet the money went to (<c>walletId</c>).</param>
/// <param name="Amount">The amount, an integer in minor units of the currency.</param>
/// <param name="Currency">ISO 4217 code of the amount.</param>
/// <param name="CreatedAt">When the bank accepted it, UTC, ISO 8601.</param>
public sealed record FamilyMovementResponse(string MovementId, Wallet.Movements.MovementStatus Status, string SubWalletId, Party From, Party To, long Amount, string Currency, DateTimeOffset CreatedAt)
{
    public static FamilyMovementResponse Of(FamilyMovementOutcome r)
    {
        var (from, to) = Party.Of(r);
        return new(r.MovementId, r.Status, r.SubWalletId, from, to, r.Amount, r.Currency, r.CreatedAt);
    }
}
