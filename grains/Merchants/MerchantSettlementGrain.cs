using Microsoft.Extensions.Options;
using Wallet.Banking;
using Wallet.Hosting;
using Wallet.Identity;
using Wallet.Movements;
using Wallet.Refusals;
using Wallet.Webhooks;

namespace Wallet.Merchants;

/// <summary>
/// Settlement: on demand, and on a schedule by a reminder (which survives restarts). Each is a
/// movement of its own; the bank pays the card after the movement commits, under the movement's id,
/// so a repeated payout is recognised by the bank and paid once. The settlement's id is written down
/// (with a reminder) before its movement runs: a payout interrupted after the commit — a crash, the
/// bank unavailable — is finished by that reminder, and no new settlement starts until it is.
/// </summary>
public sealed partial class MerchantSettlementGrain(
    [PersistentState("merchantSettlement", StorageNames.Wallet)] IPersistentState<MerchantSettlementState> account,
    ICardIssuingBank bank,
    IOptions<SettlementOptions> settlement,
    [FromKeyedServices(WalletClock.Key)] TimeProvider clock,
    ILogger<MerchantSettlementGrain> logger)
    : Grain, IMerchantSettlementGrain, IRemindable
{
    internal const string SettlementReminder = "settle";
    internal const string PayoutReminder = "payout";
    private const int SettlementsKept = 100;
    private static readonly TimeSpan PayoutRetryEvery = TimeSpan.FromMinutes(1);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scheduled settlement of merchant {MerchantId} failed; the next tick tries again")]
    private static partial void LogScheduledSettlementFailed(ILogger logger, string merchantId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The bank did not take settlement {SettlementId}'s payout; it is tried again in a minute")]
    private static partial void LogPayoutFailed(ILogger logger, string settlementId, Exception exception);

    private string MerchantId => this.GetPrimaryKeyString();

    private MerchantSettlementState State => account.RecordExists ? account.State : throw WalletRefusedException.NotFound("The merchant");

    public async Task Open(SettlementAccount opened)
    {
        if (!account.RecordExists)
        {
            account.State = new MerchantSettlementState
            {
                SettlementWalletId = opened.SettlementWalletId,
                Currency = opened.Currency,
                BankToken = opened.BankToken,
                CardMasked = opened.CardMasked,
                Settlements = [.. opened.Settlements],
                PayoutDue = opened.PayoutDue,
            };
            await account.WriteStateAsync();
        }
        // Again on a replay: a crash between the write and the reminders heals here.
        if (account.State.BankToken is not null)
        {
            await this.RegisterOrUpdateReminder(SettlementReminder, settlement.Value.Every, settlement.Value.Every);
        }
        if (account.State.PayoutDue is not null)
        {
            await this.RegisterOrUpdateReminder(PayoutReminder, PayoutRetryEvery, PayoutRetryEvery);
        }
    }

    public Task<SettlementReport> Settle() => Settle(scheduled: false);

    public Task<IReadOnlyList<SettlementReport>> ListSettlements()
        => Task.FromResult<IReadOnlyList<SettlementReport>>([.. Enumerable.Reverse(State.Settlements)]);

    public async Task ReceiveReminder(string reminderName, Orleans.Runtime.TickStatus status)
    {
        if (!account.RecordExists)
        {
            return;
        }
        try
        {
            if (reminderName == PayoutReminder)
            {
                await FinishPayout();
            }
            else if (reminderName == SettlementReminder)
            {
                await Settle(scheduled: true);
            }
        }
        catch (WalletRefusedException refused) when (refused.Code is RefusalCodes.NothingToSettle or RefusalCodes.PayoutPending)
        {
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            LogScheduledSettlementFailed(logger, MerchantId, exception);
        }
    }

    private async Task<SettlementReport> Settle(bool scheduled)
    {
        var state = State;
        if (state.BankToken is null)
        {
            throw new WalletRefusedException(RefusalCodes.NoSettlementCard, "The merchant has no settlement card.");
        }
        if (await FinishPayout() is { Status: SettlementStatus.PayoutPending } unpaid)
        {
            throw new WalletRefusedException(RefusalCodes.PayoutPending,
                $"Settlement {unpaid.SettlementId} has not reached the bank yet; it is tried again every minute, and the next settlement waits for it.");
        }
        var due = new PayoutDue(Ids.New(IdPrefixes.Settlement), scheduled);
        state.PayoutDue = due;
        await account.WriteStateAsync();
        await this.RegisterOrUpdateReminder(PayoutReminder, PayoutRetryEvery, PayoutRetryEvery);
        var order = new SettlementOrder(MerchantId, state.SettlementWalletId, settlement.Value.FeeBasisPoints, state.Currency!);
        SettlementReceipt receipt;
        try
        {
            receipt = await GrainFactory.GetGrain<ISettlementGrain>(due.SettlementId).Settle(order);
        }
        catch (WalletRefusedException)
        {
            await ForgetPayout(); // refused while planning (nothing to settle): nothing moved
            throw;
        }
        if (receipt.Status != MovementStatus.Completed)
        {
            await ForgetPayout();
            throw new WalletRefusedException(receipt.Refusal?.Code ?? RefusalCodes.NothingToSettle, receipt.Refusal?.Detail ?? "Nothing was settled.");
        }
        return await PayOut(due, receipt);
    }

    /// <summary>Finishes a settlement begun earlier, if any: pays out what its movement committed, or forgets one that never moved. Returns its report.</summary>
    private async Task<SettlementReport?> FinishPayout()
    {
        if (State.PayoutDue is not { } due)
        {
            return null;
        }
        var receipt = await GrainFactory.GetGrain<ISettlementGrain>(due.SettlementId).Find(MerchantId);
        if (receipt is { Status: MovementStatus.Completed })
        {
            return await PayOut(due, receipt);
        }
        await ForgetPayout();
        return null;
    }

    /// <summary>Reports the committed settlement, then asks the bank to pay the card; the report says whether it did.</summary>
    private async Task<SettlementReport> PayOut(PayoutDue due, SettlementReceipt receipt)
    {
        var state = State;
        var report = state.Settlements.Find(r => r.SettlementId == due.SettlementId);
        if (report is null)
        {
            report = new SettlementReport(due.SettlementId, receipt.Gross, receipt.Fee, receipt.Net, receipt.Currency, state.CardMasked!,
                receipt.CreatedAt, due.Scheduled, SettlementStatus.PayoutPending);
            state.Settlements.Add(report);
            if (state.Settlements.Count > SettlementsKept)
            {
                state.Settlements.RemoveAt(0);
            }
            await account.WriteStateAsync();
        }
        try
        {
            await bank.Payout(state.BankToken!, report.Net, report.Currency, report.SettlementId);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            LogPayoutFailed(logger, report.SettlementId, exception);
            return report;
        }
        var paid = report with { Status = SettlementStatus.Paid, PaidAt = clock.GetUtcNow() };
        state.Settlements[state.Settlements.IndexOf(report)] = paid;
        await ForgetPayout();
        await MerchantEvents.Announce(GrainFactory, MerchantId, MerchantEvents.SettlementPaid(paid), logger);
        return paid;
    }

    private async Task ForgetPayout()
    {
        State.PayoutDue = null;
        await account.WriteStateAsync();
        await this.ForgetReminder(PayoutReminder);
    }
}

/// <summary>The merchant's settlement account (see <see cref="SettlementAccount"/>), in ordinary grain state.</summary>
[GenerateSerializer, Alias("Wallet.MerchantSettlementState")]
public sealed class MerchantSettlementState
{
    [Id(0)] public string SettlementWalletId { get; set; } = "";
    [Id(1)] public string? Currency { get; set; }

    /// <summary>The bank's token for the card settlements are paid to, and its masked number; null without a card.</summary>
    [Id(2)] public string? BankToken { get; set; }
    [Id(3)] public string? CardMasked { get; set; }

    /// <summary>The settlements so far, oldest first (the newest 100 kept).</summary>
    [Id(4)] public List<SettlementReport> Settlements { get; set; } = [];

    /// <summary>
    /// A settlement begun and not yet paid out: written before its movement, so a payout interrupted
    /// at any point (a crash after the commit, the bank unavailable) is found and finished.
    /// </summary>
    [Id(5)] public PayoutDue? PayoutDue { get; set; }
}
