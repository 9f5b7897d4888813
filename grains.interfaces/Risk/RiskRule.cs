namespace Wallet.Risk;

/// <summary>
/// What the risk monitor watches for. Each has its own thresholds and restriction (<c>Wallet:Risk:*</c>): <c>velocity</c>
/// (too many payments or too much money out in an hour or a day), <c>unusual_amount</c> (far above the customer's usual),
/// <c>new_device_large_payment</c> (a large payment within a day of a new device), <c>impossible_travel</c> (requests from
/// places too far apart for the time between them), <c>night_time</c> (large or many payments 00:00–05:00 Asia/Shanghai),
/// <c>repeated_pin_failures</c>, <c>new_payees</c> (money to many never-paid people in a day) and <c>mule_pattern</c>
/// (money in from many payers and soon out again).
/// </summary>
public enum RiskRule
{
    /// <summary>Too many payments, or too much money, out in an hour or a day.</summary>
    Velocity = 0,

    /// <summary>A payment far above what the customer usually pays.</summary>
    UnusualAmount = 1,

    /// <summary>A large payment within a day of registering a new device.</summary>
    NewDeviceLargePayment = 2,

    /// <summary>Two requests from places too far apart for the time between them.</summary>
    ImpossibleTravel = 3,

    /// <summary>A large payment, or many small ones, at night in China (00:00–05:00 Asia/Shanghai).</summary>
    NightTime = 4,

    /// <summary>Several wrong payment PINs in a short time.</summary>
    RepeatedPinFailures = 5,

    /// <summary>Money sent to many people never paid before, in a day.</summary>
    NewPayees = 6,

    /// <summary>Money in from many different payers, and most of it out again soon after (a money mule).</summary>
    MulePattern = 7,
}
