using Wallet.Bills;
using Wallet.Wallets;

namespace Wallet.Bench.Targets;

/// <summary>
/// Issue 18's search figure: one wallet given a history of N entries (transfers into it from the funded wallets,
/// every 500th with a rare memo), then searched by many clients at once, each read one filtered page of 20, newest
/// first, as the API asks the statement: a common filter (transfers in an amount range), a rare one (text that 1 in
/// 500 memos hold), a counterparty (one of the payers: about 1 in the number of payers) and a day range (every entry).
/// The first search of each filter runs before the clock starts (the statement grain then holds what it read).
/// </summary>
public sealed class HistorySearch(GrainBank bank, int entries) : IBenchTarget
{
    private const int RareEvery = 500;
    private int _wallet;
    private string _owner = "";
    private string _walletId = "";
    private int _payers;

    public string Name => $"{bank.Name} history {entries:N0}";

    public IReadOnlyList<int> Helpers => bank.Helpers;

    /// <summary>Fills the history wallet (the last of the bank's); the bank's wallets are already open and funded.</summary>
    public async Task Prepare(int wallets, long opening, Action<string> progress)
    {
        _wallet = wallets - 1;
        _payers = wallets - 1;
        (_walletId, _owner) = bank.Account(_wallet);
        var have = await Count();
        var sent = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, Math.Max(0, entries - (int)have)), new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (n, _) =>
        {
            await bank.Transfer(n % _payers, _wallet, 1 + (n % 97), n % RareEvery == 0 ? $"rare-{n / RareEvery}" : null);
            if (Interlocked.Increment(ref sent) % 10_000 == 0)
            {
                progress($"{sent:N0} entries sent to the history wallet");
            }
        });
        // A busy wallet is credited through its tills: the entries land once swept into its book.
        for (var wait = 0; await Count() < entries && wait < 600; wait++)
        {
            await Task.Delay(500);
        }
        progress($"history wallet holds {await Count():N0} entries");
        foreach (var filter in Enumerable.Range(0, 4))
        {
            await Search(filter, new Random(filter));
        }
    }

    public Task Transfer(int from, int to, long amount) => throw new NotSupportedException("the search workload only reads");

    public Task Read(int wallet) => Search(Random.Shared.Next(4), Random.Shared);

    public Task<Books> Audit() => bank.Audit();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask; // the bank is disposed by its own owner

    private async Task Search(int filter, Random random)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var low = random.Next(1, 90);
        var query = filter switch
        {
            0 => new EntryQuery(20, null, null, null, null, SpendingCategory.Transfers, MinAmount: low, MaxAmount: low + 5),
            1 => new EntryQuery(20, null, null, null, null, Text: $"rare-{random.Next(Math.Max(1, entries / RareEvery))}"),
            2 => new EntryQuery(20, null, null, null, null, Counterparty: bank.Account(random.Next(_payers)).Wallet),
            _ => new EntryQuery(20, null, null, null, null, FromDay: today.AddDays(-1), ToDay: today),
        };
        try
        {
            await bank.Grains.GetGrain<IWalletStatementGrain>(_walletId).GetEntries(_owner, query);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            throw new BenchFailure($"search {exception.GetType().Name}", exception);
        }
    }

    /// <summary>How many entries the history wallet's book and statement hold: its newest entry's number.</summary>
    private async Task<long> Count()
        => (await bank.Grains.GetGrain<IWalletStatementGrain>(_walletId).GetEntries(_owner, new EntryQuery(1, null, null, null, null))).Items is [{ } newest]
            ? newest.Sequence : 0;
}
