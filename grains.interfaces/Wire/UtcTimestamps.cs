using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wallet.Wire;

/// <summary>
/// Every timestamp the API answers with is in one format: UTC, ISO 8601, ending in <c>Z</c>
/// (<c>2026-12-01T09:30:00.123Z</c>), whatever offset it was made or sent with (a campaign's start given in
/// Shanghai time, the end of a lock computed at Shanghai midnight). Requests may send any offset.
/// </summary>
public sealed class UtcTimestamps : JsonConverter<DateTimeOffset>
{
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'";

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => reader.GetDateTimeOffset();

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
        => writer.WriteStringValue(value.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture));
}
