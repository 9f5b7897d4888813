using Wallet.ClientApi.Contract;
using Wallet.ClientApi.Movements;
using Wallet.Products;

namespace Wallet.ClientApi.Products;

/// <summary>A product of the bank's as customers see it.</summary>
/// <param name="ProductId">The product's id (<c>prd_…</c>).</param>
/// <param name="Name">Its name, as the bank prints it.</param>
/// <param name="Kind">
/// <c>money_market</c> (a fund redeemable any day, its yield compounding daily at the rate of each day), <c>term_deposit</c>
/// (a term at a rate fixed when bought; withdrawn early it earns the demand rate) or <c>wealth</c> (bought in its subscription
/// window, earning from the window's close to maturity, not redeemable before).
/// </param>
/// <param name="RiskLevel">1 to 5 (R1 capital preserved … R5 may lose much); above 1 the buyer's assessed tolerance must reach it.</param>
/// <param name="Currency">ISO 4217 code of its money.</param>
/// <param name="AnnualRateBasisPoints">The annual rate for a purchase today (and a fund's today), in basis points (235 is 2.35%), on a 365-day year.</param>
/// <param name="DemandRateBasisPoints">A deposit's rate when withdrawn before its term, in basis points; 0 where it does not apply.</param>
/// <param name="MinimumAmount">The least one purchase may be, in minor units.</param>
/// <param name="Quota">The most the product raises in all, in minor units; null for no limit.</param>
/// <param name="QuotaLeft">What is left of the quota, in minor units; null for no limit.</param>
/// <param name="TermMonths">A deposit's term in months; null for other kinds.</param>
/// <param name="SubscriptionOpens">A wealth product's first day of sale, ISO 8601 date (Asia/Shanghai); null for other kinds.</param>
/// <param name="SubscriptionCloses">A wealth product's last day of sale, ISO 8601 date; it earns from the next day.</param>
/// <param name="MaturesOn">A wealth product's maturity, ISO 8601 date: it pays back principal and yield into the wallet then.</param>
/// <param name="Status"><c>published</c> (on sale), <c>paused</c> or <c>closed</c>.</param>
/// <param name="OnSale">True when it can be bought now: published, and within its window.</param>
/// <param name="YourRefusal">Why the caller could not buy it now (<c>higher_tier_required</c>, <c>risk_assessment_required</c>, <c>product_risk_too_high</c>, <c>product_not_on_sale</c>); null when they can.</param>
public sealed record ProductResponse(string ProductId, string Name, ProductKind Kind, int RiskLevel, string Currency, int AnnualRateBasisPoints, int DemandRateBasisPoints,
    long MinimumAmount, long? Quota, long? QuotaLeft, int? TermMonths, DateOnly? SubscriptionOpens, DateOnly? SubscriptionCloses, DateOnly? MaturesOn,
    ProductStatus Status, bool OnSale, string? YourRefusal)
{
    public static ProductResponse Of(ProductView v, string? onSale, string? yourRefusal)
    {
        var t = v.Terms;
        return new(t.ProductId, t.Name, t.Kind, t.RiskLevel, t.Currency, t.AnnualRateBasisPoints, t.DemandRateBasisPoints, t.MinimumAmount, t.Quota, v.QuotaLeft,
            t.TermMonths, t.SubscriptionOpens, t.SubscriptionCloses, t.MaturesOn, v.Status, onSale is null, yourRefusal);
    }
}

/// <summary>A product as operators see it: as customers do, with what it raised and what its holders are owed now.</summary>
/// <param name="Product">The product.</param>
/// <param name="Raised">What its purchases add up to (what the quota counts), in minor units; null for a product without a quota, which keeps no count (its purchases never queue on one).</param>
/// <param name="Owed">What the bank owes its holders now (principal and the yield recorded, less what was paid back), in minor units: its clearing account.</param>
/// <param name="Currency">ISO 4217 code of the amounts.</param>
/// <param name="Rates">Every rate set, oldest first; each in force from its day.</param>
/// <param name="UpdatedAt">When an operator last changed it, UTC, ISO 8601.</param>
public sealed record OpsProductResponse(ProductResponse Product, long? Raised, long Owed, string Currency, IReadOnlyList<ProductRateResponse> Rates, DateTimeOffset UpdatedAt);

/// <summary>A rate set for a product.</summary>
/// <param name="EffectiveFrom">The first bank day it is in force, ISO 8601 date (Asia/Shanghai).</param>
/// <param name="AnnualRateBasisPoints">The annual rate, in basis points.</param>
/// <param name="DemandRateBasisPoints">The demand rate (a deposit withdrawn early), in basis points.</param>
public sealed record ProductRateResponse(DateOnly EffectiveFrom, int AnnualRateBasisPoints, int DemandRateBasisPoints)
{
    public static ProductRateResponse Of(ProductRate r) => new(r.From, r.AnnualRateBasisPoints, r.DemandRateBasisPoints);
}

