using Wallet.Bills;

namespace Wallet.Wallets;

/// <summary>
/// Where a wallet's filed entries are, by what a search asks: each counterparty, category and kind, and each pair of
/// letters of a memo (any case), listing entry numbers in order. A search with such a filter walks the shortest of its
/// lists instead of every entry, so a rare filter costs what it finds, not what the wallet holds; every candidate is
/// still checked against the whole query. The owner's notes, which change, are not indexed: their entries are
/// candidates of every search that reads notes (category, text, tag), and few.
/// </summary>
internal sealed class EntryIndex
{
    private readonly Dictionary<string, List<long>> _counterparties = new(StringComparer.Ordinal);
    private readonly Dictionary<SpendingCategory, List<long>> _categories = [];
    private readonly Dictionary<MovementKind, List<long>> _kinds = [];
    private readonly Dictionary<int, List<long>> _pairs = [];

    /// <summary>Adds an entry; entries come in order, so every list stays sorted.</summary>
    public void Add(WalletEntry entry)
    {
        if (entry.Counterparty is { } counterparty)
        {
            Append(_counterparties, counterparty, entry.Sequence);
        }
        Append(_categories, SpendingCategories.Of(entry), entry.Sequence);
        Append(_kinds, entry.Kind, entry.Sequence);
        if (entry.Memo is { Length: >= 2 } memo)
        {
            for (var i = 0; i + 1 < memo.Length; i++)
            {
                Append(_pairs, Pair(memo, i), entry.Sequence);
            }
        }
    }

    /// <summary>
    /// The entries that may match <paramref name="query"/>, in order: the shortest list of its indexed filters, with the
    /// noted entries where the query reads notes; null when it has no indexed filter (a reader then scans).
    /// </summary>
    public IReadOnlyList<long>? Candidates(EntryQuery query, IReadOnlyDictionary<long, EntryNote> notes)
    {
        var lists = new List<IReadOnlyList<long>>();
        if (query.Counterparty is { } counterparty)
        {
            lists.Add(_counterparties.GetValueOrDefault(counterparty) ?? []);
        }
        if (query.Kind is { } kind)
        {
            lists.Add(_kinds.GetValueOrDefault(kind) ?? []);
        }
        if (query.Category is { } category)
        {
            lists.Add(WithNoted(_categories.GetValueOrDefault(category) ?? [], notes));
        }
        if (query.Text is { Length: >= 2 } text)
        {
            var rarest = Enumerable.Range(0, text.Length - 1).Select(i => _pairs.GetValueOrDefault(Pair(text, i)) ?? []).MinBy(l => l.Count)!;
            lists.Add(WithNoted(rarest, notes));
        }
        if (query.Tag is not null)
        {
            lists.Add([.. notes.Keys.Order()]);
        }
        return lists.Count == 0 ? null : lists.MinBy(l => l.Count);
    }

    private static IReadOnlyList<long> WithNoted(List<long> indexed, IReadOnlyDictionary<long, EntryNote> notes)
        => notes.Count == 0 ? indexed : [.. indexed.Union(notes.Keys).Order()];

    /// <summary>Two letters of a text, any case, as one key.</summary>
    private static int Pair(string text, int at) => (char.ToUpperInvariant(text[at]) << 16) | char.ToUpperInvariant(text[at + 1]);

    private static void Append<TKey>(Dictionary<TKey, List<long>> index, TKey key, long sequence) where TKey : notnull
    {
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = [];
        }
        if (list.Count == 0 || list[^1] < sequence)
        {
            list.Add(sequence);
        }
    }
}
