using Wallet.Ledger;
using Wallet.Money;
using Wallet.Refusals;
using Wallet.Wallets;

namespace Wallet.Movements;

/// <summary>A merchant's settlement as a movement: the money leaves the wallet in the same transaction that books it to the card payout and the fee.</summary>
public sealed partial class MovementGrain
{
    /// <summary>
    /// Settles what the wallet holds when asked: money arriving meanwhile waits for the next settlement;
    /// a refund that took some meanwhile makes this one refused (insufficient funds) and changes nothing.
    /// </summary>
    public async Task<MovementReceipt> Settle(SettlementOrder order)
    {
        if (await Recorded(order.MerchantId, MovementId) is { } earlier)
        {
            return earlier;
        }
        var gross = await Wallet(order.WalletId).ReadBalance();
        if (gross == 0)
        {
            throw new WalletRefusedException(RefusalCodes.NothingToSettle, "The settlement wallet is empty.");
        }
        var fee = order.FeeOn(gross);
        var receipt = NewReceipt(MovementKind.Settlement, order.WalletId, null, null, gross, order.Currency, $"fee {Amounts.Format(fee, order.Currency)}")
            with { MerchantId = order.MerchantId, Fee = fee };
        var debit = new Posting(MovementId, MovementKind.Settlement, order.MerchantId, gross, order.Currency, null, receipt.Memo);
        return await Commit(order.MerchantId, MovementId, receipt, async () =>
        {
            if (await Wallet(order.WalletId).Debit(debit) is { } refusal)
            {
                return refusal;
            }
            await Clearing(ClearingAccounts.MerchantSettlement, order.Currency, order.WalletId).Post(MovementId, gross - fee);
            await Clearing(ClearingAccounts.SettlementFees, order.Currency, order.WalletId).Post(MovementId, fee);
            return null;
        });
    }
}
