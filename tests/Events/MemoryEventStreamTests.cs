using Wallet.Tests.Infrastructure;

namespace Wallet.Tests.Events;

/// <summary>The embedded mode's in-memory streams: an implicit subscriber hears every event of its stream.</summary>
[Collection(ClusterCollection.Name)]
public sealed class MemoryEventStreamTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Implicit_subscribers_receive_each_event_of_their_stream()
    {
        var streams = Enumerable.Range(0, 4).Select(_ => Guid.NewGuid().ToString("N")).ToArray();
        var published = streams.SelectMany(stream => Enumerable.Range(0, 5).Select(n => (Stream: stream, Id: $"{stream}-{n}"))).ToList();

        foreach (var (stream, id) in published)
        {
            await fixture.Grains.GetGrain<IEventProbePublisher>(Guid.NewGuid().ToString()).Publish(stream, id);
        }

        foreach (var stream in streams)
        {
            var expected = published.Where(e => e.Stream == stream).Select(e => e.Id).Order().ToArray();
            var inbox = fixture.Grains.GetGrain<IEventProbeInbox>(stream);
            await Eventually.Until(async () => (await inbox.Received()).Ids.Length == expected.Length, $"the 5 events of stream {stream}", TimeSpan.FromSeconds(30));
            Assert.Equal(expected, (await inbox.Received()).Ids.Order().ToArray());
        }
    }
}
