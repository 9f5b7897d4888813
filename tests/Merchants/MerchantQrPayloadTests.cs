using Wallet.Merchants;

namespace Wallet.Tests.Merchants;

/// <summary>The EMVCo merchant-presented payload: its CRC, its fields both ways, and that no altered payload decodes.</summary>
public sealed class MerchantQrPayloadTests
{
    private static readonly MerchantQrPayload s_dynamic = new(true, "mch_abc", "qr_123", "5812", 1_250, "CNY", "Lao Wang Noodles", "Shanghai", "A-1001");

    [Fact]
    public void The_crc_is_crc16_ccitt_false() => Assert.Equal(0x29B1, MerchantQrPayload.Crc16("123456789"));

    [Fact]
    public void A_dynamic_payload_carries_each_field_in_order_and_decodes_to_itself()
    {
        var payload = s_dynamic.Encode();

        Assert.StartsWith("000201010212", payload, StringComparison.Ordinal);
        Assert.Contains("0017CN.ORLEANS.WALLET0107mch_abc0206qr_123", payload, StringComparison.Ordinal);
        Assert.Contains("520458125303156540512.505802CN5916Lao Wang Noodles6008Shanghai62100506A-1001", payload, StringComparison.Ordinal);
        Assert.Matches("6304[0-9A-F]{4}$", payload);
        Assert.Equal(s_dynamic, MerchantQrPayload.Decode(payload));
    }

    [Fact]
    public void A_static_payload_has_no_amount()
    {
        var payload = (s_dynamic with { Dynamic = false, Amount = null, Reference = null }).Encode();

        Assert.StartsWith("000201010211", payload, StringComparison.Ordinal);
        Assert.DoesNotContain("5405", payload, StringComparison.Ordinal);
        Assert.Null(MerchantQrPayload.Decode(payload)!.Amount);
    }

    [Fact]
    public void Another_currency_is_its_iso_number_with_the_amount_in_its_own_decimals()
    {
        var yen = s_dynamic with { Amount = 1_500, Currency = "JPY" };
        var hkd = s_dynamic with { Currency = "HKD" };

        Assert.Contains("530339254041500", yen.Encode(), StringComparison.Ordinal); // ¥1,500: yen have no decimals
        Assert.Contains("5303344540512.50", hkd.Encode(), StringComparison.Ordinal);
        Assert.Equal(yen, MerchantQrPayload.Decode(yen.Encode()));
        Assert.Equal(hkd, MerchantQrPayload.Decode(hkd.Encode()));
        Assert.Null(MerchantQrPayload.Decode(Refreshed(hkd.Encode().Replace("5303344", "5303999", StringComparison.Ordinal)))); // a currency the wallet does not hold
        Assert.Null(MerchantQrPayload.Decode(Refreshed(yen.Encode().Replace("54041500", "54061500.5", StringComparison.Ordinal)))); // half a yen
    }

    [Fact]
    public void An_altered_payload_does_not_decode()
    {
        var payload = s_dynamic.Encode();

        Assert.Null(MerchantQrPayload.Decode(payload.Replace("12.50", "99.50", StringComparison.Ordinal)));     // the CRC no longer matches
        Assert.Null(MerchantQrPayload.Decode(payload.Replace("mch_abc", "mch_xyz", StringComparison.Ordinal)));
        Assert.Null(MerchantQrPayload.Decode(payload[..^1] + (payload[^1] == '0' ? '1' : '0')));
        Assert.Null(MerchantQrPayload.Decode(Refreshed(payload.Replace("CN.ORLEANS.WALLET", "CN.OTHER.NETWORK1", StringComparison.Ordinal))));
        Assert.Null(MerchantQrPayload.Decode(Refreshed(payload.Replace("540512.50", "542099999999999999999.00", StringComparison.Ordinal)))); // no overflow
        Assert.Null(MerchantQrPayload.Decode("not a payload"));
        Assert.Null(MerchantQrPayload.Decode(null));
    }

    /// <summary>The payload with its CRC recomputed, as a forger would: what is inside must still be refused.</summary>
    private static string Refreshed(string payload) => payload[..^4] + MerchantQrPayload.Crc16(payload[..^4]).ToString("X4", System.Globalization.CultureInfo.InvariantCulture);
}
