using Wallet.Hosting;

namespace Wallet.Utilities;

/// <summary>Every biller, as customers choose among them: tens per city, so one grain holds the list.</summary>
public sealed class BillerDirectoryGrain([PersistentState("biller-directory", StorageNames.Wallet)] IPersistentState<BillerDirectoryState> directory)
    : Grain, IBillerDirectoryGrain
{
    public async Task Note(BillerProfile profile)
    {
        var billers = directory.State.Billers;
        var at = billers.FindIndex(b => b.BillerId == profile.BillerId);
        if (at >= 0 && billers[at] == profile)
        {
            return;
        }
        if (at >= 0)
        {
            billers[at] = profile;
        }
        else
        {
            billers.Add(profile);
        }
        await directory.WriteStateAsync();
    }

    public Task<IReadOnlyList<BillerProfile>> List(string? city, BillerKind? kind)
        => Task.FromResult<IReadOnlyList<BillerProfile>>([.. directory.State.Billers
            .Where(b => (city is null || b.City.Equals(city, StringComparison.OrdinalIgnoreCase)) && (kind is null || b.Kind == kind))
            .OrderBy(b => b.City, StringComparer.Ordinal).ThenBy(b => b.Name, StringComparer.Ordinal)]);
}

[GenerateSerializer, Alias("Wallet.BillerDirectoryState")]
public sealed class BillerDirectoryState
{
    [Id(0)] public List<BillerProfile> Billers { get; set; } = [];
}
