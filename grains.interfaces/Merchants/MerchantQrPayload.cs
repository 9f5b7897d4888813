using System.Globalization;
using System.Text;

namespace Wallet.Merchants;

/// <summary>
/// A merchant-presented QR code as an EMVCo payload: tag-length-value fields — 00 format "01", 01
/// "11" static or "12" dynamic, 26 our merchant-account template (00 network id, 01 merchant id, 02
/// code id), 52 MCC, 53 the merchant's currency (ISO 4217 numeric, "156" for CNY), 54 amount (dynamic only, in
/// the currency's major units with its decimals), 58 "CN", 59 name, 60 city, 62
/// additional data (05 reference), 64 the language template when the name or city is not in EMVCo's
/// common character set (00 "ZH", 01 the name, 02 the city, as written), and 63 the CRC-16/CCITT-FALSE
/// of everything before it, "6304" included. Tags 59 and 60 hold printable ASCII only ("ans"): the
/// Latin forms the merchant gave (<see cref="NameLatin"/>, <see cref="CityLatin"/>) where its own are in
/// another script. Every length counts characters (Unicode scalar values), as EMVCo defines it, so a
/// reader counting characters finds the same fields; a reader counting UTF-8 bytes would not, which is
/// why only template 64 may hold anything but ASCII.
/// </summary>
public sealed record MerchantQrPayload(
    bool Dynamic, string MerchantId, string QrCodeId, string Category, long? Amount, string Currency, string Name, string City, string? Reference,
    string? NameLatin = null, string? CityLatin = null)
{
    public const string NetworkId = "CN.ORLEANS.WALLET";
    public const string LanguagePreference = "ZH";

    public string Encode()
    {
        var text = new StringBuilder();
        Field(text, "00", "01");
        Field(text, "01", Dynamic ? "12" : "11");
        var account = new StringBuilder();
        Field(account, "00", NetworkId);
        Field(account, "01", MerchantId);
        Field(account, "02", QrCodeId);
        Field(text, "26", account.ToString());
        Field(text, "52", Category);
        Field(text, "53", Money.Currencies.NumericOf(Currency));
        if (Amount is { } amount)
        {
            var decimals = Money.Currencies.MinorUnitsOf(Currency);
            Field(text, "54", (amount / Scale(decimals)).ToString("0." + new string('0', decimals), CultureInfo.InvariantCulture).TrimEnd('.'));
        }
        Field(text, "58", "CN");
        var name = CommonForm(NameLatin ?? Name, "MERCHANT");
        var city = CommonForm(CityLatin ?? City, "CHINA");
        Field(text, "59", name);
        Field(text, "60", city);
        if (Reference is not null)
        {
            var additional = new StringBuilder();
            Field(additional, "05", Reference);
            Field(text, "62", additional.ToString());
        }
        if (name != Name || city != City)
        {
            var language = new StringBuilder();
            Field(language, "00", LanguagePreference);
            Field(language, "01", Name);
            Field(language, "02", City);
            Field(text, "64", language.ToString());
        }
        text.Append("6304");
        return text + Crc16(text.ToString()).ToString("X4", CultureInfo.InvariantCulture);
    }

    /// <summary>The payload's fields, or null when it is malformed, its CRC does not match, or it is not one of ours.</summary>
    public static MerchantQrPayload? Decode(string? payload)
    {
        if (payload is not { Length: > 8 and <= 512 } || !payload[^8..^4].Equals("6304", StringComparison.Ordinal)
            || !ushort.TryParse(payload[^4..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var crc) || Crc16(payload[..^4]) != crc)
        {
            return null;
        }
        var fields = Fields(payload[..^8]);
        if (fields is null || fields.GetValueOrDefault("00") != "01" || Money.Currencies.FromNumeric(fields.GetValueOrDefault("53")) is not { } currency
            || Fields(fields.GetValueOrDefault("26") ?? "") is not { } account || account.GetValueOrDefault("00") != NetworkId)
        {
            return null;
        }
        long? amount = null;
        if (fields.TryGetValue("54", out var amountText))
        {
            var scale = Scale(Money.Currencies.MinorUnitsOf(currency));
            if (!decimal.TryParse(amountText, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var major) || major * scale % 1 != 0
                || major * scale > Money.Amounts.Max)
            {
                return null;
            }
            amount = (long)(major * scale);
        }
        var dynamic = fields.GetValueOrDefault("01") switch { "12" => true, "11" => false, _ => (bool?)null };
        if (dynamic is null || account.GetValueOrDefault("01") is not { } merchantId || account.GetValueOrDefault("02") is not { } qrCodeId)
        {
            return null;
        }
        var reference = fields.TryGetValue("62", out var additional) ? Fields(additional)?.GetValueOrDefault("05") : null;
        var name = fields.GetValueOrDefault("59") ?? "";
        var city = fields.GetValueOrDefault("60") ?? "";
        if (!fields.TryGetValue("64", out var languageText))
        {
            return new MerchantQrPayload(dynamic.Value, merchantId, qrCodeId, fields.GetValueOrDefault("52") ?? "", amount, currency, name, city, reference);
        }
        if (Fields(languageText) is not { } language || language.GetValueOrDefault("01") is not { } localName)
        {
            return null;
        }
        var localCity = language.GetValueOrDefault("02") ?? city;
        return new MerchantQrPayload(dynamic.Value, merchantId, qrCodeId, fields.GetValueOrDefault("52") ?? "", amount, currency, localName, localCity, reference,
            name == localName ? null : name, city == localCity ? null : city);
    }

    /// <summary>
    /// What tags 59 and 60 may hold: the printable ASCII of <paramref name="text"/> (all of it for a Latin
    /// form; a name kept from before Latin forms were asked for loses its other characters), or a placeholder.
    /// </summary>
    private static string CommonForm(string text, string placeholder)
    {
        var ascii = new string([.. text.Where(c => c is >= ' ' and <= '~')]).Trim();
        return ascii.Length > 0 ? ascii : placeholder;
    }

    /// <summary>Minor units in one major unit: 100 for a currency with two decimals, 1 for one with none.</summary>
    private static decimal Scale(int decimals) => decimals == 0 ? 1m : 10m * Scale(decimals - 1);

    private static void Field(StringBuilder text, string tag, string value)
        => text.Append(tag).Append(Characters(value).ToString("D2", CultureInfo.InvariantCulture)).Append(value);

    /// <summary>Unicode scalar values, as EMVCo counts a field's length (a character outside the BMP is one, not two UTF-16 units).</summary>
    private static int Characters(string value)
    {
        var count = 0;
        foreach (var _ in value.EnumerateRunes())
        {
            count++;
        }
        return count;
    }

    private static Dictionary<string, string>? Fields(string text)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        var at = 0;
        while (at < text.Length)
        {
            if (at + 4 > text.Length || !int.TryParse(text.AsSpan(at + 2, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var length))
            {
                return null;
            }
            var end = at + 4;
            for (var character = 0; character < length; character++) // the length is in characters, a surrogate pair being one
            {
                if (end >= text.Length)
                {
                    return null;
                }
                end += char.IsHighSurrogate(text[end]) && end + 1 < text.Length && char.IsLowSurrogate(text[end + 1]) ? 2 : 1;
            }
            if (!fields.TryAdd(text.Substring(at, 2), text[(at + 4)..end]))
            {
                return null;
            }
            at = end;
        }
        return fields;
    }

    /// <summary>CRC-16/CCITT-FALSE: polynomial 0x1021, initial 0xFFFF, over the UTF-8 bytes.</summary>
    public static ushort Crc16(string text)
    {
        ushort crc = 0xFFFF;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            crc ^= (ushort)(b << 8);
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 0x8000) != 0 ? (ushort)((crc << 1) ^ 0x1021) : (ushort)(crc << 1);
            }
        }
        return crc;
    }
}
