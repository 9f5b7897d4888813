using Wallet.Wallets;

namespace Wallet.Movements;

/// <summary>
/// A payment the wallet lacks the money for, covered first from the card its owner chose (an auto top-up). The top-up's
/// id is made from the payment's, so the payment's retries under its Idempotency-Key top up once: a replay finds the
/// top-up recorded (or the money already there) and charges the card no more.
/// </summary>
public static class AutoTopUps
{
    public static async Task<AutoTopUpApplied?> Cover(IGrainFactory grains, string paymentId, string customerId, WalletFacts wallet, long amount)
    {
        if (!wallet.AutoTopUp)
        {
            return null;
        }
        var available = (await grains.GetGrain<IWalletGrain>(wallet.WalletId).GetView(customerId)).Available;
        var topUpId = MovementIds.For(Workflow.TopUp, customerId, $"auto-top-up {paymentId}");
        var topUp = grains.GetGrain<ITopUpGrain>(topUpId);
        if (available >= amount)
        {
            // Enough now: perhaps because this payment's top-up already came in before a crash; it is still this payment's.
            return await topUp.Find(customerId) is { Status: MovementStatus.Completed } earlier ? new AutoTopUpApplied(topUpId, earlier.Amount) : null;
        }
        var auto = grains.GetGrain<IAutoTopUpGrain>(wallet.WalletId);
        if (await auto.Reserve(topUpId, amount - available) is not { } plan)
        {
            return null; // no room under today's cap: the payment is refused for want of funds, as without it
        }
        var receipt = await topUp.TopUp(new TopUpOrder(customerId, $"auto-top-up {paymentId}", wallet.WalletId, plan.CardId, plan.Amount, wallet.Currency));
        if (receipt.Status != MovementStatus.Completed)
        {
            await auto.Release(topUpId);
            return null;
        }
        return new AutoTopUpApplied(topUpId, plan.Amount);
    }
}
