using Wallet.Customers;
using Wallet.Devices;
using Wallet.Hosting;
using Wallet.Ledger;
using Wallet.Refusals;
using Wallet.Risk;
using Wallet.Wallets;

namespace Wallet.Movements;

/// <summary>A customer's transfer to another wallet, named directly or by its owner's phone; held for review when risk control says so.</summary>
[Orleans.Placement.PreferLocalPlacement] // beside the gateway that took the request: one network hop fewer per movement
public sealed class TransferGrain(
    [TransactionalState("movement", StorageNames.Wallet)] ITransactionalState<TransferRecord> record,
    MovementServices services)
    : ReviewableMovementGrain<TransferReceipt, TransferOrder, TransferRecord>(record, services), ITransferGrain
{
    public Task<TransferReceipt> Transfer(TransferOrder order) => Carry(order, released: false);

    protected override string Described => "transfer";

    protected override Task<TransferReceipt> Carry(TransferOrder order, bool released)
        => PlanThenCommit(order.CustomerId, order.Fingerprint, released, async () =>
        {
            RequireMovableAmount(order.Amount, order.Currency);
            var restriction = await Authorise(order.CustomerId, order.Authorisation, order.Fingerprint, released, SignedPayment.Transfer, order.Amount, order.Currency,
                order.ToWalletId ?? order.ToPhone ?? "");
            var from = await OwnWallet(order.CustomerId, order.FromWalletId, order.Currency, outgoing: true);
            var to = await ReceivingWallet(order, from.WalletId);
            var receipt = Accepted(new TransferReceipt(from.WalletId, to.WalletId, order.Amount, order.Memo), order.Currency);
            if (restriction == Restriction.Review)
            {
                return HeldPlan(receipt, order.CustomerId, order with { Authorisation = NoAuthorisation });
            }
            var debit = new Posting(MovementId, MovementKind.Transfer, order.CustomerId, order.Amount, order.Currency, to.WalletId, order.Memo,
                PayerAuthorised: true, Reviewed: released);
            return new Plan(receipt, () => DebitThenCredit(from.WalletId, debit, to));
        });

    public async Task<TransferReceipt?> Find(string customerId)
    {
        var known = await Known();
        if (known?.Receipt is not { } receipt)
        {
            return null;
        }
        if (known.CallerId == customerId)
        {
            return receipt;
        }
        // The recipient sees a completed transfer into one of their wallets, as the entry there shows it.
        return receipt.Status == MovementStatus.Completed && (await Wallet(receipt.ToWalletId).GetFacts())?.OwnerId == customerId ? receipt : null;
    }

    private async Task<WalletFacts> ReceivingWallet(TransferOrder order, string fromWalletId)
    {
        var toId = order.ToWalletId ?? await ReceivingWalletOf(order.ToPhone ?? "", order.Currency);
        if (toId == fromWalletId)
        {
            throw new WalletRefusedException(RefusalCodes.SameWallet, "A wallet cannot send money to itself.");
        }
        var to = await Receiving(toId, "The receiving wallet");
        if (to.Currency != order.Currency)
        {
            throw new WalletRefusedException(RefusalCodes.CurrencyMismatch, $"The receiving wallet holds {to.Currency}, not {order.Currency}.");
        }
        if (WalletStatuses.RefusesIncoming(to.Status) is { } closed)
        {
            throw closed.AsException(); // early; the receiving book (or its closed tills) decides for good
        }
        return to;
    }

    private async Task<string> ReceivingWalletOf(string phone, string currency)
    {
        var customerId = await GrainFactory.GetGrain<IPhoneDirectoryGrain>(phone).FindCustomer();
        var walletId = customerId is null ? null : await GrainFactory.GetGrain<ICustomerGrain>(customerId).FindReceivingWallet(currency);
        return walletId ?? throw new WalletRefusedException(RefusalCodes.RecipientNotFound, $"No {currency} wallet is registered to that phone number.");
    }
}

/// <summary>A transfer's record: its outcome, and while it is held, the order a release carries out.</summary>
[GenerateSerializer, Alias("Wallet.TransferRecord")]
public sealed class TransferRecord : ReviewableRecord<TransferReceipt, TransferOrder>;
