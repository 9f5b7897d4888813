using Wallet.Hosting;
using Wallet.Ledger;
using Wallet.Movements;
using Wallet.Refusals;

namespace Wallet.Families;

/// <summary>
/// Everything left in a sub-wallet goes back to its family in one transaction: the member's wallet debited (not counted
/// against their tier's limits: it is not their spending) and the steward's credited. What it takes is the balance when
/// asked; a payment that takes some meanwhile makes it refused (insufficient funds), and nothing moves.
/// </summary>
public sealed class FamilyTakeBackGrain(
    [TransactionalState("movement", StorageNames.Wallet)] ITransactionalState<FamilyTakeBackRecord> record,
    MovementServices services)
    : MovementGrain<FamilyTakeBackReceipt, FamilyTakeBackRecord>(record, services), IFamilyTakeBackGrain
{
    public async Task<FamilyTakeBackReceipt> TakeBack(FamilyTakeBackOrder order)
    {
        if (await Recorded(order.CustomerId, order.Fingerprint) is { } earlier)
        {
            return earlier; // read first: once taken, the wallet is empty, and its emptiness must not answer a replay
        }
        var terms = await GrainFactory.GetGrain<ISubWalletGrain>(order.SubWalletId).Steward(order.CustomerId);
        var to = await Receiving(order.ToWalletId, "The wallet");
        if ((to.OwnerId != order.CustomerId && order.CustomerId != order.SubWalletId) || to.SubWalletId is not null)
        {
            throw WalletRefusedException.NotFound("The wallet"); // a steward takes back into a wallet of their own
        }
        if (to.Currency != terms.Currency)
        {
            throw new WalletRefusedException(RefusalCodes.CurrencyMismatch, $"The wallet holds {to.Currency}, not {terms.Currency}.");
        }
        var amount = (await Wallet(terms.WalletId).GetView(terms.MemberId)).Available; // money held for a payment awaiting approval stays for it
        if (amount == 0)
        {
            throw new WalletRefusedException(RefusalCodes.NothingToTakeBack, "The sub-wallet holds nothing.");
        }
        var receipt = Accepted(new FamilyTakeBackReceipt(order.SubWalletId, terms.WalletId, to.WalletId, amount), terms.Currency);
        var debit = new Posting(MovementId, Wallets.MovementKind.FamilyTakeBack, terms.MemberId, amount, terms.Currency, to.WalletId, "back to the family");
        return await Commit(order.CustomerId, order.Fingerprint, receipt, () => DebitThenCredit(terms.WalletId, debit, to));
    }

    public Task<FamilyTakeBackReceipt?> Find(string customerId) => RecordedFor(customerId);
}

[GenerateSerializer, Alias("Wallet.FamilyTakeBackRecord")]
public sealed class FamilyTakeBackRecord : MovementRecord<FamilyTakeBackReceipt>;
