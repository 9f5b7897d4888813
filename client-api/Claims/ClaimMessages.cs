using Wallet.ClientApi.Contract;
using Wallet.ClientApi.Wallets;
using Wallet.Claims;
using Wallet.Wallets;

namespace Wallet.ClientApi.Claims;

/// <summary>A claim that an outgoing movement was not the customer's.</summary>
/// <param name="WalletId">The wallet the money left (<c>wal_…</c>), one of the caller's.</param>
/// <param name="EntryId">The entry of that wallet's history the claim is about, as <c>GET /v1/wallets/{id}/transactions</c> names it: an outgoing one of the last 60 days.</param>
/// <param name="WhatHappened">What happened, in the customer's words, 1 to 1,000 characters.</param>
/// <param name="NoticedAt">When the customer noticed it, UTC, ISO 8601 with an offset: after the movement, not in the future.</param>
/// <param name="PinShared">Whether the customer had told anyone their payment PIN or password (the security fund does not pay then).</param>
public sealed record ClaimRequest(
    [property: RequiredField] string? WalletId,
    [property: RequiredField] string? EntryId,
    [property: RequiredField] string? WhatHappened,
    [property: RequiredField] string? NoticedAt,
    [property: RequiredField] bool? PinShared);

/// <summary>A question to the customer, or their answer.</summary>
/// <param name="Text">1 to 1,000 characters.</param>
public sealed record ClaimTextRequest([property: RequiredField] string? Text);

/// <summary>An operator's decision on a claim.</summary>
/// <param name="Outcome"><c>upheld_chargeback</c> (a merchant payment taken back from the merchant), <c>upheld_fund</c> (the bank's security fund pays) or <c>rejected</c>.</param>
/// <param name="Reason">Why: required for <c>rejected</c>, up to 500 characters; the customer reads it.</param>
/// <param name="Amount">For <c>upheld_fund</c>: what the fund pays, in minor units, at most the claimed movement's amount; left out, all of it.</param>
public sealed record DecideClaimRequest([property: RequiredField] string? Outcome, string? Reason, long? Amount);

/// <summary>One question of the bank's or answer of the customer's.</summary>
/// <param name="Author"><c>operator</c> or <c>customer</c>.</param>
/// <param name="Text">What was said.</param>
/// <param name="At">When, UTC, ISO 8601.</param>
public sealed record ClaimMessageResponse(string Author, string Text, DateTimeOffset At);

/// <summary>The decision on a claim.</summary>
/// <param name="Outcome"><c>upheld_chargeback</c>, <c>upheld_fund</c> or <c>rejected</c>.</param>
/// <param name="Reason">Why, or null.</param>
/// <param name="Amount">What was paid back, in minor units of the claim's currency (0 when rejected).</param>
/// <param name="Currency">ISO 4217 code of the amount: the claim's.</param>
/// <param name="MovementId">The movement that paid it: the chargeback (<c>rf_…</c>) or the security fund's payment (<c>cp_…</c>, the provisional credit's when that paid it all); for a rejection after provisional credit, the movement that took it back; otherwise null.</param>
/// <param name="DecidedAt">When, UTC, ISO 8601.</param>
public sealed record ClaimDecisionResponse(ClaimOutcome Outcome, string? Reason, long Amount, string Currency, string? MovementId, DateTimeOffset DecidedAt);

/// <summary>Provisional credit the security fund paid an undecided claim.</summary>
/// <param name="Amount">What it paid, in minor units.</param>
/// <param name="Currency">ISO 4217 code of the amount.</param>
/// <param name="MovementId">Its payment (<c>cp_…</c>).</param>
/// <param name="PaidAt">When, UTC, ISO 8601.</param>
/// <param name="ReversalMovementId">When the claim was rejected after it: the movement that took it back from the wallet (<c>cp_…</c>); null otherwise.</param>
/// <param name="ReversalRefusal">When the claim was rejected after it and the wallet no longer held it: why it could not be taken back (a problem <c>code</c>); null otherwise.</param>
public sealed record ClaimProvisionalResponse(long Amount, string Currency, string MovementId, DateTimeOffset PaidAt, string? ReversalMovementId, string? ReversalRefusal);

