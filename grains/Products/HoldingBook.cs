namespace Wallet.Products;

/// <summary>
/// A holding's transactional state. <see cref="Exact"/> is its worth to a fraction of a fen; what the bank owes (and the product's
/// clearing account holds) is <see cref="Value"/>, the exact worth rounded up: each day's yield is what that rounding adds, so the
/// customer is never more than one fen ahead of the formula in total, and never behind it.
/// </summary>
[GenerateSerializer, Alias("Wallet.HoldingBook")]
public sealed class HoldingBook
{
    [Id(0)] public string? CustomerId { get; set; }
    [Id(1)] public string ProductId { get; set; } = "";
    [Id(2)] public string ProductName { get; set; } = "";
    [Id(3)] public ProductKind Kind { get; set; }
    [Id(4)] public string Currency { get; set; } = "";
    [Id(5)] public string WalletId { get; set; } = "";
    [Id(6)] public long Principal { get; set; }
    [Id(7)] public decimal Exact { get; set; }
    [Id(8)] public long Value { get; set; }
    [Id(9)] public long AccruedYield { get; set; }
    [Id(10)] public long PaidOut { get; set; }
    [Id(11)] public DateOnly ValueDate { get; set; }
    [Id(12)] public DateOnly? MaturityDate { get; set; }

    /// <summary>The rate fixed when bought (a deposit's, a wealth product's); null for a fund, which earns each day's rate.</summary>
    [Id(13)] public int? RateBasisPoints { get; set; }

    [Id(14)] public int DemandRateBasisPoints { get; set; }

    /// <summary>The last bank day whose yield is recorded; null before the first.</summary>
    [Id(15)] public DateOnly? AccruedThrough { get; set; }

    /// <summary>The days earned so far, for simple interest (a deposit's, a wealth product's).</summary>
    [Id(16)] public int DaysAccrued { get; set; }

    [Id(17)] public HoldingStatus Status { get; set; }

    /// <summary>The last week's daily yields, newest last.</summary>
    [Id(18)] public List<DailyYield> Recent { get; set; } = [];

    [Id(19)] public DateTimeOffset OpenedAt { get; set; }

    public bool Exists => CustomerId is not null;

    public HoldingView ViewAs(string holdingId) => new(holdingId, CustomerId!, ProductId, ProductName, Kind, Currency, WalletId, Principal, AccruedYield, Value, PaidOut,
        ValueDate, MaturityDate, RateBasisPoints, AccruedThrough, Status, [.. Recent], OpenedAt);
}

/// <summary>
/// How a holding earns: one yield for each bank day it holds money through that day's end. A fund compounds (each day's yield
/// earns from the next day, at the product's rate of that day); a deposit and a wealth product earn simple interest at the rate
/// fixed when bought. Rates are basis points a year of 365 days.
/// </summary>
public static class YieldAccrual
{
    private const int RecentDays = 7;
    private const decimal BasisPointYearDays = 10_000m * 365m;

    /// <summary>
    /// Records each day earned from the one after <see cref="HoldingBook.AccruedThrough"/> up to the day before
    /// <paramref name="today"/> (and before maturity); answers the yield those days added, which the caller moves from the
    /// bank's yield account to the product's.
    /// </summary>
    public static long CatchUp(HoldingBook book, DateOnly today, IReadOnlyList<ProductRate> rates)
    {
        if (book.Status != HoldingStatus.Active)
        {
            return 0;
        }
        var first = book.AccruedThrough is { } through && through >= book.ValueDate ? through.AddDays(1) : book.ValueDate;
        var last = today.AddDays(-1);
        if (book.MaturityDate is { } maturity && maturity.AddDays(-1) < last)
        {
            last = maturity.AddDays(-1);
        }
        var added = 0L;
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            if (book.RateBasisPoints is { } fixedRate)
            {
                book.DaysAccrued++;
                book.Exact = book.Principal + book.Principal * (decimal)fixedRate * book.DaysAccrued / BasisPointYearDays;
            }
            else
            {
                book.Exact *= 1m + ProductRates.On(rates, day).AnnualRateBasisPoints / BasisPointYearDays;
            }
            var value = (long)decimal.Ceiling(book.Exact);
            var earned = value - book.Value;
            book.Value = value;
            book.AccruedYield += earned;
            added += earned;
            book.AccruedThrough = day;
            if (book.Recent.Count == RecentDays)
            {
                book.Recent.RemoveAt(0);
            }
            book.Recent.Add(new DailyYield(day, earned));
        }
        return added;
    }

    /// <summary>
    /// What a deposit taken out before its term pays: the principal and the demand rate's simple interest for the days held,
    /// rounded down (rounding up would pay a fen a day on the smallest deposits, however little they earn).
    /// </summary>
    public static long EarlyWithdrawalValue(HoldingBook book)
        => book.Principal + (long)decimal.Floor(book.Principal * (decimal)book.DemandRateBasisPoints * book.DaysAccrued / BasisPointYearDays);
}
