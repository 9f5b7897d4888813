using Wallet.Display;

namespace Wallet.Tests.Hosting;

/// <summary>The one rule for text people read: any script, nothing hidden or disguising.</summary>
public sealed class DisplayTextTests
{
    [Theory]
    [InlineData("Lao Wang Noodles")]
    [InlineData("老王面馆")]
    [InlineData("Café Zürich")]
    [InlineData("مطعم")]
    [InlineData("𠀀记 😀")]
    public void Text_in_any_script_is_shown(string text) => Assert.True(DisplayText.IsSafe(text));

    [Theory]
    [InlineData(0x202A)] [InlineData(0x202B)] [InlineData(0x202C)] [InlineData(0x202D)] [InlineData(0x202E)]
    [InlineData(0x2066)] [InlineData(0x2067)] [InlineData(0x2068)] [InlineData(0x2069)]
    [InlineData(0x200B)] [InlineData(0x200C)] [InlineData(0x200D)] [InlineData(0x200E)] [InlineData(0x2060)] [InlineData(0xFEFF)]
    [InlineData(0x0000)] [InlineData(0x0009)] [InlineData(0x000A)] [InlineData(0x001B)] [InlineData(0x007F)] [InlineData(0x0085)]
    [InlineData(0x00AD)] [InlineData(0x061C)] [InlineData(0x2028)] [InlineData(0x2029)] [InlineData(0xE000)] [InlineData(0xE0001)]
    public void A_hidden_or_disguising_character_is_refused(int codePoint)
        => Assert.False(DisplayText.IsSafe("Shop" + char.ConvertFromUtf32(codePoint) + "name"));

    [Fact]
    public void Half_a_surrogate_pair_is_refused()
    {
        Assert.False(DisplayText.IsSafe("Shop\uD800"));
        Assert.False(DisplayText.IsSafe("\uDC00Shop"));
    }

    [Fact]
    public void Length_counts_characters_not_utf16_units()
    {
        Assert.Equal(2, DisplayText.Length("𠀀记"));
        Assert.True(DisplayText.IsValid("𠀀𠀀𠀀", 3));
        Assert.False(DisplayText.IsValid("", 3));
    }
}
