using System.Security.Claims;
using QRCoder;
using Wallet.ClientApi.Contract;
using Wallet.ClientApi.Hosting;
using Wallet.ClientApi.Http;
using Wallet.Merchants;
using Wallet.Refusals;

namespace Wallet.ClientApi.Merchants;

/// <summary>Merchant-presented QR codes: the EMVCo payload, and the same as a PNG for a till's screen or a sticker.</summary>
public static class QrCodesEndpoints
{
    private static readonly TimeSpan s_longestLife = TimeSpan.FromDays(1);

    public static IEndpointRouteBuilder MapQrCodes(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("/v1/merchant").WithTags("Merchants").RequireAuthorization(AuthSetup.MerchantPolicy)
            .MapPost("/qr-codes", Issue).WithName("IssueQrCode").MayRefuse(RefusalCodes.InvalidText, RefusalCodes.IdempotencyKeyReused);
        return routes;
    }

    /// <summary>With an amount, a dynamic code (single use, expiring); without, a static one the customer types the amount into.</summary>
    public static async Task<Results<Created<QrCodeResponse>, ValidationProblem>> Issue(QrCodeRequest body, ClaimsPrincipal merchant, IGrainFactory grains)
    {
        var currency = await ChargesEndpoints.CurrencyOf(merchant, grains);
        var errors = new FieldErrors()
            .Check(body.Amount is null || Money.Amounts.IsValidMovement(body.Amount.Value), "amount", $"An amount is 1 to {Money.Amounts.Max} minor units.")
            .Check(body.Currency == currency, "currency", $"This merchant's QR codes are in {currency}.")
            .Text(body.OrderId, "orderId", 25, required: false)
            .Check(body.ExpiresIn is null || (body.Amount is not null && body.ExpiresIn is > 0 && body.ExpiresIn <= s_longestLife.TotalSeconds),
                "expiresIn", "Seconds a dynamic code (one with an amount) lives: 1 to 86400.");
        if (errors.Problem is { } invalid)
        {
            return invalid;
        }
        var issued = await grains.GetGrain<IMerchantGrain>(merchant.CustomerId())
            .IssueQrCode(body.Amount, body.Currency!, body.OrderId, body.ExpiresIn is { } seconds ? TimeSpan.FromSeconds(seconds) : null);
        return TypedResults.Created($"/v1/merchant/qr-codes/{issued.Code.QrCodeId}", ResponseOf(issued));
    }

    /// <summary>The code as issued: its payload, and the payload drawn as a PNG.</summary>
    public static QrCodeResponse ResponseOf(IssuedQrCode issued)
    {
        var png = new PngByteQRCode(QRCodeGenerator.GenerateQrCode(issued.Payload, QRCodeGenerator.ECCLevel.M)).GetGraphic(8);
        var code = issued.Code;
        return new QrCodeResponse(code.QrCodeId, issued.Payload, Convert.ToBase64String(png), code.Amount, code.Currency, code.OrderId, code.ExpiresAt);
    }
}

/// <summary>A QR code to make: dynamic (for one order and amount) or static (the customer enters the amount).</summary>
/// <param name="Amount">For a dynamic code, the amount, an integer in minor units of the currency (fen for CNY); leave it out for a static code.</param>
/// <param name="Currency">ISO 4217 code: the merchant's currency (chosen at onboarding; <c>CNY</c> unless another was), and no other.</param>
/// <param name="OrderId">The merchant's order id, 1 to 25 characters, or left out.</param>
/// <param name="ExpiresIn">For a dynamic code, seconds it lives, 1 to 86400; left out, the default life.</param>
public sealed record QrCodeRequest(long? Amount, [property: RequiredField] string? Currency, string? OrderId, int? ExpiresIn);

/// <summary>The code as text (the EMVCo payload) and as a PNG image, base64.</summary>
/// <param name="QrCodeId">The code's id (<c>qr_…</c>).</param>
/// <param name="Payload">The EMVCo merchant-presented payload the QR code encodes.</param>
/// <param name="Image">The QR code as a PNG image, base64.</param>
/// <param name="Amount">The amount of a dynamic code, an integer in minor units of the currency (fen for CNY); null for a static code.</param>
/// <param name="Currency">ISO 4217 code of the amount.</param>
/// <param name="OrderId">The merchant's order id, or null.</param>
/// <param name="ExpiresAt">When a dynamic code stops being payable, UTC, ISO 8601; null for a static code.</param>
public sealed record QrCodeResponse(string QrCodeId, string Payload, string Image, long? Amount, string Currency, string? OrderId, DateTimeOffset? ExpiresAt);
