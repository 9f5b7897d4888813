using Wallet.Hosting;

namespace Wallet.Products;

/// <summary>The ids of every product the bank set up, in the order they were; each product's own grain answers for the rest.</summary>
public sealed class ProductCatalogueGrain([PersistentState("catalogue", StorageNames.Wallet)] IPersistentState<IdList> catalogue)
    : Grain, IProductCatalogueGrain
{
    public async Task Note(string productId)
    {
        if (!catalogue.State.Ids.Contains(productId))
        {
            catalogue.State.Ids.Add(productId);
            await catalogue.WriteStateAsync();
        }
    }

    public Task<IReadOnlyList<string>> List() => Task.FromResult<IReadOnlyList<string>>([.. catalogue.State.Ids]);
}

/// <summary>A list of ids kept in order: the catalogue's products, or a customer's holdings.</summary>
[GenerateSerializer, Alias("Wallet.IdList")]
public sealed class IdList
{
    [Id(0)] public List<string> Ids { get; set; } = [];
}

/// <summary>The holdings one customer opened, newest first.</summary>
public sealed class CustomerHoldingsGrain([PersistentState("holdings", StorageNames.Wallet)] IPersistentState<IdList> holdings)
    : Grain, ICustomerHoldingsGrain
{
    public async Task Note(string holdingId)
    {
        if (!holdings.State.Ids.Contains(holdingId))
        {
            holdings.State.Ids.Insert(0, holdingId);
            await holdings.WriteStateAsync();
        }
    }

    public Task<IReadOnlyList<string>> List() => Task.FromResult<IReadOnlyList<string>>([.. holdings.State.Ids]);
}
