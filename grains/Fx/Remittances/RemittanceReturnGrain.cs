using Wallet.Bills;
using Wallet.Hosting;
using Wallet.Ledger;
using Wallet.Movements;
using Wallet.Wallets;

namespace Wallet.Fx;

/// <summary>
/// A returned remittance's money back: in one transaction the remittance is marked returned (only while it is still
/// under way), the correspondent's clearing account debited the amount sent, the FX positions moved back, and the
/// wallet credited the amount converted at the bank's buy rate of the day of the return (rounded down). The fee is
/// kept. Its id is made from the remittance's, so however often it is asked, it happens once.
/// </summary>
[Orleans.Placement.PreferLocalPlacement]
public sealed class RemittanceReturnGrain(
    [TransactionalState("movement", StorageNames.Wallet)] ITransactionalState<RemittanceReturnRecord> record,
    MovementServices services)
    : MovementGrain<RemittanceReturnReceipt, RemittanceReturnRecord>(record, services), IRemittanceReturnGrain
{
    /// <summary>The return gives back to remittances, where its remittance counted, not to <c>refunds</c>.</summary>
    protected override Task<SpendingCategory?> SpendingCategoryOf(MoneyFlow moved) => Task.FromResult<SpendingCategory?>(SpendingCategory.Remittances);

    public async Task<RemittanceReturnReceipt> Return(RemittanceReturnOrder order)
    {
        var fingerprint = $"return {order.RemittanceId}";
        if (await Recorded(order.CustomerId, fingerprint) is { } earlier)
        {
            return earlier;
        }
        if (MovementIds.For(Workflow.RemittanceReturn, order.CustomerId, order.RemittanceId) != MovementId)
        {
            throw new InvalidOperationException($"Remittance return {MovementId} is not the return of remittance {order.RemittanceId}.");
        }
        // The day's rate: the bank buys back the currency that came back, as it would from any customer (rounded down).
        decimal? rate = null;
        var credited = order.Amount;
        if (order.Currency != order.WalletCurrency)
        {
            var day = await Fx.Rate(order.Currency, order.WalletCurrency);
            rate = day.Buy;
            credited = FxArithmetic.Receives(order.Amount, day.Buy, day.Pair);
        }
        var receipt = Accepted(new RemittanceReturnReceipt(order.RemittanceId, order.WalletId, order.Amount, order.Currency, credited, rate, credited - order.Principal, order.Reason),
            order.WalletCurrency);
        var credit = new Posting(MovementId, MovementKind.Refund, order.CustomerId, credited, order.WalletCurrency, order.RemittanceId,
            rate is { } at ? $"return of {order.RemittanceId} ({Money.Amounts.Format(order.Amount, order.Currency)} at {at})" : $"return of {order.RemittanceId}");
        var remittance = GrainFactory.GetGrain<IRemittanceGrain>(order.RemittanceId);
        return await Commit(order.CustomerId, fingerprint, receipt, async () =>
        {
            if (await remittance.MarkReturned(MovementId, order) is { } notUnderWay)
            {
                return notUnderWay;
            }
            await Clearing(ClearingAccounts.Correspondent, order.Currency, order.WalletId).Post(MovementId, -order.Amount);
            if (rate is not null)
            {
                await Fx.PositionsMove(order.Currency, order.Amount, order.WalletCurrency, credited, order.WalletId);
            }
            if (credited > 0)
            {
                await Wallet(order.WalletId).Credit(credit);
            }
            return null;
        });
    }

    public Task<RemittanceReturnReceipt?> Find(string customerId) => RecordedFor(customerId);
}

[GenerateSerializer, Alias("Wallet.RemittanceReturnRecord")]
public sealed class RemittanceReturnRecord : MovementRecord<RemittanceReturnReceipt>;
