using System.Collections;

namespace Wallet.Wallets;

/// <summary>
/// The entries still in a wallet's book, oldest first, and the last entry number the statement holds that the
/// book has dropped (<see cref="FiledThrough"/>): a reader takes older entries from the statement only up to it.
/// </summary>
[GenerateSerializer, Immutable, Alias("Wallet.UnfiledEntries")]
public sealed record UnfiledEntries([property: Id(0)] IReadOnlyList<WalletEntry> Entries, [property: Id(1)] long FiledThrough) : IReadOnlyList<WalletEntry>
{
    public int Count => Entries.Count;

    public WalletEntry this[int index] => Entries[index];

    public IEnumerator<WalletEntry> GetEnumerator() => Entries.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
