using System.Collections.Immutable;
using Wallet.Customers;
using Wallet.Ledger;
using Wallet.Limits;

namespace Wallet.Wallets;

/// <summary>The wallet's rarely changing facts, in ordinary grain state.</summary>
[GenerateSerializer, Alias("Wallet.WalletProfile")]
public sealed class WalletProfile
{
    [Id(0)] public string OwnerId { get; set; } = "";
    [Id(1)] public string Currency { get; set; } = "";
    /// <summary>A copy of the book's status, for early checks that need no transaction; the book's decides.</summary>
    [Id(2)] public WalletStatus Status { get; set; }
    [Id(3)] public DateTimeOffset OpenedAt { get; set; }

    /// <summary>Receiving tills (0: credits go to the book). Set once the wallet proves busy; never lowered.</summary>
    [Id(4)] public int Tills { get; set; }

    /// <summary>The owner's real-name tier, whose limits this wallet enforces; the customer sets it on every change.</summary>
    [Id(5)] public int Tier { get; set; } = CustomerTiers.Lowest;

    /// <summary>
    /// The owner's restriction, cached from the book's copy (the customer's profile holds it), for routing credits
    /// without a transaction: a frozen owner's credits go to the book, which refuses them, never to a till.
    /// </summary>
    [Id(7)] public Risk.Restriction OwnerRestriction { get; set; }

    /// <summary>The customer's request that opened the wallet and its answer, for the request's replays; null for a merchant's.</summary>
    [Id(9)] public WalletOpening? Opening { get; set; }

    /// <summary>The sub-wallet (<c>sw_…</c>) whose family's rules govern this wallet, or null for a wallet of the owner's own.</summary>
    [Id(10)] public string? SubWalletId { get; set; }

    /// <summary>The facts movements plan with, and how a credit reaches this wallet now.</summary>
    public WalletFacts Facts(string walletId, bool capped) => new(walletId, OwnerId, Currency, Status, OpenedAt, ReceivingTills(capped), SubWalletId, AutoTopUp);

    /// <summary>
    /// Receiving tills, once switched to them: not for a capped wallet, credited in its book, where the cap sees the whole
    /// balance at once; nor a frozen owner's, where their restriction refuses them (a till would take them); nor a
    /// sub-wallet's, which takes only its family's money.
    /// </summary>
    private int ReceivingTills(bool capped) => !capped && OwnerRestriction != Risk.Restriction.Freeze && SubWalletId is null ? Tills : 0;

    /// <summary>Whether the owner set an auto top-up: a copy of <see cref="AutoTopUpGrain"/>'s setting, so a payment asks it only then.</summary>
    [Id(11)] public bool AutoTopUp { get; set; }
}

/// <summary>A request that opened a wallet (its key names the wallet) and what it was answered.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.WalletOpening")]
public sealed record WalletOpening([property: Id(0)] Identity.IdempotentRequest Request, [property: Id(1)] WalletView Answer);

/// <summary>
/// The wallet's money, in transactional state: the balance and the entries that explain it change
/// together or not at all. Only the entries not yet filed in the statement (<see cref="WalletStatementGrain"/>)
/// are here, so a transaction's copy and each stored write stay small however long the history grows.
/// Entries are an immutable list so a transaction's copy of the state is cheap.
/// </summary>
[GenerateSerializer, Alias("Wallet.WalletBook")]
public sealed class WalletBook : IHoldsMoney
{
    [Id(0)] public long Balance { get; set; }

    /// <summary>Entries after <see cref="FiledThrough"/>, oldest first, numbered without gaps.</summary>
    [Id(1)] public ImmutableList<WalletEntry> Entries { get; set; } = [];

    /// <summary>The last entry number the statement holds and the book no longer does.</summary>
    [Id(2)] public long FiledThrough { get; set; }

    /// <summary>Spent today and this year: changes with the debit it counts, so an aborted movement counts nothing.</summary>
    [Id(3)] public SpendingUsage Usage { get; set; } = SpendingUsage.Nothing;

    /// <summary>
    /// The status that decides: it changes in a transaction, so a freeze or a close waits for the
    /// movements already under way and every later one sees it. The profile keeps a copy for early checks.
    /// </summary>
    [Id(4)] public WalletStatus Status { get; set; }

    /// <summary>Money held for merchants' authorisations, by authorisation id: still the wallet's, no longer spendable.</summary>
    [Id(5)] public ImmutableDictionary<string, long> Holds { get; set; } = ImmutableDictionary<string, long>.Empty;

    /// <summary>Loyalty points earned with payments (campaigns of the points kind); not money, never in the balance.</summary>
    [Id(6)] public long Points { get; set; }

    /// <summary>
    /// The owner's restriction, cached: the customer's profile holds it, and sets this copy in one transaction
    /// over all their wallets, so every debit, hold and credit checks it inside its own transaction. Not the
    /// wallet's <see cref="Status"/>, which is the owner's or an operator's say over this one wallet.
    /// </summary>
    [Id(7)] public Risk.Restriction OwnerRestriction { get; set; }

    /// <summary>The currency of the postings (the wallet's), kept with the balance for the ledger check.</summary>
    [Id(8)] public string? Currency { get; set; }

    public LedgerSide Side => LedgerSide.Wallet;

    public long Money => Balance;

    /// <summary>What may be spent: the balance less the holds.</summary>
    public long Available => Balance - Holds.Values.Sum();

    /// <summary>
    /// Books one line: dated <paramref name="at"/> (when a till received it, for a swept credit) and booked
    /// <paramref name="bookedAt"/>, kept on the entry only where the two differ.
    /// </summary>
    public void Post(Posting posting, EntryDirection direction, DateTimeOffset at, DateTimeOffset bookedAt)
    {
        Balance = direction == EntryDirection.In ? checked(Balance + posting.Amount) : checked(Balance - posting.Amount);
        Currency = posting.Currency;
        var sequence = (Entries.IsEmpty ? FiledThrough : Entries[^1].Sequence) + 1;
        Entries = Entries.Add(new WalletEntry(sequence, posting.MovementId, posting.Kind, direction, posting.Amount,
            posting.Currency, Balance, posting.Counterparty, posting.Memo, at, posting.Category ?? Bills.SpendingCategories.ForKind(posting.Kind), bookedAt == at ? null : bookedAt));
    }

    /// <summary>Posts each line in turn; answers how many entries the book then holds unfiled.</summary>
    public int PostAll(IReadOnlyList<(Posting Posting, EntryDirection Direction, DateTimeOffset At)> lines, DateTimeOffset bookedAt)
    {
        foreach (var line in lines)
        {
            Post(line.Posting, line.Direction, line.At, bookedAt);
        }
        return Entries.Count;
    }

    public void Forget(long filedThrough)
    {
        if (filedThrough > FiledThrough)
        {
            Entries = Entries.RemoveAll(e => e.Sequence <= filedThrough);
            FiledThrough = filedThrough;
        }
    }
}
