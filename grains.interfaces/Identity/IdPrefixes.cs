namespace Wallet.Identity;

/// <summary>
/// The one table of id prefixes: what kind of thing an id names is its prefix. Ids derived from a caller's
/// idempotency key (<see cref="Ids.ForIdempotencyKey"/>) take the prefix of what the key creates, so a key
/// is scoped to its operation: the same key sent to a transfer and to a top-up names two movements.
/// </summary>
public static class IdPrefixes
{
    public const string Customer = "cus";
    public const string Session = "ses";
    public const string Device = "dev";
    public const string DeviceChallenge = "chl";
    public const string Wallet = "wal";
    public const string Card = "card";
    public const string Merchant = "mch";
    public const string QrCode = "qr";
    public const string Campaign = "cmp";
    public const string Coupon = "cpn";
    public const string Event = "evt";
    public const string RiskAlert = "rsk";
    public const string Notification = "ntf";
    public const string Biller = "bil";
    public const string BillPayee = "pye";
    public const string FxQuote = "fxq";
    public const string Family = "fam";
    public const string FamilyInvitation = "fin";
    public const string SubWallet = "sw";
    public const string Product = "prd";
    public const string Holding = "hld";
    public const string Loan = "ln";
    public const string CreditCardApplication = "cca";
    public const string LostReport = "lr";
    public const string Claim = "clm";
    public const string FundDeposit = "sfd";
    public const string SupportMessage = "msg";
    public const string SupportAttachment = "att";

    /// <summary>The key the facade makes up for a request that creates something without one of its own.</summary>
    public const string GeneratedKey = "auto";

    // Movements, one prefix per workflow (Movements.MovementIds routes an id to its grain by it).
    public const string Transfer = "tr";
    public const string TopUp = "tu";
    public const string Withdrawal = "wd";
    public const string QrPayment = "py";
    public const string Charge = "ch";
    public const string Authorisation = "au";
    public const string Refund = "rf";
    public const string Settlement = "st";
    public const string BillPayment = "bp";
    public const string BillRefund = "br";
    public const string Conversion = "cv";
    public const string Remittance = "rm";
    public const string RemittanceReturn = "rr";
    public const string FamilyTopUp = "ft";
    public const string FamilyTakeBack = "fb";
    public const string RedPacket = "rp";
    public const string RedPacketClaim = "rpc";
    public const string RedPacketReturn = "rpr";
    public const string ProductPurchase = "pb";
    public const string ProductRedemption = "pr";
    public const string LoanDrawdown = "lnd";
    public const string LoanRepayment = "lnr";
    public const string ClaimPayment = "cp";
}
