using QRCoder;

namespace Wallet.Web.Shared;

/// <summary>A QR code drawn here, in the browser, as a PNG data URI: no image service, nothing fetched.</summary>
public static class QrImage
{
    public static string DataUri(string payload)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(payload, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(8);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }
}
