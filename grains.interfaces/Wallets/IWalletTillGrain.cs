using Wallet.Ledger;

namespace Wallet.Wallets;

/// <summary>
/// One of a busy wallet's receiving tills: a receive-only sub-account that payments credit instead
/// of the wallet itself, so payers do not queue on one lock. A till is never debited by a payment;
/// its takings move into the wallet's book in batches (sweeps), and the wallet's balance counts
/// them from the moment they commit. Keyed <c>{walletId}/till-{n}</c>.
/// </summary>
[Alias("Wallet.IWalletTillGrain")]
public interface IWalletTillGrain : IGrainWithStringKey
{
    [Alias("Credit"), Transaction(TransactionOption.Join), AlwaysInterleave]
    Task Credit(Posting posting);

    /// <summary>
    /// Empties the till into the current transaction: the wallet posts what it returns. Closing, it
    /// also shuts the till, which then refuses every credit (the wallet is closing with it).
    /// </summary>
    [Alias("Drain"), Transaction(TransactionOption.Join), AlwaysInterleave]
    Task<TillTakings> Drain(bool closing = false);

    [Alias("ReadBalance"), Transaction(TransactionOption.Join), AlwaysInterleave]
    Task<long> ReadBalance();

    /// <summary>A sweep that drained the credits counted up to <paramref name="mark"/> has committed.</summary>
    [Alias("Swept"), AlwaysInterleave]
    Task Swept(long mark);
}

/// <summary>A till's unswept credits, oldest first, with when each was received.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.TillTakings")]
public sealed record TillTakings(
    [property: Id(0)] IReadOnlyList<TillCredit> Credits,
    [property: Id(1)] long Mark);

[GenerateSerializer, Immutable, Alias("Wallet.TillCredit")]
public sealed record TillCredit(
    [property: Id(0)] Posting Posting,
    [property: Id(1)] DateTimeOffset ReceivedAt);

/// <summary>Moves a busy wallet's till takings into its book, one till at a time. Keyed by the wallet's id.</summary>
[Alias("Wallet.ITillSweeperGrain")]
public interface ITillSweeperGrain : IGrainWithStringKey
{
    [Alias("Sweep"), OneWay]
    Task Sweep(int till);
}

public static class Tills
{
    public static string KeyOf(string walletId, int till) => $"{walletId}/till-{till}";

    public static (string WalletId, int Till) Parse(string tillKey)
    {
        var at = tillKey.LastIndexOf("/till-", StringComparison.Ordinal);
        return (tillKey[..at], int.Parse(tillKey[(at + "/till-".Length)..], System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Which till a movement credits: spread by the movement's id.</summary>
    public static int For(string movementId, int tills) => (int)((uint)StringComparer.Ordinal.GetHashCode(movementId) % (uint)tills);
}
