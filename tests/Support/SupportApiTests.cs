using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Wallet.Support;
using Wallet.Tests.Infrastructure;
using static Wallet.Tests.Infrastructure.ApiCustomer;
using static Wallet.Tests.Support.SupportApi;

namespace Wallet.Tests.Support;

/// <summary>
/// Help in the app: a customer's conversation with customer care, both ways, with images, read marks and the
/// movement a message is about; the operators' waiting list, oldest first; the bank's answers searched before writing.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class SupportApiTests(ApiFixture api)
{
    [Fact]
    public async Task A_customer_writes_about_a_transfer_with_an_image_and_the_bank_answers_read_marks_both_ways()
    {
        var alice = await Register(api);
        var bob = await Register(api);
        var wallet = await alice.FundedWallet(10_000);
        var transfer = (await Json(await alice.Post("/v1/transfers", alice.TransferBody(wallet, await bob.OpenWallet(), 100), "support-tr"), HttpStatusCode.Created))
            .GetProperty("transferId").GetString()!;
        var ops = await Operator.SignIn(api);
        var image = Png(5_000);

        Assert.Equal(0, (await Json(await alice.Http.GetAsync("/v1/me/support"), HttpStatusCode.OK)).GetProperty("messages").GetArrayLength());
        var sent = await Json(await alice.Post("/v1/me/support/messages", new { text = "Bob says my ¥1.00 never came.", attachments = new[] { Attachment(image) }, aboutMovementId = transfer }),
            HttpStatusCode.Created);
        Assert.Equal(("customer", transfer, false), (sent.GetProperty("author").GetString(), sent.GetProperty("aboutMovementId").GetString(), sent.GetProperty("read").GetBoolean()));
        var attachment = sent.GetProperty("attachments")[0];
        Assert.Equal(("image/png", 5_000), (attachment.GetProperty("contentType").GetString(), attachment.GetProperty("size").GetInt32()));
        var attachmentId = attachment.GetProperty("attachmentId").GetString()!;

        // the image comes back as it was sent, typed by its bytes, and never to be run
        var fetched = await alice.Http.GetAsync($"/v1/me/support/attachments/{attachmentId}");
        Assert.Equal(HttpStatusCode.OK, fetched.StatusCode);
        Assert.Equal("image/png", fetched.Content.Headers.ContentType?.MediaType);
        Assert.Equal(image, await fetched.Content.ReadAsByteArrayAsync());
        Assert.Equal("nosniff", fetched.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(image, await (await ops.GetAsync($"/v1/ops/support/conversations/{alice.Id}/attachments/{attachmentId}")).Content.ReadAsByteArrayAsync());

        // the bank sees it waiting, unread; reading it marks the customer's message read, and it still waits
        var seen = await Json(await ops.GetAsync($"/v1/ops/support/conversations/{alice.Id}"), HttpStatusCode.OK);
        Assert.Equal((1, 0), (seen.GetProperty("unreadByBank").GetInt32(), seen.GetProperty("unreadByCustomer").GetInt32()));
        Assert.Contains(await Waiting(ops), w => w.GetProperty("customerId").GetString() == alice.Id && w.GetProperty("waiting").GetInt32() == 1);
        Assert.Equal(HttpStatusCode.NoContent, (await ops.PostAsync($"/v1/ops/support/conversations/{alice.Id}/read", null)).StatusCode);
        var mine = await Json(await alice.Http.GetAsync("/v1/me/support"), HttpStatusCode.OK);
        Assert.True(mine.GetProperty("messages")[0].GetProperty("read").GetBoolean());
        Assert.Equal(0, mine.GetProperty("unreadByBank").GetInt32());
        Assert.Contains(await Waiting(ops), w => w.GetProperty("customerId").GetString() == alice.Id);

        // the answer: off the waiting list, unread by the customer, and their inbox says so
        var answer = await Json(await ops.PostAsJsonAsync($"/v1/ops/support/conversations/{alice.Id}/messages", new { text = "It reached Bob's wallet at once; we showed him where." }),
            HttpStatusCode.Created);
        Assert.Equal("bank", answer.GetProperty("author").GetString());
        Assert.DoesNotContain(await Waiting(ops), w => w.GetProperty("customerId").GetString() == alice.Id);
        mine = await Json(await alice.Http.GetAsync("/v1/me/support"), HttpStatusCode.OK);
        Assert.Equal((1, true), (mine.GetProperty("unreadByCustomer").GetInt32(), mine.GetProperty("waitingSince").ValueKind == System.Text.Json.JsonValueKind.Null));
        var newest = mine.GetProperty("messages")[0];
        Assert.Equal(("bank", false), (newest.GetProperty("author").GetString(), newest.GetProperty("read").GetBoolean()));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, newest.GetProperty("operatorId").ValueKind); // which operator answered is the bank's business
        var inbox = await Json(await alice.Http.GetAsync("/v1/me/notifications"), HttpStatusCode.OK);
        Assert.Contains(inbox.GetProperty("items").EnumerateArray(), n => n.GetProperty("kind").GetString() == "support_reply"
            && n.GetProperty("reference").GetString() == answer.GetProperty("messageId").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await alice.Http.PostAsync("/v1/me/support/read", null)).StatusCode);
        var bankView = await Json(await ops.GetAsync($"/v1/ops/support/conversations/{alice.Id}"), HttpStatusCode.OK);
        Assert.Equal(0, bankView.GetProperty("unreadByCustomer").GetInt32());
        Assert.True(bankView.GetProperty("messages")[0].GetProperty("read").GetBoolean());
        Assert.False(string.IsNullOrEmpty(bankView.GetProperty("messages")[0].GetProperty("operatorId").GetString()));
    }

    [Fact]
    public async Task An_export_carries_the_conversation_and_closing_the_account_erases_it_with_its_images()
    {
        var alice = await Register(api);
        var ops = await Operator.SignIn(api);
        var image = Png(2_000);
        var asked = await Write(alice, "How do I close my account?", image);
        var attachmentId = asked.GetProperty("attachments")[0].GetProperty("attachmentId").GetString()!;
        await Json(await ops.PostAsJsonAsync($"/v1/ops/support/conversations/{alice.Id}/messages", new { text = "Empty your wallets, then Me → Close." }), HttpStatusCode.Created);
        await Write(alice, "Thanks, closing now.");

        var export = (await Json(await alice.Http.GetAsync("/v1/me/export"), HttpStatusCode.OK)).GetProperty("supportMessages");
        Assert.Equal(["Thanks, closing now.", "Empty your wallets, then Me → Close.", "How do I close my account?"],
            export.EnumerateArray().Select(m => m.GetProperty("text").GetString()));
        Assert.Equal(attachmentId, export[2].GetProperty("attachments")[0].GetProperty("attachmentId").GetString());
        Assert.Equal(JsonValueKind.Null, export[1].GetProperty("operatorId").ValueKind); // as the customer sees it
        Assert.Contains(await Waiting(ops), w => w.GetProperty("customerId").GetString() == alice.Id);

        Assert.Equal(HttpStatusCode.NoContent, (await alice.Http.DeleteAsync("/v1/me")).StatusCode);

        // Operators find no such customer any more, and what was stored is gone, not only hidden.
        await Problem(await ops.GetAsync($"/v1/ops/support/conversations/{alice.Id}"), HttpStatusCode.NotFound, "not_found");
        await Problem(await ops.GetAsync($"/v1/ops/support/conversations/{alice.Id}/attachments/{attachmentId}"), HttpStatusCode.NotFound, "not_found");
        Assert.DoesNotContain(await Waiting(ops), w => w.GetProperty("customerId").GetString() == alice.Id);
        var grains = api.Services.GetRequiredService<IGrainFactory>();
        Assert.Empty((await grains.GetGrain<ISupportConversationGrain>(alice.Id).View(null, 1_000)).Messages);
        Assert.Null(await grains.GetGrain<ISupportAttachmentGrain>(attachmentId).Read(alice.Id));
    }

    [Fact]
    public async Task One_customer_never_sees_another_ones_conversation_images_or_movements_not_found_not_forbidden()
    {
        var alice = await Register(api);
        var mallory = await Register(api);
        var wallet = await alice.FundedWallet(1_000);
        var transfer = (await Json(await alice.Post("/v1/transfers", alice.TransferBody(wallet, await (await Register(api)).OpenWallet(), 100), "support-own"), HttpStatusCode.Created))
            .GetProperty("transferId").GetString()!;
        var written = await Write(alice, "Private: my card number ends 1234.", Jpeg());
        var attachmentId = written.GetProperty("attachments")[0].GetProperty("attachmentId").GetString()!;

        var his = await Json(await mallory.Http.GetAsync("/v1/me/support"), HttpStatusCode.OK);
        Assert.Equal((mallory.Id, 0), (his.GetProperty("customerId").GetString(), his.GetProperty("messages").GetArrayLength()));
        await Problem(await mallory.Http.GetAsync($"/v1/me/support/attachments/{attachmentId}"), HttpStatusCode.NotFound, "not_found");
        await Problem(await mallory.Post("/v1/me/support/messages", new { text = "what is this?", aboutMovementId = transfer }), HttpStatusCode.NotFound, "not_found");
        await Problem(await mallory.Post("/v1/me/support/messages", new { text = "and this?", aboutMovementId = "tr_00000000000000000000000000" }), HttpStatusCode.NotFound, "not_found");
        await Problem(await mallory.Http.GetAsync($"/v1/ops/support/conversations/{alice.Id}"), HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(0, (await Json(await mallory.Http.GetAsync("/v1/me/support"), HttpStatusCode.OK)).GetProperty("messages").GetArrayLength());

        // her own movement she may link; an id that is not a customer's has no conversation for operators either
        Assert.Equal(transfer, (await Json(await alice.Post("/v1/me/support/messages", new { text = "this one", aboutMovementId = transfer }), HttpStatusCode.Created))
            .GetProperty("aboutMovementId").GetString());
        var ops = await Operator.SignIn(api);
        await Problem(await ops.GetAsync("/v1/ops/support/conversations/cus_00000000000000000000000000"), HttpStatusCode.NotFound, "not_found");
        await Problem(await ops.GetAsync($"/v1/ops/support/conversations/{mallory.Id}/attachments/{attachmentId}"), HttpStatusCode.NotFound, "not_found");
        Assert.Equal(2, (await Json(await alice.Http.GetAsync("/v1/me/support"), HttpStatusCode.OK)).GetProperty("messages").GetArrayLength());
    }

    [Fact]
    public async Task Bad_messages_and_images_are_refused_and_nothing_is_kept()
    {
        var alice = await Register(api);
        var tooBig = Png(256 * 1024 + 1);

        await Problem(await alice.Post("/v1/me/support/messages", new { text = "" }), HttpStatusCode.BadRequest, "validation_failed");
        await Problem(await alice.Post("/v1/me/support/messages", new { }), HttpStatusCode.BadRequest, "validation_failed");
        await Problem(await alice.Post("/v1/me/support/messages", new { text = new string('a', 2_001) }), HttpStatusCode.BadRequest, "validation_failed");
        await Problem(await alice.Post("/v1/me/support/messages", new { text = "hello\u202Eevil" }), HttpStatusCode.BadRequest, "invalid_text");
        var notAnImage = await Problem(await alice.Post("/v1/me/support/messages", new { text = "see", attachments = new[] { Attachment(Encoding.UTF8.GetBytes("<svg onload=alert(1)>")) } }),
            HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(notAnImage.GetProperty("errors").TryGetProperty("attachments[0].data", out _), notAnImage.ToString());
        await Problem(await alice.Post("/v1/me/support/messages", new { text = "see", attachments = new[] { Attachment(tooBig) } }), HttpStatusCode.BadRequest, "validation_failed");
        await Problem(await alice.Post("/v1/me/support/messages", new { text = "see", attachments = new[] { new { data = "not base64!" } } }), HttpStatusCode.BadRequest, "validation_failed");
        await Problem(await alice.Post("/v1/me/support/messages", new { text = "see", attachments = Enumerable.Range(0, 4).Select(_ => Attachment(Png())).ToArray() }),
            HttpStatusCode.BadRequest, "validation_failed");
        // the client does not say what an image is: the bank reads it from the bytes
        await Problem(await alice.Post("/v1/me/support/messages", new { text = "see", attachments = new[] { new { data = Convert.ToBase64String(Png()), contentType = "image/png" } } }),
            HttpStatusCode.BadRequest, "unknown_field");
        await Problem(await alice.Post("/v1/me/support/messages", new { text = "see", aboutClaimId = "not a claim" }), HttpStatusCode.BadRequest, "validation_failed");
        var huge = new string('A', 1_200_000);
        await Problem(await alice.PostRaw("/v1/me/support/messages", $"{{\"text\":\"x\",\"attachments\":[{{\"data\":\"{huge}\"}}]}}"), HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
        Assert.Equal(0, (await Json(await alice.Http.GetAsync("/v1/me/support"), HttpStatusCode.OK)).GetProperty("messages").GetArrayLength());

        // a claim that is not hers (here: none at all) is not found, as a movement not hers is
        await Problem(await alice.Post("/v1/me/support/messages", new { text = "see", aboutClaimId = "clm_0123456789abcdefghjkmnpqrs" }), HttpStatusCode.NotFound, "not_found");
        Assert.Equal(0, (await Json(await alice.Http.GetAsync("/v1/me/support"), HttpStatusCode.OK)).GetProperty("messages").GetArrayLength());

        // within the limits: three images of each type, the largest allowed
        var kept = await Json(await alice.Post("/v1/me/support/messages", new
        {
            attachments = new[] { Attachment(Png(256 * 1024)), Attachment(Jpeg()), Attachment(WebP()) },
        }), HttpStatusCode.Created);
        Assert.Equal(["image/png", "image/jpeg", "image/webp"], kept.GetProperty("attachments").EnumerateArray().Select(a => a.GetProperty("contentType").GetString()));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, kept.GetProperty("text").ValueKind);

        var ops = await Operator.SignIn(api);
        await Problem(await ops.PostAsJsonAsync($"/v1/ops/support/conversations/{alice.Id}/messages", new { text = "" }), HttpStatusCode.BadRequest, "validation_failed");
        await Problem(await ops.PostAsJsonAsync($"/v1/ops/support/conversations/{alice.Id}/messages", new { text = "a\u0007" }), HttpStatusCode.BadRequest, "invalid_text");
    }

    [Fact]
    public async Task A_message_about_a_claim_names_the_callers_own_claim_and_no_one_elses()
    {
        var (claimant, _, claimId, _) = await Claims.ClaimsApi.ClaimedTransfer(api, 1_000);
        var mallory = await Register(api);

        var about = await Json(await claimant.Post("/v1/me/support/messages", new { text = "any news on my claim?", aboutClaimId = claimId }), HttpStatusCode.Created);
        await Problem(await mallory.Post("/v1/me/support/messages", new { text = "tell me about it", aboutClaimId = claimId }), HttpStatusCode.NotFound, "not_found");

        Assert.Equal(claimId, about.GetProperty("aboutClaimId").GetString());
        Assert.Equal(0, (await Json(await mallory.Http.GetAsync("/v1/me/support"), HttpStatusCode.OK)).GetProperty("messages").GetArrayLength());
    }

    [Fact]
    public async Task A_message_sent_again_with_its_key_is_kept_once_and_the_key_names_one_message()
    {
        var alice = await Register(api);

        var first = await alice.Post("/v1/me/support/messages", new { text = "Is my account frozen?" }, "help-1");
        var again = await alice.Post("/v1/me/support/messages", new { text = "Is my account frozen?" }, "help-1");
        Assert.Equal((await Json(first, HttpStatusCode.Created)).GetProperty("messageId").GetString(), (await Json(again, HttpStatusCode.Created)).GetProperty("messageId").GetString());
        Assert.True(again.Headers.Contains("Idempotent-Replayed"));
        await Problem(await alice.Post("/v1/me/support/messages", new { text = "Something else" }, "help-1"), HttpStatusCode.UnprocessableEntity, "idempotency_key_reused");
        Assert.Equal(1, (await Json(await alice.Http.GetAsync("/v1/me/support"), HttpStatusCode.OK)).GetProperty("messages").GetArrayLength());
    }

    [Fact]
    public async Task The_waiting_list_puts_the_longest_waiting_first_and_an_answer_takes_a_conversation_off()
    {
        var (first, second, third) = (await Register(api), await Register(api), await Register(api));
        var ops = await Operator.SignIn(api);
        await Write(first, "Waiting longest.");
        await Write(second, "Waiting a while.");
        await Write(third, "Just arrived.");
        await Write(first, "Still there?"); // a second message keeps its place: it waits since the first

        var ours = new[] { first.Id, second.Id, third.Id };
        var order = (await Waiting(ops, limit: 1)).Select(w => w.GetProperty("customerId").GetString()).Where(ours.Contains).ToList();
        Assert.Equal(ours, order);
        var firstEntry = (await Waiting(ops)).Single(w => w.GetProperty("customerId").GetString() == first.Id);
        Assert.Equal((2, "Still there?"), (firstEntry.GetProperty("waiting").GetInt32(), firstEntry.GetProperty("preview").GetString()));

        await Json(await ops.PostAsJsonAsync($"/v1/ops/support/conversations/{second.Id}/messages", new { text = "Answered." }), HttpStatusCode.Created);
        Assert.Equal([first.Id, third.Id], (await Waiting(ops)).Select(w => w.GetProperty("customerId").GetString()).Where(ours.Contains));

        // writing after the answer puts them back, now the newest waiting
        await Write(second, "One more question.");
        Assert.Equal([first.Id, third.Id, second.Id], (await Waiting(ops)).Select(w => w.GetProperty("customerId").GetString()).Where(ours.Contains));
        await Problem(await ops.GetAsync("/v1/ops/support/waiting?limit=0"), HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task A_long_conversation_pages_back_through_its_messages()
    {
        var alice = await Register(api);
        for (var i = 1; i <= 5; i++)
        {
            await Write(alice, $"message {i}");
        }

        var page = await Json(await alice.Http.GetAsync("/v1/me/support?limit=2"), HttpStatusCode.OK);
        Assert.Equal(["message 5", "message 4"], page.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("text").GetString()));
        var older = await Json(await alice.Http.GetAsync($"/v1/me/support?limit=10&cursor={page.GetProperty("nextCursor").GetString()}"), HttpStatusCode.OK);
        Assert.Equal(["message 3", "message 2", "message 1"], older.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("text").GetString()));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, older.GetProperty("nextCursor").ValueKind);
    }

    [Fact]
    public async Task The_banks_answers_are_searched_by_their_words_in_either_language_without_signing_in()
    {
        var anyone = api.CreateClient();

        var pin = await Json(await anyone.GetAsync("/v1/help/articles?q=reset%20PIN"), HttpStatusCode.OK);
        Assert.Equal("reset-payment-pin", pin.GetProperty("items")[0].GetProperty("articleId").GetString());
        var limits = await Json(await anyone.GetAsync($"/v1/help/articles?q={Uri.EscapeDataString("限额")}&lang=zh"), HttpStatusCode.OK);
        var tiers = limits.GetProperty("items")[0];
        Assert.Equal("limits-by-tier", tiers.GetProperty("articleId").GetString());
        Assert.Contains("¥50,000", tiers.GetProperty("body").GetString());
        Assert.Equal("各等级账户的限额", tiers.GetProperty("title").GetString());
        Assert.Equal("Limits by account tier", (await Json(await anyone.GetAsync("/v1/help/articles?q=TIER"), HttpStatusCode.OK)).GetProperty("items")[0].GetProperty("title").GetString());
        Assert.Equal(0, (await Json(await anyone.GetAsync("/v1/help/articles?q=pin%20zebra"), HttpStatusCode.OK)).GetProperty("items").GetArrayLength());
        Assert.True((await Json(await anyone.GetAsync("/v1/help/articles"), HttpStatusCode.OK)).GetProperty("items").GetArrayLength() >= 6);
        await Problem(await anyone.GetAsync("/v1/help/articles?lang=fr"), HttpStatusCode.BadRequest, "validation_failed");
        await Problem(await anyone.GetAsync("/v1/help/articles?q=" + new string('x', 101)), HttpStatusCode.BadRequest, "validation_failed");
    }
}
