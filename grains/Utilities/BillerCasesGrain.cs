using Wallet.Hosting;

namespace Wallet.Utilities;

/// <summary>The operators' list of late confirmations: rare (a biller's fault), so one grain keeps them all.</summary>
public sealed class BillerCasesGrain([PersistentState("biller-cases", StorageNames.Wallet)] IPersistentState<BillerCasesState> cases) : Grain, IBillerCasesGrain
{
    public async Task Open(LateConfirmation confirmation)
    {
        if (cases.State.Cases.Exists(c => c.PaymentId == confirmation.PaymentId))
        {
            return;
        }
        cases.State.Cases.Add(confirmation);
        await cases.WriteStateAsync();
    }

    public Task<IReadOnlyList<LateConfirmation>> List() => Task.FromResult<IReadOnlyList<LateConfirmation>>([.. Enumerable.Reverse(cases.State.Cases)]);
}

[GenerateSerializer, Alias("Wallet.BillerCasesState")]
public sealed class BillerCasesState
{
    [Id(0)] public List<LateConfirmation> Cases { get; set; } = [];
}
