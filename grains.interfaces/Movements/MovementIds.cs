using Wallet.Identity;

namespace Wallet.Movements;

/// <summary>The workflows a movement runs in: each its own grain, its own order and its own receipt.</summary>
public enum Workflow
{
    Transfer,
    TopUp,
    Withdrawal,
    QrPayment,
    Charge,
    Authorisation,
    Refund,
    Settlement,
    BillPayment,
    BillRefund,
    Conversion,
    Remittance,
    RemittanceReturn,
    FamilyTopUp,
    FamilyTakeBack,
    RedPacket,
    RedPacketClaim,
    RedPacketReturn,
    ProductPurchase,
    ProductRedemption,
    LoanDrawdown,
    LoanRepayment,
    ClaimPayment,
}

/// <summary>
/// Which grain a movement id names. The id's prefix says its workflow (the table is <see cref="IdPrefixes"/>),
/// so whoever holds only an id — the publication log, an operator's review, a refund naming its payment,
/// a retrieval — reaches the grain that recorded it without a lookup.
/// </summary>
public static class MovementIds
{
    /// <summary>The id a caller's idempotency key (or a merchant's order id) stands for in a workflow.</summary>
    public static string For(Workflow workflow, string callerId, string key) => Ids.ForIdempotencyKey(PrefixOf(workflow), callerId, key);

    public static string PrefixOf(Workflow workflow) => workflow switch
    {
        Workflow.Transfer => IdPrefixes.Transfer,
        Workflow.TopUp => IdPrefixes.TopUp,
        Workflow.Withdrawal => IdPrefixes.Withdrawal,
        Workflow.QrPayment => IdPrefixes.QrPayment,
        Workflow.Charge => IdPrefixes.Charge,
        Workflow.Authorisation => IdPrefixes.Authorisation,
        Workflow.Refund => IdPrefixes.Refund,
        Workflow.Settlement => IdPrefixes.Settlement,
        Workflow.BillPayment => IdPrefixes.BillPayment,
        Workflow.BillRefund => IdPrefixes.BillRefund,
        Workflow.Conversion => IdPrefixes.Conversion,
        Workflow.Remittance => IdPrefixes.Remittance,
        Workflow.RemittanceReturn => IdPrefixes.RemittanceReturn,
        Workflow.FamilyTopUp => IdPrefixes.FamilyTopUp,
        Workflow.FamilyTakeBack => IdPrefixes.FamilyTakeBack,
        Workflow.RedPacket => IdPrefixes.RedPacket,
        Workflow.RedPacketClaim => IdPrefixes.RedPacketClaim,
        Workflow.RedPacketReturn => IdPrefixes.RedPacketReturn,
        Workflow.ProductPurchase => IdPrefixes.ProductPurchase,
        Workflow.ProductRedemption => IdPrefixes.ProductRedemption,
        Workflow.LoanDrawdown => IdPrefixes.LoanDrawdown,
        Workflow.LoanRepayment => IdPrefixes.LoanRepayment,
        Workflow.ClaimPayment => IdPrefixes.ClaimPayment,
    };

    /// <summary>The workflow an id belongs to, or null when it names no movement.</summary>
    public static Workflow? WorkflowOf(string id)
    {
        var underscore = id.IndexOf('_', StringComparison.Ordinal);
        return underscore <= 0 ? null : id[..underscore] switch
        {
            IdPrefixes.Transfer => Workflow.Transfer,
            IdPrefixes.TopUp => Workflow.TopUp,
            IdPrefixes.Withdrawal => Workflow.Withdrawal,
            IdPrefixes.QrPayment => Workflow.QrPayment,
            IdPrefixes.Charge => Workflow.Charge,
            IdPrefixes.Authorisation => Workflow.Authorisation,
            IdPrefixes.Refund => Workflow.Refund,
            IdPrefixes.Settlement => Workflow.Settlement,
            IdPrefixes.BillPayment => Workflow.BillPayment,
            IdPrefixes.BillRefund => Workflow.BillRefund,
            IdPrefixes.Conversion => Workflow.Conversion,
            IdPrefixes.Remittance => Workflow.Remittance,
            IdPrefixes.RemittanceReturn => Workflow.RemittanceReturn,
            IdPrefixes.FamilyTopUp => Workflow.FamilyTopUp,
            IdPrefixes.FamilyTakeBack => Workflow.FamilyTakeBack,
            IdPrefixes.RedPacket => Workflow.RedPacket,
            IdPrefixes.RedPacketClaim => Workflow.RedPacketClaim,
            IdPrefixes.RedPacketReturn => Workflow.RedPacketReturn,
            IdPrefixes.ProductPurchase => Workflow.ProductPurchase,
            IdPrefixes.ProductRedemption => Workflow.ProductRedemption,
            IdPrefixes.LoanDrawdown => Workflow.LoanDrawdown,
            IdPrefixes.LoanRepayment => Workflow.LoanRepayment,
            IdPrefixes.ClaimPayment => Workflow.ClaimPayment,
            _ => null,
        };
    }

