using Wallet.Movements;
using Wallet.Tests.Infrastructure;

namespace Wallet.Tests.Movements;

[Collection(ClusterCollection.Name)]
public sealed class ContentionTests(ClusterFixture fixture)
{
    private const int Streams = 50;
    private readonly Scenario _bank = fixture.Scenario;

    [Fact]
    public async Task Fifty_transfers_into_one_wallet_and_fifty_out_of_another_all_complete()
    {
        var merchant = await _bank.NewCustomer();
        var hotReceiver = await _bank.OpenWallet(merchant);
        var payroll = await _bank.NewCustomer();
        var hotSender = await _bank.OpenWallet(payroll);
        await _bank.TopUp(payroll, hotSender, await _bank.BindVerifiedCard(payroll), Streams * 300);

        var payers = await Task.WhenAll(Enumerable.Range(0, Streams).Select(async _ =>
        {
            var payer = await _bank.NewCustomer();
            var wallet = await _bank.OpenWallet(payer);
            await _bank.TopUp(payer, wallet, await _bank.BindVerifiedCard(payer), 1_000);
            return (payer, wallet);
        }));
        var payees = await Task.WhenAll(Enumerable.Range(0, Streams).Select(async _ =>
        {
            var payee = await _bank.NewCustomer();
            return (payee, wallet: await _bank.OpenWallet(payee));
        }));

        var inbound = payers.Select(p => _bank.Transfer(p.payer, p.wallet, hotReceiver, 400));
        var outbound = payees.Select(p => _bank.Transfer(payroll, hotSender, p.wallet, 300));
        var receipts = await Task.WhenAll(inbound.Concat(outbound));

        Assert.All(receipts, r => Assert.Equal(MovementStatus.Completed, r.Status));
        Assert.Equal(Streams * 400, await _bank.Balance(merchant, hotReceiver));
        Assert.Equal(0, await _bank.Balance(payroll, hotSender));
        foreach (var (payer, wallet) in payers)
        {
            Assert.Equal(600, await _bank.Balance(payer, wallet));
        }
        Assert.Equal(Streams, (await _bank.Entries(merchant, hotReceiver)).Count);
        var books = await _bank.Ledger();
        Assert.True(books.Balanced, $"books must sum to zero after contention, total {books.Total}");
    }
}
