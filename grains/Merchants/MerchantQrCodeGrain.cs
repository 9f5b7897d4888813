using Wallet.Hosting;
using Wallet.Refusals;

namespace Wallet.Merchants;

public sealed class MerchantQrCodeGrain(
    [TransactionalState("qr", StorageNames.Wallet)] ITransactionalState<QrCodeState> state)
    : Grain, IMerchantQrCodeGrain
{
    public Task<QrCode> Issue(QrCode code) => state.PerformUpdate(s =>
    {
        if (s.Code is { } issued)
        {
            return SameOrder(issued, code)
                ? issued
                : throw new WalletRefusedException(RefusalCodes.IdempotencyKeyReused, "This order id was used for another QR code.");
        }
        s.Code = code;
        return code;
    });

    public Task<QrCodeCheck> Inspect(long amount, DateTimeOffset at) => state.PerformRead(s => new QrCodeCheck(s.Code, Check(s, amount, at)));

    public Task<Refusal?> Claim(string paymentId, long amount, DateTimeOffset at) => state.PerformUpdate(s =>
    {
        var unusable = Check(s, amount, at);
        if (unusable is null && s.Code!.Dynamic)
        {
            s.PaidBy = paymentId;
        }
        return unusable;
    });

    public Task<string?> PaidBy(string merchantId) => state.PerformRead(s => s.Code?.MerchantId == merchantId ? s.PaidBy : null);

    private static Refusal? Check(QrCodeState s, long amount, DateTimeOffset at)
    {
        var code = s.Code;
        if (code is null)
        {
            return new Refusal(RefusalCodes.InvalidQrCode, "This QR code was not issued by the merchant.");
        }
        if (code.ExpiresAt < at)
        {
            return new Refusal(RefusalCodes.QrCodeExpired, "This QR code has expired; ask the merchant for a new one.");
        }
        if (code.Dynamic && s.PaidBy is not null)
        {
            return new Refusal(RefusalCodes.QrCodeUsed, "This QR code has already been paid.");
        }
        return code.Amount is { } fixedAmount && fixedAmount != amount
            ? new Refusal(RefusalCodes.InvalidQrCode, "The amount is not the one this QR code asks for.")
            : null;
    }

    private static bool SameOrder(QrCode issued, QrCode asked)
        => (issued.MerchantId, issued.Amount, issued.Currency, issued.OrderId) == (asked.MerchantId, asked.Amount, asked.Currency, asked.OrderId);
}

[GenerateSerializer, Alias("Wallet.QrCodeState")]
public sealed class QrCodeState
{
    [Id(0)] public QrCode? Code { get; set; }

    /// <summary>The payment that used a dynamic code; it pays once.</summary>
    [Id(1)] public string? PaidBy { get; set; }
}