/// <summary>A claim as its customer sees it.</summary>
/// <param name="ClaimId">The claim's id (<c>clm_…</c>).</param>
/// <param name="Status"><c>open</c> (with the bank), <c>awaiting_customer</c> (a question to answer) or <c>decided</c>.</param>
/// <param name="WalletId">The wallet the money left (<c>wal_…</c>).</param>
/// <param name="EntryId">The entry claimed.</param>
/// <param name="MovementId">The movement claimed.</param>
/// <param name="Kind">Its kind (see the MovementKind schema).</param>
/// <param name="Amount">What left the wallet, in minor units.</param>
/// <param name="Currency">ISO 4217 code of the amount.</param>
/// <param name="MovementAt">When the movement happened, UTC, ISO 8601.</param>
/// <param name="MerchantId">The merchant paid (<c>mch_…</c>), when the movement was a payment to one; null otherwise.</param>
/// <param name="WhatHappened">The customer's account.</param>
/// <param name="NoticedAt">When the customer noticed it, UTC, ISO 8601.</param>
/// <param name="PinShared">Whether the customer said they had shared their PIN or password.</param>
/// <param name="OpenedAt">When the claim was opened, UTC, ISO 8601.</param>
/// <param name="DecideBy">When the bank decides by at the latest (15 days after opening), UTC, ISO 8601.</param>
/// <param name="Messages">The bank's questions and the customer's answers, oldest first.</param>
/// <param name="Decision">The decision, or null while undecided.</param>
/// <param name="Provisional">Provisional credit the security fund paid while the claim was undecided, or null.</param>
public sealed record ClaimResponse(string ClaimId, ClaimStatus Status, string WalletId, string EntryId, string MovementId, MovementKind Kind, long Amount, string Currency,
    DateTimeOffset MovementAt, string? MerchantId, string WhatHappened, DateTimeOffset NoticedAt, bool PinShared, DateTimeOffset OpenedAt, DateTimeOffset DecideBy,
    IReadOnlyList<ClaimMessageResponse> Messages, ClaimDecisionResponse? Decision, ClaimProvisionalResponse? Provisional)
{
    public static ClaimResponse Of(ClaimView c)
        => new(c.ClaimId, c.Status, c.WalletId, c.EntryId, c.MovementId, c.Kind, c.Amount, c.Currency, c.MovementAt, c.MerchantId, c.WhatHappened, c.NoticedAt,
            c.PinShared, c.OpenedAt, c.DecideBy, [.. c.Messages.Select(m => new ClaimMessageResponse(m.From, m.Text, m.At))], DecisionOf(c.Decision, c.Currency),
            c.Provisional is { } p ? new(p.Amount, c.Currency, p.MovementId, p.PaidAt, p.ReversalMovementId, p.ReversalRefusal) : null);

    public static ClaimDecisionResponse? DecisionOf(ClaimDecision? d, string currency) => d is null ? null : new(d.Outcome, d.Reason, d.Amount, currency, d.MovementId, d.DecidedAt);
}

/// <summary>A sign-in the bank had seen.</summary>
/// <param name="At">When, UTC, ISO 8601.</param>
/// <param name="Succeeded">False for a failed password.</param>
/// <param name="Latitude">Where the app said it was, or null.</param>
/// <param name="Longitude">Where the app said it was, or null.</param>
public sealed record ClaimSignInResponse(DateTimeOffset At, bool Succeeded, double? Latitude, double? Longitude);

/// <summary>A risk alert as it stood when the claim was opened.</summary>
/// <param name="AlertId">The alert (<c>rsk_…</c>).</param>
/// <param name="Rule">The rule tripped.</param>
/// <param name="Detail">What was seen.</param>
/// <param name="Restriction">What risk control did.</param>
/// <param name="RaisedAt">When, UTC, ISO 8601.</param>
public sealed record ClaimAlertResponse(string AlertId, string Rule, string Detail, string Restriction, DateTimeOffset RaisedAt);

/// <summary>The evidence the bank held when the claim was opened: a snapshot, which later events do not change.</summary>
/// <param name="TakenAt">When it was copied, UTC, ISO 8601: the claim's opening.</param>
/// <param name="Entry">The wallet entry claimed, as booked.</param>
/// <param name="LocationBefore">The last sign-in with a location before the movement: where the bank last knew the customer's app to be; null when none.</param>
/// <param name="SignIns">Sign-ins and failed ones from 7 days before the movement to the opening, oldest first.</param>
/// <param name="DeviceEvents">Device keys registered or removed in that time.</param>
/// <param name="Alerts">Risk alerts on the customer raised in that time.</param>
/// <param name="RestrictionAtOpening">The customer's risk restriction when the claim was opened.</param>
/// <param name="OtherSignals">Other signals of that time (PIN failures, cards bound, wallets frozen), each a time and a name.</param>
public sealed record ClaimEvidenceResponse(DateTimeOffset TakenAt, EntryResponse Entry, ClaimSignInResponse? LocationBefore, IReadOnlyList<ClaimSignInResponse> SignIns,
    IReadOnlyList<string> DeviceEvents, IReadOnlyList<ClaimAlertResponse> Alerts, string RestrictionAtOpening, IReadOnlyList<string> OtherSignals)
{
    public static ClaimEvidenceResponse Of(ClaimView c)
    {
        var e = c.Evidence;
        return new(e.TakenAt, EntryResponse.From(c.WalletId, e.Movement), SignIn(e.LocationBefore), [.. e.SignIns.Select(s => SignIn(s)!)], e.DeviceEvents,
            [.. e.Alerts.Select(a => new ClaimAlertResponse(a.AlertId, a.Rule, a.Detail, a.Restriction, a.RaisedAt))], e.RestrictionAtOpening, e.OtherSignals);
    }

    private static ClaimSignInResponse? SignIn(ClaimSignIn? s) => s is null ? null : new(s.At, s.Succeeded, s.Latitude, s.Longitude);
}

