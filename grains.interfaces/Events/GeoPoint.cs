using System.Globalization;

namespace Wallet.Events;

/// <summary>Where a request came from, as the app reports it (<c>X-Client-Location: latitude,longitude</c>, degrees).</summary>
[GenerateSerializer, Immutable, Alias("Wallet.Events.GeoPoint")]
public sealed record GeoPoint([property: Id(0)] double Latitude, [property: Id(1)] double Longitude)
{
    private const double EarthRadiusKm = 6371.0;

    /// <summary>Reads <c>"31.2304,121.4737"</c>; null for anything else (missing, malformed, out of range).</summary>
    public static GeoPoint? Parse(string? text)
    {
        var parts = text?.Split(',', StringSplitOptions.TrimEntries);
        if (parts is not { Length: 2 }
            || !double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var latitude)
            || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var longitude)
            || !double.IsFinite(latitude) || !double.IsFinite(longitude) // "NaN" and "Infinity" parse, and compare false with every range
            || latitude is < -90 or > 90 || longitude is < -180 or > 180)
        {
            return null;
        }
        return new GeoPoint(latitude, longitude);
    }

    /// <summary>The great-circle distance (haversine), in kilometres.</summary>
    public double KilometresTo(GeoPoint other)
    {
        static double Radians(double degrees) => degrees * Math.PI / 180;
        var (dLat, dLon) = (Radians(other.Latitude - Latitude), Radians(other.Longitude - Longitude));
        var a = Math.Pow(Math.Sin(dLat / 2), 2) + (Math.Cos(Radians(Latitude)) * Math.Cos(Radians(other.Latitude)) * Math.Pow(Math.Sin(dLon / 2), 2));
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }
}
