namespace Wallet.Products;

/// <summary>
/// What a product is: <c>money_market</c> (a fund redeemable any day, its yield compounding daily at the rate of each day),
/// <c>term_deposit</c> (3, 6 or 12 months at a rate fixed when bought; withdrawn early, it earns the demand rate) or
/// <c>wealth</c> (a closed-end wealth product: bought in its subscription window, earning from the window's close to its
/// maturity at the rate fixed when bought, not redeemable before).
/// </summary>
public enum ProductKind
{
    MoneyMarket = 0,
    TermDeposit = 1,
    Wealth = 2,
}

/// <summary>
/// Where a product stands: <c>draft</c> (set up, not yet offered), <c>published</c> (offered: customers may buy it),
/// <c>paused</c> (not sold for now; holdings go on) or <c>closed</c> (never sold again; holdings go on to their end).
/// </summary>
public enum ProductStatus
{
    Draft = 0,
    Published = 1,
    Paused = 2,
    Closed = 3,
}

/// <summary>
/// A product as the bank sets it up. Rates are in basis points a year (235 is 2.35%), counted on a 365-day year.
/// <see cref="RiskLevel"/> R1 (lowest) to R5; <see cref="Quota"/>: the most the product may raise (null for no limit);
/// <see cref="TermMonths"/>: a deposit's term; <see cref="SubscriptionOpens"/> to <see cref="SubscriptionCloses"/>: a wealth
/// product's window (bank days, both included), after which it earns until <see cref="MaturesOn"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("Wallet.ProductTerms")]
public sealed record ProductTerms(
    [property: Id(0)] string ProductId,
    [property: Id(1)] string Name,
    [property: Id(2)] ProductKind Kind,
    [property: Id(3)] int RiskLevel,
    [property: Id(4)] string Currency,
    [property: Id(5)] int AnnualRateBasisPoints,
    [property: Id(6)] int DemandRateBasisPoints,
    [property: Id(7)] long MinimumAmount,
    [property: Id(8)] long? Quota,
    [property: Id(9)] int? TermMonths,
    [property: Id(10)] DateOnly? SubscriptionOpens,
    [property: Id(11)] DateOnly? SubscriptionCloses,
    [property: Id(12)] DateOnly? MaturesOn);

/// <summary>A rate the bank set, in force from <see cref="From"/> (a bank day) on, for a money-market fund's daily yield and new purchases.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.ProductRate")]
public sealed record ProductRate(
    [property: Id(0)] DateOnly From,
    [property: Id(1)] int AnnualRateBasisPoints,
    [property: Id(2)] int DemandRateBasisPoints);

/// <summary>A product as it stands: its terms with the rate in force now, its status, and what it has raised (drawn on its quota; null without one).</summary>
[GenerateSerializer, Immutable, Alias("Wallet.ProductView")]
public sealed record ProductView(
    [property: Id(0)] ProductTerms Terms,
    [property: Id(1)] ProductStatus Status,
    [property: Id(2)] long? Raised,
    [property: Id(3)] IReadOnlyList<ProductRate> Rates,
    [property: Id(4)] DateTimeOffset UpdatedAt)
{
    /// <summary>What is left of the quota; null when the product has none.</summary>
    public long? QuotaLeft => Terms.Quota is { } quota ? Math.Max(0, quota - (Raised ?? 0)) : null;
}

/// <summary>The product's terms (with the rates in force today), status and every rate set; <see cref="NotOnSale"/> says why it cannot be bought now, null when it can.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.ProductOffer")]
public sealed record ProductOffer(
    [property: Id(0)] ProductTerms Terms,
    [property: Id(1)] ProductStatus Status,
    [property: Id(2)] IReadOnlyList<ProductRate> Rates,
    [property: Id(3)] string? NotOnSale);

/// <summary>The risk levels: R1 (capital preserved) to R5 (may lose much); a customer's tolerance C1 to C5 allows products up to its number.</summary>
public static class RiskLevels
{
    public const int Lowest = 1;
    public const int Highest = 5;

    public static bool IsValid(int level) => level is >= Lowest and <= Highest;
}
