using System.Collections.Concurrent;

namespace Wallet.Wallets;

/// <summary>
/// Wallets' owners, remembered in the process: an owner never changes, so a movement publishing its
/// events needs not ask the wallet each time. Bounded: when full it starts afresh.
/// </summary>
public static class WalletOwners
{
    private const int MostRemembered = 100_000;
    private static readonly ConcurrentDictionary<string, string> s_owners = new(StringComparer.Ordinal);

    public static string? Find(string walletId) => s_owners.TryGetValue(walletId, out var owner) ? owner : null;

    public static void Remember(string walletId, string ownerId)
    {
        if (s_owners.Count >= MostRemembered)
        {
            s_owners.Clear();
        }
        s_owners[walletId] = ownerId;
    }
}
