using Wallet.Hosting;

namespace Wallet.Products;

/// <summary>The ids of every product the bank set up, in the order they were; each product's own grain answers for the rest.</summary>
public sealed class ProductCatalogueGrain([PersistentState("catalogue", StorageNames.Wallet)] IPersistentState<ProductCatalogue> catalogue)
    : Grain, IProductCatalogueGrain
{
    public async Task Note(string productId)
    {
        if (!catalogue.State.ProductIds.Contains(productId))
        {
            catalogue.State.ProductIds.Add(productId);
            await catalogue.WriteStateAsync();
        }
    }

    public Task<IReadOnlyList<string>> List() => Task.FromResult<IReadOnlyList<string>>([.. catalogue.State.ProductIds]);
}

[GenerateSerializer, Alias("Wallet.ProductCatalogue")]
public sealed class ProductCatalogue
{
    [Id(0)] public List<string> ProductIds { get; set; } = [];
}

/// <summary>The holdings one customer opened, newest first.</summary>
public sealed class CustomerHoldingsGrain([PersistentState("holdings", StorageNames.Wallet)] IPersistentState<ProductCatalogue> holdings)
    : Grain, ICustomerHoldingsGrain
{
    public async Task Note(string holdingId)
    {
        if (!holdings.State.ProductIds.Contains(holdingId))
        {
            holdings.State.ProductIds.Insert(0, holdingId);
            await holdings.WriteStateAsync();
        }
    }

    public Task<IReadOnlyList<string>> List() => Task.FromResult<IReadOnlyList<string>>([.. holdings.State.ProductIds]);
}
