using Wallet.Cards;
using Wallet.Customers;
using Wallet.Identity;
using Wallet.Ledger;
using Wallet.Movements;
using Wallet.Risk;
using Wallet.Simulators;
using Wallet.Wallets;

namespace Wallet.Bench.Targets;

/// <summary>
/// The wallet cluster driven through grain calls, as the API drives it: customers of ten wallets
/// each, funded from a bound card, then transfers under fresh idempotency keys.
/// </summary>
public sealed class GrainBank(string name, IGrainFactory grains, Func<ValueTask> stop, bool checkUnderLoad, IReadOnlyList<int>? helpers = null) : IBenchTarget
{
    private string[] _wallets = [];
    private string[] _owners = [];
    private long _expected;

    public string Name => name;

    public IGrainFactory Grains => grains;

    public IReadOnlyList<int> Helpers => helpers ?? [];

    public async Task Prepare(int wallets, long opening, Action<string> progress)
    {
        _wallets = new string[wallets];
        _owners = new string[wallets];
        await BenchCustomers.ForEach(wallets, progress, async (c, owned) =>
        {
            var phone = BenchCustomers.Phone(c);
            var customerId = (await grains.GetGrain<IPhoneDirectoryGrain>(phone)
                .Register(new Registration(BenchCustomers.Password, CustomerRole.Customer, new IdempotentRequest("bench", "register")))).Value.CustomerId;
            var customer = grains.GetGrain<ICustomerGrain>(customerId);
            await grains.GetGrain<IPaymentCredentialsGrain>(customerId).SetPaymentPin(BenchCustomers.Pin, null);
            await customer.VerifyRealName(BenchCustomers.Holder, BenchCustomers.IdNumber(c));
            await customer.ChangeTier(CustomerTiers.InPerson, BenchCustomers.InPersonReason);
            var card = (await customer.BindCard(new CardApplication(BenchCustomers.CardNumber(c), BenchCustomers.Holder, phone), new IdempotentRequest("bench", "bind"))).Value;
            var text = (await grains.GetGrain<ISmsOutboxGrain>(phone).List())[^1].Text;
            await grains.GetGrain<ICardBindingGrain>(card.CardId).Verify(customerId, BenchCustomers.CodeIn(text));
            for (var w = owned.Start.Value; w < owned.End.Value; w++)
            {
                var walletId = (await customer.OpenWallet("CNY", new IdempotentRequest($"bench-{w}", "open"))).Value.WalletId;
                var receipt = await Movement<ITopUpGrain>(Workflow.TopUp, customerId).TopUp(new TopUpOrder(customerId, $"top-up {w}", walletId, card.CardId, opening, "CNY"));
                if (receipt.Status != MovementStatus.Completed)
                {
                    throw new InvalidOperationException($"funding wallet {w} was refused: {receipt.Refusal?.Code}");
                }
                (_wallets[w], _owners[w]) = (walletId, customerId);
            }
        });
        _expected = wallets * opening;
    }

    /// <summary>The wallet numbered <paramref name="index"/> and its owner.</summary>
    public (string Wallet, string Owner) Account(int index) => (_wallets[index], _owners[index]);

    public Task Transfer(int from, int to, long amount) => Transfer(from, to, amount, memo: null);

    /// <summary>A transfer with a memo (the history search finds some by it).</summary>
    public async Task Transfer(int from, int to, long amount, string? memo)
    {
        var receipt = await BenchFailure.Counted(() =>
            Movement<ITransferGrain>(Workflow.Transfer, _owners[from]).Transfer(new TransferOrder(_owners[from], $"transfer {from} {to} {amount}", _wallets[from], _wallets[to], null, amount, "CNY", memo, PaymentAuthorisation.WithPin(BenchCustomers.Pin))));
        if (receipt.Status != MovementStatus.Completed)
        {
            throw new BenchFailure(receipt.Refusal?.Code ?? "refused");
        }
    }

    public async Task Read(int wallet)
    {
        var grain = grains.GetGrain<IWalletGrain>(_wallets[wallet]);
        try
        {
            // Both at once, as the API's overview reads them: the direct target does the same work as one HTTP read.
            await Task.WhenAll(grain.GetView(_owners[wallet]),
                grains.GetGrain<IWalletStatementGrain>(_wallets[wallet]).GetEntries(_owners[wallet], new EntryQuery(20, null, null, null, null)));
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // Reads are transactions too: under write load they can abort (seen: a cascading abort).
            throw new BenchFailure($"read {exception.GetType().Name}", exception);
        }
    }

    /// <summary>
    /// Every wallet's balance, read one by one once the run has stopped (nothing moves, so the sum is
    /// exact), and the operators' ledger check.
    /// </summary>
    public async Task<Books> Audit()
    {
        var (total, negative) = await BenchCustomers.SumBalances(_wallets.Length,
            async w => (await grains.GetGrain<IWalletGrain>(_wallets[w]).GetView(_owners[w])).Balance);
        return new Books(total, _expected, negative, await LedgerBalanced());
    }

    /// <summary>
    /// On PostgreSQL the check sums the stored rows in one snapshot and locks nothing, so it runs during the
    /// load; in memory it reads every wallet in one transaction, which would stall the run it measures.
    /// </summary>
    public Task<bool>? CheckLedgerUnderLoad() => checkUnderLoad ? LedgerBalanced() : null;

    private async Task<bool> LedgerBalanced() => await grains.GetGrain<ILedgerAuditorGrain>(0).Check() is { Balanced: true, NegativeWallets: 0 };

    public async Task<IReadOnlyList<double>> AlertDelaysMs(DateTimeOffset since)
    {
        var delays = new List<double>();
        string? cursor = null;
        do
        {
            var page = await RiskAlertLists.List(grains, openOnly: false, cursor, 100);
            var recent = page.Items.TakeWhile(a => a.RaisedAt >= since).ToList();
            delays.AddRange(recent.Select(a => (a.RaisedAt - a.EventAt).TotalMilliseconds));
            cursor = recent.Count == page.Items.Count ? page.NextCursor : null;
        }
        while (cursor is not null);
        return delays;
    }

    public ValueTask DisposeAsync() => stop();

    private TGrain Movement<TGrain>(Workflow workflow, string customerId) where TGrain : IMovementGrain
        => grains.GetGrain<TGrain>(MovementIds.For(workflow, customerId, Guid.NewGuid().ToString()));
}
