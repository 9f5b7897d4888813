namespace Wallet.Web.Api;

public sealed record OpenClaimRequest(string WalletId, string EntryId, string WhatHappened, string NoticedAt, bool PinShared);

public sealed record ClaimTextRequest(string Text);

public sealed record ClaimMessage(string Author, string Text, DateTimeOffset At);

public sealed record ClaimDecision(string Outcome, string? Reason, long Amount, string Currency, string? MovementId, DateTimeOffset DecidedAt);

public sealed record Claim(string ClaimId, string Status, string WalletId, string EntryId, string MovementId, string Kind, long Amount, string Currency,
    DateTimeOffset MovementAt, string? MerchantId, string WhatHappened, DateTimeOffset NoticedAt, bool PinShared, DateTimeOffset OpenedAt, DateTimeOffset DecideBy,
    IReadOnlyList<ClaimMessage> Messages, ClaimDecision? Decision, ClaimProvisional? Provisional);

public sealed record ClaimProvisional(long Amount, string Currency, string MovementId, DateTimeOffset PaidAt, string? ReversalMovementId, string? ReversalRefusal);

public sealed record ClaimSignIn(DateTimeOffset At, bool Succeeded, double? Latitude, double? Longitude);

public sealed record ClaimAlert(string AlertId, string Rule, string Detail, string Restriction, DateTimeOffset RaisedAt);

public sealed record ClaimEvidence(DateTimeOffset TakenAt, Entry Entry, ClaimSignIn? LocationBefore, IReadOnlyList<ClaimSignIn> SignIns, IReadOnlyList<string> DeviceEvents,
    IReadOnlyList<ClaimAlert> Alerts, string RestrictionAtOpening, IReadOnlyList<string> OtherSignals);

public sealed record OpsClaim(Claim Claim, string CustomerId, string? AssignedTo, bool FundEligible, bool Chargeable, bool Overdue, ClaimEvidence Evidence);

public sealed record ClaimQueue(IReadOnlyList<OpsClaim> Items, int Waiting, string? NextCursor);

public sealed record DecideClaimRequest(string Outcome, string? Reason, long? Amount);

public sealed record FundDepositRequest(long Amount, string Currency);

public sealed record FundPayment(string MovementId, string ClaimId, string CustomerId, long Amount, string Currency, DateTimeOffset At);

public sealed record FundOverview(string Currency, long Balance, long Deposited, long Paid, int PaymentCount, IReadOnlyList<FundPayment> RecentPayments);
