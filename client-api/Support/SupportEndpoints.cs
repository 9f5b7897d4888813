using System.Security.Claims;
using Wallet.ClientApi.Contract;
using Wallet.ClientApi.Hosting;
using Wallet.ClientApi.Http;
using Wallet.ClientApi.Wallets;
using Wallet.Customers;
using Wallet.Identity;
using Wallet.Refusals;
using Wallet.Support;

namespace Wallet.ClientApi.Support;

/// <summary>
/// Help in the app: the customer's conversation with customer care (messages both ways, small images, read marks),
/// and the operators' side of it: the conversations waiting longest first, reading one, answering, marking it read.
/// A customer only ever reaches their own conversation (it is keyed by the caller); an image or a movement of anyone
/// else's is not found, as one that never was.
/// </summary>
public static class SupportEndpoints
{
    /// <summary>The body of a message with its images: three of 256 KiB in base64 and the text fit, with room to spare.</summary>
    public const long MessageBodyLimit = 1024 * 1024 + 64 * 1024;

    public static IEndpointRouteBuilder MapSupport(this IEndpointRouteBuilder routes)
    {
        var me = routes.MapGroup("/v1/me/support").WithTags("Help").RequireAuthorization().AddEndpointFilter<WellFormedIdFilter>();
        me.MapGet("", GetConversation).WithName("GetSupportConversation");
        me.MapPost("/messages", Write).WithName("WriteSupportMessage").MayRefuse(RefusalCodes.InvalidText, RefusalCodes.NotFound)
            .WithIdempotencyKey(required: false).WithMetadata(new BodyLimit(MessageBodyLimit)).RequireRateLimiting(RateLimitSetup.Support);
        me.MapPost("/read", MarkRead).WithName("MarkSupportRead");
        me.MapGet("/attachments/{id}", GetAttachment).WithName("GetSupportAttachment").Produces(StatusCodes.Status200OK, typeof(byte[]), SupportImages.Png, SupportImages.Jpeg, SupportImages.WebP);

        var ops = routes.MapGroup("/v1/ops/support").WithTags("Operators").RequireAuthorization(AuthSetup.OperatorPolicy).AddEndpointFilter<WellFormedIdFilter>();
        ops.MapGet("/waiting", ListWaiting).WithName("ListWaitingSupportConversations");
        ops.MapGet("/conversations/{id}", GetCustomerConversation).WithName("GetCustomerSupportConversation");
        ops.MapPost("/conversations/{id}/messages", Reply).WithName("ReplySupportMessage").MayRefuse(RefusalCodes.InvalidText).WithIdempotencyKey(required: false);
        ops.MapPost("/conversations/{id}/read", MarkReadByBank).WithName("MarkSupportReadByBank");
        ops.MapGet("/conversations/{id}/attachments/{attachmentId}", GetCustomerAttachment).WithName("GetCustomerSupportAttachment")
            .Produces(StatusCodes.Status200OK, typeof(byte[]), SupportImages.Png, SupportImages.Jpeg, SupportImages.WebP);
        return routes;
    }

    /// <summary>The caller's conversation with customer care, newest message first (empty until they first write).</summary>
    public static async Task<Results<Ok<SupportConversationResponse>, ValidationProblem>> GetConversation(ClaimsPrincipal user, IGrainFactory grains, [AsParameters] PageRequest page)
    {
        if (new FieldErrors().Page(page, out var size, out var before).Problem is { } invalid)
        {
            return invalid;
        }
        var conversation = await grains.GetGrain<ISupportConversationGrain>(user.CustomerId()).View(before, size);
        return TypedResults.Ok(SupportConversationResponse.From(conversation, forOperator: false));
    }

