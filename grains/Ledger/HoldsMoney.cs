namespace Wallet.Ledger;

/// <summary>Which side of the books a state's money is on, as the ledger check sums it (stored as one letter).</summary>
public enum LedgerSide
{
    /// <summary>A wallet's book: counted as a wallet, and checked never to be negative.</summary>
    Wallet = 'W',

    /// <summary>One of a busy wallet's tills: the wallet's money not yet swept into its book.</summary>
    Till = 'T',

    /// <summary>A clearing account: cards, merchants' settlements, campaigns; negative where money came in from outside.</summary>
    Clearing = 'C',
}

/// <summary>
/// A transactional state that holds money. Its storage on PostgreSQL writes the amount and currency beside
/// the record (the committed state's and each prepared one's), so the ledger check sums the books in SQL.
/// </summary>
public interface IHoldsMoney
{
    LedgerSide Side { get; }

    /// <summary>The money this state holds, in minor units of <see cref="Currency"/>.</summary>
    long Money { get; }

    /// <summary>The ISO 4217 code, or null while the state has never held money.</summary>
    string? Currency { get; }
}
