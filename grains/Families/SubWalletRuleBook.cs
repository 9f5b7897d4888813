using System.Globalization;
using Wallet.Ledger;
using Wallet.Limits;
using Wallet.Money;
using Wallet.Refusals;
using Wallet.Wallets;

namespace Wallet.Families;

/// <summary>Why a sub-wallet's rules refuse a debit, each refusal naming its rule; apart from the grain, as they change with what families ask for.</summary>
public static class SubWalletRuleBook
{
    /// <summary>
    /// Null when the debit may go: a take-back always may (it is the family's money going home, even from a frozen or
    /// ended sub-wallet); anything else only while it is open and not frozen, and then only a merchant payment within the rules.
    /// </summary>
    public static WalletRefusedException? Refuses(SubWalletGuard guard, Posting posting, DateOnly day, TimeOnly time)
    {
        if (posting.Kind == MovementKind.FamilyTakeBack)
        {
            return null;
        }
        var rules = guard.Rules;
        if (guard.EndedAt is not null || day > rules.EndDate)
        {
            return new(RefusalCodes.SubWalletEnded, "This sub-wallet has ended; it pays nothing more.");
        }
        if (guard.Frozen)
        {
            return new(RefusalCodes.WalletFrozen, "The family froze this sub-wallet.");
        }
        if (posting.Kind != MovementKind.Payment)
        {
            return new(RefusalCodes.NotForSubWallet, "A sub-wallet pays merchants only.");
        }
        if (!WithinHours(rules, time))
        {
            return new(RefusalCodes.OutsideAllowedHours, $"This sub-wallet pays from {Clock(rules.PaysFrom, "00:00")} until {Clock(rules.PaysUntil, "24:00")} (Beijing time).");
        }
        var merchant = posting.Counterparty ?? "";
        if (rules.BlockedMerchants.Contains(merchant) || (rules.AllowedMerchants.Count > 0 && !rules.AllowedMerchants.Contains(merchant)))
        {
            return new(RefusalCodes.MerchantNotAllowed, "This sub-wallet's rules do not let it pay this merchant.");
        }
        if (rules.AllowedCategories.Count > 0 && (posting.Category is not { } category || !rules.AllowedCategories.Contains(category)))
        {
            return new(RefusalCodes.CategoryNotAllowed, "This sub-wallet's rules do not let it pay in this merchant's category.");
        }
        if (posting.Amount > rules.PerPaymentLimit)
        {
            return LimitMet(LimitNames.SubWalletPerPayment, rules.PerPaymentLimit.Value, rules.PerPaymentLimit.Value, posting.Currency,
                $"This sub-wallet pays at most {Amounts.Format(rules.PerPaymentLimit.Value, posting.Currency)} at once.");
        }
        if (posting.Amount > rules.ApprovalAbove && !posting.FamilyApproved)
        {
            return new(RefusalCodes.ApprovalRequired,
                $"A payment over {Amounts.Format(rules.ApprovalAbove.Value, posting.Currency)} from this sub-wallet needs the family's approval: pay by the merchant's QR code to ask for it.");
        }
        var spent = guard.SpentOn(day);
        if (checked(spent + posting.Amount) > rules.DailyLimit)
        {
            return LimitMet(LimitNames.SubWalletDaily, rules.DailyLimit.Value, Math.Max(0, rules.DailyLimit.Value - spent), posting.Currency,
                $"This sub-wallet pays at most {Amounts.Format(rules.DailyLimit.Value, posting.Currency)} a day; {Amounts.Format(spent, posting.Currency)} is spent today.");
        }
        return null;
    }

    /// <summary>Within the window from <see cref="SubWalletRules.PaysFrom"/> (inclusive) until <see cref="SubWalletRules.PaysUntil"/> (exclusive), which may pass midnight.</summary>
    public static bool WithinHours(SubWalletRules rules, TimeOnly time) => (rules.PaysFrom, rules.PaysUntil) switch
    {
        (null, null) => true,
        ({ } from, null) => time >= from,
        (null, { } until) => time < until,
        ({ } from, { } until) => from == until || (from < until ? time >= from && time < until : time >= from || time < until),
    };

    private static string Clock(TimeOnly? time, string otherwise) => time?.ToString("HH:mm", CultureInfo.InvariantCulture) ?? otherwise;

    private static WalletRefusedException LimitMet(string limit, long amount, long remaining, string currency, string detail)
        => new(RefusalCodes.LimitExceeded, detail) { Limit = new LimitMet(limit, amount, remaining, currency) };
}
