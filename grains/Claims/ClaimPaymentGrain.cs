using Wallet.Hosting;
using Wallet.Ledger;
using Wallet.Movements;
using Wallet.Refusals;
using Wallet.Wallets;

namespace Wallet.Claims;

/// <summary>
/// The security fund pays an upheld claim: in one transaction the fund's clearing account, which must hold the amount,
/// pays it and the customer's wallet receives it. Its id is derived from the claim's, so it happens once; a replay
/// answers with the recorded outcome.
/// </summary>
[Orleans.Placement.PreferLocalPlacement]
public sealed class ClaimPaymentGrain(
    [TransactionalState("movement", StorageNames.Wallet)] ITransactionalState<ClaimPaymentRecord> record,
    MovementServices services)
    : MovementGrain<ClaimPaymentReceipt, ClaimPaymentRecord>(record, services), IClaimPaymentGrain
{
    public async Task<ClaimPaymentReceipt> Pay(ClaimPaymentOrder order)
    {
        var fingerprint = $"{order.WalletId} {order.Amount} {order.Currency}";
        if (await Recorded(order.ClaimId, fingerprint) is { } earlier)
        {
            return earlier;
        }
        RequireMovableAmount(order.Amount, order.Currency);
        var to = await Receiving(order.WalletId, "The customer's wallet");
        var receipt = Accepted(new ClaimPaymentReceipt(order.ClaimId, order.CustomerId, to.WalletId, order.Amount), order.Currency);
        var credit = new Posting(MovementId, MovementKind.Compensation, order.CustomerId, order.Amount, order.Currency, order.ClaimId,
            "security fund: claim upheld", Category: Bills.SpendingCategory.Compensation);
        var fund = GrainFactory.GetGrain<IClearingAccountGrain>(ClearingAccounts.Single(ClearingAccounts.SecurityFund, order.Currency));
        return await Commit(order.ClaimId, fingerprint, receipt, async () =>
        {
            var holds = await fund.ReadBalance();
            if (holds < order.Amount)
            {
                return new Refusal(RefusalCodes.SecurityFundShort,
                    $"The security fund holds {Money.Amounts.Format(holds, order.Currency)}, less than {Money.Amounts.Format(order.Amount, order.Currency)}: deposit into it first.");
            }
            await fund.Post(MovementId, -order.Amount);
            await Wallet(to.WalletId).Credit(credit);
            return null;
        });
    }

    public async Task<ClaimPaymentReceipt> Reverse(ClaimPaymentOrder order)
    {
        var fingerprint = $"reverse {order.WalletId} {order.Amount} {order.Currency}";
        if (await Recorded(order.ClaimId, fingerprint) is { } earlier)
        {
            return earlier;
        }
        RequireMovableAmount(order.Amount, order.Currency);
        var receipt = Accepted(new ClaimPaymentReceipt(order.ClaimId, order.CustomerId, order.WalletId, order.Amount) { Reversal = true }, order.Currency);
        // The bank's own correction: no PIN, past a review restriction and outside the tier's limits, but never more than the wallet holds.
        var debit = new Posting(MovementId, MovementKind.Compensation, order.CustomerId, order.Amount, order.Currency, order.ClaimId,
            "security fund: provisional credit taken back", Reviewed: true, Category: Bills.SpendingCategory.Compensation);
        var fund = GrainFactory.GetGrain<IClearingAccountGrain>(ClearingAccounts.Single(ClearingAccounts.SecurityFund, order.Currency));
        return await Commit(order.ClaimId, fingerprint, receipt, async () =>
        {
            if (await Wallet(order.WalletId).Debit(debit) is { } refused)
            {
                return refused;
            }
            await fund.Post(MovementId, order.Amount);
            return null;
        });
    }

    public async Task<ClaimPaymentReceipt?> Find(string customerId)
        => await Known() is { Receipt: { } receipt } && receipt.CustomerId == customerId ? receipt : null;
}

[GenerateSerializer, Alias("Wallet.ClaimPaymentRecord")]
public sealed class ClaimPaymentRecord : MovementRecord<ClaimPaymentReceipt>;
