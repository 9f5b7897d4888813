using Wallet.Customers;
using Wallet.Fx;
using Wallet.Ledger;
using Wallet.Movements;

namespace Wallet.Bench.Targets;

/// <summary>
/// Issue 21's figure for remittances: what sending money abroad costs beside a transfer. Each operation sends US$1 and
/// some cents from a random CNY wallet to an account in Hong Kong (the PIN, the wallet, two FX positions, the
/// correspondent's and the fees' clearing accounts and the annual quota in one transaction; then the simulated
/// correspondent takes it and a follow-up reminder is set). The books count both currencies: the CNY wallets with the
/// bank's CNY position and fees sum to what was opened, and the USD position with the correspondent's account to nothing.
/// </summary>
public sealed class Remittances(GrainBank bank) : IBenchTarget
{
    private static readonly Beneficiary HongKong = new("Chan Tai Man", "HSBCHKHHHKH", "123456789012");

    public string Name => $"{bank.Name} remittances";

    public IReadOnlyList<int> Helpers => bank.Helpers;

    public Task Prepare(int wallets, long opening, Action<string> progress) => Task.CompletedTask; // the CNY wallets are the bank's own

    /// <summary>Sends US$1 and <paramref name="amount"/> cents from wallet <paramref name="from"/> to the account in Hong Kong.</summary>
    public async Task Transfer(int from, int to, long amount)
    {
        var (wallet, owner) = bank.Account(from);
        var view = await BenchFailure.Counted(() => bank.Grains.GetGrain<IRemittanceGrain>(MovementIds.For(Workflow.Remittance, owner, Guid.NewGuid().ToString()))
            .Send(new RemittanceOrder(owner, $"bench remit {from} {amount}", wallet, 100 + amount, "USD", HongKong, RemittancePurpose.FamilySupport,
                PaymentAuthorisation.WithPin(BenchCustomers.Pin))));
        if (view.Receipt.Status != MovementStatus.Completed)
        {
            throw new BenchFailure(view.Receipt.Refusal?.Code ?? "refused");
        }
    }

    public Task Read(int wallet) => bank.Read(wallet);

    /// <summary>Each currency on its own: CNY wallets, the CNY position and fees to what was opened; the USD position and the correspondent's account to zero.</summary>
    public async Task<Books> Audit()
    {
        var books = await bank.Audit();
        var (cny, fees) = (await Sum(ClearingAccounts.FxPosition, "CNY"), await Sum(ClearingAccounts.RemittanceFees, "CNY"));
        var (usd, abroad) = (await Sum(ClearingAccounts.FxPosition, "USD"), await Sum(ClearingAccounts.Correspondent, "USD"));
        return books with { Total = books.Total + cny + fees, LedgerBalanced = books.LedgerBalanced && usd + abroad == 0 };
    }

    public Task<bool>? CheckLedgerUnderLoad() => bank.CheckLedgerUnderLoad();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask; // the bank is disposed by its own owner

    private async Task<long> Sum(string purpose, string currency)
        => (await Task.WhenAll(ClearingAccounts.ShardsOf(purpose, currency).Select(k => bank.Grains.GetGrain<IClearingAccountGrain>(k).ReadBalance()))).Sum();
}
