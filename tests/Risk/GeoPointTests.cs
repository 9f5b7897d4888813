using Wallet.Events;

namespace Wallet.Tests.Risk;

/// <summary>The app's location header: a well-formed one is read, anything else is taken as no location at all.</summary>
public sealed class GeoPointTests
{
    [Theory]
    [InlineData("31.2304,121.4737", 31.2304, 121.4737)]
    [InlineData(" -33.8688 , 151.2093 ", -33.8688, 151.2093)]
    public void A_latitude_and_longitude_are_read(string header, double latitude, double longitude)
        => Assert.Equal(new GeoPoint(latitude, longitude), GeoPoint.Parse(header));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("31.2")]
    [InlineData("31.2,121.4,7")]
    [InlineData("91,0")]
    [InlineData("0,181")]
    [InlineData("NaN,121.4")]
    [InlineData("31.2,Infinity")]
    [InlineData("north,east")]
    public void Anything_else_is_no_location(string? header) => Assert.Null(GeoPoint.Parse(header));

    [Fact]
    public void Shanghai_to_Beijing_is_about_1070_km() => Assert.InRange(new GeoPoint(31.2304, 121.4737).KilometresTo(new GeoPoint(39.9042, 116.4074)), 1_050, 1_090);
}
