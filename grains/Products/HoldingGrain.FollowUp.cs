using Wallet.Hosting;
using Wallet.Movements;

namespace Wallet.Products;

/// <summary>The holding's day: its reminder records the yield of the days that ended, and pays the holding out at maturity.</summary>
public sealed partial class HoldingGrain
{
    private const string FollowUpReminder = "holding-follow-up";

    /// <summary>This activation has made sure of the reminder and the listing.</summary>
    private bool _tracked;

    public Task ReceiveReminder(string reminderName, Orleans.Runtime.TickStatus status) => FollowUp();

    public async Task Track(string customerId)
    {
        if (_tracked)
        {
            return; // a fund's every purchase asks; once per activation is enough
        }
        await GrainFactory.GetGrain<ICustomerHoldingsGrain>(customerId).Note(HoldingId);
        if (await this.GetReminder(FollowUpReminder) is null)
        {
            // In the hour after each bank day ends, when its yield can be recorded; spread by the holding's id, so the bank's
            // holdings do not all queue on its yield account at 00:05.
            var spread = TimeSpan.FromMinutes(5 + Ledger.StableHash.Of(HoldingId) % 55);
            var due = calendar.NextDayStart(clock.GetUtcNow()) + spread - clock.GetUtcNow();
            await this.RegisterOrUpdateReminder(FollowUpReminder, due, TimeSpan.FromDays(1));
        }
        _tracked = true;
    }

    public async Task<HoldingView?> FollowUp()
    {
        var self = this.AsReference<IHoldingGrain>();
        if (await self.Read() is not { } known)
        {
            // Tracked for a purchase that never committed (refused, or never sent): nothing to follow up, ever. The first tick
            // comes after the next midnight, minutes at least after the purchase was tracked, long after its transaction ended.
            await this.ForgetReminder(FollowUpReminder);
            _tracked = false;
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
