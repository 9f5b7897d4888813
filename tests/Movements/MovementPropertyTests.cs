using CsCheck;
using Wallet.Movements;
using Wallet.Tests.Infrastructure;

namespace Wallet.Tests.Movements;

/// <summary>
/// Random interleavings of top-ups, transfers and withdrawals, run concurrently on the two-silo
/// cluster, some of them sent twice at once under one key. Whatever the interleaving, no balance
/// goes negative, each accepted movement shows exactly once on each side, and the books sum to zero.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class MovementPropertyTests(ClusterFixture fixture)
{
    private const int Wallets = 4;
    private const long Opening = 2_000;
    private readonly Scenario _bank = fixture.Scenario;

    private sealed record Step(int Kind, int From, int To, long Amount, bool SentTwice);

    private static readonly Gen<Step[]> s_steps = Gen.Select(Gen.Int[0, 2], Gen.Int[0, Wallets - 1], Gen.Int[0, Wallets - 1], Gen.Long[1, 3_000], Gen.Bool,
        (kind, from, to, amount, twice) => new Step(kind, from, to == from ? (to + 1) % Wallets : to, amount, twice)).Array[1, 40];

    [Trait("Speed", "Slow")]
    [Fact]
    public async Task Concurrent_random_movements_keep_every_money_rule()
    {
        await s_steps.SampleAsync(async steps =>
        {
            var accounts = await Task.WhenAll(Enumerable.Range(0, Wallets).Select(async _ =>
            {
                var customer = await _bank.NewCustomer();
                var wallet = await _bank.OpenWallet(customer);
                var card = await _bank.BindVerifiedCard(customer);
                var opening = await _bank.TopUp(customer, wallet, card, Opening);
                Assert.Equal(MovementStatus.Completed, opening.Status);
                return (customer, wallet, card, opening: opening.MovementId);
            }));

            var outcomes = await Task.WhenAll(steps.Select(async step =>
            {
                var key = Guid.NewGuid().ToString();
                var (customer, wallet, card, _) = accounts[step.From];
                async Task<MovementOutcome> Send() => step.Kind switch
                {
                    0 => await _bank.TopUp(customer, wallet, card, step.Amount, key),
                    1 => await _bank.Transfer(customer, wallet, accounts[step.To].wallet, step.Amount, key),
                    _ => await _bank.Withdraw(customer, wallet, card, step.Amount, key),
                };
                var receipts = await Task.WhenAll(step.SentTwice ? [Send(), Send()] : new[] { Send() });
                Assert.All(receipts, r => Assert.Equal(receipts[0] with { Replayed = false }, r with { Replayed = false }));
                return receipts[0];
            }));

            var completed = outcomes.Where(r => r.Moved is not null).Select(r => (r.MovementId, Moved: r.Moved!)).ToList();
            foreach (var (customer, wallet, _, opening) in accounts)
            {
                var expected = Opening + completed.Sum(r => (r.Moved.ToWalletId == wallet ? r.Moved.In : 0) - (r.Moved.FromWalletId == wallet ? r.Moved.Out : 0));
                var entries = await _bank.Entries(customer, wallet);
                Assert.Equal(expected, await _bank.Balance(customer, wallet));
                Assert.All(entries, e => Assert.True(e.BalanceAfter >= 0, $"entry {e.Sequence} of {wallet} left {e.BalanceAfter}"));
                var applied = completed.Where(r => r.Moved.FromWalletId == wallet || r.Moved.ToWalletId == wallet).Select(r => r.MovementId).Append(opening);
                Assert.Equal(applied.Order(), entries.Select(e => e.MovementId).Order());
            }
            var books = await _bank.Ledger();
            Assert.True(books.Balanced, $"books must sum to zero, total {books.Total}");
            Assert.Equal(0, books.NegativeWallets);
        }, iter: 25, threads: 1);
    }
}