    /// <summary>The movement grain an id names, or null when it names none.</summary>
    public static IMovementGrain? Grain(IGrainFactory grains, string id) => WorkflowOf(id) switch
    {
        Workflow.Transfer => grains.GetGrain<ITransferGrain>(id),
        Workflow.TopUp => grains.GetGrain<ITopUpGrain>(id),
        Workflow.Withdrawal => grains.GetGrain<IWithdrawalGrain>(id),
        Workflow.QrPayment => grains.GetGrain<IQrPaymentGrain>(id),
        Workflow.Charge => grains.GetGrain<IChargeGrain>(id),
        Workflow.Authorisation => grains.GetGrain<IAuthorisationGrain>(id),
        Workflow.Refund => grains.GetGrain<IRefundGrain>(id),
        Workflow.Settlement => grains.GetGrain<ISettlementGrain>(id),
        Workflow.BillPayment => grains.GetGrain<Utilities.IBillPaymentGrain>(id),
        Workflow.BillRefund => grains.GetGrain<Utilities.IBillRefundGrain>(id),
        Workflow.Conversion => grains.GetGrain<Fx.IConversionGrain>(id),
        Workflow.Remittance => grains.GetGrain<Fx.IRemittanceGrain>(id),
        Workflow.RemittanceReturn => grains.GetGrain<Fx.IRemittanceReturnGrain>(id),
        Workflow.FamilyTopUp => grains.GetGrain<Families.IFamilyTopUpGrain>(id),
        Workflow.FamilyTakeBack => grains.GetGrain<Families.IFamilyTakeBackGrain>(id),
        Workflow.RedPacket => grains.GetGrain<RedPackets.IRedPacketGrain>(id),
        Workflow.RedPacketClaim => grains.GetGrain<RedPackets.IRedPacketClaimGrain>(id),
        Workflow.RedPacketReturn => grains.GetGrain<RedPackets.IRedPacketReturnGrain>(id),
        Workflow.ProductPurchase => grains.GetGrain<Products.IProductPurchaseGrain>(id),
        Workflow.ProductRedemption => grains.GetGrain<Products.IProductRedemptionGrain>(id),
        Workflow.LoanDrawdown => grains.GetGrain<Credit.ILoanDrawdownGrain>(id),
        Workflow.LoanRepayment => grains.GetGrain<Credit.ILoanRepaymentGrain>(id),
        Workflow.ClaimPayment => grains.GetGrain<Claims.IClaimPaymentGrain>(id),
        null => null,
    };

    /// <summary>A movement an operator may release or reject (a transfer, a QR payment, a withdrawal), or null.</summary>
    public static IReviewableMovementGrain? Reviewable(IGrainFactory grains, string id) => WorkflowOf(id) switch
    {
        Workflow.Transfer => grains.GetGrain<ITransferGrain>(id),
        Workflow.Withdrawal => grains.GetGrain<IWithdrawalGrain>(id),
        Workflow.QrPayment => grains.GetGrain<IQrPaymentGrain>(id),
        Workflow.BillPayment => grains.GetGrain<Utilities.IBillPaymentGrain>(id),
        Workflow.Remittance => grains.GetGrain<Fx.IRemittanceGrain>(id),
        Workflow.TopUp or Workflow.Charge or Workflow.Authorisation or Workflow.Refund or Workflow.Settlement or Workflow.BillRefund or Workflow.Conversion
            or Workflow.RemittanceReturn or Workflow.FamilyTopUp or Workflow.FamilyTakeBack or Workflow.RedPacket or Workflow.RedPacketClaim or Workflow.RedPacketReturn
            or Workflow.ProductPurchase or Workflow.ProductRedemption
            or Workflow.LoanDrawdown or Workflow.LoanRepayment or Workflow.ClaimPayment or null => null,
    };

    /// <summary>A merchant's payment that refunds may give back (a QR payment, a charge, a captured authorisation), or null.</summary>
    public static IRefundablePaymentGrain? Refundable(IGrainFactory grains, string id) => WorkflowOf(id) switch
    {
        Workflow.QrPayment => grains.GetGrain<IQrPaymentGrain>(id),
        Workflow.Charge => grains.GetGrain<IChargeGrain>(id),
        Workflow.Authorisation => grains.GetGrain<IAuthorisationGrain>(id),
        Workflow.Transfer or Workflow.TopUp or Workflow.Withdrawal or Workflow.Refund or Workflow.Settlement or Workflow.BillPayment or Workflow.BillRefund or Workflow.Conversion
            or Workflow.Remittance or Workflow.RemittanceReturn or Workflow.FamilyTopUp or Workflow.FamilyTakeBack or Workflow.RedPacket or Workflow.RedPacketClaim or Workflow.RedPacketReturn
            or Workflow.ProductPurchase or Workflow.ProductRedemption
            or Workflow.LoanDrawdown or Workflow.LoanRepayment or Workflow.ClaimPayment or null => null,
    };
}
