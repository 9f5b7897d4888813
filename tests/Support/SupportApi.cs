using System.Net;
using System.Text.Json;
using Wallet.Tests.Infrastructure;
using static Wallet.Tests.Infrastructure.ApiCustomer;

namespace Wallet.Tests.Support;

/// <summary>What the help tests share: images of each kind (by their first bytes), and the routes' samples for the authorization matrix.</summary>
public static class SupportApi
{
    public static byte[] Png(int size = 64) => Image([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A], size);

    public static byte[] Jpeg(int size = 64) => Image([0xFF, 0xD8, 0xFF, 0xE0], size);

    public static byte[] WebP(int size = 64) => Image([.. "RIFF"u8, 0, 0, 0, 0, .. "WEBP"u8], size);

    private static byte[] Image(byte[] magic, int size)
    {
        var bytes = new byte[size];
        Random.Shared.NextBytes(bytes);
        magic.CopyTo(bytes, 0);
        return bytes;
    }

    public static object Attachment(byte[] bytes) => new { data = Convert.ToBase64String(bytes) };

    /// <summary>The customer's message with its images; the created message.</summary>
    public static async Task<JsonElement> Write(ApiCustomer customer, string? text, params byte[][] images)
        => await Json(await customer.Post("/v1/me/support/messages", images.Length == 0 ? new { text } : new { text, attachments = images.Select(Attachment).ToArray() }),
            HttpStatusCode.Created);

    /// <summary>Every waiting conversation, oldest first, page by page.</summary>
    public static async Task<List<JsonElement>> Waiting(HttpClient ops, int limit = 100)
    {
        var all = new List<JsonElement>();
        string? cursor = null;
        do
        {
            var page = await Json(await ops.GetAsync($"/v1/ops/support/waiting?limit={limit}" + (cursor is null ? "" : $"&cursor={cursor}")), HttpStatusCode.OK);
            all.AddRange(page.GetProperty("items").EnumerateArray());
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);
        return all;
    }

    /// <summary>The help routes aimed at Alice's conversation: her image, her transfer (Mallory may link neither).</summary>
    public static async Task<Dictionary<string, (string Path, object? Body, bool StrangerSeesNotFound)>> MatrixSamples(ApiCustomer alice, string transfer)
    {
        var message = await Write(alice, "My transfer did not arrive.", Png());
        var attachment = message.GetProperty("attachments")[0].GetProperty("attachmentId").GetString()!;
        return new()
        {
            ["GET /v1/me/support"] = ("/v1/me/support", null, false),
            ["POST /v1/me/support/messages"] = ("/v1/me/support/messages", new { text = "about this", aboutMovementId = transfer }, true),
            ["POST /v1/me/support/read"] = ("/v1/me/support/read", null, false),
            ["GET /v1/me/support/attachments/{id}"] = ($"/v1/me/support/attachments/{attachment}", null, true),
            ["GET /v1/ops/support/waiting"] = ("/v1/ops/support/waiting", null, false),
            ["GET /v1/ops/support/conversations/{id}"] = ($"/v1/ops/support/conversations/{alice.Id}", null, false),
            ["POST /v1/ops/support/conversations/{id}/messages"] = ($"/v1/ops/support/conversations/{alice.Id}/messages", new { text = "x" }, false),
            ["POST /v1/ops/support/conversations/{id}/read"] = ($"/v1/ops/support/conversations/{alice.Id}/read", null, false),
            ["GET /v1/ops/support/conversations/{id}/attachments/{attachmentId}"] = ($"/v1/ops/support/conversations/{alice.Id}/attachments/{attachment}", null, false),
        };
    }
}
