namespace Wallet.Customers;

/// <summary>Real-name tiers as the e-CNY wallet numbers them: 4 is a phone number only, 1 is verified in person.</summary>
public static class CustomerTiers
{
    public const int Lowest = 4;
}