/// <summary>A new product, set up as a draft (customers see it once it is published).</summary>
/// <param name="Name">Its name, 1 to 40 characters.</param>
/// <param name="Kind"><c>money_market</c>, <c>term_deposit</c> or <c>wealth</c>.</param>
/// <param name="RiskLevel">1 to 5 (R1 … R5); a money-market fund or a deposit is usually 1.</param>
/// <param name="Currency">ISO 4217 code; CNY when absent.</param>
/// <param name="AnnualRateBasisPoints">The annual rate, 0 to 2,000 basis points (20%).</param>
/// <param name="DemandRateBasisPoints">A deposit's rate when withdrawn early, 0 up to the annual rate; 0 when absent.</param>
/// <param name="MinimumAmount">The least one purchase may be, in minor units; 1 when absent.</param>
/// <param name="Quota">The most it raises in all, in minor units; no limit when absent. A wealth product needs one.</param>
/// <param name="TermMonths">A deposit's term: 3, 6 or 12 months. Only for deposits.</param>
/// <param name="SubscriptionOpens">A wealth product's first day of sale, ISO 8601 date. Only for wealth products.</param>
/// <param name="SubscriptionCloses">A wealth product's last day of sale, on or after it opens.</param>
/// <param name="MaturesOn">A wealth product's maturity, after its window closes (at most ten years on).</param>
public sealed record CreateProductRequest(
    [property: RequiredField] string? Name, [property: RequiredField] ProductKind? Kind, [property: RequiredField] int? RiskLevel, string? Currency,
    [property: RequiredField] int? AnnualRateBasisPoints, int? DemandRateBasisPoints, long? MinimumAmount, long? Quota, int? TermMonths,
    DateOnly? SubscriptionOpens, DateOnly? SubscriptionCloses, DateOnly? MaturesOn);

/// <summary>New rates for a product, in force from the next bank day.</summary>
/// <param name="AnnualRateBasisPoints">The annual rate, 0 to 2,000 basis points.</param>
/// <param name="DemandRateBasisPoints">The demand rate, 0 up to the annual rate; 0 when absent.</param>
public sealed record SetProductRatesRequest([property: RequiredField] int? AnnualRateBasisPoints, int? DemandRateBasisPoints);

/// <summary>Buy a product from one of the caller's wallets.</summary>
/// <param name="WalletId">The caller's wallet the money leaves (<c>wal_…</c>), in the product's currency; what it pays back comes here.</param>
/// <param name="Amount">The amount, an integer in minor units (fen for CNY), from the product's minimum.</param>
/// <param name="Pin">The six-digit payment PIN; give it or <c>deviceSignature</c>, not both.</param>
/// <param name="DeviceSignature">A registered device's signature approving this purchase (kind <c>product_purchase</c>, the product's id as payee), instead of the PIN.</param>
public sealed record BuyProductRequest([property: RequiredField] string? WalletId, [property: RequiredField] long? Amount, string? Pin, DeviceSignatureBody? DeviceSignature);

/// <summary>A purchase as the bank recorded it.</summary>
/// <param name="PurchaseId">Its id (<c>pb_…</c>), the same for every replay of its <c>Idempotency-Key</c>.</param>
/// <param name="Status">Where it stands: <c>completed</c> when the money is in the holding.</param>
/// <param name="ProductId">The product bought (<c>prd_…</c>).</param>
/// <param name="HoldingId">The holding it went into (<c>hld_…</c>): a fund's one holding, or this purchase's own.</param>
/// <param name="From">The wallet the money left (<c>walletId</c>).</param>
/// <param name="To">The holding it went into (<c>holdingId</c>).</param>
/// <param name="Amount">The amount, an integer in minor units.</param>
/// <param name="Currency">ISO 4217 code of the amount.</param>
/// <param name="CreatedAt">When the bank accepted it, UTC, ISO 8601.</param>
public sealed record PurchaseResponse(string PurchaseId, Wallet.Movements.MovementStatus Status, string ProductId, string HoldingId, Party From, Party To, long Amount,
    string Currency, DateTimeOffset CreatedAt)
{
    public static PurchaseResponse Of(ProductPurchaseReceipt r)
    {
        var (from, to) = Party.Of(r);
        return new(r.MovementId, r.Status, r.ProductId, r.HoldingId, from, to, r.Amount, r.Currency, r.CreatedAt);
    }
}
