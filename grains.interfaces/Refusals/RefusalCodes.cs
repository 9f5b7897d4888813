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

    /// <summary>Every share of the red packet has been claimed.</summary>
    public const string RedPacketEmpty = "red_packet_empty";

    /// <summary>The red packet's time to claim is over; what nobody claimed goes back to its sender.</summary>
    public const string RedPacketExpired = "red_packet_expired";

    /// <summary>The sender of a one-to-one red packet cannot claim it.</summary>
    public const string OwnRedPacket = "own_red_packet";
}
