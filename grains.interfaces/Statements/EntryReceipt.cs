using Wallet.Wallets;

namespace Wallet.Statements;

/// <summary>
/// An electronic receipt (电子回单) for one entry of a wallet: the entry, and both parties named as a receipt shows them,
/// masked, since a receipt is shown to others (a landlord, an employer): the owner by their masked name, the other side
/// as a statement names it (a merchant by its trading name, a customer masked, a card by its bank and masked number).
/// </summary>
[GenerateSerializer, Immutable, Alias("Wallet.EntryReceipt")]
public sealed record EntryReceipt(
    [property: Id(0)] string WalletId,
    [property: Id(1)] WalletEntry Entry,
    [property: Id(2)] string OwnerName,
    [property: Id(3)] string? CounterpartyName,
    [property: Id(4)] string TimeZone);
