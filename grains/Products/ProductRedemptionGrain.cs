using Wallet.Customers;
using Wallet.Hosting;
using Wallet.Ledger;
using Wallet.Movements;
using Wallet.Refusals;
using Wallet.Wallets;

namespace Wallet.Products;

/// <summary>
/// Money out of a holding into a wallet, in one transaction: the holding records the days it earned and gives what it pays,
/// the product's clearing account pays it and the wallet receives it. A payout at maturity runs under an id made from the
/// holding's, so it pays once; refused (the wallet full), the holding's next day tries it again.
/// </summary>
[Orleans.Placement.PreferLocalPlacement]
public sealed class ProductRedemptionGrain(
    [TransactionalState("movement", StorageNames.Wallet)] ITransactionalState<ProductRedemptionRecord> record,
    MovementServices services)
    : MovementGrain<ProductRedemptionReceipt, ProductRedemptionRecord>(record, services), IProductRedemptionGrain
{
    public async Task<ProductRedemptionReceipt> Redeem(ProductRedemptionOrder order)
    {
        var known = order.AtMaturity ? await Known() : null;
        var again = known?.Receipt is { Status: MovementStatus.Refused };
        if (!again && await Recorded(order.CustomerId, order.Fingerprint) is { } earlier)
        {
            return earlier;
        }
        if (order.Amount is { } amount)
        {
            RequireMovableAmount(amount, currency: null);
        }
        var holding = GrainFactory.GetGrain<IHoldingGrain>(order.HoldingId);
        var view = await holding.View(order.CustomerId) ?? throw WalletRefusedException.NotFound("The holding");
        var rates = (await GrainFactory.GetGrain<IProductGrain>(view.ProductId).Offer())?.Rates ?? throw WalletRefusedException.NotFound("The product");
        var to = await ReceivingWallet(order, view);
        var receipt = Accepted(new ProductRedemptionReceipt(view.ProductId, order.HoldingId, to, 0, 0, view.Status, order.AtMaturity), view.Currency);
        HoldingPayout? paid = null;
        return await Commit(order.CustomerId, order.Fingerprint, receipt, async () =>
        {
            // The wallet's lock first, as in a purchase: wallet, holding, yield account, product's account.
            await Wallet(to).Enlist();
            paid = await holding.PayOut(MovementId, order.Amount, order.AtMaturity, rates);
            if (paid.Refusal is { } refusal)
            {
                return refusal; // the holding's days are recorded all the same: they were earned
            }
            await Clearing(ClearingAccounts.Product(view.ProductId), view.Currency, order.HoldingId).Post(MovementId, -paid.Amount);
            await Wallet(to).Credit(new Posting(MovementId, MovementKind.Investment, order.CustomerId, paid.Amount, view.Currency, order.HoldingId, view.ProductName));
            return null;
        }, resolves: again ? MovementStatus.Refused : null, amend: r => r with { Amount = paid!.Amount, Yield = paid.Yield, HoldingStatus = paid.Status });
    }

    public Task<ProductRedemptionReceipt?> Find(string customerId) => RecordedFor(customerId);

    /// <summary>The wallet named (the customer's, in the holding's currency), else the one it was bought from, else their first open one in its currency.</summary>
    private async Task<string> ReceivingWallet(ProductRedemptionOrder order, HoldingView view)
    {
        if (order.ToWalletId is { } named)
        {
            return (await OwnWallet(order.CustomerId, named, view.Currency, outgoing: false)).WalletId;
        }
        if (await Wallet(view.WalletId).GetFactsToCredit() is { } bought && bought.OwnerId == order.CustomerId)
        {
            return bought.WalletId;
        }
        return await GrainFactory.GetGrain<ICustomerGrain>(order.CustomerId).FindReceivingWallet(view.Currency)
            ?? throw new WalletRefusedException(RefusalCodes.RecipientNotFound, $"You have no {view.Currency} wallet open to receive this: open one, or name a walletId.");
    }
}

[GenerateSerializer, Alias("Wallet.ProductRedemptionRecord")]
public sealed class ProductRedemptionRecord : MovementRecord<ProductRedemptionReceipt>;
