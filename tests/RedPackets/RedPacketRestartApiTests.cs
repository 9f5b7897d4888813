using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Wallet.RedPackets;
using Wallet.Tests.Infrastructure;
using static Wallet.Tests.Infrastructure.ApiCustomer;

namespace Wallet.Tests.RedPackets;

/// <summary>
/// On PostgreSQL, a red packet outlives its host: sent through HTTP before a restart, nobody claims it, and after the
/// restart its time is over; the reminder's tick and another at once give the rest back to the sender once, and a claim
/// is refused as expired (410).
/// </summary>
[Collection(TopologyCollection.Name)]
public sealed class RedPacketRestartApiTests
{
    [Trait("Speed", "Slow")]
    [Fact]
    public async Task The_unclaimed_rest_returns_once_after_a_restart()
    {
        var clock = new SettableClock(new DateTimeOffset(2027, 2, 6, 20, 0, 0, TimeSpan.FromHours(8)));
        var settings = PostgresServer.Settings(await PostgresServer.CreateDatabase());
        settings["Wallet:Auth:SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)); // the host after the restart takes the same tokens
        (string Id, string Phone, AuthenticationHeaderValue Token) alice, bob;
        string id, wallet, bobWallet;
        await using (var api = ApiFixture.OnBankClock(clock, settings))
        {
            await api.InitializeAsync();
            var a = await Register(api);
            wallet = await a.FundedWallet(10_000);
            var b = await Register(api);
            bobWallet = await b.OpenWallet();
            id = (await Json(await a.Post("/v1/red-packets", new { fromWalletId = wallet, recipient = new { customerId = b.Id }, amount = 1_888, currency = "CNY", pin = TestData.Pin },
                "before-restart"), HttpStatusCode.Created)).GetProperty("redPacketId").GetString()!;
            Assert.Equal(10_000 - 1_888, await a.Balance(wallet));
            (alice, bob) = ((a.Id, a.Phone, a.Http.DefaultRequestHeaders.Authorization!), (b.Id, b.Phone, b.Http.DefaultRequestHeaders.Authorization!));
        }

        clock.Set(new DateTimeOffset(2027, 2, 7, 20, 0, 1, TimeSpan.FromHours(8)));
        await using var restarted = ApiFixture.OnBankClock(clock, settings);
        await restarted.InitializeAsync();
        ApiCustomer Again((string Id, string Phone, AuthenticationHeaderValue Token) who)
        {
            var http = restarted.CreateClient();
            http.DefaultRequestHeaders.Authorization = who.Token;
            return new ApiCustomer(who.Id, who.Phone, http);
        }
        var (sender, recipient) = (Again(alice), Again(bob));
        var packet = restarted.Services.GetRequiredService<IGrainFactory>().GetGrain<IRedPacketGrain>(id);

        await Task.WhenAll(packet.AsReference<IRemindable>().ReceiveReminder("red-packet-expiry", default), packet.Expire()); // the durable reminder's tick, and another

        var view = await Json(await sender.Http.GetAsync($"/v1/red-packets/{id}"), HttpStatusCode.OK);
        Assert.Equal(("returned", 1_888L, 1), (view.GetProperty("packetStatus").GetString(), view.GetProperty("return").GetProperty("amount").GetInt64(),
            view.GetProperty("return").GetProperty("sharesReturned").GetInt32()));
        await Problem(await recipient.Post($"/v1/red-packets/{id}/claims", new { }), HttpStatusCode.Gone, "red_packet_expired");
        Assert.Equal((10_000L, 0L), (await sender.Balance(wallet), await recipient.Balance(bobWallet)));
        var entries = (await Json(await sender.Http.GetAsync($"/v1/wallets/{wallet}/transactions"), HttpStatusCode.OK)).GetProperty("items").EnumerateArray()
            .Select(e => (e.GetProperty("kind").GetString(), e.GetProperty("direction").GetString(), e.GetProperty("category").GetString(), e.GetProperty("amount").GetInt64()))
            .Where(e => e.Item3 == "red_packets").ToList();
        Assert.Equal([("refund", "in", "red_packets", 1_888L), ("red_packet", "out", "red_packets", 1_888L)], entries); // newest first
        await Books.AssertBalanced(restarted, wallet, bobWallet);
        await Operator.AssertBooksBalance(restarted);
    }
}
