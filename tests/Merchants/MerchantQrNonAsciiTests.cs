using Wallet.Merchants;

namespace Wallet.Tests.Merchants;

/// <summary>
/// A merchant named outside ASCII: tags 59 and 60 carry the name and city in EMVCo's common character set
/// (the Latin forms the merchant gave), the names as written go in the language template 64 (00 "ZH",
/// 01 name, 02 city), and every length counts characters (Unicode scalar values), not bytes or UTF-16 units.
/// </summary>
public sealed class MerchantQrNonAsciiTests
{
    private static readonly MerchantQrPayload s_noodles = new(true, "mch_abc", "qr_123", "5812", 1_250, "CNY", "老王面馆", "上海", "A-1001",
        NameLatin: "Lao Wang Noodles", CityLatin: "Shanghai");

    [Fact]
    public void A_chinese_name_goes_in_the_language_template_and_an_ascii_one_in_tag_59()
    {
        var payload = s_noodles.Encode();
        var fields = Parse(payload);

        Assert.Equal("Lao Wang Noodles", fields["59"]);
        Assert.Equal("Shanghai", fields["60"]);
        var language = Parse(fields["64"]);
        Assert.Equal(("ZH", "老王面馆", "上海"), (language["00"], language["01"], language["02"]));
        Assert.Contains("64200002ZH0104老王面馆0202上海6304", payload, StringComparison.Ordinal); // 4 and 2 characters, 20 in all
        Assert.All(payload.Remove(payload.IndexOf("64200002ZH", StringComparison.Ordinal), 24), c => Assert.InRange(c, ' ', '~'));
        Assert.Equal(s_noodles, MerchantQrPayload.Decode(payload));
    }

    [Fact]
    public void A_character_outside_the_basic_plane_is_one_character_long()
    {
        var payload = (s_noodles with { Name = "𠀀记" }).Encode(); // U+20000 is two UTF-16 units and four UTF-8 bytes

        Assert.Equal("𠀀记", Parse(Parse(payload)["64"])["01"]);
        Assert.Contains("0102𠀀记", payload, StringComparison.Ordinal);
        Assert.Equal("𠀀记", MerchantQrPayload.Decode(payload)!.Name);
    }

    [Fact]
    public void An_ascii_name_has_no_language_template()
    {
        var payload = (s_noodles with { Name = "Lao Wang Noodles", City = "Shanghai", NameLatin = null, CityLatin = null }).Encode();

        Assert.False(Parse(payload).ContainsKey("64"));
        Assert.Equal("Lao Wang Noodles", MerchantQrPayload.Decode(payload)!.Name);
    }

    [Fact]
    public void Without_a_latin_form_tag_59_still_holds_only_the_common_character_set()
    {
        var payload = (s_noodles with { NameLatin = null, CityLatin = null }).Encode();

        Assert.All(Parse(payload)["59"] + Parse(payload)["60"], c => Assert.InRange(c, ' ', '~'));
        Assert.Equal("老王面馆", MerchantQrPayload.Decode(payload)!.Name);
    }

    /// <summary>An independent reader: two-digit tag, two-digit length in characters, the value.</summary>
    private static Dictionary<string, string> Parse(string text)
    {
        var runes = text.EnumerateRunes().ToArray();
        var fields = new Dictionary<string, string>();
        for (var at = 0; at < runes.Length;)
        {
            var tag = string.Concat(runes[at..(at + 2)]);
            var length = int.Parse(string.Concat(runes[(at + 2)..(at + 4)]), System.Globalization.CultureInfo.InvariantCulture);
            fields.Add(tag, string.Concat(runes[(at + 4)..(at + 4 + length)].Select(r => r.ToString())));
            at += 4 + length;
        }
        return fields;
    }
}
