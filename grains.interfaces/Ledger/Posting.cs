using Wallet.Wallets;

namespace Wallet.Ledger;

/// <summary>
/// One side of a double-entry movement. <paramref name="ActorId"/> is the customer who asked
/// for it: a debit checks that they own the account. <paramref name="PayerAuthorised"/>: the payer
/// said yes to this debit with the PIN or a device signature (or to the hold it captures), which a
/// customer under step-up needs; <paramref name="Reviewed"/>: an operator released it from review; <paramref name="Category"/>:
/// where a merchant payment goes in the payer's bills (by the merchant's MCC), null for its kind's category;
/// <paramref name="FamilyApproved"/>: a sub-wallet's payment its family approved (it spends the money held for it, so also <paramref name="Reviewed"/>).
/// </summary>
[GenerateSerializer, Immutable, Alias("Wallet.Posting")]
public sealed record Posting(
    [property: Id(0)] string MovementId,
    [property: Id(1)] MovementKind Kind,
    [property: Id(2)] string ActorId,
    [property: Id(3)] long Amount,
    [property: Id(4)] string Currency,
    [property: Id(5)] string? Counterparty,
    [property: Id(6)] string? Memo,
    [property: Id(7)] bool PayerAuthorised = false,
    [property: Id(8)] bool Reviewed = false,
    [property: Id(9)] Bills.SpendingCategory? Category = null,
    [property: Id(10)] bool FamilyApproved = false);
