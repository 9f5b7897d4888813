namespace Wallet.Refusals;

/// <summary>Stable, machine-readable reasons the bank refuses a request; they travel to HTTP as the problem's <c>code</c>.</summary>
public static class RefusalCodes
{
    public const string NotFound = "not_found";
    public const string ValidationFailed = "validation_failed";
    public const string InsufficientFunds = "insufficient_funds";
    public const string CurrencyMismatch = "currency_mismatch";
    public const string SameWallet = "same_wallet";
    public const string WalletFrozen = "wallet_frozen";
    public const string WalletReceiveOnly = "wallet_receive_only";
    public const string WalletClosed = "wallet_closed";
    public const string WalletNotEmpty = "wallet_not_empty";
    public const string WalletNotFrozen = "wallet_not_frozen";
    public const string InvalidPin = "invalid_pin";
    public const string PinNotSet = "pin_not_set";
    public const string InvalidCredentials = "invalid_credentials";
    public const string PhoneTaken = "phone_taken";
    public const string IdempotencyKeyReused = "idempotency_key_reused";
    public const string CardNotActive = "card_not_active";
    public const string CardAlreadyBound = "card_already_bound";
    public const string CardDeclined = "card_declined";
    public const string InvalidVerificationCode = "invalid_verification_code";
    public const string VerificationLocked = "verification_locked";
    public const string MovementInDoubt = "movement_in_doubt";
    public const string RecipientNotFound = "recipient_not_found";
    public const string StorageUnavailable = "storage_unavailable";
    public const string InvalidIdNumber = "invalid_id_number";
    public const string IdentityNotConfirmed = "identity_not_confirmed";
    public const string AlreadyVerified = "already_verified";
    public const string RealNameRequired = "real_name_required";
    public const string PinLocked = "pin_locked";
    public const string LoginLocked = "login_locked";
    public const string IdNumberMismatch = "id_number_mismatch";
    public const string InvalidRefreshToken = "invalid_refresh_token";
    public const string TooManyDevices = "too_many_devices";
    public const string NoDevice = "no_device";
    public const string InvalidChallenge = "invalid_challenge";
    public const string ChallengeExpired = "challenge_expired";
    public const string InvalidDeviceSignature = "invalid_device_signature";
    public const string CardPhoneMismatch = "card_phone_mismatch";
    public const string CardHolderMismatch = "card_holder_mismatch";
    public const string IdNumberTaken = "id_number_taken";
    public const string InvalidQrCode = "invalid_qr_code";
    public const string QrCodeExpired = "qr_code_expired";
    public const string QrCodeUsed = "qr_code_used";
    public const string RefundExceedsPayment = "refund_exceeds_payment";
    public const string InvalidPaymentCode = "invalid_payment_code";
    public const string PaymentCodeUsed = "payment_code_used";
    public const string PaymentCodeExpired = "payment_code_expired";
    public const string ConfirmationExpired = "confirmation_expired";
    public const string NotPending = "not_pending";
    public const string NothingToSettle = "nothing_to_settle";
    public const string NoSettlementCard = "no_settlement_card";
    public const string PayoutPending = "payout_pending";
    public const string AuthorizationExpired = "authorization_expired";
    public const string LimitExceeded = "limit_exceeded";
    public const string BalanceCapExceeded = "balance_cap_exceeded";
    public const string InvalidCoupon = "invalid_coupon";
    public const string CouponUsed = "coupon_used";
    public const string CouponExpired = "coupon_expired";
    public const string CouponNotApplicable = "coupon_not_applicable";
    public const string CampaignEnded = "campaign_ended";
    public const string AccountFrozen = "account_frozen";
    public const string AccountReceiveOnly = "account_receive_only";
    public const string HeldForReview = "held_for_review";
    public const string StepUpRequired = "step_up_required";
    public const string RejectedInReview = "rejected_in_review";
    public const string CardHolderNotCustomer = "card_holder_not_customer";
    public const string CardBoundElsewhere = "card_bound_elsewhere";
    public const string CurrencyNotSupported = "currency_not_supported";
    public const string InvalidText = "invalid_text";
    public const string IntegrationUnavailable = "integration_unavailable";
    public const string InvalidAccountNumber = "invalid_account_number";
    public const string AmountNotOffered = "amount_not_offered";
    public const string BillerPaused = "biller_paused";
    public const string NoBillDue = "no_bill_due";
    public const string BillAlreadyPaid = "bill_already_paid";

    /// <summary>An FX quote past its 30 seconds: ask for a new one.</summary>
    public const string QuoteExpired = "quote_expired";

    /// <summary>An FX quote another conversion already used.</summary>
    public const string QuoteUsed = "quote_used";

    /// <summary>The conversion would buy more foreign currency than is left of the customer's annual quota.</summary>
    public const string FxQuotaExceeded = "fx_quota_exceeded";

    /// <summary>An amount that converts to nothing (less than one minor unit of the other currency).</summary>
    public const string AmountTooSmall = "amount_too_small";

    /// <summary>The invitee is already in the family, or already invited and not yet answered.</summary>
    public const string AlreadyInFamily = "already_in_family";

    /// <summary>A family has at most <c>Wallet:Families:MaxMembers</c> (20) members and invitations together.</summary>
    public const string FamilyFull = "family_full";

    /// <summary>The owner keeps the family and cannot leave it.</summary>
    public const string OwnerCannotLeave = "owner_cannot_leave";

    /// <summary>The invitation's week has passed without an answer.</summary>
    public const string InvitationExpired = "invitation_expired";

    /// <summary>The caller's role in the family does not allow this (only the owner, or a guardian, may).</summary>
    public const string FamilyRoleRequired = "family_role_required";

