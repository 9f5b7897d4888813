using Wallet.Limits;

namespace Wallet.Wallets;

/// <summary>A wallet as its owner sees it: money, status, the limits of the owner's tier and what is spent against them.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.WalletView")]
public sealed record WalletView(
    [property: Id(0)] string WalletId,
    [property: Id(1)] string Currency,
    [property: Id(2)] long Balance,
    [property: Id(3)] long Available,
    [property: Id(4)] WalletStatus Status,
    [property: Id(5)] DateTimeOffset OpenedAt,
    [property: Id(6)] int Tier,
    [property: Id(7)] TierLimits Limits,
    [property: Id(8)] SpendingUsage Usage,
    [property: Id(9)] long Points = 0)
{
    /// <summary>The sub-wallet (<c>sw_…</c>) whose family's rules govern this wallet, or null for one of the owner's own.</summary>
    [Id(10)] public string? SubWalletId { get; init; }
}
