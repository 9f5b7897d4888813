using Wallet.Refusals;

namespace Wallet.ClientApi.Http;

/// <summary>Every refusal code and the HTTP status it is answered with: the one table the facade keeps.</summary>
public static class Problems
{
    public const string PayloadTooLarge = "payload_too_large";
    public const string MalformedJson = "malformed_json";
    public const string UnknownField = "unknown_field";
    public const string IdempotencyKeyRequired = "idempotency_key_required";
    public const string Unauthorized = "unauthorized";
    public const string Forbidden = "forbidden";
    public const string InternalError = "internal_error";
    public const string TemporarilyUnavailable = "temporarily_unavailable";
    public const string TooManyRequests = "too_many_requests";
    // Why a merchant's signed request was refused (401).
    public const string UnknownMerchant = "unknown_merchant";
    public const string MalformedSignature = "malformed_signature";
    public const string StaleTimestamp = "stale_timestamp";
    public const string ReusedNonce = "reused_nonce";
    public const string BadSignature = "bad_signature";
    public const string MethodNotAllowed = "method_not_allowed";
    public const string UnsupportedMediaType = "unsupported_media_type";
    public const string BadRequest = "bad_request";
    /// <summary>A document format the host cannot draw now (a PDF without its fonts installed).</summary>
    public const string DocumentUnavailable = "document_unavailable";
    /// <summary>A state-changing request the web session's cookie signed in without the session's CSRF token.</summary>
    public const string CsrfTokenInvalid = "csrf_token_invalid";

    public static int StatusFor(string code) => code switch
    {
        RefusalCodes.NotFound => StatusCodes.Status404NotFound,
        RefusalCodes.ValidationFailed or MalformedJson or UnknownField or IdempotencyKeyRequired or RefusalCodes.InvalidIdNumber => StatusCodes.Status400BadRequest,
        BadRequest or RefusalCodes.InvalidText => StatusCodes.Status400BadRequest,
        MethodNotAllowed => StatusCodes.Status405MethodNotAllowed,
        UnsupportedMediaType => StatusCodes.Status415UnsupportedMediaType,
        RefusalCodes.InvalidCredentials or RefusalCodes.InvalidRefreshToken or Unauthorized
            or UnknownMerchant or MalformedSignature or StaleTimestamp or ReusedNonce or BadSignature => StatusCodes.Status401Unauthorized,
        RefusalCodes.CardDeclined => StatusCodes.Status402PaymentRequired,
        RefusalCodes.InvalidPin or RefusalCodes.InvalidChallenge or RefusalCodes.ChallengeExpired or RefusalCodes.InvalidDeviceSignature
            or RefusalCodes.StepUpRequired or Forbidden or CsrfTokenInvalid or RefusalCodes.FamilyRoleRequired => StatusCodes.Status403Forbidden,
        RefusalCodes.PhoneTaken or RefusalCodes.PinNotSet or RefusalCodes.WalletFrozen or RefusalCodes.WalletReceiveOnly
            or RefusalCodes.WalletClosed or RefusalCodes.WalletNotEmpty or RefusalCodes.WalletNotFrozen or RefusalCodes.CardNotActive
            or RefusalCodes.CardAlreadyBound or RefusalCodes.TooManyDevices or RefusalCodes.NoDevice or RefusalCodes.VerificationLocked or RefusalCodes.AlreadyVerified or RefusalCodes.IdNumberTaken or RefusalCodes.QrCodeUsed
            or RefusalCodes.PaymentCodeUsed or RefusalCodes.NotPending or RefusalCodes.NothingToSettle or RefusalCodes.NoSettlementCard or RefusalCodes.PayoutPending or RefusalCodes.CouponUsed or RefusalCodes.CampaignEnded
            or RefusalCodes.AccountFrozen or RefusalCodes.AccountReceiveOnly or RefusalCodes.HeldForReview or RefusalCodes.RejectedInReview
            or RefusalCodes.BillerPaused or RefusalCodes.NoBillDue or RefusalCodes.BillAlreadyPaid or RefusalCodes.QuoteUsed
            or RefusalCodes.RedPacketEmpty or RefusalCodes.OwnRedPacket => StatusCodes.Status409Conflict,
        RefusalCodes.RedPacketExpired or RefusalCodes.OfferExpired => StatusCodes.Status410Gone,
        RefusalCodes.LoanNotOpen or RefusalCodes.InstalmentAlreadyPaid or RefusalCodes.RepaymentChanged or RefusalCodes.LoanOutstanding => StatusCodes.Status409Conflict,
        RefusalCodes.CardBoundElsewhere or RefusalCodes.AlreadyInFamily or RefusalCodes.FamilyFull or RefusalCodes.OwnerCannotLeave
            or RefusalCodes.InvitationExpired or RefusalCodes.NothingToTakeBack or RefusalCodes.DeclinedByFamily or RefusalCodes.ApprovalExpired => StatusCodes.Status409Conflict,
        RefusalCodes.ProductNotOnSale or RefusalCodes.QuotaExhausted or RefusalCodes.NotRedeemable or RefusalCodes.HoldingClosed
            or RefusalCodes.ProductClosed => StatusCodes.Status409Conflict,
        RefusalCodes.AccountReportedLost => StatusCodes.Status403Forbidden,
        RefusalCodes.NotReportedLost or RefusalCodes.OperatorCheckRequired => StatusCodes.Status409Conflict,
        RefusalCodes.PaymentVoided => StatusCodes.Status422UnprocessableEntity,
        RefusalCodes.ClaimAlreadyDecided or RefusalCodes.SecurityFundShort => StatusCodes.Status409Conflict,
        RefusalCodes.ClaimNotOutgoing or RefusalCodes.ClaimWindowPassed or RefusalCodes.ClaimNotEligible or RefusalCodes.ClaimNotChargeable => StatusCodes.Status422UnprocessableEntity,
        PayloadTooLarge => StatusCodes.Status413PayloadTooLarge,
        RefusalCodes.PinLocked => StatusCodes.Status423Locked,
        RefusalCodes.LoginLocked or TooManyRequests => StatusCodes.Status429TooManyRequests,
        RefusalCodes.MovementInDoubt or RefusalCodes.StorageUnavailable or TemporarilyUnavailable or DocumentUnavailable
            or RefusalCodes.IntegrationUnavailable => StatusCodes.Status503ServiceUnavailable,
        RefusalCodes.InsufficientFunds or RefusalCodes.CurrencyMismatch or RefusalCodes.SameWallet or RefusalCodes.IdempotencyKeyReused
            or RefusalCodes.InvalidVerificationCode or RefusalCodes.RecipientNotFound or RefusalCodes.IdentityNotConfirmed or RefusalCodes.RealNameRequired
            or RefusalCodes.IdNumberMismatch or RefusalCodes.CardPhoneMismatch or RefusalCodes.CardHolderMismatch or RefusalCodes.InvalidQrCode
            or RefusalCodes.QrCodeExpired or RefusalCodes.RefundExceedsPayment or RefusalCodes.InvalidPaymentCode or RefusalCodes.PaymentCodeExpired
            or RefusalCodes.ConfirmationExpired or RefusalCodes.AuthorizationExpired or RefusalCodes.LimitExceeded or RefusalCodes.BalanceCapExceeded
            or RefusalCodes.InvalidCoupon or RefusalCodes.CouponExpired or RefusalCodes.CouponNotApplicable or RefusalCodes.CardHolderNotCustomer
            or RefusalCodes.CurrencyNotSupported or RefusalCodes.InvalidAccountNumber or RefusalCodes.AmountNotOffered
            or RefusalCodes.QuoteExpired or RefusalCodes.FxQuotaExceeded or RefusalCodes.AmountTooSmall
            or RefusalCodes.NotForSubWallet or RefusalCodes.SubWalletEnded or RefusalCodes.OutsideAllowedHours or RefusalCodes.MerchantNotAllowed
            or RefusalCodes.CategoryNotAllowed or RefusalCodes.ApprovalRequired => StatusCodes.Status422UnprocessableEntity,
        RefusalCodes.RiskAssessmentRequired or RefusalCodes.ProductRiskTooHigh or RefusalCodes.HigherTierRequired
            or RefusalCodes.ExceedsHolding => StatusCodes.Status422UnprocessableEntity,
        // A code nobody mapped is a defect, not a refusal a client can act on: it is answered as one
        // (RefusalCodeTableTests fails first for every constant that lacks a status and a README row).
        _ => StatusCodes.Status500InternalServerError,
    };