/// <summary>A claim as operators see it: the customer's claim, who works it, whether the fund may pay, and the evidence.</summary>
/// <param name="Claim">The claim as its customer sees it.</param>
/// <param name="CustomerId">The customer (<c>cus_…</c>).</param>
/// <param name="AssignedTo">The operator working it (<c>cus_…</c>), or null.</param>
/// <param name="FundEligible">Whether the security fund may pay it: reported within 3 days of noticing, PIN not shared.</param>
/// <param name="Chargeable">Whether it can be charged back: a completed payment to a merchant.</param>
/// <param name="Overdue">Whether it is undecided past its <c>decideBy</c>.</param>
/// <param name="Evidence">The evidence copied when it was opened.</param>
public sealed record OpsClaimResponse(ClaimResponse Claim, string CustomerId, string? AssignedTo, bool FundEligible, bool Chargeable, bool Overdue, ClaimEvidenceResponse Evidence)
{
    public static OpsClaimResponse Of(ClaimView c, DateTimeOffset now)
        => new(ClaimResponse.Of(c), c.CustomerId, c.AssignedTo, c.FundEligible, c.Chargeable, c.Decision is null && now > c.DecideBy, ClaimEvidenceResponse.Of(c));
}

/// <summary>The operators' queue: undecided claims, oldest first.</summary>
/// <param name="Items">This page's claims, oldest first.</param>
/// <param name="Waiting">How many claims wait in all.</param>
/// <param name="NextCursor">Pass as <c>cursor</c> for the next page; null on the last page.</param>
public sealed record ClaimQueueResponse(IReadOnlyList<OpsClaimResponse> Items, int Waiting, string? NextCursor);

/// <summary>Money the bank moves from its own capital into the security fund.</summary>
/// <param name="Amount">An integer in minor units, from 1 up.</param>
/// <param name="Currency">ISO 4217 code; the fund keeps one account per currency.</param>
public sealed record FundDepositRequest([property: RequiredField] long? Amount, [property: RequiredField] string? Currency);

/// <summary>A deposit into the security fund.</summary>
/// <param name="DepositId">Its id (<c>sfd_…</c>), made from the operator and the idempotency key.</param>
/// <param name="OperatorId">Who made it (<c>cus_…</c>).</param>
/// <param name="Amount">In minor units.</param>
/// <param name="Currency">ISO 4217 code.</param>
/// <param name="At">When, UTC, ISO 8601.</param>
public sealed record FundDepositResponse(string DepositId, string OperatorId, long Amount, string Currency, DateTimeOffset At);

/// <summary>One payment of the security fund.</summary>
/// <param name="MovementId">The payment (<c>cp_…</c>).</param>
/// <param name="ClaimId">The claim it paid (<c>clm_…</c>).</param>
/// <param name="CustomerId">Who was paid (<c>cus_…</c>).</param>
/// <param name="Amount">In minor units.</param>
/// <param name="Currency">ISO 4217 code of the amount: the fund's.</param>
/// <param name="At">When, UTC, ISO 8601.</param>
public sealed record FundPaymentResponse(string MovementId, string ClaimId, string CustomerId, long Amount, string Currency, DateTimeOffset At);

/// <summary>The security fund (安全保障基金) in one currency.</summary>
/// <param name="Currency">ISO 4217 code.</param>
/// <param name="Balance">What it holds now, from the books, in minor units.</param>
/// <param name="Deposited">What the bank put into it in all.</param>
/// <param name="Paid">What it paid customers in all, less provisional credit taken back.</param>
/// <param name="PaymentCount">How many claims it paid.</param>
/// <param name="RecentPayments">Its latest payments, newest first (up to 200); provisional credit taken back from a rejected claim is one with a negative amount.</param>
public sealed record FundOverviewResponse(string Currency, long Balance, long Deposited, long Paid, int PaymentCount, IReadOnlyList<FundPaymentResponse> RecentPayments)
{
    public static FundOverviewResponse Of(FundOverview f)
        => new(f.Currency, f.Balance, f.Deposited, f.Paid, f.PaymentCount, [.. f.RecentPayments.Select(p => new FundPaymentResponse(p.MovementId, p.ClaimId, p.CustomerId, p.Amount, f.Currency, p.At))]);
}
