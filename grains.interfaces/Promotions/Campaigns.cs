namespace Wallet.Promotions;

/// <summary>Keys of a campaign's grains.</summary>
public static class Campaigns
{
    public static string PortionKey(string campaignId, int portion) => $"{campaignId}/{portion}";

    public static string CustomerKey(string campaignId, string customerId) => $"{campaignId}/{customerId}";
}
