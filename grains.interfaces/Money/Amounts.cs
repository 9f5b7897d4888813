namespace Wallet.Money;

/// <summary>Rules every amount of money obeys: whole minor units within the range a movement may carry.</summary>
public static class Amounts
{
    /// <summary>10^13 minor units: ¥100 billion, far above any single movement, far below long's range.</summary>
    public const long Max = 10_000_000_000_000;

    public static bool IsValidMovement(long amount) => amount is >= 1 and <= Max;
}