    /// <summary>
    /// Writes to customer care: text, up to 3 images (PNG, JPEG or WebP, each at most 256 KiB), or both; about a movement
    /// of the caller's or a claim when it is about one. The conversation joins the operators' waiting list.
    /// </summary>
    public static async Task<Results<Created<SupportMessageResponse>, ValidationProblem>> Write(SupportMessageRequest body, HttpContext context, ClaimsPrincipal user, IGrainFactory grains)
    {
        var (request, keyProblem) = IdempotencyKeys.Read(context, required: false);
        var images = new List<SupportUpload>();
        var errors = new FieldErrors()
            .Check(body.Text is not null || body.Attachments is { Count: > 0 }, "text", "Write a message, attach an image, or both.")
            .Text(body.Text, "text", SupportLimits.MaxText, required: false)
            .Check(body.Attachments is null || body.Attachments.Count <= SupportLimits.MaxAttachments, "attachments", $"Attach at most {SupportLimits.MaxAttachments} images.")
            .Id(body.AboutMovementId, "aboutMovementId", required: false)
            .Check(body.AboutClaimId is null || IsClaimId(body.AboutClaimId), "aboutClaimId", "A claim's id is clm_ and the rest of the id the bank gave it.");
        for (var i = 0; i < (body.Attachments?.Count ?? 0) && i < SupportLimits.MaxAttachments; i++)
        {
            var image = Image(body.Attachments![i]?.Data, out var problem);
            errors.Check(image is not null, $"attachments[{i}].data", problem ?? "");
            if (image is not null)
            {
                images.Add(image);
            }
        }
        if ((keyProblem ?? errors.Problem) is { } invalid)
        {
            return invalid;
        }
        var customerId = user.CustomerId();
        if (body.AboutMovementId is { } movementId && !await SupportMovements.IsCallers(grains, customerId, movementId))
        {
            throw WalletRefusedException.NotFound("The movement");
        }
        if (body.AboutClaimId is { } claimId && await grains.GetGrain<Wallet.Claims.IClaimGrain>(claimId).Find(customerId) is null)
        {
            throw WalletRefusedException.NotFound("The claim"); // another's claim reads as one that does not exist
        }
        var draft = new SupportDraft(Ids.ForIdempotencyKey(IdPrefixes.SupportMessage, customerId, request!.Key), request.Fingerprint, body.Text, images,
            body.AboutMovementId, body.AboutClaimId);
        var posted = await grains.GetGrain<ISupportConversationGrain>(customerId).Write(draft);
        IdempotencyKeys.MarkReplay(context, posted.Replayed);
        return TypedResults.Created("/v1/me/support", SupportMessageResponse.Of(posted.Message, read: false, forOperator: false));
    }

    /// <summary>The caller has read every answer so far: the conversation's <c>unreadByCustomer</c> is 0.</summary>
    public static async Task<NoContent> MarkRead(ClaimsPrincipal user, IGrainFactory grains)
    {
        await grains.GetGrain<ISupportConversationGrain>(user.CustomerId()).MarkRead(SupportSide.Customer);
        return TypedResults.NoContent();
    }

    /// <summary>An image of the caller's conversation, in the type its bytes are.</summary>
    /// <param name="id">The image's id (<c>att_…</c>), from a message of the caller's conversation.</param>
    public static async Task<FileContentHttpResult> GetAttachment(string id, HttpContext context, ClaimsPrincipal user, IGrainFactory grains)
        => await Attachment(context, grains, user.CustomerId(), id);

    /// <summary>The conversations whose customer waits for an answer, the one waiting longest first; an answer takes one off.</summary>
    public static async Task<Results<Ok<Page<SupportWaitingResponse>>, ValidationProblem>> ListWaiting(IGrainFactory grains, [AsParameters] PageRequest page)
    {
        if (new FieldErrors().TextPage(page, out var size, out var after).Problem is { } invalid)
        {
            return invalid;
        }
        var waiting = await grains.GetGrain<ISupportQueueGrain>(0).List(after, size + 1);
        var items = waiting.Take(size).ToList();
        return TypedResults.Ok(new Page<SupportWaitingResponse>([.. items.Select(SupportWaitingResponse.From)],
            waiting.Count > size ? Paging.TextCursor(items[^1].Cursor) : null));
    }

    /// <summary>A customer's conversation as the bank sees it (with the operator who wrote each answer).</summary>
    /// <param name="id">The customer's id (<c>cus_…</c>).</param>
    public static async Task<Results<Ok<SupportConversationResponse>, ValidationProblem>> GetCustomerConversation(string id, IGrainFactory grains, [AsParameters] PageRequest page)
    {
        if (new FieldErrors().Page(page, out var size, out var before).Problem is { } invalid)
        {
            return invalid;
        }
        await RequireCustomer(grains, id);
        return TypedResults.Ok(SupportConversationResponse.From(await grains.GetGrain<ISupportConversationGrain>(id).View(before, size), forOperator: true));
    }

    /// <summary>Answers the customer: the conversation leaves the waiting list, and the customer's inbox says an answer came.</summary>
    /// <param name="id">The customer's id (<c>cus_…</c>).</param>
    public static async Task<Results<Created<SupportMessageResponse>, ValidationProblem>> Reply(string id, SupportReplyRequest body, HttpContext context, ClaimsPrincipal user, IGrainFactory grains)
    {
        var (request, keyProblem) = IdempotencyKeys.Read(context, required: false);
        if ((keyProblem ?? new FieldErrors().Text(body.Text, "text", SupportLimits.MaxText).Problem) is { } invalid)
        {
            return invalid;
        }
        await RequireCustomer(grains, id);
        var operatorId = user.CustomerId();
        var draft = new SupportDraft(Ids.ForIdempotencyKey(IdPrefixes.SupportMessage, operatorId, request!.Key), request.Fingerprint, body.Text, []);
        var posted = await grains.GetGrain<ISupportConversationGrain>(id).Reply(operatorId, draft);
        IdempotencyKeys.MarkReplay(context, posted.Replayed);
        return TypedResults.Created($"/v1/ops/support/conversations/{id}", SupportMessageResponse.Of(posted.Message, read: false, forOperator: true));
    }

