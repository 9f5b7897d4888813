using Wallet.Ledger;
using Wallet.Refusals;

namespace Wallet.Wallets;

/// <summary>
/// One wallet. Its balance lives in transactional state; it changes only inside a movement's
/// grain transaction. The transaction methods interleave because the Orleans transaction protocol
/// lets several transactions queue on the wallet's lock at once.
/// </summary>
[Alias("Wallet.IWalletGrain")]
public interface IWalletGrain : IGrainWithStringKey
{
    [Alias("Open")]
    Task<WalletView> Open(string ownerId, string currency, int tier);

    /// <summary>
    /// Opens the wallet for a customer's request (its id derived from the request's idempotency key) and keeps
    /// the request: the same request again gets the first answer, another under the key <c>idempotency_key_reused</c>.
    /// A sub-wallet's (<paramref name="subWalletId"/>) is governed by its family's rules from the start.
    /// </summary>
    [Alias("OpenOnRequest")]
    Task<Identity.Replayable<WalletView>> Open(string ownerId, string currency, int tier, Identity.IdempotentRequest request, string? subWalletId);

    /// <summary>The owner's tier changed: its limits apply from the next movement.</summary>
    [Alias("SetTier")]
    Task SetTier(int tier);

    /// <summary>Owner, currency and status; no balance, so no transaction is needed.</summary>
    [Alias("GetFacts"), AlwaysInterleave]
    Task<WalletFacts?> GetFacts();

    /// <summary>
    /// The facts, asked by a movement about to credit this wallet: counted, so a wallet about to be paid
    /// by many at once switches to receiving tills before their credits arrive, not after.
    /// </summary>
    [Alias("GetFactsToCredit"), AlwaysInterleave]
    Task<WalletFacts?> GetFactsToCredit();

    /// <summary>The wallet as its owner sees it; anyone else is told it does not exist.</summary>
    [Alias("GetView"), Transaction(TransactionOption.Create), AlwaysInterleave]
    Task<WalletView> GetView(string callerId);

    /// <summary>
    /// Takes money out within the tier's single, daily and yearly limits and the funds, or says why
    /// not; a refusal changes nothing and does not abort the transaction.
    /// </summary>
    [Alias("Debit"), Transaction(TransactionOption.Join), AlwaysInterleave]
    Task<Refusal?> Debit(Posting posting);

    /// <summary>
    /// Holds money for a merchant's authorisation, or for a movement held for review (<paramref name="forReview"/>):
    /// refused when the wallet may not spend or has not enough available.
    /// </summary>
    [Alias("PlaceHold"), Transaction(TransactionOption.Join), AlwaysInterleave]
    Task<Refusal?> PlaceHold(string holdId, string actorId, long amount, bool forReview);

    /// <summary>Lets a hold go (captured, voided or expired); returns what it held (0 if none).</summary>
    [Alias("ReleaseHold"), Transaction(TransactionOption.Join), AlwaysInterleave]
    Task<long> ReleaseHold(string holdId);

    /// <summary>Puts money in up to the tier's balance cap; refusing here aborts the whole movement.</summary>
    [Alias("Credit"), Transaction(TransactionOption.Join), AlwaysInterleave]
    Task Credit(Posting posting);

    /// <summary>
    /// Takes the wallet's write lock for the current transaction without changing it, so a movement
    /// can lock its wallets in one global order: two opposite transfers then cannot deadlock.
    /// </summary>
    [Alias("Enlist"), Transaction(TransactionOption.Join), AlwaysInterleave]
    Task Enlist();

    /// <summary>Adds loyalty points earned by a payment, inside its transaction.</summary>
    [Alias("AddPoints"), Transaction(TransactionOption.Join), AlwaysInterleave]
    Task AddPoints(long points);

    [Alias("ReadBalance"), Transaction(TransactionOption.CreateOrJoin), AlwaysInterleave]
    Task<long> ReadBalance();
}

/// <summary>
/// What the wallet's own housekeepers ask of its book, apart from what movements and owners ask: the status grain
/// (<see cref="IWalletStatusGrain"/>), the customer's risk restriction, the statement that files its entries and the
/// sweeper that empties its tills. The same grain as <see cref="IWalletGrain"/>: one book, asked for two kinds of work.
/// </summary>
[Alias("Wallet.IWalletBookkeepingGrain")]
public interface IWalletBookkeepingGrain : IGrainWithStringKey
{
    /// <summary>
    /// Changes the status in the book, inside the status grain's transaction (<see cref="IWalletStatusGrain"/>), so it
    /// waits for the movements under way and binds every later one; refuses by throwing, which aborts it. Closing
    /// empties the tills into the book and shuts them in the same transaction, and refuses unless nothing is left.
    /// </summary>
    [Alias("Shift"), Transaction(TransactionOption.Join), AlwaysInterleave]
    Task Shift(StatusChange change);

    /// <summary>The book's committed status, copied for the early checks of <see cref="IWalletGrain.GetFacts"/>, which need no transaction.</summary>
    [Alias("CopyStatus")]
    Task CopyStatus(WalletStatus status);

    /// <summary>Caches the owner's restriction, inside the customer's transaction over all their wallets.</summary>
    [Alias("Restrict"), Transaction(TransactionOption.Join), AlwaysInterleave]
    Task Restrict(Risk.Restriction restriction);

    /// <summary>The entries still in the book (not yet filed in the statement), oldest first, and the last one filed.</summary>
    [Alias("ReadUnfiled"), Transaction(TransactionOption.Create), AlwaysInterleave]
    Task<UnfiledEntries> ReadUnfiled();

    /// <summary>Drops from the book the entries through <paramref name="sequence"/>, which the statement now holds.</summary>
    [Alias("ForgetFiled"), Transaction(TransactionOption.Create), AlwaysInterleave]
    Task ForgetFiled(long sequence);

    /// <summary>The owner set or removed the wallet's auto top-up (<see cref="IAutoTopUpGrain"/>): a payment short of money asks it only when set.</summary>
    [Alias("NoteAutoTopUp")]
    Task NoteAutoTopUp(bool on);

    /// <summary>Posts a till's takings into the book, inside the sweeper's transaction; returns the till's mark of what it drained.</summary>
    [Alias("TakeTill"), Transaction(TransactionOption.Join), AlwaysInterleave]
    Task<long> TakeTill(int till);
}
