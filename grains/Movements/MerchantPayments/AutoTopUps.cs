using Wallet.Products;
using Wallet.Wallets;

namespace Wallet.Movements;

/// <summary>
/// A payment the wallet lacks the money for, covered first from what its owner chose: their money-market fund ("balance plus
/// fund"), then their card (an auto top-up). Each cover's id is made from the payment's, so the payment's retries under its
/// Idempotency-Key cover once: a replay finds the redemption or top-up recorded (or the money already there) and moves no more.
/// </summary>
public static class AutoTopUps
{
    /// <summary>What covered the payment: a redemption from the fund, a top-up from the card, either, both or neither.</summary>
    public sealed record Covered(FundCoverApplied? Fund, AutoTopUpApplied? Card);

    public static async Task<Covered?> Cover(IGrainFactory grains, string paymentId, string customerId, WalletFacts wallet, long amount)
    {
        if (!wallet.AutoTopUp)
        {
            return null;
        }
        var available = (await grains.GetGrain<IWalletGrain>(wallet.WalletId).GetView(customerId)).Available;
        var covers = grains.GetGrain<IAutoTopUpGrain>(wallet.WalletId);
        var fund = await FromFund(grains, covers, paymentId, customerId, wallet, amount - available);
        if (fund is not null)
        {
            available = (await grains.GetGrain<IWalletGrain>(wallet.WalletId).GetView(customerId)).Available; // with the fund's money, however long ago it came
        }
        var card = await FromCard(grains, covers, paymentId, customerId, wallet, amount - available);
        return fund is null && card is null ? null : new Covered(fund, card);
    }

    private static string RedemptionId(string customerId, string paymentId) => MovementIds.For(Workflow.ProductRedemption, customerId, $"fund-cover {paymentId}");

    /// <summary>Redeems the shortfall into the wallet when the fund holds it; an earlier redemption of this payment's is answered again.</summary>
    private static async Task<FundCoverApplied?> FromFund(IGrainFactory grains, IAutoTopUpGrain covers, string paymentId, string customerId, WalletFacts wallet, long shortfall)
    {
        // A wallet covered by its card alone asks nothing more of the fund's side (its record's read is a transaction).
        if (await covers.FundCoverOf() is not { } holdingId)
        {
            return null;
        }
        var redemptionId = RedemptionId(customerId, paymentId);
        var redemption = grains.GetGrain<IProductRedemptionGrain>(redemptionId);
        if (await redemption.Find(customerId) is { } earlier)
        {
            // Covered before a crash or a retry: it is still this payment's, whatever the wallet holds now.
            return earlier.Status == MovementStatus.Completed ? new FundCoverApplied(redemptionId, earlier.Amount) : null;
        }
        // The fund covers a shortfall it holds whole; otherwise it is left as it is, and the card (if any) covers it all.
        if (shortfall <= 0 || await grains.GetGrain<IHoldingGrain>(holdingId).View(customerId) is not { Status: HoldingStatus.Active } holding || holding.Value < shortfall)
        {
            return null;
        }
        var receipt = await redemption.Redeem(new ProductRedemptionOrder(customerId, $"fund-cover {paymentId}", holdingId, shortfall, wallet.WalletId));
        return receipt.Status == MovementStatus.Completed ? new FundCoverApplied(redemptionId, receipt.Amount) : null;
    }

    private static async Task<AutoTopUpApplied?> FromCard(IGrainFactory grains, IAutoTopUpGrain covers, string paymentId, string customerId, WalletFacts wallet, long shortfall)
    {
        var topUpId = MovementIds.For(Workflow.TopUp, customerId, $"auto-top-up {paymentId}");
        var topUp = grains.GetGrain<ITopUpGrain>(topUpId);
        if (shortfall <= 0)
        {
            // Enough now: perhaps because this payment's top-up already came in before a crash; it is still this payment's.
            return await topUp.Find(customerId) is { Status: MovementStatus.Completed } earlier ? new AutoTopUpApplied(topUpId, earlier.Amount) : null;
        }
        if (await covers.Reserve(topUpId, shortfall) is not { } plan)
        {
            return null; // none set, or no room under today's cap: the payment is refused for want of funds, as without it
        }
        var receipt = await topUp.TopUp(new TopUpOrder(customerId, $"auto-top-up {paymentId}", wallet.WalletId, plan.CardId, plan.Amount, wallet.Currency));
        if (receipt.Status != MovementStatus.Completed)
        {
            await covers.Release(topUpId);
            return null;
        }
        return new AutoTopUpApplied(topUpId, plan.Amount);
    }
}
