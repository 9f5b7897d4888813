using Wallet.Hosting;
using Wallet.Refusals;

namespace Wallet.Support;

/// <summary>One image of a support message, with the customer it belongs to; written once.</summary>
public sealed class SupportAttachmentGrain([PersistentState("support-attachment", StorageNames.Wallet)] IPersistentState<SupportAttachmentState> attachment)
    : Grain, ISupportAttachmentGrain
{
    public async Task Store(string customerId, SupportUpload image)
    {
        if (attachment.State.CustomerId is { } owner)
        {
            if (owner != customerId)
            {
                throw new WalletRefusedException(RefusalCodes.IdempotencyKeyReused, "This attachment belongs to another conversation.");
            }
            return;
        }
        attachment.State.CustomerId = customerId;
        attachment.State.ContentType = image.ContentType;
        attachment.State.Bytes = image.Bytes;
        await attachment.WriteStateAsync();
    }

    public Task<SupportUpload?> Read(string customerId)
        => Task.FromResult(attachment.State.CustomerId == customerId && attachment.State.ContentType is { } type
            ? new SupportUpload(type, attachment.State.Bytes)
            : null);

    public async Task Erase(string customerId)
    {
        if (attachment.State.CustomerId == customerId)
        {
            await attachment.ClearStateAsync();
            attachment.State = new SupportAttachmentState(); // nothing of the image stays in memory either
        }
    }
}

[GenerateSerializer, Alias("Wallet.SupportAttachmentState")]
public sealed class SupportAttachmentState
{
    [Id(0)] public string? CustomerId { get; set; }

    [Id(1)] public string? ContentType { get; set; }

    [Id(2)] public byte[] Bytes { get; set; } = [];
}
