using Wallet.Hosting;
using Wallet.Ledger;
using Wallet.Money;
using Wallet.Refusals;
using Wallet.Wallets;

namespace Wallet.Movements;

/// <summary>A merchant's settlement as a movement: the money leaves the wallet in the same transaction that books it to the card payout and the fee.</summary>
public sealed class SettlementGrain(
    [TransactionalState("movement", StorageNames.Wallet)] ITransactionalState<SettlementRecord> record,
    MovementServices services)
    : MovementGrain<SettlementReceipt, SettlementRecord>(record, services), ISettlementGrain
{
    /// <summary>
    /// Settles what the wallet holds when asked: money arriving meanwhile waits for the next settlement;
    /// a refund that took some meanwhile makes this one refused (insufficient funds) and changes nothing.
    /// The merchant asks once per settlement id, so the id is the request's fingerprint.
    /// </summary>
    public async Task<SettlementReceipt> Settle(SettlementOrder order)
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
        var receipt = Accepted(new SettlementReceipt(order.MerchantId, order.WalletId, gross, fee), order.Currency);
        var debit = new Posting(MovementId, MovementKind.Settlement, order.MerchantId, gross, order.Currency, null, $"fee {Amounts.Format(fee, order.Currency)}");
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

    public Task<SettlementReceipt?> Find(string merchantId) => RecordedFor(merchantId);
}

[GenerateSerializer, Alias("Wallet.SettlementRecord")]
public sealed class SettlementRecord : MovementRecord<SettlementReceipt>;
