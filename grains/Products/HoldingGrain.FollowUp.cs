using Wallet.Hosting;
using Wallet.Movements;

namespace Wallet.Products;

/// <summary>The holding's day: its reminder records the yield of the days that ended, and pays the holding out at maturity.</summary>
public sealed partial class HoldingGrain
{
    private const string FollowUpReminder = "holding-follow-up";

    public Task ReceiveReminder(string reminderName, Orleans.Runtime.TickStatus status) => FollowUp();

    public async Task Track(string customerId)
    {
        await GrainFactory.GetGrain<ICustomerHoldingsGrain>(customerId).Note(HoldingId);
        if (await this.GetReminder(FollowUpReminder) is null)
        {
            // Just after each bank day ends, when its yield can be recorded.
            var due = calendar.NextDayStart(clock.GetUtcNow()) + TimeSpan.FromMinutes(5) - clock.GetUtcNow();
            await this.RegisterOrUpdateReminder(FollowUpReminder, due, TimeSpan.FromDays(1));
        }
    }

    public async Task<HoldingView?> FollowUp()
    {
        var self = this.AsReference<IHoldingGrain>();
        if (await self.Read() is not { } known)
        {
            return null;
        }
        var rates = await Rates(known.ProductId);
        HoldingView? view = null;
        await TransactionRetry.Run(logger, HoldingId, () => transactions.RunTransaction(TransactionOption.Create, async () => view = await self.Accrue(rates)));
        if (view is { Status: HoldingStatus.Active, MaturityDate: { } maturity } && Today >= maturity)
        {
            // Its own payout, under an id made from the holding's: however often this runs, it pays once.
            var payout = MovementIds.For(Workflow.ProductRedemption, HoldingId, "maturity");
            await GrainFactory.GetGrain<IProductRedemptionGrain>(payout).Redeem(
                new ProductRedemptionOrder(view.CustomerId, $"maturity {HoldingId}", HoldingId, null, null, AtMaturity: true));
            view = await self.Read();
        }
        if (view is { Status: not HoldingStatus.Active })
        {
            await this.ForgetReminder(FollowUpReminder);
        }
        return view;
    }

    private async Task<IReadOnlyList<ProductRate>> Rates(string productId)
        => (await GrainFactory.GetGrain<IProductGrain>(productId).Offer())?.Rates ?? throw new InvalidOperationException($"Holding {HoldingId} names product {productId}, which does not exist.");
}
