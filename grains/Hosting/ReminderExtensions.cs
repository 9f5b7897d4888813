namespace Wallet.Hosting;

public static class ReminderExtensions
{
    /// <summary>Stops the grain's reminder <paramref name="name"/>, if it has one: a follow-up whose work is done, an expiry that came.</summary>
    public static async Task ForgetReminder(this Grain grain, string name)
    {
        if (await grain.GetReminder(name) is { } reminder)
        {
            await grain.UnregisterReminder(reminder);
        }
    }
}
