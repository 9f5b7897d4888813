using Wallet.Identity;
using Wallet.Movements;
using Wallet.Refusals;

namespace Wallet.Merchants;

/// <summary>
/// Settlement: on demand, and on a schedule by a reminder (which survives restarts). Each is a
/// movement of its own; the bank pays the card after the movement commits, under the movement's id,
/// so a repeated payout is recognised by the bank and paid once.
/// </summary>
public sealed partial class MerchantGrain
{
    private const string SettlementReminder = "settle";
    private const int SettlementsKept = 100;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scheduled settlement of merchant {MerchantId} failed; the next tick tries again")]
    private static partial void LogScheduledSettlementFailed(ILogger logger, string merchantId, Exception exception);

    public Task<SettlementReport> Settle() => Settle(scheduled: false);

    public Task<IReadOnlyList<SettlementReport>> ListSettlements()
        => Task.FromResult<IReadOnlyList<SettlementReport>>([.. Enumerable.Reverse(State.Settlements)]);

    public async Task ReceiveReminder(string reminderName, Orleans.Runtime.TickStatus status)
    {
        if (reminderName != SettlementReminder || !merchant.RecordExists)
        {
            return;
        }
        try
        {
            await Settle(scheduled: true);
        }
        catch (WalletRefusedException refused) when (refused.Code == RefusalCodes.NothingToSettle)
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
        var token = state.SettlementBankToken ?? throw new WalletRefusedException(RefusalCodes.NoSettlementCard, "The merchant has no settlement card.");
        var settlementId = Ids.New("st");
        var order = new SettlementOrder(MerchantId, state.SettlementWalletId, settlement.Value.FeeBasisPoints);
        var receipt = await GrainFactory.GetGrain<IMovementGrain>(settlementId).Settle(order);
        if (receipt.Status != MovementStatus.Completed)
        {
            throw new WalletRefusedException(receipt.RefusalCode!, receipt.RefusalDetail!);
        }
        var fee = order.FeeOn(receipt.Amount);
        await bank.Payout(token, receipt.Amount - fee, receipt.Currency, settlementId);
        var report = new SettlementReport(settlementId, receipt.Amount, fee, receipt.Amount - fee, receipt.Currency, state.SettlementCardMasked!, receipt.CreatedAt, scheduled);
        state.Settlements.Add(report);
        if (state.Settlements.Count > SettlementsKept)
        {
            state.Settlements.RemoveAt(0);
        }
        await merchant.WriteStateAsync();
        return report;
    }
}
