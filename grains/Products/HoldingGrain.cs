using Wallet.Hosting;
using Wallet.Ledger;
using Wallet.Limits;
using Wallet.Refusals;

namespace Wallet.Products;

/// <summary>
/// A customer's holding of one product. Its book changes only inside transactions — a purchase's, a redemption's, the daily
/// accrual's — and each moves the yield it records from the bank's yield account to the product's in the same transaction,
/// so what the holdings are worth and what the product's clearing account holds never part.
/// </summary>
public sealed partial class HoldingGrain(
    [TransactionalState("holding", StorageNames.Wallet)] ITransactionalState<HoldingBook> holding,
    [FromKeyedServices(WalletClock.Key)] TimeProvider clock,
    LimitSchedule calendar,
    ITransactionClient transactions,
    ILogger<HoldingGrain> logger)
    : Grain, IHoldingGrain, IRemindable
{
    private string HoldingId => this.GetPrimaryKeyString();

    private DateOnly Today => calendar.DayOf(clock.GetUtcNow());

    public async Task<Refusal?> Subscribe(string purchaseId, HoldingSubscription subscription, IReadOnlyList<ProductRate> rates)
    {
        var (refusal, earned) = await holding.PerformUpdate(book =>
        {
            if (!book.Exists)
            {
                Open(book, subscription);
                return ((Refusal?)null, 0L);
            }
            if (book.CustomerId == subscription.CustomerId && book.Kind == ProductKind.MoneyMarket && book.Status == HoldingStatus.Redeemed)
            {
                // A fund's holding emptied and bought again: it earns again from today, the empty days past having earned nothing.
                book.Status = HoldingStatus.Active;
                book.AccruedThrough = Today.AddDays(-1);
                book.Recent.Clear();
            }
            if (book.CustomerId != subscription.CustomerId || book.Kind != ProductKind.MoneyMarket || book.Status != HoldingStatus.Active)
            {
                // Only a fund's holding is added to; every other purchase opens its own.
                return (new Refusal(RefusalCodes.HoldingClosed, "This holding takes no more money."), 0L);
            }
            var earned = YieldAccrual.CatchUp(book, Today, rates);
            book.Principal += subscription.Amount;
            book.Exact += subscription.Amount;
            book.Value += subscription.Amount;
            return (null, earned);
        });
        await PostYield(earned, subscription.Terms.ProductId, subscription.Terms.Currency);
        return refusal;
    }

    private void Open(HoldingBook book, HoldingSubscription subscription)
    {
        var terms = subscription.Terms;
        book.CustomerId = subscription.CustomerId;
        book.ProductId = terms.ProductId;
        book.ProductName = terms.Name;
        book.Kind = terms.Kind;
        book.Currency = terms.Currency;
        book.WalletId = subscription.WalletId;
        book.Principal = subscription.Amount;
        book.Exact = subscription.Amount;
        book.Value = subscription.Amount;
        // Counted from the bank day this transaction runs on (a purchase planned at 23:59 that commits after midnight earns from the new day).
        var today = Today;
        (book.ValueDate, book.MaturityDate, book.RateBasisPoints) = terms.Kind switch
        {
            ProductKind.MoneyMarket => (today, (DateOnly?)null, (int?)null),
            ProductKind.TermDeposit => (today, today.AddMonths(terms.TermMonths ?? 12), terms.AnnualRateBasisPoints),
            ProductKind.Wealth => (terms.SubscriptionCloses!.Value.AddDays(1), terms.MaturesOn, terms.AnnualRateBasisPoints),
        };
        book.DemandRateBasisPoints = terms.Kind == ProductKind.TermDeposit ? terms.DemandRateBasisPoints : 0;
        book.OpenedAt = clock.GetUtcNow();
    }

    public async Task<HoldingPayout> PayOut(string redemptionId, long? amount, bool atMaturity, IReadOnlyList<ProductRate> rates)
    {
        var (payout, earned, returned, productId, currency) = await holding.PerformUpdate(book =>
        {
            if (!book.Exists)
            {
                return (Refused(RefusalCodes.NotFound, "The holding was not found."), 0L, 0L, "", "");
            }
            var earned = YieldAccrual.CatchUp(book, Today, rates);
            var (payout, returned) = Take(book, amount, atMaturity);
            return (payout, earned, returned, book.ProductId, book.Currency);
        });
        await PostYield(earned - returned, productId, currency);
        return payout;
    }

    /// <summary>What leaves the holding now, by its kind and its day; and the yield recorded that a deposit withdrawn early gives back.</summary>
    private (HoldingPayout Payout, long Returned) Take(HoldingBook book, long? amount, bool atMaturity)
    {
        if (book.Status != HoldingStatus.Active || book.Value == 0)
        {
            return (Refused(RefusalCodes.HoldingClosed, "This holding has been paid back in full."), 0);
        }
        var matured = book.MaturityDate is { } maturity && Today >= maturity;
        if (atMaturity && !matured)
        {
            return (Refused(RefusalCodes.NotRedeemable, $"This holding matures on {book.MaturityDate:yyyy-MM-dd}."), 0);
        }
        if (book.Kind == ProductKind.MoneyMarket)
        {
            var wanted = amount ?? book.Value;
            if (wanted > book.Value)
            {
                return (Refused(RefusalCodes.ExceedsHolding, $"This holding is worth {book.Value}."), 0);
            }
            var status = wanted == book.Value ? HoldingStatus.Redeemed : HoldingStatus.Active;
            return (Paid(book, wanted, status), 0);
        }
        if (amount is not null && amount != book.Value)
        {
            return (Refused(RefusalCodes.ValidationFailed, "A deposit or a wealth product is paid back whole: leave the amount out."), 0);
        }
        if (matured)
        {
            return (Paid(book, book.Value, atMaturity ? HoldingStatus.Matured : HoldingStatus.Redeemed), 0);
        }
        if (book.Kind == ProductKind.Wealth)
        {
            return (Refused(RefusalCodes.NotRedeemable, $"A wealth product is not redeemable before it matures on {book.MaturityDate:yyyy-MM-dd}; it pays back by itself then."), 0);
        }
        // A deposit taken out early earns the demand rate for the days held: the term rate's extra goes back to the bank.
        var early = YieldAccrual.EarlyWithdrawalValue(book);
        var returned = book.Value - early;
        book.AccruedYield -= returned;
        book.Value = early;
        book.Exact = early;
        return (Paid(book, early, HoldingStatus.WithdrawnEarly), returned);
    }

    /// <summary>Takes <paramref name="amount"/> out: from the principal first, then from the yield.</summary>
    private static HoldingPayout Paid(HoldingBook book, long amount, HoldingStatus status)
    {
        var fromPrincipal = Math.Min(amount, book.Principal);
        book.Principal -= fromPrincipal;
        book.Value -= amount;
        // What rounding up paid ahead (under a fen) stays owed against a fund's next purchase: emptied and bought again, it starts below zero.
        book.Exact = book.Kind == ProductKind.MoneyMarket ? book.Exact - amount : 0;
        book.PaidOut += amount;
        book.Status = status;
        return new HoldingPayout(amount, amount - fromPrincipal, status, null);
    }

    private static HoldingPayout Refused(string code, string detail) => new(0, 0, HoldingStatus.Active, new Refusal(code, detail));

    public Task<HoldingView?> View(string customerId)
        => holding.PerformRead(book => book.Exists && book.CustomerId == customerId ? book.ViewAs(HoldingId) : null);

    public Task<HoldingView?> Read() => holding.PerformRead(book => book.Exists ? book.ViewAs(HoldingId) : null);

    public async Task<HoldingView?> Accrue(IReadOnlyList<ProductRate> rates)
    {
        var (earned, view) = await holding.PerformUpdate(book => book.Exists ? (YieldAccrual.CatchUp(book, Today, rates), book.ViewAs(HoldingId)) : (0L, null));
        if (view is not null)
        {
            await PostYield(earned, view.ProductId, view.Currency);
        }
        return view;
    }

    /// <summary>Yield recorded (or given back, when negative) moves between the bank's yield account and the product's, in this transaction.</summary>
    private async Task PostYield(long earned, string productId, string currency)
    {
        if (earned == 0)
        {
            return;
        }
        await GrainFactory.GetGrain<IClearingAccountGrain>(ClearingAccounts.KeyFor(ClearingAccounts.ProductYield, currency, HoldingId)).Post(HoldingId, -earned);
        await GrainFactory.GetGrain<IClearingAccountGrain>(ClearingAccounts.KeyFor(ClearingAccounts.Product(productId), currency, HoldingId)).Post(HoldingId, earned);
    }
}
