using Wallet.Cards;
using Wallet.Limits;
using Wallet.Wallets;

namespace Wallet.Customers;

/// <summary>What a customer may see of themselves; credentials never leave the grain.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.CustomerProfile")]
public sealed record CustomerProfile(
    [property: Id(0)] string CustomerId,
    [property: Id(1)] string Phone,
    [property: Id(2)] int Tier,
    [property: Id(3)] CustomerRole Role,
    [property: Id(4)] bool HasPaymentPin,
    [property: Id(5)] IReadOnlyList<WalletView> Wallets,
    [property: Id(6)] IReadOnlyList<CardView> Cards,
    [property: Id(7)] DateTimeOffset CreatedAt,
    [property: Id(8)] string? RealName = null,
    [property: Id(9)] string? IdNumberMasked = null,
    [property: Id(10)] TierLimits? Limits = null,
    [property: Id(11)] IReadOnlyList<TierChange>? TierHistory = null,
    [property: Id(12)] Risk.Restriction Restriction = Risk.Restriction.None,
    [property: Id(13)] string LimitsCurrency = "");
