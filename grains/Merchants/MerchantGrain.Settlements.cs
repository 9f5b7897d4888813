using Wallet.Hosting;
namespace Wallet.Merchants;

/// <summary>
/// The merchant's side of settling: its settlement account is opened in <see cref="MerchantSettlementGrain"/>
/// from what onboarding recorded (the settlement wallet, the card), and from then on settles there.
/// </summary>
public sealed partial class MerchantGrain
{
    /// <summary>The reminders this grain registered before settlements had a grain of their own.</summary>
    private static readonly string[] EarlierReminders = [MerchantSettlementGrain.SettlementReminder, MerchantSettlementGrain.PayoutReminder];

    private IMerchantSettlementGrain Settlements => GrainFactory.GetGrain<IMerchantSettlementGrain>(MerchantId);

    /// <summary>
    /// Opens the settlement account once, with the settlements and the payout due a merchant onboarded earlier
    /// kept here; then this grain's own reminders (if any) go, and the settlement grain's run the schedule.
    /// </summary>
    private async Task OpenSettlements()
    {
        var state = merchant.State;
        if (state.SettlementsOpened)
        {
            return;
        }
        await Settlements.Open(new SettlementAccount(state.SettlementWalletId, state.Currency ?? "", state.SettlementBankToken, state.SettlementCardMasked,
            state.Settlements, state.PayoutDue));
        foreach (var name in EarlierReminders)
        {
            await this.ForgetReminder(name);
        }
        state.Settlements = [];
        state.PayoutDue = null;
        state.SettlementsOpened = true;
        await merchant.WriteStateAsync();
    }

    /// <summary>A reminder registered here before settlements had a grain of their own: passed on to it.</summary>
    public async Task ReceiveReminder(string reminderName, Orleans.Runtime.TickStatus status)
    {
        if (merchant.RecordExists)
        {
            await Settlements.AsReference<IRemindable>().ReceiveReminder(reminderName, status);
        }
    }
}
