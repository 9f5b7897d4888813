namespace Wallet.Support;

/// <summary>
/// One image a message carries, keyed by its id (<c>att_…</c>): the bytes, the type found in them and the customer
/// whose conversation it belongs to. Kept apart from the conversation so its state stays small.
/// </summary>
[Alias("Wallet.ISupportAttachmentGrain")]
public interface ISupportAttachmentGrain : IGrainWithStringKey
{
    /// <summary>Keeps the image for the customer's conversation; the same again changes nothing.</summary>
    [Alias("Store")]
    Task Store(string customerId, SupportUpload image);

    /// <summary>The image when it belongs to <paramref name="customerId"/>'s conversation; null otherwise (or when there is none).</summary>
    [Alias("Read")]
    Task<SupportUpload?> Read(string customerId);

    /// <summary>Deletes the image when it belongs to <paramref name="customerId"/>'s conversation; again, or for anyone else, nothing.</summary>
    [Alias("Erase")]
    Task Erase(string customerId);
}

/// <summary>The image types a message may carry, recognised by their first bytes (magic numbers), never by what a client says.</summary>
public static class SupportImages
{
    public const string Png = "image/png";
    public const string Jpeg = "image/jpeg";
    public const string WebP = "image/webp";

    /// <summary>The content type the bytes are, or null when they are no PNG, JPEG or WebP image.</summary>
    public static string? Sniff(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return Png;
        }
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return Jpeg;
        }
        if (bytes.Length >= 12 && bytes[..4].SequenceEqual("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8))
        {
            return WebP;
        }
        return null;
    }
}
