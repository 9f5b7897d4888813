using Wallet.Hosting;
using Wallet.Ledger;
using Wallet.Movements;

namespace Wallet.Claims;

/// <summary>
/// An operator's deposit into the security fund: the bank's capital account pays it, the fund receives it, and the
/// deposit is recorded, all in one transaction; the same id again answers with the recorded deposit.
/// </summary>
public sealed class SecurityFundDepositGrain(
    [TransactionalState("deposit", StorageNames.Wallet)] ITransactionalState<FundDepositRecord> record,
    ITransactionClient transactions,
    [FromKeyedServices(WalletClock.Key)] TimeProvider clock,
    ILogger<SecurityFundDepositGrain> logger)
    : Grain, ISecurityFundDepositGrain
{
    public async Task<FundDepositAnswer> Deposit(string operatorId, string fingerprint, long amount, string currency)
    {
        var id = this.GetPrimaryKeyString();
        FundDeposit? earlier = null;
        FundDeposit? made = null;
        var reused = false;
        await TransactionRetry.Run(logger, id, () => transactions.RunTransaction(TransactionOption.Create, async () =>
        {
            var known = await record.PerformRead(r => r.Deposit is null ? null : new FundDepositRecord { Deposit = r.Deposit, Fingerprint = r.Fingerprint });
            if (known is not null)
            {
                reused = known.Fingerprint != fingerprint;
                earlier = known.Deposit;
                return;
            }
            var deposit = new FundDeposit(id, operatorId, amount, currency, clock.GetUtcNow());
            await GrainFactory.GetGrain<IClearingAccountGrain>(ClearingAccounts.Single(ClearingAccounts.BankCapital, currency)).Post(id, -amount);
            await GrainFactory.GetGrain<IClearingAccountGrain>(ClearingAccounts.Single(ClearingAccounts.SecurityFund, currency)).Post(id, amount);
            await record.PerformUpdate(r =>
            {
                r.Deposit = deposit;
                r.Fingerprint = fingerprint;
            });
            made = deposit;
        }));
        if (reused)
        {
            throw new Refusals.WalletRefusedException(Refusals.RefusalCodes.IdempotencyKeyReused, "This idempotency key was used with a different request.");
        }
        var recorded = earlier ?? made!;
        await GrainFactory.GetGrain<ISecurityFundGrain>(currency).NoteDeposit(recorded); // again on a replay: noted once by its id
        return new FundDepositAnswer(recorded, earlier is not null);
    }
}

[GenerateSerializer, Alias("Wallet.FundDepositRecord")]
public sealed class FundDepositRecord
{
    [Id(0)] public FundDeposit? Deposit { get; set; }

    [Id(1)] public string? Fingerprint { get; set; }
}

/// <summary>The fund's register in one currency: deposits and payments, each counted once by its id.</summary>
public sealed class SecurityFundGrain([PersistentState("security-fund", StorageNames.Wallet)] IPersistentState<FundRegister> register)
    : Grain, ISecurityFundGrain
{
    private const int Kept = 200;

    public async Task NoteDeposit(FundDeposit deposit)
    {
        if (register.State.DepositIds.Add(deposit.DepositId))
        {
            register.State.Deposited += deposit.Amount;
            await register.WriteStateAsync();
        }
    }

    public async Task NotePayment(FundPayment payment)
    {
        if (register.State.PaymentIds.Add(payment.MovementId))
        {
            register.State.Paid += payment.Amount; // provisional credit taken back is a payment of less than nothing: it counts against what was paid
            register.State.PaymentCount += payment.Amount > 0 ? 1 : 0;
            register.State.Recent.Insert(0, payment);
            if (register.State.Recent.Count > Kept)
            {
                register.State.Recent.RemoveAt(register.State.Recent.Count - 1);
            }
            await register.WriteStateAsync();
        }
    }

    public async Task<FundOverview> GetOverview()
    {
        var currency = this.GetPrimaryKeyString();
        var balance = await GrainFactory.GetGrain<IClearingAccountGrain>(ClearingAccounts.Single(ClearingAccounts.SecurityFund, currency)).ReadBalance();
        var s = register.State;
        return new FundOverview(currency, balance, s.Deposited, s.Paid, s.PaymentCount, [.. s.Recent]);
    }
}

[GenerateSerializer, Alias("Wallet.FundRegister")]
public sealed class FundRegister
{
    [Id(0)] public long Deposited { get; set; }

    [Id(1)] public long Paid { get; set; }

    [Id(2)] public int PaymentCount { get; set; }

    [Id(3)] public HashSet<string> DepositIds { get; set; } = [];

    [Id(4)] public HashSet<string> PaymentIds { get; set; } = [];

    [Id(5)] public List<FundPayment> Recent { get; set; } = [];
}
