using System.Threading.Channels;
using Wallet.Ledger;
using Wallet.Wallets;

namespace Wallet.Bench.Targets;

/// <summary>
/// A measurement, not the product: what Orleans transactions cost for money moved between the embedded
/// mode's real wallets with nothing else — no movement record, no authorisation, no events — one transfer
/// per transaction or many. It bounds what committing many movements in one transaction could win: the
/// product's transfer also pays for everything this leaves out. Target <c>bare-N</c>: N transfers per transaction.
/// </summary>
public sealed class TransactionProbe(GrainBank bank, IGrainFactory grains, int perTransaction, int clients) : IBenchTarget
{
    /// <summary>How long a transaction waits for more transfers to fill it once its first one has arrived.</summary>
    private static readonly TimeSpan s_window = TimeSpan.FromMilliseconds(2);

    private readonly Channel<(BareTransfer Transfer, TaskCompletionSource<bool> Done)> _queue = Channel.CreateUnbounded<(BareTransfer, TaskCompletionSource<bool>)>();
    private readonly CancellationTokenSource _stop = new();
    private List<Task> _senders = [];

    public string Name => $"bare-{perTransaction}-per-transaction";

    public IReadOnlyList<int> Helpers => bank.Helpers;

    public async Task Prepare(int wallets, long opening, Action<string> progress)
    {
        await bank.Prepare(wallets, opening, progress);
        // Enough transactions in flight to keep every client's transfer moving.
        _senders = [.. Enumerable.Range(0, Math.Max(1, (clients + perTransaction - 1) / perTransaction)).Select(_ => Task.Run(Send))];
    }

    public async Task Transfer(int from, int to, long amount)
    {
        var done = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var (fromWallet, owner) = bank.Account(from);
        await _queue.Writer.WriteAsync((new BareTransfer(fromWallet, bank.Account(to).Wallet, owner, amount), done));
        if (!await done.Task)
        {
            throw new BenchFailure("refused");
        }
    }

    public Task Read(int wallet) => bank.Read(wallet);

    public Task<Books> Audit() => bank.Audit();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _queue.Writer.Complete();
        await Task.WhenAll(_senders).ContinueWith(_ => { }, TaskScheduler.Default);
        await bank.DisposeAsync();
    }

    private async Task Send()
    {
        var batch = new List<(BareTransfer Transfer, TaskCompletionSource<bool> Done)>(perTransaction);
        while (await _queue.Reader.WaitToReadAsync(_stop.Token))
        {
            var until = DateTime.UtcNow + s_window;
            while (batch.Count < perTransaction && (batch.Count == 0 || DateTime.UtcNow < until))
            {
                if (_queue.Reader.TryRead(out var next))
                {
                    batch.Add(next);
                }
                else if (batch.Count > 0)
                {
                    await Task.Delay(1, _stop.Token);
                }
                else
                {
                    break;
                }
            }
            if (batch.Count == 0)
            {
                continue;
            }
            try
            {
                var moved = await grains.GetGrain<IBareTransfersGrain>(0).Move([.. batch.Select(b => b.Transfer)]);
                for (var i = 0; i < batch.Count; i++)
                {
                    batch[i].Done.TrySetResult(moved[i]);
                }
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                batch.ForEach(b => b.Done.TrySetException(new BenchFailure(exception.GetType().Name, exception)));
            }
            batch.Clear();
        }
    }
}

[GenerateSerializer, Immutable, Alias("Wallet.Bench.BareTransfer")]
public sealed record BareTransfer([property: Id(0)] string From, [property: Id(1)] string To, [property: Id(2)] string Owner, [property: Id(3)] long Amount);

[Alias("Wallet.Bench.IBareTransfersGrain")]
public interface IBareTransfersGrain : IGrainWithIntegerKey
{
    /// <summary>Each transfer debited and credited in one transaction; whether each one moved (a refused debit moves nothing).</summary>
    [Alias("Move"), Transaction(TransactionOption.Create)]
    Task<bool[]> Move(IReadOnlyList<BareTransfer> transfers);
}

[Orleans.Concurrency.StatelessWorker]
public sealed class BareTransfersGrain : Grain, IBareTransfersGrain
{
    public async Task<bool[]> Move(IReadOnlyList<BareTransfer> transfers)
    {
        // Every wallet locked in id order first, as the product's movements do: two transactions never wait on each other in a circle.
        foreach (var wallet in transfers.SelectMany(t => new[] { t.From, t.To }).Distinct().Order(StringComparer.Ordinal))
        {
            await Wallet(wallet).Enlist();
        }
        var moved = new bool[transfers.Count];
        for (var i = 0; i < transfers.Count; i++)
        {
            var t = transfers[i];
            var debit = new Posting($"bare_{Guid.NewGuid():N}", MovementKind.Transfer, t.Owner, t.Amount, "CNY", t.To, null, PayerAuthorised: true);
            if (await Wallet(t.From).Debit(debit) is null)
            {
                await Wallet(t.To).Credit(debit with { Counterparty = t.From });
                moved[i] = true;
            }
        }
        return moved;
    }

    private IWalletGrain Wallet(string id) => GrainFactory.GetGrain<IWalletGrain>(id);
}
