using Wallet.Refusals;

namespace Wallet.Products;

/// <summary>
/// Where a holding stands: <c>active</c> (earning), <c>redeemed</c> (all of it paid back on the customer's asking),
/// <c>matured</c> (paid back at its end) or <c>withdrawn_early</c> (a deposit taken out before its term, at the demand rate).
/// </summary>
public enum HoldingStatus
{
    Active = 0,
    Redeemed = 1,
    Matured = 2,
    WithdrawnEarly = 3,
}

/// <summary>One bank day's yield, as it was recorded.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.DailyYield")]
public sealed record DailyYield([property: Id(0)] DateOnly Day, [property: Id(1)] long Amount);

/// <summary>
/// A customer's holding of a product (keyed <c>hld_…</c>): what they put in and did not take out (<see cref="Principal"/>), the
/// yield recorded so far (<see cref="AccruedYield"/>, through <see cref="AccruedThrough"/>), and what it is worth now
/// (<see cref="Value"/>, which the product's clearing account owes them). It earns from <see cref="ValueDate"/> to
/// <see cref="MaturityDate"/> (none for a fund) at <see cref="RateBasisPoints"/> (a fund's is the product's rate of each day).
/// </summary>
[GenerateSerializer, Immutable, Alias("Wallet.HoldingView")]
public sealed record HoldingView(
    [property: Id(0)] string HoldingId,
    [property: Id(1)] string CustomerId,
    [property: Id(2)] string ProductId,
    [property: Id(3)] string ProductName,
    [property: Id(4)] ProductKind Kind,
    [property: Id(5)] string Currency,
    [property: Id(6)] string WalletId,
    [property: Id(7)] long Principal,
    [property: Id(8)] long AccruedYield,
    [property: Id(9)] long Value,
    [property: Id(10)] long PaidOut,
    [property: Id(11)] DateOnly ValueDate,
    [property: Id(12)] DateOnly? MaturityDate,
    [property: Id(13)] int? RateBasisPoints,
    [property: Id(14)] DateOnly? AccruedThrough,
    [property: Id(15)] HoldingStatus Status,
    [property: Id(16)] IReadOnlyList<DailyYield> RecentYields,
    [property: Id(17)] DateTimeOffset OpenedAt);

/// <summary>
/// What a purchase adds to a holding, inside its transaction: the first purchase opens the holding with the product's terms
/// of the moment (its days counted from the bank day the transaction runs on); a fund's later purchases add to it.
/// </summary>
[GenerateSerializer, Immutable, Alias("Wallet.HoldingSubscription")]
public sealed record HoldingSubscription(
    [property: Id(0)] string CustomerId,
    [property: Id(1)] ProductTerms Terms,
    [property: Id(2)] string WalletId,
    [property: Id(3)] long Amount);

/// <summary>What a redemption takes out of a holding, or why it takes nothing.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.HoldingPayout")]
public sealed record HoldingPayout(
    [property: Id(0)] long Amount,
    [property: Id(1)] long Yield,
    [property: Id(2)] HoldingStatus Status,
    [property: Id(3)] Refusal? Refusal);

/// <summary>
/// A customer's holding of one product. Its state moves only inside transactions: a purchase's, a redemption's, or the daily
/// accrual's, which records each bank day's yield once and moves it from the bank's yield account to the product's.
/// </summary>
[Alias("Wallet.IHoldingGrain")]
public interface IHoldingGrain : IGrainWithStringKey
{
    /// <summary>Inside a purchase's transaction: opens the holding, or adds to a fund's (after recording the days it has earned).</summary>
    [Alias("Subscribe"), Transaction(TransactionOption.Join), AlwaysInterleave]
    Task<Refusal?> Subscribe(string purchaseId, HoldingSubscription subscription, IReadOnlyList<ProductRate> rates);

    /// <summary>
    /// Inside a redemption's transaction: records the days earned, then takes out <paramref name="amount"/> (all of it when
    /// null) if the holding allows it now, or says why not. <paramref name="atMaturity"/>: the holding's own payout at its end.
    /// </summary>
    [Alias("PayOut"), Transaction(TransactionOption.Join), AlwaysInterleave]
    Task<HoldingPayout> PayOut(string redemptionId, long? amount, bool atMaturity, IReadOnlyList<ProductRate> rates);

    /// <summary>The holding as its customer sees it (through the last day recorded); null for anyone else, or when it does not exist.</summary>
    [Alias("View"), Transaction(TransactionOption.CreateOrJoin), AlwaysInterleave]
    Task<HoldingView?> View(string customerId);

    /// <summary>The holding whoever owns it (for its own follow-up and the bank's views); null when it does not exist.</summary>
    [Alias("Read"), Transaction(TransactionOption.CreateOrJoin), AlwaysInterleave]
    Task<HoldingView?> Read();

    /// <summary>Inside the daily accrual's transaction: records each bank day earned since the last, once.</summary>
    [Alias("Accrue"), Transaction(TransactionOption.Join), AlwaysInterleave]
    Task<HoldingView?> Accrue(IReadOnlyList<ProductRate> rates);

    /// <summary>
    /// Records the bank days earned since the last time (each once, in one transaction), and pays a holding out at its
    /// maturity. Its daily reminder calls it; asked again the same day, it finds nothing new to do.
    /// </summary>
    [Alias("FollowUp")]
    Task<HoldingView?> FollowUp();

    /// <summary>
    /// Before a purchase commits: the holding keeps its daily reminder and is listed with its customer's (a holding that never
    /// opens drops its reminder at its first tick, and is skipped in the list).
    /// </summary>
    [Alias("Track")]
    Task Track(string customerId);
}

/// <summary>The holdings of one customer (keyed by customer id), newest first.</summary>
[Alias("Wallet.ICustomerHoldingsGrain")]
public interface ICustomerHoldingsGrain : IGrainWithStringKey
{
    [Alias("Note")]
    Task Note(string holdingId);

    [Alias("List")]
    Task<IReadOnlyList<string>> List();
}
