using Wallet.Hosting;
using Wallet.Refusals;

namespace Wallet.Merchants;

public sealed class PaymentCodeGrain(
    [TransactionalState("code", StorageNames.Wallet)] ITransactionalState<PaymentCodeState> state)
    : Grain, IPaymentCodeGrain
{
    public Task Issue(PaymentCode code) => state.PerformUpdate(s => s.Code ??= code);

    public Task<PaymentCode?> Read() => state.PerformRead(s => s.Code);

    /// <summary>What a voided code is marked used by: no charge's id looks like it.</summary>
    private const string Voided = "voided";

    public Task<bool> Void() => state.PerformUpdate(s =>
    {
        s.UsedBy ??= Voided;
        return s.UsedBy == Voided;
    });

    public Task<Refusal?> Claim(string chargeId, DateTimeOffset at) => state.PerformUpdate(s =>
    {
        if (s.Code is null)
        {
            return new Refusal(RefusalCodes.InvalidPaymentCode, "No such payment code.");
        }
        if (s.UsedBy == Voided)
        {
            return new Refusal(RefusalCodes.InvalidPaymentCode, "This payment code was cancelled: its owner reported the phone lost.");
        }
        if (s.UsedBy is not null && s.UsedBy != chargeId)
        {
            return new Refusal(RefusalCodes.PaymentCodeUsed, "This payment code has been used; the customer shows a new one.");
        }
        if (at > s.Code.ExpiresAt)
        {
            return new Refusal(RefusalCodes.PaymentCodeExpired, "This payment code has expired; the customer shows a new one.");
        }
        s.UsedBy = chargeId;
        return (Refusal?)null;
    });
}

[GenerateSerializer, Alias("Wallet.PaymentCodeState")]
public sealed class PaymentCodeState
{
    [Id(0)] public PaymentCode? Code { get; set; }

    [Id(1)] public string? UsedBy { get; set; }
}
