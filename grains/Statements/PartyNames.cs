using Wallet.Cards;
using Wallet.Customers;
using Wallet.Identity;
using Wallet.Merchants;
using Wallet.Wallets;

namespace Wallet.Statements;

/// <summary>
/// Names the parties of a wallet's entries for its owner to read: a merchant by its trading name, another customer's
/// wallet by their masked real name (or masked phone before they verified it), the owner's own card by its bank and
/// masked number. Asked once per party a statement names, not once per entry.
/// </summary>
public sealed class PartyNames(IGrainFactory grains, string ownerId)
{
    private readonly Dictionary<string, Task<string?>> _named = new(StringComparer.Ordinal);

    /// <summary>The name of the party <paramref name="id"/> names, or null if it is gone.</summary>
    public Task<string?> Of(string? id)
    {
        if (id is null)
        {
            return Task.FromResult<string?>(null);
        }
        if (!_named.TryGetValue(id, out var name))
        {
            _named[id] = name = Lookup(id);
        }
        return name;
    }

    /// <summary>
    /// The owner's own name: in full once verified (a statement's head) or <paramref name="masked"/> (a receipt, which is
    /// shown to others); before they verified it, their masked phone.
    /// </summary>
    public async Task<string> Holder(bool masked = false)
    {
        var profile = await grains.GetGrain<ICustomerGrain>(ownerId).GetProfile();
        return profile.RealName is { } name ? (masked ? NameMasks.Name(name) : name) : NameMasks.Phone(profile.Phone);
    }

    private async Task<string?> Lookup(string id)
    {
        if (id.StartsWith(IdPrefixes.Merchant + "_", StringComparison.Ordinal))
        {
            return (await grains.GetGrain<IMerchantGrain>(id).GetFacts())?.Name;
        }
        if (id.StartsWith(IdPrefixes.Biller + "_", StringComparison.Ordinal))
        {
            return (await grains.GetGrain<Utilities.IBillerGrain>(id).GetProfile())?.Name;
        }
        if (id.StartsWith(IdPrefixes.Card + "_", StringComparison.Ordinal))
        {
            try
            {
                var card = await grains.GetGrain<ICardBindingGrain>(id).GetView(ownerId);
                return $"{card.BankName} {card.Masked}";
            }
            catch (Refusals.WalletRefusedException)
            {
                return NameMasks.Id(id); // a card since unbound is no longer the owner's to read
            }
        }
        if (await grains.GetGrain<IWalletGrain>(id).GetFacts() is not { } wallet)
        {
            return null;
        }
        if (wallet.OwnerId.StartsWith(IdPrefixes.Merchant + "_", StringComparison.Ordinal))
        {
            return await Of(wallet.OwnerId);
        }
        var owner = await grains.GetGrain<ICustomerGrain>(wallet.OwnerId).GetProfile();
        return owner.RealName is { } name ? NameMasks.Name(name) : NameMasks.Phone(owner.Phone);
    }
}
