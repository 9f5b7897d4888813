using System.Globalization;

namespace Wallet.Bills.Analysis;

/// <summary>A calendar month of the bank's (Asia/Shanghai), written <c>yyyy-MM</c> (<c>2026-11</c>): what the analysis counts by.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.SpendingMonth")]
public readonly record struct SpendingMonth([property: Id(0)] int Year, [property: Id(1)] int Number)
{
    /// <summary>A month as written, <c>yyyy-MM</c> from 2000-01 to 9998-12; null for anything else.</summary>
    public static SpendingMonth? Parse(string? text)
        => text is { Length: 7 } && DateTime.TryParseExact(text, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first)
           && first.Year is >= 2000 and <= 9998
            ? new SpendingMonth(first.Year, first.Month)
            : null;

    /// <summary>The month a bank day is in.</summary>
    public static SpendingMonth Of(DateOnly day) => new(day.Year, day.Month);

    public DateOnly FirstDay => new(Year, Number, 1);

    public SpendingMonth Previous => Of(FirstDay.AddMonths(-1));

    public SpendingMonth Next => Of(FirstDay.AddMonths(1));

    /// <summary>This month and the <paramref name="count"/> − 1 before it, oldest first.</summary>
    public IReadOnlyList<SpendingMonth> EndingHere(int count)
    {
        var last = FirstDay;
        return [.. Enumerable.Range(0, count).Select(back => Of(last.AddMonths(back - count + 1)))];
    }

    /// <summary>The key of the customer's month in the read model (<c>cus_…/2026-11</c>).</summary>
    public string KeyFor(string customerId) => $"{customerId}/{this}";

    /// <summary>The customer and the month a read-model key names.</summary>
    public static (string CustomerId, SpendingMonth Month) FromKey(string key)
    {
        var slash = key.LastIndexOf('/');
        return (key[..slash], Parse(key[(slash + 1)..]) ?? throw new ArgumentException($"Not a customer's month: {key}", nameof(key)));
    }

    public override string ToString() => $"{Year.ToString("D4", CultureInfo.InvariantCulture)}-{Number.ToString("D2", CultureInfo.InvariantCulture)}";
}