    /// <summary>A sub-wallet pays merchants and is funded by its family: it makes no other movement.</summary>
    public const string NotForSubWallet = "not_for_sub_wallet";

    /// <summary>The sub-wallet's end date passed (or its member left the family): it pays nothing more.</summary>
    public const string SubWalletEnded = "sub_wallet_ended";

    /// <summary>The sub-wallet may not pay at this hour of the bank's day.</summary>
    public const string OutsideAllowedHours = "outside_allowed_hours";

    /// <summary>The sub-wallet's rules do not let it pay this merchant.</summary>
    public const string MerchantNotAllowed = "merchant_not_allowed";

    /// <summary>The sub-wallet's rules do not let it pay in this merchant's category.</summary>
    public const string CategoryNotAllowed = "category_not_allowed";

    /// <summary>A sub-wallet's payment over its approval threshold made another way than by QR code, which can wait for the family.</summary>
    public const string ApprovalRequired = "approval_required";

    /// <summary>The family declined the sub-wallet's payment that awaited its approval.</summary>
    public const string DeclinedByFamily = "declined_by_family";

    /// <summary>The sub-wallet's payment waited for its family's approval past its time.</summary>
    public const string ApprovalExpired = "approval_expired";

    /// <summary>A take-back of a sub-wallet that holds nothing.</summary>
    public const string NothingToTakeBack = "nothing_to_take_back";
    /// <summary>Every share of the red packet has been claimed.</summary>
    public const string RedPacketEmpty = "red_packet_empty";

    /// <summary>The red packet's time to claim is over; what nobody claimed goes back to its sender.</summary>
    public const string RedPacketExpired = "red_packet_expired";

    /// <summary>The sender of a one-to-one red packet cannot claim it.</summary>
    public const string OwnRedPacket = "own_red_packet";

    /// <summary>The product is not on sale now: not yet published, paused, closed, or outside its subscription window.</summary>
    public const string ProductNotOnSale = "product_not_on_sale";

    /// <summary>What is left of the product's quota is less than the amount.</summary>
    public const string QuotaExhausted = "quota_exhausted";

    /// <summary>The product is above R1 and the customer's risk assessment is missing or more than a year old.</summary>
    public const string RiskAssessmentRequired = "risk_assessment_required";

    /// <summary>The product's risk level is above the customer's assessed tolerance.</summary>
    public const string ProductRiskTooHigh = "product_risk_too_high";

    /// <summary>The customer's real-name tier is below what the operation needs (the bank's products need tier 2: a debit card in their name).</summary>
    public const string HigherTierRequired = "higher_tier_required";

    /// <summary>A wealth product is not redeemable before its maturity; it pays back by itself then.</summary>
    public const string NotRedeemable = "not_redeemable";

    /// <summary>A redemption asks for more than the holding is worth.</summary>
    public const string ExceedsHolding = "exceeds_holding";

    /// <summary>The holding was paid back in full; nothing is left in it.</summary>
    public const string HoldingClosed = "holding_closed";

    /// <summary>The product is closed for good; it cannot be published, paused or repriced.</summary>
    public const string ProductClosed = "product_closed";

    /// <summary>A loan offer not accepted within its days (<c>Wallet:Credit:OfferValidFor</c>): apply again.</summary>
    public const string OfferExpired = "offer_expired";

    /// <summary>The loan does not take this in the state it is in: a declined application accepted, a loan drawn or repaid already.</summary>
    public const string LoanNotOpen = "loan_not_open";

    /// <summary>The instalment was paid already (by autopay, or another request).</summary>
    public const string InstalmentAlreadyPaid = "instalment_already_paid";

    /// <summary>The account cannot close while a loan of the customer's is not repaid.</summary>
    public const string LoanOutstanding = "loan_outstanding";

    /// <summary>What the loan is owed changed between the quote the payer said yes to and the repayment (another payment came first): ask again.</summary>
    public const string RepaymentChanged = "repayment_changed";

    /// <summary>The account is reported lost or stolen: nobody signs in or resets the password until it is recovered (<c>POST /v1/recovery</c>).</summary>
    public const string AccountReportedLost = "account_reported_lost";

    /// <summary>Recovery is for an account reported lost or stolen; this one is not.</summary>
    public const string NotReportedLost = "not_reported_lost";

    /// <summary>The customer has no verified identity number to check: an operator checks who they are first (then recovery needs only the code).</summary>
    public const string OperatorCheckRequired = "operator_check_required";

    /// <summary>A merchant's charge waiting for the payer's confirmation was voided: the payer reported the phone or account lost.</summary>
    public const string PaymentVoided = "payment_voided";
    /// <summary>Only money that left the customer's wallet can be claimed as unauthorised; the entry brought money in.</summary>
    public const string ClaimNotOutgoing = "claim_not_outgoing";

    /// <summary>A claim must be opened within 60 days of the movement.</summary>
    public const string ClaimWindowPassed = "claim_window_passed";

    /// <summary>The claim was decided already (another decision came first): a decision is made once.</summary>
    public const string ClaimAlreadyDecided = "claim_already_decided";

    /// <summary>The security fund pays only a claim reported within 3 days of noticing, by a customer who did not share their PIN.</summary>
    public const string ClaimNotEligible = "claim_not_eligible";

    /// <summary>Only a completed payment to a merchant can be charged back.</summary>
    public const string ClaimNotChargeable = "claim_not_chargeable";

    /// <summary>The security fund holds less than the claim it would pay: an operator deposits into it first.</summary>
    public const string SecurityFundShort = "security_fund_short";
}
