namespace Wallet.Support;

/// <summary>
/// A customer's one conversation with the bank's customer care, keyed by the customer's id: messages both ways, who has
/// read what, and since when the customer waits for an answer. Only the latest <see cref="SupportLimits.KeptMessages"/>
/// messages are kept; the images live in their own grains (<see cref="ISupportAttachmentGrain"/>), never in this state.
/// A message's id comes from its idempotency key: sent again, the recorded message is the answer and nothing is added.
/// </summary>
[Alias("Wallet.ISupportConversationGrain")]
public interface ISupportConversationGrain : IGrainWithStringKey
{
    /// <summary>The customer writes; the conversation joins the operators' waiting list if it was not on it.</summary>
    [Alias("Write")]
    Task<SupportPosted> Write(SupportDraft draft);

    /// <summary>An operator answers: the conversation leaves the waiting list and the customer's inbox is told.</summary>
    [Alias("Reply")]
    Task<SupportPosted> Reply(string operatorId, SupportDraft draft);

    /// <summary>Messages newest first, those before sequence <paramref name="before"/> when given; at most <paramref name="limit"/>.</summary>
    [Alias("View")]
    Task<SupportConversation> View(long? before, int limit);

    /// <summary>The <paramref name="reader"/>'s side has read every message of the other side's so far.</summary>
    [Alias("MarkRead")]
    Task MarkRead(SupportSide reader);

    /// <summary>
    /// The customer closed their account: every message and image is deleted and the conversation leaves the waiting list.
    /// Safe to ask again; a closed account writes no more.
    /// </summary>
    [Alias("Erase")]
    Task Erase();
}

/// <summary>Who wrote a message: the customer, or the bank (an operator).</summary>
public enum SupportSide
{
    Customer = 0,
    Bank = 1,
}

/// <summary>The bounds of a conversation and its images.</summary>
public static class SupportLimits
{
    /// <summary>The messages a conversation keeps; older ones drop out.</summary>
    public const int KeptMessages = 200;

    /// <summary>The characters of one message.</summary>
    public const int MaxText = 2_000;

    /// <summary>Images one message may carry.</summary>
    public const int MaxAttachments = 3;

    /// <summary>The bytes of one image (after base64 decoding).</summary>
    public const int MaxAttachmentBytes = 256 * 1024;
}

/// <summary>An image to attach: its bytes and the content type the bank found in them (never the client's word).</summary>
[GenerateSerializer, Immutable, Alias("Wallet.SupportUpload")]
public sealed record SupportUpload(
    [property: Id(0)] string ContentType,
    [property: Id(1)] byte[] Bytes);

/// <summary>
/// A message to post, checked by the facade: its id (from the idempotency key) and the request's fingerprint, the text
/// (null with images only), the images, and what it is about (a movement of the customer's, a claim).
/// </summary>
[GenerateSerializer, Immutable, Alias("Wallet.SupportDraft")]
public sealed record SupportDraft(
    [property: Id(0)] string MessageId,
    [property: Id(1)] string Fingerprint,
    [property: Id(2)] string? Text,
    [property: Id(3)] IReadOnlyList<SupportUpload> Attachments,
    [property: Id(4)] string? AboutMovementId = null,
    [property: Id(5)] string? AboutClaimId = null);

/// <summary>An image kept with a message: its id, the content type its bytes showed, and its size.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.SupportAttachmentRef")]
public sealed record SupportAttachmentRef(
    [property: Id(0)] string AttachmentId,
    [property: Id(1)] string ContentType,
    [property: Id(2)] int Size);

/// <summary>A message in a conversation; <paramref name="OperatorId"/> is the operator's who wrote a bank message.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.SupportMessage")]
public sealed record SupportMessage(
    [property: Id(0)] string MessageId,
    [property: Id(1)] long Sequence,
    [property: Id(2)] SupportSide From,
    [property: Id(3)] string? OperatorId,
    [property: Id(4)] string? Text,
    [property: Id(5)] IReadOnlyList<SupportAttachmentRef> Attachments,
    [property: Id(6)] string? AboutMovementId,
    [property: Id(7)] string? AboutClaimId,
    [property: Id(8)] DateTimeOffset SentAt,
    [property: Id(9)] string Fingerprint);

/// <summary>The message posted, and whether it was posted before (a replay of the same key).</summary>
[GenerateSerializer, Immutable, Alias("Wallet.SupportPosted")]
public sealed record SupportPosted(
    [property: Id(0)] SupportMessage Message,
    [property: Id(1)] bool Replayed);

/// <summary>
/// A page of a conversation: messages newest first, <paramref name="NextBefore"/> the sequence to page on from; each side's
/// read mark (the last sequence it has read of the other side's), the unread count of each side, and since when the
/// customer waits for an answer (null when the bank spoke last).
/// </summary>
[GenerateSerializer, Immutable, Alias("Wallet.SupportConversation")]
public sealed record SupportConversation(
    [property: Id(0)] string CustomerId,
    [property: Id(1)] IReadOnlyList<SupportMessage> Messages,
    [property: Id(2)] long? NextBefore,
    [property: Id(3)] long CustomerReadThrough,
    [property: Id(4)] long BankReadThrough,
    [property: Id(5)] int UnreadByCustomer,
    [property: Id(6)] int UnreadByBank,
    [property: Id(7)] DateTimeOffset? WaitingSince)
{
    /// <summary>Whether the other side has read the message.</summary>
    public bool IsRead(SupportMessage message)
        => message.From == SupportSide.Customer ? message.Sequence <= BankReadThrough : message.Sequence <= CustomerReadThrough;
}
