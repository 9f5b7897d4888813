using Wallet.Customers;
using Wallet.Ledger;
using Wallet.Movements;
using Wallet.Utilities;

namespace Wallet.Bench.Targets;

/// <summary>
/// Issue 20's figure: what a bill payment costs beside a transfer. Every customer saves their prepaid meter at the
/// seeded Beijing grid (paid at once by the simulated company, so each payment is its whole path: the PIN, one
/// transaction into the biller's clearing account, the biller told and its confirmation recorded), then pays it
/// from a random wallet. The books count what the biller's clearing account holds.
/// </summary>
public sealed class BillPayments(GrainBank bank) : IBenchTarget
{
    private static readonly BillerProfile Meter = SeededBillers.BeijingPrepaidPower;
    private string[] _payees = [];

    public string Name => $"{bank.Name} bills";

    public IReadOnlyList<int> Helpers => bank.Helpers;

    public async Task Prepare(int wallets, long opening, Action<string> progress)
    {
        await bank.Grains.GetGrain<IBillerGrain>(Meter.BillerId).Publish(Meter);
        _payees = new string[wallets];
        await Parallel.ForEachAsync(Enumerable.Range(0, wallets), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (w, _) =>
        {
            var (_, owner) = bank.Account(w);
            // Ending in 5: never one of the simulated company's special endings (9001 refused, 9002 silent, ...).
            _payees[w] = (await bank.Grains.GetGrain<IBillPayeesGrain>(owner).Save(Meter.BillerId, $"1{w:D8}5", "bench meter", null)).PayeeId;
        });
        progress($"{wallets:N0} payees saved at {Meter.BillerId}");
    }

    /// <summary>A meter top-up of ¥10 and <paramref name="amount"/> fen from wallet <paramref name="from"/> (the biller's minimum is ¥10).</summary>
    public async Task Transfer(int from, int to, long amount)
    {
        var (wallet, owner) = bank.Account(from);
        var paid = await BenchFailure.Counted(() =>
            bank.Grains.GetGrain<IBillPaymentGrain>(MovementIds.For(Workflow.BillPayment, owner, Guid.NewGuid().ToString()))
                .Pay(new BillPaymentOrder(owner, $"bench bill {from} {amount}", _payees[from], wallet, Meter.MinAmount + amount, "CNY", PaymentAuthorisation.WithPin(BenchCustomers.Pin))));
        if (paid.Receipt.Status != MovementStatus.Completed || paid.BillerStatus != BillerStatus.Paid)
        {
            throw new BenchFailure(paid.Receipt.Refusal?.Code ?? paid.BillerStatus.ToString());
        }
    }

    public Task Read(int wallet) => bank.Read(wallet);

    /// <summary>The wallets' money and what the biller's clearing account holds sum to what was opened.</summary>
    public async Task<Books> Audit()
    {
        var books = await bank.Audit();
        var owed = 0L;
        foreach (var key in ClearingAccounts.ShardsOf(ClearingAccounts.Biller(Meter.BillerId), Meter.Currency))
        {
            owed += await bank.Grains.GetGrain<IClearingAccountGrain>(key).ReadBalance();
        }
        return books with { Total = books.Total + owed };
    }

    public Task<bool>? CheckLedgerUnderLoad() => bank.CheckLedgerUnderLoad();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask; // the bank is disposed by its own owner
}
