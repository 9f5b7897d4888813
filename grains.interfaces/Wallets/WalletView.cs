namespace Wallet.Wallets;

/// <summary>A wallet as its owner sees it.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.WalletView")]
public sealed record WalletView(
    [property: Id(0)] string WalletId,
    [property: Id(1)] string Currency,
    [property: Id(2)] long Balance,
    [property: Id(3)] long Available,
    [property: Id(4)] WalletStatus Status,
    [property: Id(5)] DateTimeOffset OpenedAt);
