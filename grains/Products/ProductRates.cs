namespace Wallet.Products;

/// <summary>Which of a product's rates is in force on a bank day.</summary>
public static class ProductRates
{
    /// <summary>The last rate whose day has come by <paramref name="day"/> (the first one for a day before them all).</summary>
    public static ProductRate On(IReadOnlyList<ProductRate> rates, DateOnly day)
    {
        var inForce = rates[0];
        foreach (var rate in rates)
        {
            if (rate.From <= day)
            {
                inForce = rate;
            }
        }
        return inForce;
    }
}
