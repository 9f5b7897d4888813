using Wallet.Cards;
using Wallet.Refusals;
using Wallet.Wallets;

namespace Wallet.Customers;

/// <summary>The verified name and the tier it and the cards earn, and an operator's changes of tier.</summary>
public sealed partial class CustomerGrain
{
    public async Task<CustomerProfile> VerifyRealName(string name, string idNumber)
    {
        var state = State;
        var number = idNumber.ToUpperInvariant(); // a trailing x and X are the same check character
        if (state.IdNumberHash is not null)
        {
            if (!await hasher.VerifyAsync(number, state.IdNumberHash))
            {
                throw new WalletRefusedException(RefusalCodes.AlreadyVerified, "This customer is already verified under another identity number.");
            }
            await MoveToTier(state.Tier, "real-name verified"); // a replay finishes what a failed first attempt began
            return await GetProfile();
        }
        if (!IdNumbers.IsValid(number) || IdNumbers.BirthDate(number) > DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime))
        {
            throw new WalletRefusedException(RefusalCodes.InvalidIdNumber, "The identity number is not a valid 18-character resident identity number.");
        }
        await RequireCardsIn(name);
        if (!await identity.Confirms(name, number))
        {
            throw new WalletRefusedException(RefusalCodes.IdentityNotConfirmed, "The identity service does not confirm this name and number.");
        }
        var identityKey = identityKeys.KeyOf(number);
        if (await GrainFactory.GetGrain<IIdentityDirectoryGrain>(identityKey).Claim(CustomerId) != CustomerId)
        {
            throw new WalletRefusedException(RefusalCodes.IdNumberTaken, "This identity number is already verified on another account.");
        }
        state.IdentityKey = identityKey;
        state.RealName = name;
        state.IdNumberHash = await hasher.HashAsync(number);
        state.IdNumberMasked = IdNumbers.Mask(number);
        await MoveToTier(Math.Min(state.Tier, CustomerTiers.RealName), "real-name verified");
        await ReviewTier(); // a debit card bound before verifying may already qualify for tier 2
        return await GetProfile();
    }

    public async Task<bool> MatchesIdNumber(string? idNumber)
        => customer.State.IdNumberHash is not { } hash || (idNumber is not null && await hasher.VerifyAsync(idNumber.ToUpperInvariant(), hash));

    public async Task<CustomerProfile> ChangeTier(int tier, string reason)
    {
        var state = State;
        if (!CustomerTiers.IsValid(tier) || tier == CustomerTiers.DebitCard)
        {
            throw new WalletRefusedException(RefusalCodes.ValidationFailed, "An operator sets tier 1 (verified in person), 3 or 4; tier 2 comes from a debit card in the verified name.");
        }
        if (tier < CustomerTiers.Lowest && state.RealName is null)
        {
            throw new WalletRefusedException(RefusalCodes.RealNameRequired, "Tiers above 4 need the customer's real name verified first.");
        }
        await MoveToTier(tier, reason);
        return await GetProfile();
    }

    /// <summary>
    /// Cards bound before verifying were checked by their banks (holder and phone on file), not against
    /// a verified name; the name the customer now proves must be theirs too, or the customer unbinds first.
    /// </summary>
    private async Task RequireCardsIn(string name)
    {
        if ((await Cards()).FirstOrDefault(c => !CardHolders.SameName(c.HolderName, name)) is { } other)
        {
            throw new WalletRefusedException(RefusalCodes.CardHolderNotCustomer,
                $"The card ending {other.Masked[^4..]} is in another name: unbind it before verifying your name.");
        }
    }

    /// <summary>
    /// Tier 2 is tier 3 plus an active debit card in the verified name: gained when such a card is
    /// verified (or the name is), lost when the last such card is unbound. Tier 1 is an operator's.
    /// </summary>
    public async Task ReviewTier()
    {
        var state = State;
        if (state.RealName is null || state.Tier is not (CustomerTiers.RealName or CustomerTiers.DebitCard))
        {
            return;
        }
        var qualifies = (await Cards()).Any(c => c is { Status: CardStatus.Active, Kind: CardKind.Debit } && CardHolders.SameName(c.HolderName, state.RealName));
        if (qualifies && state.Tier == CustomerTiers.RealName)
        {
            await MoveToTier(CustomerTiers.DebitCard, "debit card in the verified name");
        }
        else if (!qualifies && state.Tier == CustomerTiers.DebitCard)
        {
            await MoveToTier(CustomerTiers.RealName, "no debit card in the verified name");
        }
    }

    /// <summary>
    /// The wallets enforce the tier's limits, so they learn the new tier first; then the customer
    /// records it with the reason. A failure between the two is mended by asking again (every step
    /// is idempotent), and in the meantime the wallets already apply the new limits.
    /// </summary>
    private async Task MoveToTier(int tier, string reason)
    {
        var state = State;
        await Task.WhenAll(state.WalletIds.Select(id => GrainFactory.GetGrain<IWalletGrain>(id).SetTier(tier)));
        if (state.Tier != tier)
        {
            state.TierHistory.Add(new TierChange(state.Tier, tier, reason, clock.GetUtcNow()));
            state.Tier = tier;
        }
        await customer.WriteStateAsync();
    }
}