    public static ProblemHttpResult For(string code, string detail, IDictionary<string, object?>? extensions = null)
    {
        var status = StatusFor(code);
        var all = new Dictionary<string, object?>(extensions ?? new Dictionary<string, object?>()) { ["code"] = code };
        return TypedResults.Problem(detail, statusCode: status, title: TitleFor(code), type: TypeFor(code), extensions: all);
    }

    /// <summary>
    /// The problem for a status the framework set without a body (no route, a method the route does not take,
    /// a body that is not JSON): every 4xx the API answers carries a code.
    /// </summary>
    public static ProblemHttpResult? ForStatus(int status) => status switch
    {
        StatusCodes.Status400BadRequest => For(BadRequest, "The request could not be read. See the API reference at /scalar."),
        StatusCodes.Status401Unauthorized => For(Unauthorized, "Sign in and send the access token as a bearer token."),
        StatusCodes.Status403Forbidden => For(Forbidden, "This caller may not do this."),
        StatusCodes.Status404NotFound => For(RefusalCodes.NotFound, "No such resource. See the API reference at /scalar."),
        StatusCodes.Status405MethodNotAllowed => For(MethodNotAllowed, "This route does not take this method; the Allow header lists those it takes."),
        StatusCodes.Status413PayloadTooLarge => For(PayloadTooLarge, "The request body is over 64 KiB."),
        StatusCodes.Status415UnsupportedMediaType => For(UnsupportedMediaType, "Send the body as application/json in UTF-8."),
        StatusCodes.Status429TooManyRequests => For(TooManyRequests, "Too many requests; try again shortly."),
        _ => null,
    };

    public static ValidationProblem Validation(IDictionary<string, string[]> errors, string? code = null)
        => TypedResults.ValidationProblem(errors, "One or more fields are invalid.", title: "The request is invalid.",
            type: TypeFor(code ?? RefusalCodes.ValidationFailed),
            extensions: new Dictionary<string, object?> { ["code"] = code ?? RefusalCodes.ValidationFailed });

    public static ValidationProblem Validation(string field, string message, string? code = null)
        => Validation(new Dictionary<string, string[]> { [field] = [message] }, code);

    public static string TypeFor(string code) => $"https://wallet.orleans.example/problems/{code.Replace('_', '-')}";

    private static string TitleFor(string code)
    {
        var words = code.Replace('_', ' ');
        return char.ToUpperInvariant(words[0]) + words[1..] + ".";
    }
}