    /// <summary>The bank has read every message of the customer's so far (<c>unreadByBank</c> is 0); it still waits for an answer.</summary>
    /// <param name="id">The customer's id (<c>cus_…</c>).</param>
    public static async Task<NoContent> MarkReadByBank(string id, IGrainFactory grains)
    {
        await RequireCustomer(grains, id);
        await grains.GetGrain<ISupportConversationGrain>(id).MarkRead(SupportSide.Bank);
        return TypedResults.NoContent();
    }

    /// <summary>An image of a customer's conversation, in the type its bytes are.</summary>
    /// <param name="id">The customer's id (<c>cus_…</c>).</param>
    /// <param name="attachmentId">The image's id (<c>att_…</c>), from a message of that customer's conversation.</param>
    public static async Task<FileContentHttpResult> GetCustomerAttachment(string id, string attachmentId, HttpContext context, IGrainFactory grains)
        => await Attachment(context, grains, id, attachmentId);

    private static async Task<FileContentHttpResult> Attachment(HttpContext context, IGrainFactory grains, string customerId, string attachmentId)
    {
        var image = attachmentId.StartsWith(IdPrefixes.SupportAttachment + "_", StringComparison.Ordinal)
            ? await grains.GetGrain<ISupportAttachmentGrain>(attachmentId).Read(customerId)
            : null;
        if (image is null)
        {
            throw WalletRefusedException.NotFound("The attachment");
        }
        // What a customer sent is shown as the image it is, and never run as anything else.
        context.Response.Headers.CacheControl = "private, max-age=86400";
        context.Response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        context.Response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.File(image.Bytes, image.ContentType);
    }

    /// <summary>The image the base64 holds, typed by its bytes; null with what is wrong.</summary>
    private static SupportUpload? Image(string? data, out string? problem)
    {
        problem = null;
        if (string.IsNullOrEmpty(data))
        {
            problem = "Give the image as base64.";
            return null;
        }
        if (data.Length > (SupportLimits.MaxAttachmentBytes + 2) / 3 * 4 + 4)
        {
            problem = $"An image is at most {SupportLimits.MaxAttachmentBytes / 1024} KiB.";
            return null;
        }
        var bytes = new byte[data.Length * 3 / 4 + 3];
        if (!Convert.TryFromBase64String(data, bytes, out var length))
        {
            problem = "This is not base64.";
            return null;
        }
        if (length > SupportLimits.MaxAttachmentBytes)
        {
            problem = $"An image is at most {SupportLimits.MaxAttachmentBytes / 1024} KiB.";
            return null;
        }
        var image = bytes.AsSpan(0, length);
        if (SupportImages.Sniff(image) is not { } type)
        {
            problem = "Attach a PNG, JPEG or WebP image.";
            return null;
        }
        return new SupportUpload(type, image.ToArray());
    }

    /// <summary>A claim's id as the bank issues them (<c>clm_…</c>); whose it is is not checked yet.</summary>
    private static bool IsClaimId(string id)
        => id.StartsWith("clm_", StringComparison.Ordinal) && id.Length is > 4 and <= 64 && id.Skip(4).All(char.IsAsciiLetterOrDigit);

    /// <summary>Only a customer has a conversation: anything else (a merchant's id, an unknown one) is not found.</summary>
    private static async Task RequireCustomer(IGrainFactory grains, string id)
    {
        if (!Ids.IsCustomer(id))
        {
            throw WalletRefusedException.NotFound("The customer");
        }
        await grains.GetGrain<ICustomerGrain>(id).GetProfile(); // not found for one that never was
    }
}

/// <summary>A message to customer care: text, images, or both.</summary>
/// <param name="Text">The message, 1 to 2,000 characters; may be left out when images are attached.</param>
/// <param name="Attachments">Up to 3 images, each PNG, JPEG or WebP of at most 256 KiB (the type is read from the image itself).</param>
/// <param name="AboutMovementId">The movement the message is about (<c>tr_…</c>, <c>py_…</c>, …), one of the caller's; 404 otherwise.</param>
/// <param name="AboutClaimId">The claim the message is about (<c>clm_…</c>).</param>
public sealed record SupportMessageRequest(string? Text, IReadOnlyList<SupportAttachmentRequest?>? Attachments, string? AboutMovementId, string? AboutClaimId);

