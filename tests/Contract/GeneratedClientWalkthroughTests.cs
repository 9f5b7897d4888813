using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;
using Wallet.Generated;
using Wallet.Generated.Models;
using Wallet.Tests.Infrastructure;

namespace Wallet.Tests.Contract;

/// <summary>
/// The README's walk-through, driven by a C# client Kiota generated from the committed contract
/// (docs/openapi.json): what an app developer gets by pointing a standard generator at the document.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed partial class GeneratedClientWalkthroughTests(ApiFixture api)
{
    [Fact]
    public async Task A_generated_client_runs_the_README_walkthrough()
    {
        var phone = TestData.Phone();
        var friendPhone = TestData.Phone();
        var anonymous = Client(token: null);
        await anonymous.V1.Customers.PostAsync(new RegisterRequest { Phone = phone, Password = "correct horse" });
        var me = Client((await anonymous.V1.Auth.Token.PostAsync(new TokenRequest { Phone = phone, Password = "correct horse" }))!.AccessToken);

        await me.V1.Me.Verification.PostAsync(new VerificationRequest { Name = "李雷", IdNumber = TestData.IdNumber() });
        await me.V1.Me.PaymentPin.PutAsync(new PaymentPinRequest { Pin = "123456" });
        var wallet = (await me.V1.Wallets.PostAsync(new OpenWalletRequest { Currency = "CNY" }))!.WalletId;
        var card = (await me.V1.Cards.PostAsync(new BindCardRequest { CardNumber = TestData.Card(), HolderName = "李雷", Phone = phone }))!.CardId;
        var texts = await anonymous.V1.Dev.Sms.GetAsync(request => request.QueryParameters.Phone = phone);
        var code = SixDigits().Match(texts![0].Text!).Value;
        await me.V1.Cards[card].Verify.PostAsync(new VerifyCardRequest { Code = code });
        await me.V1.Wallets[wallet].TopUps.PostAsync(new TopUpRequest { CardId = card, Amount = 100_000, Currency = "CNY" },
            request => request.Headers.Add("Idempotency-Key", "topup-1"));

        await anonymous.V1.Customers.PostAsync(new RegisterRequest { Phone = friendPhone, Password = "another secret" });
        var friend = Client((await anonymous.V1.Auth.Token.PostAsync(new TokenRequest { Phone = friendPhone, Password = "another secret" }))!.AccessToken);
        var friendWallet = (await friend.V1.Wallets.PostAsync(new OpenWalletRequest { Currency = "CNY" }))!.WalletId;
        var lunch = new TransferRequest
        {
            FromWalletId = wallet, To = new TransferTarget { Phone = friendPhone }, Amount = 2_500, Currency = "CNY", Memo = "lunch", Pin = "123456",
        };
        var sent = await me.V1.Transfers.PostAsync(lunch, request => request.Headers.Add("Idempotency-Key", "lunch-1"));
        var again = await me.V1.Transfers.PostAsync(lunch, request => request.Headers.Add("Idempotency-Key", "lunch-1"));
        var history = await me.V1.Wallets[wallet].Transactions.GetAsync(request => request.QueryParameters.Limit = "10");

        Assert.Equal(MovementStatus.Completed, sent!.Status);
        Assert.Equal(sent.TransferId, again!.TransferId);
        Assert.Equal(100_000 - 2_500, (await me.V1.Wallets[wallet].GetAsync())!.Balance);
        Assert.Equal(2_500, (await friend.V1.Wallets[friendWallet].GetAsync())!.Balance);
        Assert.Equal(2, history!.Items!.Count); // the top-up and the transfer, once each: the replay moved nothing
        Assert.Equal("lunch", history.Items[0].Memo);
        Assert.Equal((wallet, friendWallet), (sent.From!.WalletId, sent.To!.WalletId)); // sent to a phone, answered with the wallet it reached
        Assert.Equal(friendWallet, history.Items[0].Counterparty!.WalletId);
    }

    private WalletApiClient Client(string? token)
    {
        var http = api.CreateClient();
        if (token is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return new WalletApiClient(new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: http)
        {
            BaseUrl = http.BaseAddress!.ToString().TrimEnd('/'),
        });
    }

    [GeneratedRegex("[0-9]{6}")]
    private static partial Regex SixDigits();
}
