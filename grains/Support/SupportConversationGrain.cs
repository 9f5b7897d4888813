using Wallet.Hosting;
using Wallet.Identity;
using Wallet.Notifications;
using Wallet.Refusals;

namespace Wallet.Support;

/// <summary>
/// A customer's conversation with customer care. The state is written first; the waiting list and the customer's inbox
/// are told after it, by the whole entry or by id, so a replay of the same message (or the next activation, for the
/// waiting list) tells them again and nothing is counted twice.
/// </summary>
public sealed class SupportConversationGrain(
    [PersistentState("support", StorageNames.Wallet)] IPersistentState<SupportConversationState> conversation,
    [FromKeyedServices(WalletClock.Key)] TimeProvider clock)
    : Grain, ISupportConversationGrain
{
    public const string NotificationKind = "support_reply";

    private const int PreviewLength = 80;

    private string CustomerId => this.GetPrimaryKeyString();

    private SupportConversationState State => conversation.State;

    /// <summary>A waiting conversation the list lost (a failure after the write) is put back when it is next used.</summary>
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (State.WaitingSince is not null)
        {
            await Queue.Waiting(WaitingEntry());
        }
    }

    public Task<SupportPosted> Write(SupportDraft draft) => Post(SupportSide.Customer, null, draft);

    public Task<SupportPosted> Reply(string operatorId, SupportDraft draft) => Post(SupportSide.Bank, operatorId, draft);

    public Task<SupportConversation> View(long? before, int limit)
    {
        var newestFirst = Enumerable.Reverse(State.Messages).Where(m => before is not { } b || m.Sequence < b).ToList();
        var page = newestFirst.Take(limit).ToList();
        var next = newestFirst.Count > page.Count && page.Count > 0 ? page[^1].Sequence : (long?)null;
        return Task.FromResult(new SupportConversation(CustomerId, page, next, State.CustomerReadThrough, State.BankReadThrough,
            Unread(SupportSide.Customer), Unread(SupportSide.Bank), State.WaitingSince));
    }

    public async Task MarkRead(SupportSide reader)
    {
        var through = State.Messages.LastOrDefault(m => m.From != reader)?.Sequence ?? 0;
        var changed = reader == SupportSide.Customer ? State.CustomerReadThrough < through : State.BankReadThrough < through;
        if (!changed)
        {
            return;
        }
        if (reader == SupportSide.Customer)
        {
            State.CustomerReadThrough = through;
        }
        else
        {
            State.BankReadThrough = through;
        }
        await conversation.WriteStateAsync();
        if (reader == SupportSide.Bank && State.WaitingSince is not null)
        {
            await Queue.Waiting(WaitingEntry());
        }
    }

    private async Task<SupportPosted> Post(SupportSide from, string? operatorId, SupportDraft draft)
    {
        if (State.Messages.Find(m => m.MessageId == draft.MessageId) is { } known)
        {
            if (known.Fingerprint != draft.Fingerprint || known.From != from)
            {
                throw new WalletRefusedException(RefusalCodes.IdempotencyKeyReused, "This Idempotency-Key was used for another message.");
            }
            await TellOthers(known);
            return new SupportPosted(known, Replayed: true);
        }
        Check(draft);
        var attachments = new List<SupportAttachmentRef>();
        for (var i = 0; i < draft.Attachments.Count; i++)
        {
            var image = draft.Attachments[i];
            var attachmentId = Ids.ForIdempotencyKey(IdPrefixes.SupportAttachment, draft.MessageId, i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await GrainFactory.GetGrain<ISupportAttachmentGrain>(attachmentId).Store(CustomerId, image);
            attachments.Add(new SupportAttachmentRef(attachmentId, image.ContentType, image.Bytes.Length));
        }
        var now = clock.GetUtcNow();
        var message = new SupportMessage(draft.MessageId, State.LastSequence + 1, from, operatorId, draft.Text, attachments,
            draft.AboutMovementId, draft.AboutClaimId, now, draft.Fingerprint);
        State.LastSequence = message.Sequence;
        State.Messages.Add(message);
        if (State.Messages.Count > SupportLimits.KeptMessages)
        {
            // The images of messages that drop out go first: should the write then fail, an old message shows a missing
            // image, rather than an image no message points to staying in the store for good.
            var dropped = State.Messages.Count - SupportLimits.KeptMessages;
            await EraseImages(State.Messages.Take(dropped));
            State.Messages.RemoveRange(0, dropped);
        }
        State.WaitingSince = from == SupportSide.Customer ? State.WaitingSince ?? now : null;
        await conversation.WriteStateAsync();
        await TellOthers(message);
        return new SupportPosted(message, Replayed: false);
    }

    public async Task Erase()
    {
        // Images first, each safe to erase again: a failure part-way leaves the messages that name the rest for the next try.
        await EraseImages(State.Messages);
        if (conversation.RecordExists)
        {
            await conversation.ClearStateAsync();
        }
        conversation.State = new SupportConversationState();
        await Queue.Answered(CustomerId);
    }

    private async Task EraseImages(IEnumerable<SupportMessage> messages)
    {
        foreach (var image in messages.SelectMany(m => m.Attachments))
        {
            await GrainFactory.GetGrain<ISupportAttachmentGrain>(image.AttachmentId).Erase(CustomerId);
        }
    }

    /// <summary>The facade checked the draft; this keeps a caller that did not from storing what the bank would never show.</summary>
    private static void Check(SupportDraft draft)
    {
        var empty = string.IsNullOrEmpty(draft.Text) && draft.Attachments.Count == 0;
        if (empty || draft.Text?.Length > SupportLimits.MaxText || draft.Attachments.Count > SupportLimits.MaxAttachments
            || draft.Attachments.Any(a => a.Bytes.Length > SupportLimits.MaxAttachmentBytes || SupportImages.Sniff(a.Bytes) != a.ContentType))
        {
            throw new WalletRefusedException(RefusalCodes.ValidationFailed, "A message is text, images, or both, within their limits.");
        }
    }

    /// <summary>The waiting list learns where the conversation stands; the customer's inbox learns of an answer.</summary>
    private async Task TellOthers(SupportMessage message)
    {
        if (State.WaitingSince is not null)
        {
            await Queue.Waiting(WaitingEntry());
        }
        else
        {
            await Queue.Answered(CustomerId);
        }
        if (message.From == SupportSide.Bank)
        {
            await GrainFactory.GetGrain<INotificationInboxGrain>(CustomerId).Post(new Notification(
                message.MessageId, NotificationKind, "Customer care answered you", Preview(message, 140), message.SentAt, message.MessageId));
        }
    }

    private SupportWaiting WaitingEntry()
    {
        var last = State.Messages.LastOrDefault(m => m.From == SupportSide.Customer);
        var waiting = State.Messages.Count(m => m.From == SupportSide.Customer && m.SentAt >= State.WaitingSince);
        return new SupportWaiting(CustomerId, State.WaitingSince!.Value, last?.SentAt ?? State.WaitingSince.Value, last is null ? "" : Preview(last, PreviewLength), waiting);
    }

    private int Unread(SupportSide reader)
    {
        var through = reader == SupportSide.Customer ? State.CustomerReadThrough : State.BankReadThrough;
        return State.Messages.Count(m => m.From != reader && m.Sequence > through);
    }

    private static string Preview(SupportMessage message, int length)
        => message.Text is { Length: > 0 } text
            ? (text.Length <= length ? text : string.Concat(text.AsSpan(0, length - 1), "…"))
            : message.Attachments.Count == 1 ? "An image." : $"{message.Attachments.Count} images.";

    private ISupportQueueGrain Queue => GrainFactory.GetGrain<ISupportQueueGrain>(0);
}

[GenerateSerializer, Alias("Wallet.SupportConversationState")]
public sealed class SupportConversationState
{
    /// <summary>The latest messages, oldest first.</summary>
    [Id(0)] public List<SupportMessage> Messages { get; set; } = [];

    [Id(1)] public long LastSequence { get; set; }

    /// <summary>The last sequence of the bank's messages the customer has read.</summary>
    [Id(2)] public long CustomerReadThrough { get; set; }

    /// <summary>The last sequence of the customer's messages the bank has read.</summary>
    [Id(3)] public long BankReadThrough { get; set; }

    /// <summary>When the customer's oldest message the bank has not answered was sent; null when the bank spoke last.</summary>
    [Id(4)] public DateTimeOffset? WaitingSince { get; set; }
}
