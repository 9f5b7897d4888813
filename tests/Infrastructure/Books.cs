using Microsoft.Extensions.DependencyInjection;
using Wallet.Wallets;

namespace Wallet.Tests.Infrastructure;

/// <summary>
/// A test's own books: the conservation check each money test makes on the wallets it opened. It reads
/// only those wallets, so it costs a few calls and does not lock, nor depend on, other tests' wallets as
/// the operators' whole-cluster check (<see cref="Operator.AssertBooksBalance(ApiFixture)"/>, kept for a few
/// dedicated tests) does.
/// </summary>
public static class Books
{
    /// <summary>
    /// For each wallet: no negative balance, and its statement accounts for its balance entry by entry (each
    /// entry's balance-after is the one before plus or minus its amount, and the last is the balance), so no
    /// money moved without an entry. For each movement between two of these wallets: both sides show it and
    /// its amounts sum to zero across them (a conversion's, in two currencies, against the FX positions instead), so money
    /// moved between them was neither made nor lost. Together:
    /// what the wallets hold is exactly what came in from outside them less what went out.
    /// </summary>
    public static Task AssertBalanced(ApiFixture api, params string[] walletIds)
        => AssertBalanced(api.Services.GetRequiredService<IGrainFactory>(), walletIds);

    /// <inheritdoc cref="AssertBalanced(ApiFixture, string[])"/>
    public static async Task AssertBalanced(IGrainFactory grains, params string[] walletIds)
    {
        var scope = walletIds.ToHashSet(StringComparer.Ordinal);
        var entries = new Dictionary<string, IReadOnlyList<WalletEntry>>(StringComparer.Ordinal);
        foreach (var walletId in scope)
        {
            entries[walletId] = await Statement(grains, walletId);
        }
        var sides = new List<(string Wallet, WalletEntry Entry, string Other)>();
        foreach (var (wallet, statement) in entries)
        {
            foreach (var entry in statement)
            {
                // A conversion's two sides are in two currencies, each balanced by the bank's FX position (FxTests check those).
                if (entry.Kind != MovementKind.Conversion && await CounterpartyWallet(grains, entry.Counterparty) is { } other && scope.Contains(other))
                {
                    sides.Add((wallet, entry, other));
                }
            }
        }
        foreach (var movement in sides.GroupBy(x => x.Entry.MovementId))
        {
            foreach (var (wallet, entry, other) in movement)
            {
                Assert.True(movement.Any(x => x.Wallet == other), $"movement {entry.MovementId} shows in {wallet} but not in {other}");
            }
            Assert.True(movement.Sum(x => Signed(x.Entry)) == 0, $"movement {movement.Key} between the test's wallets does not sum to zero: {string.Join("; ", movement.Select(x => x.Entry))}");
        }
    }

    /// <summary>The wallet an entry's counterparty stands for: a payer's entry names the merchant it paid, whose money is in its settlement wallet.</summary>
    private static async Task<string?> CounterpartyWallet(IGrainFactory grains, string? counterparty)
        => counterparty is not null && counterparty.StartsWith("mch_", StringComparison.Ordinal)
            ? (await grains.GetGrain<Wallet.Merchants.IMerchantGrain>(counterparty).GetFacts())?.SettlementWalletId
            : counterparty;

    /// <summary>The wallet's whole statement, oldest first, after checking it accounts for the balance.</summary>
    private static async Task<IReadOnlyList<WalletEntry>> Statement(IGrainFactory grains, string walletId)
    {
        var wallet = grains.GetGrain<IWalletGrain>(walletId);
        var facts = await wallet.GetFacts() ?? throw new InvalidOperationException($"no wallet {walletId}");
        // A busy wallet's tills hold credits its statement shows only once they are drained into its book.
        Assert.True(facts.ReceivingTills == 0, $"{walletId} receives through tills: check the whole books instead");
        var balance = (await wallet.GetView(facts.OwnerId)).Balance;
        var entries = (await grains.GetGrain<IWalletStatementGrain>(walletId).GetEntries(facts.OwnerId, new EntryQuery(int.MaxValue - 1, null, null, null, null))).Items.OrderBy(e => e.Sequence).ToList();
        var running = 0L;
        foreach (var entry in entries)
        {
            running += Signed(entry);
            Assert.True(entry.BalanceAfter == running, $"{walletId}: entry {entry.Sequence} ({entry.Kind} {entry.Direction} {entry.Amount}) leaves {entry.BalanceAfter}, its statement sums to {running}");
        }
        Assert.True(balance == running, $"{walletId}: balance {balance}, its statement sums to {running}");
        Assert.True(balance >= 0, $"{walletId}: negative balance {balance}");
        return entries;
    }

    private static long Signed(WalletEntry entry) => entry.Direction == EntryDirection.In ? entry.Amount : -entry.Amount;
}
