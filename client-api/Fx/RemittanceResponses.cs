using Wallet.ClientApi.Movements;
using Wallet.Fx;
using Wallet.Movements;

namespace Wallet.ClientApi.Fx;

/// <summary>A remittance abroad as the bank recorded it, and where it stands with the correspondent bank.</summary>
/// <param name="RemittanceId">The remittance (<c>rm_…</c>).</param>
/// <param name="Status"><c>completed</c> once the money left the wallet, <c>held_for_review</c> while risk control holds it, <c>refused</c> when nothing moved.</param>
/// <param name="RemittanceStatus">With the correspondent: <c>accepted</c> (the bank has it), <c>sent</c> (on its way), <c>credited</c> (in the beneficiary's account), <c>returned</c> (sent back and refunded), or <c>not_sent</c> while nothing moved.</param>
/// <param name="From">The wallet the money left (<c>walletId</c>).</param>
/// <param name="To">The account abroad, named by this remittance (<c>remittanceId</c>).</param>
/// <param name="Beneficiary">The account abroad; its number masked to its last four characters.</param>
/// <param name="Purpose">Why it was sent.</param>
/// <param name="Amount">What the beneficiary's account receives, in minor units of <c>currency</c>.</param>
/// <param name="Currency">ISO 4217 code of the amount sent.</param>
/// <param name="Exchange">The wallet's side when it is in another currency: what it paid for the amount (rounded up) and the rate; null otherwise.</param>
/// <param name="Fee">The bank's fee, in minor units of <c>feeCurrency</c>; kept if the remittance is returned.</param>
/// <param name="FeeCurrency">ISO 4217 code of the fee: the wallet's currency.</param>
/// <param name="Total">All the wallet paid, the amount (converted) and the fee, in minor units of <c>feeCurrency</c>.</param>
/// <param name="CorrespondentReference">The correspondent's reference once it took the remittance, or null.</param>
/// <param name="Return">The money back when the remittance was returned, or null.</param>
/// <param name="CreatedAt">When the bank accepted it, UTC, ISO 8601.</param>
public sealed record RemittanceResponse(string RemittanceId, MovementStatus Status, RemittanceStatus RemittanceStatus, Party From, Party To, BeneficiaryResponse Beneficiary,
    RemittancePurpose Purpose, long Amount, string Currency, ExchangeResponse? Exchange, long Fee, string FeeCurrency, long Total, string? CorrespondentReference,
    RemittanceReturnResponse? Return, DateTimeOffset CreatedAt)
{
    public static RemittanceResponse Of(RemittanceView v)
    {
        var r = v.Receipt;
        var (from, to) = Party.Of(r);
        return new(r.MovementId, r.Status, v.Status, from, to, BeneficiaryResponse.Of(r.Beneficiary), r.Purpose, r.Amount, r.Currency, ExchangeResponse.Of(r.Exchange),
            r.Fee, r.SenderCurrency, r.SenderPays, v.Leg?.Reference, RemittanceReturnResponse.Of(v.Return, v.Leg), r.CreatedAt);
    }
}

/// <summary>The account abroad, as the customer sees it on the remittance.</summary>
/// <param name="Name">The account holder's name.</param>
/// <param name="BankCode">The bank's SWIFT code.</param>
/// <param name="Account">The account number, masked to its last four characters.</param>
public sealed record BeneficiaryResponse(string Name, string BankCode, string Account)
{
    public static BeneficiaryResponse Of(Beneficiary b) => new(b.Name, b.BankCode, b.MaskedAccount);
}

/// <summary>A returned remittance's money back in the wallet, converted at the bank's rate of the day it came back.</summary>
/// <param name="ReturnId">The movement that gave it back (<c>rr_…</c>).</param>
/// <param name="Reason">Why it came back.</param>
/// <param name="Returned">What came back from abroad, in minor units of <c>returnedCurrency</c>.</param>
/// <param name="ReturnedCurrency">ISO 4217 code of what came back: the currency sent.</param>
/// <param name="Amount">What reached the wallet, in minor units of <c>currency</c> (converted and rounded down).</param>
/// <param name="Currency">ISO 4217 code of the wallet's currency.</param>
/// <param name="Rate">Major units of the wallet's currency for one of the currency sent, the day it came back; null when no conversion was needed.</param>
/// <param name="Difference">What reached the wallet less what it paid for the amount sent (without the fee): what the rate's move gained (positive) or cost (negative).</param>
/// <param name="ReturnedAt">When the money came back, UTC, ISO 8601.</param>
public sealed record RemittanceReturnResponse(string ReturnId, string Reason, long Returned, string ReturnedCurrency, long Amount, string Currency, decimal? Rate,
    long Difference, DateTimeOffset ReturnedAt)
{
    public static RemittanceReturnResponse? Of(RemittanceReturnReceipt? r, CorrespondentLeg? leg)
        => r is null ? null : new(r.MovementId, r.Reason, r.Returned, r.ReturnedCurrency, r.Amount, r.Currency, r.Rate, r.Difference, leg?.SettledAt ?? r.CreatedAt);
}
