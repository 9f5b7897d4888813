using Wallet.Refusals;

namespace Wallet.Wallets;

/// <summary>Holds for merchants' authorisations: the money stays in the balance but leaves what is available.</summary>
public sealed partial class WalletGrain
{
    public async Task<Refusal?> PlaceHold(string holdId, string actorId, long amount, bool forReview)
    {
        if (!profile.RecordExists || profile.State.OwnerId != actorId)
        {
            return new Refusal(RefusalCodes.NotFound);
        }
        await DrainTillsIfShort(amount);
        return await book.PerformUpdate(b =>
        {
            var refusal = BookRules.RefusesHold(b, amount, forReview);
            if (refusal is null)
            {
                b.Holds = b.Holds.SetItem(holdId, amount);
            }
            return refusal;
        });
    }

    public Task<long> ReleaseHold(string holdId) => book.PerformUpdate(b =>
    {
        var held = b.Holds.GetValueOrDefault(holdId);
        b.Holds = b.Holds.Remove(holdId);
        return held;
    });
}
