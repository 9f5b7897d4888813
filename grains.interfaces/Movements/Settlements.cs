using Wallet.Wallets;

namespace Wallet.Movements;

/// <summary>
/// Settles a merchant's wallet in one transaction: its whole balance out, the net to the settlement
/// clearing account (paid to the bank card after commit), the fee to the fee account.
/// </summary>
[Alias("Wallet.ISettlementGrain")]
public interface ISettlementGrain : IMovementGrain
{
    [Alias("Settle")]
    Task<SettlementReceipt> Settle(SettlementOrder order);

    /// <summary>The settlement as recorded, for its merchant; otherwise null.</summary>
    [Alias("Find")]
    Task<SettlementReceipt?> Find(string merchantId);
}

/// <summary>Sweep a merchant's settlement wallet: the whole balance out, less the fee to the bank's fee account, in the merchant's currency.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.SettlementOrder")]
public sealed record SettlementOrder(
    [property: Id(0)] string MerchantId,
    [property: Id(1)] string WalletId,
    [property: Id(2)] int FeeBasisPoints,
    [property: Id(3)] string Currency)
{
    /// <summary>The bank's fee on settling <paramref name="gross"/>, rounded down to the minor unit.</summary>
    public long FeeOn(long gross) => gross * FeeBasisPoints / 10_000;
}

/// <summary>A settlement as recorded: <see cref="Gross"/> left the wallet, <see cref="Net"/> for the merchant's card and <see cref="Fee"/> for the bank.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.SettlementReceipt")]
public sealed record SettlementReceipt(
    [property: Id(0)] string MerchantId,
    [property: Id(1)] string WalletId,
    [property: Id(2)] long Gross,
    [property: Id(3)] long Fee) : MovementOutcome
{
    public long Net => Gross - Fee;

    public override MovementKind Kind => MovementKind.Settlement;

    public override MovementSides Sides => new(MovementSide.Wallet(WalletId), MovementSide.Merchant(MerchantId));

    protected override MoneyFlow Flow => new(WalletId, null, Gross, Gross);
}
