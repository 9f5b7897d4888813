using Wallet.Hosting;

namespace Wallet.Cards;

public sealed class CardDirectoryGrain(
    [PersistentState("card-directory", StorageNames.Wallet)] IPersistentState<CardDirectoryState> entry)
    : Grain, ICardDirectoryGrain
{
    public async Task<bool> Claim(string customerId, string cardId)
    {
        if (entry.State.CustomerId is { } holder && holder != customerId)
        {
            return false;
        }
        if (entry.State.CardId != cardId)
        {
            entry.State.CustomerId = customerId;
            entry.State.CardId = cardId;
            await entry.WriteStateAsync();
        }
        return true;
    }

    public async Task Release(string customerId, string cardId)
    {
        // Only the binding that holds the number frees it: a late release of an older binding must not.
        if (entry.State.CustomerId == customerId && entry.State.CardId == cardId)
        {
            await entry.ClearStateAsync();
        }
    }
}

[GenerateSerializer, Alias("Wallet.CardDirectoryState")]
public sealed class CardDirectoryState
{
    [Id(0)] public string? CustomerId { get; set; }
    [Id(1)] public string? CardId { get; set; }
}
