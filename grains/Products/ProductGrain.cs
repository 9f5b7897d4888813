using Wallet.Display;
using Wallet.Hosting;
using Wallet.Limits;
using Wallet.Refusals;

namespace Wallet.Products;

/// <summary>
/// One product: its terms, status and rates (operators' writes, kept as plain state) and what it has raised (transactional
/// state, drawn on inside each purchase's transaction, so concurrent purchases queue on its lock and never raise more than the quota).
/// </summary>
public sealed class ProductGrain(
    [PersistentState("product", StorageNames.Wallet)] IPersistentState<ProductState> product,
    [TransactionalState("quota", StorageNames.Wallet)] ITransactionalState<ProductSales> sales,
    [FromKeyedServices(WalletClock.Key)] TimeProvider clock,
    LimitSchedule calendar)
    : Grain, IProductGrain
{
    public async Task<ProductView> Create(ProductTerms terms)
    {
        if (terms.ProductId != this.GetPrimaryKeyString())
        {
            throw new ArgumentException("A product's terms name the product they are for.", nameof(terms));
        }
        if (product.State.Terms is { } existing)
        {
            return existing == terms ? await Current() : throw new WalletRefusedException(RefusalCodes.ValidationFailed, "This product exists with other terms.");
        }
        var today = calendar.DayOf(clock.GetUtcNow());
        product.State.Terms = terms;
        product.State.Rates = [new ProductRate(today, terms.AnnualRateBasisPoints, terms.DemandRateBasisPoints)];
        await Write();
        return await Current();
    }

    public async Task<ProductView> Move(ProductStatus status)
    {
        var state = product.State;
        if (state.Terms is null)
        {
            throw WalletRefusedException.NotFound("The product");
        }
        if (state.Status != status)
        {
            var allowed = (state.Status, status) switch
            {
                (ProductStatus.Closed, _) => throw new WalletRefusedException(RefusalCodes.ProductClosed, "This product is closed for good."),
                (_, ProductStatus.Draft) => false,
                (ProductStatus.Draft, ProductStatus.Paused) => false,
                _ => true,
            };
            if (!allowed)
            {
                throw new WalletRefusedException(RefusalCodes.ProductNotOnSale, $"A {EnumNames.Of(state.Status)} product cannot become {EnumNames.Of(status)}.");
            }
            state.Status = status;
            await Write();
        }
        return await Current();
    }

    public async Task<ProductView> SetRates(int annualRateBasisPoints, int demandRateBasisPoints)
    {
        var state = product.State;
        if (state.Terms is null)
        {
            throw WalletRefusedException.NotFound("The product");
        }
        if (state.Status == ProductStatus.Closed)
        {
            throw new WalletRefusedException(RefusalCodes.ProductClosed, "This product is closed for good.");
        }
        // From the next bank day: a day's yield is never repriced while it is being earned.
        var from = calendar.DayOf(clock.GetUtcNow()).AddDays(1);
        state.Rates = [.. state.Rates.Where(r => r.From < from), new ProductRate(from, annualRateBasisPoints, demandRateBasisPoints)];
        await Write();
        return await Current();
    }

    public async Task<ProductView?> View() => product.State.Terms is null ? null : await Viewed();

    public async Task<ProductView?> Glance()
    {
        if (product.State.Terms is not { } terms)
        {
            return null;
        }
        if (terms.Quota is null)
        {
            return await Viewed(); // no count to read: no transaction
        }
        if (_glanced is not { } glanced || Environment.TickCount64 - glanced.ReadAt > GlanceFor)
        {
            var raised = (await this.AsReference<IProductGrain>().View())?.Raised;
            _glanced = glanced = (raised, Environment.TickCount64);
        }
        return (await Viewed(readCount: false)) with { Raised = glanced.Raised };
    }

    /// <summary>How long a count read for browsing serves (milliseconds).</summary>
    private const long GlanceFor = 2_000;

    /// <summary>The count last read for browsing, and when (<see cref="Environment.TickCount64"/>).</summary>
    private (long? Raised, long ReadAt)? _glanced;

    /// <summary>The view after an operator's change, read in a transaction of its own (the change itself is not one).</summary>
    private async Task<ProductView> Current() => (await this.AsReference<IProductGrain>().View())!;

    public Task<ProductOffer?> Offer()
    {
        var state = product.State;
        return Task.FromResult(state.Terms is { } terms ? new ProductOffer(InForce(state), state.Status, [.. state.Rates], NotOnSale(state, terms)) : null);
    }

    public async Task<Refusal?> Draw(string purchaseId, long amount)
    {
        var state = product.State;
        if (state.Terms is not { } terms)
        {
            return new Refusal(RefusalCodes.ProductNotOnSale, "The product does not exist.");
        }
        if (NotOnSale(state, terms) is { } why)
        {
            return new Refusal(RefusalCodes.ProductNotOnSale, why);
        }
        if (terms.Quota is null)
        {
            // Nothing to bound: the purchase takes no lock here, so a fund's buyers never queue on their product.
            return null;
        }
        return await sales.PerformUpdate(s =>
        {
            if (terms.Quota is { } quota && s.Raised + amount > quota)
            {
                return new Refusal(RefusalCodes.QuotaExhausted, $"{Math.Max(0, quota - s.Raised)} is left of this product's quota.");
            }
            s.Raised += amount;
            return (Refusal?)null;
        });
    }

    /// <summary>Why the product cannot be bought now, or null when it can.</summary>
    private string? NotOnSale(ProductState state, ProductTerms terms)
    {
        if (state.Status != ProductStatus.Published)
        {
            return $"This product is {EnumNames.Of(state.Status)}.";
        }
        var today = calendar.DayOf(clock.GetUtcNow());
        return terms.SubscriptionOpens > today || terms.SubscriptionCloses < today
            ? $"This product is sold from {terms.SubscriptionOpens:yyyy-MM-dd} to {terms.SubscriptionCloses:yyyy-MM-dd}."
            : null;
    }

    private async Task<ProductView> Viewed(bool readCount = true)
    {
        var state = product.State;
        long? raised = state.Terms!.Quota is null || !readCount ? null : await sales.PerformRead(s => s.Raised);
        return new ProductView(InForce(state), state.Status, raised, [.. state.Rates], state.UpdatedAt);
    }

    /// <summary>The terms with the rates in force today.</summary>
    private ProductTerms InForce(ProductState state)
    {
        var rate = ProductRates.On(state.Rates, calendar.DayOf(clock.GetUtcNow()));
        return state.Terms! with { AnnualRateBasisPoints = rate.AnnualRateBasisPoints, DemandRateBasisPoints = rate.DemandRateBasisPoints };
    }

    private async Task Write()
    {
        product.State.UpdatedAt = clock.GetUtcNow();
        await product.WriteStateAsync();
        await GrainFactory.GetGrain<IProductCatalogueGrain>(0).Note(this.GetPrimaryKeyString()); // again on each write: a crash between the two heals
    }
}

[GenerateSerializer, Alias("Wallet.ProductState")]
public sealed class ProductState
{
    [Id(0)] public ProductTerms? Terms { get; set; }

    [Id(1)] public ProductStatus Status { get; set; }

    /// <summary>Every rate set, oldest first; the one in force on a day is the last whose day has come.</summary>
    [Id(2)] public List<ProductRate> Rates { get; set; } = [];

    [Id(3)] public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>What a product with a quota has raised: the sum of its purchases, which the quota bounds (a product without one keeps no count).</summary>
[GenerateSerializer, Alias("Wallet.ProductSales")]
public sealed class ProductSales
{
    [Id(0)] public long Raised { get; set; }
}
