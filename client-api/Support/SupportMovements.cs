using Wallet.Movements;

namespace Wallet.ClientApi.Support;

/// <summary>
/// Whether a movement a message is about is the caller's: the same question each movement's own retrieval asks
/// (a transfer they sent or received, a top-up, withdrawal, payment, bill payment, conversion, remittance or red packet
/// of theirs). Any other id, another's or one that never was, is not found alike.
/// </summary>
public static class SupportMovements
{
    public static async Task<bool> IsCallers(IGrainFactory grains, string customerId, string movementId) => MovementIds.WorkflowOf(movementId) switch
    {
        Workflow.Transfer => await grains.GetGrain<ITransferGrain>(movementId).Find(customerId) is not null,
        Workflow.TopUp => await grains.GetGrain<ITopUpGrain>(movementId).Find(customerId) is not null,
        Workflow.Withdrawal => await grains.GetGrain<IWithdrawalGrain>(movementId).Find(customerId) is not null,
        Workflow.QrPayment => await grains.GetGrain<IQrPaymentGrain>(movementId).Find(customerId) is { } paid && paid.PayerId == customerId,
        Workflow.Charge => await grains.GetGrain<IChargeGrain>(movementId).Find(customerId) is { } charged && charged.PayerId == customerId,
        Workflow.Authorisation => await grains.GetGrain<IAuthorisationGrain>(movementId).Find(customerId) is { } held && held.PayerId == customerId,
        Workflow.BillPayment => await grains.GetGrain<Wallet.Utilities.IBillPaymentGrain>(movementId).Find(customerId) is not null,
        Workflow.Conversion => await grains.GetGrain<Wallet.Fx.IConversionGrain>(movementId).Find(customerId) is not null,
        Workflow.Remittance => await grains.GetGrain<Wallet.Fx.IRemittanceGrain>(movementId).Find(customerId) is not null,
        Workflow.RedPacket => await grains.GetGrain<Wallet.RedPackets.IRedPacketGrain>(movementId).Find(customerId) is not null,
        Workflow.RedPacketClaim => await grains.GetGrain<Wallet.RedPackets.IRedPacketClaimGrain>(movementId).Find(customerId) is not null,
        _ => false,
    };
}
