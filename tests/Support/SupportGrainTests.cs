using Wallet.Refusals;
using Wallet.Support;
using Wallet.Tests.Infrastructure;

namespace Wallet.Tests.Support;

/// <summary>The grains behind help: images known by their bytes, the waiting list's order and cursor, and a conversation that keeps its latest messages.</summary>
[Collection(ClusterCollection.Name)]
public sealed class SupportGrainTests(ClusterFixture fixture)
{
    [Fact]
    public void Images_are_known_by_their_first_bytes_only()
    {
        Assert.Equal(SupportImages.Png, SupportImages.Sniff(SupportApi.Png()));
        Assert.Equal(SupportImages.Jpeg, SupportImages.Sniff(SupportApi.Jpeg()));
        Assert.Equal(SupportImages.WebP, SupportImages.Sniff(SupportApi.WebP()));
        Assert.Null(SupportImages.Sniff("GIF89a......"u8));
        Assert.Null(SupportImages.Sniff("<svg xmlns='http://www.w3.org/2000/svg'/>"u8));
        Assert.Null(SupportImages.Sniff("RIFF....WAVE"u8)); // RIFF, but sound
        Assert.Null(SupportImages.Sniff([0x89, (byte)'P', (byte)'N']));
        Assert.Null(SupportImages.Sniff([]));
    }

    [Fact]
    public async Task The_waiting_list_pages_oldest_first_and_the_same_instant_by_customer()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var at = new DateTimeOffset(1990, 1, 1, 8, 0, 0, TimeSpan.Zero); // before anything else a test records
        var queue = fixture.Grains.GetGrain<ISupportQueueGrain>(0);
        var entries = Enumerable.Range(0, 5).Select(i => new SupportWaiting($"cus_{run}_{i}", at.AddMinutes(i < 2 ? 0 : i), at, "hello", 1)).Reverse().ToList();
        foreach (var entry in entries)
        {
            await queue.Waiting(entry);
        }
        await queue.Waiting(entries[0]); // told again: still one entry

        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = await queue.List(cursor, 2);
            seen.AddRange(page.Select(w => w.CustomerId));
            cursor = page.Count == 2 ? page[^1].Cursor : null;
        }
        while (cursor is not null && seen.Count < 100);
        Assert.Equal(Enumerable.Range(0, 5).Select(i => $"cus_{run}_{i}"), seen.Where(id => id.Contains(run, StringComparison.Ordinal)));

        foreach (var entry in entries)
        {
            await queue.Answered(entry.CustomerId);
        }
        Assert.DoesNotContain(await queue.List(null, 100), w => w.CustomerId.Contains(run, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_conversation_keeps_its_latest_messages_and_refuses_what_the_facade_would()
    {
        var conversation = fixture.Grains.GetGrain<ISupportConversationGrain>($"cus_{Guid.NewGuid():N}");
        for (var i = 1; i <= SupportLimits.KeptMessages + 5; i++)
        {
            await conversation.Write(new SupportDraft($"msg_{i}", $"f{i}", $"message {i}", []));
        }

        var view = await conversation.View(null, 100);
        Assert.Equal($"message {SupportLimits.KeptMessages + 5}", view.Messages[0].Text);
        Assert.Equal(SupportLimits.KeptMessages, view.UnreadByBank);
        var oldest = await conversation.View(view.Messages[^1].Sequence, 1_000);
        Assert.Equal("message 6", oldest.Messages[^1].Text);

        var spoofed = await Assert.ThrowsAsync<WalletRefusedException>(() => conversation.Write(new SupportDraft("msg_x", "fx", "x", [new SupportUpload(SupportImages.Png, SupportApi.Jpeg())])));
        Assert.Equal(RefusalCodes.ValidationFailed, spoofed.Code);
        await Assert.ThrowsAsync<WalletRefusedException>(() => conversation.Write(new SupportDraft("msg_y", "fy", null, [])));
        var reused = await Assert.ThrowsAsync<WalletRefusedException>(() => conversation.Write(new SupportDraft("msg_100", "another", "x", [])));
        Assert.Equal(RefusalCodes.IdempotencyKeyReused, reused.Code);
        await conversation.Reply("cus_operator", new SupportDraft("msg_answer", "fa", "answered", []));
        Assert.Null((await conversation.View(null, 1)).WaitingSince);
    }

    [Fact]
    public async Task The_images_of_messages_that_drop_out_are_deleted_with_them_and_erasing_deletes_the_rest()
    {
        var customer = $"cus_{Guid.NewGuid():N}";
        var conversation = fixture.Grains.GetGrain<ISupportConversationGrain>(customer);
        var first = (await conversation.Write(new SupportDraft("msg_first", "f0", "with an image", [new SupportUpload(SupportImages.Png, SupportApi.Png())]))).Message;
        var kept = (await conversation.Write(new SupportDraft("msg_kept", "f1", null, [new SupportUpload(SupportImages.Jpeg, SupportApi.Jpeg())]))).Message;
        var firstImage = fixture.Grains.GetGrain<ISupportAttachmentGrain>(first.Attachments[0].AttachmentId);
        var keptImage = fixture.Grains.GetGrain<ISupportAttachmentGrain>(kept.Attachments[0].AttachmentId);
        for (var i = 1; i < SupportLimits.KeptMessages; i++)
        {
            await conversation.Write(new SupportDraft($"msg_{i}", $"f{i + 1}", $"message {i}", []));
        }
        Assert.Null(await firstImage.Read(customer)); // its message dropped out with the 201st
        Assert.NotNull(await keptImage.Read(customer));
        Assert.Equal(SupportLimits.KeptMessages, (await conversation.View(null, 1_000)).Messages.Count);

        await keptImage.Erase("cus_someone_else"); // not theirs to erase
        Assert.NotNull(await keptImage.Read(customer));
        await conversation.Erase();
        await conversation.Erase(); // asked again: nothing more to do
        Assert.Null(await keptImage.Read(customer));
        Assert.Empty((await conversation.View(null, 1_000)).Messages);
        Assert.DoesNotContain(await fixture.Grains.GetGrain<ISupportQueueGrain>(0).List(null, 1_000), w => w.CustomerId == customer);
    }
}
