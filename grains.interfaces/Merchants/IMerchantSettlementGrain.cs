namespace Wallet.Merchants;

/// <summary>
/// A merchant's settlements: the card they are paid to, the daily schedule, the payouts and their
/// reports. Keyed by merchant id; apart from <see cref="IMerchantGrain"/>, which keeps the merchant's
/// profile and secret, since settling changes with the bank's payouts and fees, not with onboarding or signing.
/// </summary>
[Alias("Wallet.IMerchantSettlementGrain")]
public interface IMerchantSettlementGrain : IGrainWithStringKey
{
    /// <summary>
    /// The merchant's settlement account, set at onboarding (or handed over, with its history, by a merchant
    /// onboarded before settlements had a grain of their own); the schedule starts when it names a card.
    /// Once set, later calls change nothing.
    /// </summary>
    [Alias("Open")]
    Task Open(SettlementAccount account);

    /// <summary>Sweeps the settlement wallet to the merchant's bank card less the fee, now; refuses <c>nothing_to_settle</c> on an empty wallet.</summary>
    [Alias("Settle")]
    Task<SettlementReport> Settle();

    /// <summary>The merchant's settlements, newest first.</summary>
    [Alias("ListSettlements")]
    Task<IReadOnlyList<SettlementReport>> ListSettlements();
}

/// <summary>
/// Where a merchant's settlements go and what is already settled: the settlement wallet, its currency, the bank's
/// token for the card and its masked number (both null without a card), the reports so far (oldest first) and a
/// settlement begun and not yet paid out.
/// </summary>
[GenerateSerializer, Immutable, Alias("Wallet.SettlementAccount")]
public sealed record SettlementAccount(
    [property: Id(0)] string SettlementWalletId,
    [property: Id(1)] string Currency,
    [property: Id(2)] string? BankToken,
    [property: Id(3)] string? CardMasked,
    [property: Id(4)] IReadOnlyList<SettlementReport> Settlements,
    [property: Id(5)] PayoutDue? PayoutDue)
{
    public override string ToString() => $"SettlementAccount {{ SettlementWalletId = {SettlementWalletId}, Currency = {Currency} }}";
}

/// <summary>A settlement begun and not yet paid out (its id names its movement), and whether the schedule began it.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.PayoutDue")]
public sealed record PayoutDue([property: Id(0)] string SettlementId, [property: Id(1)] bool Scheduled);
