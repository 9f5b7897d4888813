using Wallet.Customers;

namespace Wallet.Tests.Customers;

/// <summary>The resident identity number's own rules (GB 11643): shape, birth date and check character.</summary>
public sealed class IdNumberTests
{
    [Theory]
    [InlineData("11010519491231002X", true)]
    [InlineData("11010519491231002x", true)]
    [InlineData("440524198001010013", true)]
    [InlineData("440524188001010014", false)] // born 1880: right check digit, before 1900
    [InlineData("310115199003071239", true)]
    [InlineData("310115199003071238", false)] // one check digit off
    [InlineData("110105199002301231", false)] // 30 February
    [InlineData("910115199003071232", false)] // no region starts with 9
    [InlineData("11010518991231002X", false)] // born before 1900
    [InlineData("1101051949123100", false)]
    [InlineData("11010519491231002XX", false)]
    [InlineData("1101051949A231002X", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void An_identity_number_is_valid_only_with_its_region_birth_date_and_check_character(string? idNumber, bool valid)
        => Assert.Equal(valid, IdNumbers.IsValid(idNumber));

    [Fact]
    public void A_masked_number_shows_only_its_first_and_last_characters()
        => Assert.Equal("1****************X", IdNumbers.Mask("11010519491231002X"));
}
