using Wallet.Hosting;
using Wallet.Refusals;

namespace Wallet.Utilities;

/// <summary>Which payment settles one bill: written only inside the transactions that move the bill's money.</summary>
public sealed class UtilityBillGrain([TransactionalState("bill", StorageNames.Wallet)] ITransactionalState<UtilityBillState> bill) : Grain, IUtilityBillGrain
{
    public Task<Refusal?> Claim(string paymentId) => bill.PerformUpdate(b =>
    {
        if (b.PaidBy is { } other && other != paymentId)
        {
            return new Refusal(RefusalCodes.BillAlreadyPaid, "This bill is paid already (or its payment is with the biller).");
        }
        b.PaidBy = paymentId;
        return (Refusal?)null;
    });

    public Task Release(string paymentId) => bill.PerformUpdate(b =>
    {
        if (b.PaidBy == paymentId)
        {
            b.PaidBy = null;
        }
    });

    public Task<string?> PaidBy() => bill.PerformRead(b => b.PaidBy);
}

[GenerateSerializer, Alias("Wallet.UtilityBillState")]
public sealed class UtilityBillState
{
    [Id(0)] public string? PaidBy { get; set; }
}
