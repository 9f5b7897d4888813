namespace Wallet.Web.Api;

/// <summary>One of the bank's answers (GET /v1/help/articles).</summary>
public sealed record HelpArticle(string ArticleId, string Title, string Body, IReadOnlyList<string> Tags);

public sealed record HelpArticles(IReadOnlyList<HelpArticle> Items);

/// <summary>A conversation with customer care, newest message first.</summary>
public sealed record SupportConversation(string CustomerId, IReadOnlyList<SupportMessage> Messages, string? NextCursor, int UnreadByCustomer, int UnreadByBank, DateTimeOffset? WaitingSince);

/// <summary>A message: <c>author</c> is <c>customer</c> or <c>bank</c>; <c>read</c> says the other side has read it.</summary>
public sealed record SupportMessage(string MessageId, string Author, string? OperatorId, string? Text, IReadOnlyList<SupportAttachment> Attachments,
    string? AboutMovementId, string? AboutClaimId, DateTimeOffset SentAt, bool Read);

public sealed record SupportAttachment(string AttachmentId, string ContentType, int Size);

/// <summary>A conversation waiting for the bank's answer (operators).</summary>
public sealed record SupportWaiting(string CustomerId, DateTimeOffset WaitingSince, DateTimeOffset LastMessageAt, string Preview, int Waiting);

/// <summary>What the Help page sends: text, images as base64, and the movement it is about.</summary>
public sealed record SupportMessageRequest(string? Text, IReadOnlyList<SupportImage>? Attachments, string? AboutMovementId);

public sealed record SupportImage(string Data);

public sealed record SupportReplyRequest(string Text);