/// <summary>An image to attach.</summary>
/// <param name="Data">The image's bytes, base64.</param>
public sealed record SupportAttachmentRequest(string? Data);

/// <summary>An operator's answer.</summary>
/// <param name="Text">The answer, 1 to 2,000 characters.</param>
public sealed record SupportReplyRequest(string? Text);

/// <summary>A conversation with customer care: a page of its messages, newest first, and who has read what.</summary>
/// <param name="CustomerId">The customer (<c>cus_…</c>).</param>
/// <param name="Messages">Messages, newest first; the latest 200 are kept.</param>
/// <param name="NextCursor">Older messages: the <c>cursor</c> of the next page; null when there are none.</param>
/// <param name="UnreadByCustomer">The bank's messages the customer has not read.</param>
/// <param name="UnreadByBank">The customer's messages the bank has not read.</param>
/// <param name="WaitingSince">Since when the customer waits for an answer (their oldest unanswered message), UTC, ISO 8601; null when the bank spoke last.</param>
public sealed record SupportConversationResponse(string CustomerId, IReadOnlyList<SupportMessageResponse> Messages, string? NextCursor,
    int UnreadByCustomer, int UnreadByBank, DateTimeOffset? WaitingSince)
{
    public static SupportConversationResponse From(SupportConversation c, bool forOperator)
        => new(c.CustomerId, [.. c.Messages.Select(m => SupportMessageResponse.Of(m, c.IsRead(m), forOperator))],
            c.NextBefore is { } next ? Paging.Cursor(next) : null, c.UnreadByCustomer, c.UnreadByBank, c.WaitingSince);
}

/// <summary>A message of a conversation.</summary>
/// <param name="MessageId">The message's id (<c>msg_…</c>).</param>
/// <param name="Author">Who wrote it (see the SupportSide schema): <c>customer</c> or <c>bank</c>.</param>
/// <param name="OperatorId">The operator who wrote a bank message (<c>cus_…</c>), shown to operators only; null otherwise.</param>
/// <param name="Text">The text, or null for images alone.</param>
/// <param name="Attachments">Its images.</param>
/// <param name="AboutMovementId">The movement it is about, or null.</param>
/// <param name="AboutClaimId">The claim it is about, or null.</param>
/// <param name="SentAt">When it was sent, UTC, ISO 8601.</param>
/// <param name="Read">Whether the other side has read it.</param>
public sealed record SupportMessageResponse(string MessageId, SupportSide Author, string? OperatorId, string? Text, IReadOnlyList<SupportAttachmentResponse> Attachments,
    string? AboutMovementId, string? AboutClaimId, DateTimeOffset SentAt, bool Read)
{
    public static SupportMessageResponse Of(SupportMessage m, bool read, bool forOperator)
        => new(m.MessageId, m.From, forOperator ? m.OperatorId : null, m.Text, [.. m.Attachments.Select(a => new SupportAttachmentResponse(a.AttachmentId, a.ContentType, a.Size))],
            m.AboutMovementId, m.AboutClaimId, m.SentAt, read);
}

/// <summary>An image of a message; fetch it from the conversation's <c>attachments/{id}</c>.</summary>
/// <param name="AttachmentId">The image's id (<c>att_…</c>).</param>
/// <param name="ContentType"><c>image/png</c>, <c>image/jpeg</c> or <c>image/webp</c>: what its bytes are.</param>
/// <param name="Size">Its size in bytes.</param>
public sealed record SupportAttachmentResponse(string AttachmentId, string ContentType, int Size);

/// <summary>A conversation waiting for the bank's answer.</summary>
/// <param name="CustomerId">The customer (<c>cus_…</c>).</param>
/// <param name="WaitingSince">When the customer's oldest unanswered message was sent, UTC, ISO 8601.</param>
/// <param name="LastMessageAt">When their latest message was sent, UTC, ISO 8601.</param>
/// <param name="Preview">The first words of their latest message.</param>
/// <param name="Waiting">How many of their messages wait for the answer.</param>
public sealed record SupportWaitingResponse(string CustomerId, DateTimeOffset WaitingSince, DateTimeOffset LastMessageAt, string Preview, int Waiting)
{
    public static SupportWaitingResponse From(SupportWaiting w) => new(w.CustomerId, w.WaitingSince, w.LastMessageAt, w.Preview, w.Waiting);
}
