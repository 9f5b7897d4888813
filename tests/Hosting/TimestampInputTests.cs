using System.Text.Json;
using Wallet.ClientApi.Hosting;

namespace Wallet.Tests.Hosting;

/// <summary>
/// Timestamps are read by the API's own converter (every answer writes them in UTC ending in Z): a request's
/// timestamp in any offset is taken, and one that is not a timestamp is a JSON error (a 400), never a 500.
/// </summary>
public sealed class TimestampInputTests
{
    private sealed record Window(DateTimeOffset EndsAt);

    private static readonly JsonSerializerOptions s_api = Api();

    [Fact]
    public void A_timestamp_in_any_offset_is_read_and_answered_in_utc()
    {
        var read = JsonSerializer.Deserialize<Window>("""{"endsAt":"2099-01-01T08:00:00+08:00"}""", s_api)!;

        Assert.Equal(new DateTimeOffset(2099, 1, 1, 0, 0, 0, TimeSpan.Zero), read.EndsAt);
        Assert.Equal("""{"endsAt":"2099-01-01T00:00:00Z"}""", JsonSerializer.Serialize(read, s_api));
    }

    [Theory]
    [InlineData("""{"endsAt":"tomorrow"}""")]
    [InlineData("""{"endsAt":20990101}""")]
    [InlineData("""{"endsAt":null}""")]
    public void Anything_else_is_a_json_error(string body)
        => Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Window>(body, s_api));

    private static JsonSerializerOptions Api()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        HttpSetup.Configure(options);
        return options;
    }
}
