using Wallet.Devices;
using Wallet.Hosting;
using Wallet.Ledger;
using Wallet.Movements;
using Wallet.Refusals;

namespace Wallet.Families;

/// <summary>
/// The family's owner or a guardian tops up a sub-wallet from a wallet of theirs, with their PIN or device: one
/// transaction, their wallet debited (within their tier's limits, like any payment of theirs) and the member's credited.
/// </summary>
[Orleans.Placement.PreferLocalPlacement]
public sealed class FamilyTopUpGrain(
    [TransactionalState("movement", StorageNames.Wallet)] ITransactionalState<FamilyTopUpRecord> record,
    MovementServices services)
    : MovementGrain<FamilyTopUpReceipt, FamilyTopUpRecord>(record, services), IFamilyTopUpGrain
{
    /// <summary>A replay after the top-up happened may find the sub-wallet ended since: the record answers it instead.</summary>
    public Task<FamilyTopUpReceipt> TopUp(FamilyTopUpOrder order) => CommitAsPlanned(order.CustomerId, order.Fingerprint, () => Plan(order),
        planned => Commit(order.CustomerId, order.Fingerprint, planned.Receipt, () => DebitThenCredit(planned.Receipt.FromWalletId, planned.Debit, planned.To)));

    public Task<FamilyTopUpReceipt?> Find(string customerId) => RecordedFor(customerId);

    private async Task<(FamilyTopUpReceipt Receipt, Posting Debit, Wallets.WalletFacts To)> Plan(FamilyTopUpOrder order)
    {
        RequireMovableAmount(order.Amount, currency: null);
        var terms = await SubWallet(order.SubWalletId).Steward(order.CustomerId);
        if (terms.Ended)
        {
            throw new WalletRefusedException(RefusalCodes.SubWalletEnded, "This sub-wallet has ended; it takes no more money.");
        }
        await PayerSays(order.CustomerId, order.Authorisation, order.Fingerprint, SignedPayment.FamilyTopUp, order.Amount, terms.Currency, order.SubWalletId);
        var from = await OwnWallet(order.CustomerId, order.FromWalletId, terms.Currency, outgoing: true);
        var to = await Receiving(terms.WalletId, "The sub-wallet");
        var receipt = Accepted(new FamilyTopUpReceipt(order.SubWalletId, from.WalletId, to.WalletId, order.Amount), terms.Currency);
        var debit = new Posting(MovementId, Wallets.MovementKind.FamilyTopUp, order.CustomerId, order.Amount, terms.Currency, to.WalletId, "family top-up", PayerAuthorised: true);
        return (receipt, debit, to);
    }

    /// <summary>After the commit (and on a replay): the sub-wallet learns where its money came from, for when it ends.</summary>
    protected override async Task AfterCommit(FamilyTopUpReceipt outcome)
    {
        if (outcome.Status == MovementStatus.Completed)
        {
            await SubWallet(outcome.SubWalletId).NoteFunding(outcome.FromWalletId);
        }
    }

    private ISubWalletGrain SubWallet(string subWalletId) => GrainFactory.GetGrain<ISubWalletGrain>(subWalletId);
}

[GenerateSerializer, Alias("Wallet.FamilyTopUpRecord")]
public sealed class FamilyTopUpRecord : MovementRecord<FamilyTopUpReceipt>;
