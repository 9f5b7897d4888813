using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Wallet.ClientApi.Contract;

/// <summary>
/// A one-line summary of every operation, by its operation id, for the reference and generated clients' docs.
/// A handler's own XML summary, which says more, becomes the operation's description. The linter's test fails
/// when an operation has neither.
/// </summary>
public sealed class OperationSummaries : IOpenApiOperationTransformer
{
    private static readonly Dictionary<string, string> s_summaries = new()
    {
        // Customers and sessions
        ["RegisterCustomer"] = "Register a customer with a phone number and a password",
        ["IssueToken"] = "Sign in: exchange a phone and password for an access and a refresh token",
        ["RefreshToken"] = "Rotate a refresh token for a new pair of tokens",
        ["SendPasswordResetCode"] = "Text a password-reset code to a phone",
        ["ResetPassword"] = "Set a new password with the texted code and the identity number",
        ["GetMe"] = "The signed-in customer's profile, tier and restriction",
        ["ExportMyData"] = "Export everything the bank holds about the customer",
        ["CloseMyAccount"] = "Close the account: every wallet closed, cards unbound, personal data erased",
        ["Logout"] = "End this session",
        ["RegisterDevice"] = "Register a device's public key for fingerprint or face payments",
        ["ListDevices"] = "List the registered device keys",
        ["GetDevice"] = "A registered device key",
        ["RemoveDevice"] = "Remove a device key",
        ["IssueChallenge"] = "Get a one-time challenge for a device signature",
        ["ChangePassword"] = "Change the password (ends every session)",
        ["SetPaymentPin"] = "Set the six-digit payment PIN",
        ["VerifyRealName"] = "Verify the customer's real name with an identity number",
        ["SendPaymentPinResetCode"] = "Text a payment-PIN reset code to the customer's phone",
        ["ResetPaymentPin"] = "Set a new payment PIN with the texted code and the identity number",
        ["ListNotifications"] = "The customer's inbox, newest first",
        // Currencies and FX
        ["ListFxRates"] = "The bank's rates for every currency it offers, against CNY",
        ["GetFxRate"] = "One currency pair's mid, buy and sell rates",
        ["CreateFxQuote"] = "A price for a conversion, held for 30 seconds",
        ["GetFxQuote"] = "A quote, and whether it was used",
        ["Convert"] = "Convert between two of the customer's wallets with a quote",
        ["GetConversion"] = "A conversion as the bank recorded it",
        ["SendRemittance"] = "Send money to an account at a bank abroad",
        ["GetRemittance"] = "A remittance abroad and where it stands",
        ["SetAutoTopUp"] = "Let a bound card top up the wallet when a payment lacks funds, up to a cap a day",
        ["GetAutoTopUp"] = "The wallet's auto top-up and what it topped up today",
        ["RemoveAutoTopUp"] = "Stop topping up the wallet automatically",
        // Families and sub-wallets
        ["CreateFamily"] = "Create a family group, kept by the caller",
        ["ListFamilies"] = "The families the caller belongs to",
        ["GetFamily"] = "A family: its members, roles, invitations and sub-wallets",
        ["InviteToFamily"] = "Invite a registered customer to the family by phone",
        ["WithdrawFamilyInvitation"] = "Withdraw a pending invitation",
        ["AcceptFamilyInvitation"] = "Accept an invitation and join the family",
        ["DeclineFamilyInvitation"] = "Decline an invitation",
        ["LeaveFamily"] = "Leave a family (its sub-wallets for the caller end)",
        ["RemoveFamilyMember"] = "Remove a member from the family (the owner only)",
        ["ListFamilyInvitations"] = "The family invitations waiting for the caller's answer",
        ["OpenSubWallet"] = "Open a sub-wallet for a member, with its rules",
        ["GetSubWallet"] = "A sub-wallet: balance, rules, today's spending and recent payments",
        ["ChangeSubWalletRules"] = "Change a sub-wallet's rules",
        ["FreezeSubWallet"] = "Freeze a sub-wallet: no payment passes",
        ["UnfreezeSubWallet"] = "Let a frozen sub-wallet pay again",
        ["TopUpSubWallet"] = "Top up a sub-wallet from one of the caller's wallets",
        ["TakeBackFromSubWallet"] = "Take back everything left in a sub-wallet",
        ["ListSubWalletApprovals"] = "A sub-wallet's payments awaiting the family's approval",
        ["ApproveSubWalletPayment"] = "Approve a sub-wallet's payment: it is made now",
        ["DeclineSubWalletPayment"] = "Decline a sub-wallet's payment: the money held for it is let go",
        // Red packets
        ["SendRedPacket"] = "Send a red packet to a customer or a family, fixed or split at random",
        ["GetRedPacket"] = "A red packet: its shares left and the caller's own share (every claim for its sender)",
        ["ClaimRedPacket"] = "Claim a share of a red packet (once per customer: a repeat answers the same share)",
        // Credit
        ["ApplyForLoan"] = "Apply for a consumer loan: the decision, with its reasons, and the offer at once",
        ["ListLoans"] = "The customer's loans, newest first",
        ["GetLoan"] = "A loan: its decision, offer, schedule, and each instalment's standing",
        ["AcceptLoan"] = "Accept a loan's offer: the principal is paid into a wallet",
        ["RepayLoan"] = "Repay a loan: an instalment, or everything left early",
        ["GetLoanRepayment"] = "A repayment of a loan, by hand or by autopay",
        ["SetLoanAutopay"] = "Turn a loan's autopay on from a wallet, or off",
        ["ApplyForCreditCard"] = "Apply for a credit card: approved, a new card is issued and bound",
        ["GetCreditCardApplication"] = "A credit-card application: its decision and the card bound",
        ["ListLoanBook"] = "The loan book (operators): drawn loans as they stand today, overdue ones by status",
        ["GetFxQuota"] = "The annual quota for buying foreign currency: used and left this year",
        // Wealth and deposits
        ["ListProducts"] = "The bank's products on sale now, and whether the caller may buy each",
        ["GetProduct"] = "A product: its kind, rate, risk level, window and quota left",
        ["BuyProduct"] = "Buy a product from one of the caller's wallets",
        ["ListHoldings"] = "The caller's holdings: principal, yield recorded and value",
        ["GetHolding"] = "A holding: principal, yield recorded, value and the last week's daily yields",
        ["RedeemHolding"] = "Redeem a holding into a wallet (a fund any amount, a deposit whole)",
        ["GetRiskQuestionnaire"] = "The risk questionnaire buying products above R1 needs",
        ["GetRiskAssessment"] = "The caller's risk assessment and whether it still stands",
        ["TakeRiskAssessment"] = "Answer the risk questionnaire: a tolerance C1 to C5 for a year",
        ["SetFundCover"] = "Let a money-market fund cover the wallet's payments short of money",
        ["GetFundCover"] = "The fund that covers the wallet's payments",
        ["RemoveFundCover"] = "Stop covering the wallet's payments from the fund",
        ["ListProductsForOperators"] = "Every product with what it raised and what its holders are owed",
        ["CreateProduct"] = "Set up a product as a draft",
        ["PublishProduct"] = "Offer a product to customers",
        ["PauseProduct"] = "Stop selling a product for now",
        ["CloseProduct"] = "Stop selling a product for good (holdings go on)",
        ["SetProductRates"] = "Set a product's rates from the next bank day",
        // Utility bills
        ["ListBillers"] = "The billers a customer can pay, by city and kind",
        ["GetBiller"] = "A biller: how it is paid and how its account numbers look",
        ["SaveBillPayee"] = "Save a payee: a biller and an account number there",
        ["ListBillPayees"] = "The customer's saved payees, with their autopay mandates",
        ["ChangeBillPayee"] = "Rename a payee or change when its bills are reminded",
        ["RemoveBillPayee"] = "Remove a payee (its autopay mandate ends)",
        ["GetCurrentBill"] = "What a payee's account owes now, and whether it is paid",
        ["ListBillPayeePayments"] = "The payments to a payee, with where each stands with the biller",
        ["PayBill"] = "Pay a payee's bill, a phone top-up or a prepaid meter",
        ["GetBillPayment"] = "A bill payment and where it stands with the biller",
        ["SetAutopay"] = "Give a payee an autopay mandate with a cap per bill",
        ["GetAutopay"] = "A payee's autopay mandate",
        ["CancelAutopay"] = "End a payee's autopay mandate at once",
        ["ListBillersForOperators"] = "Every biller with what the bank holds for it",
        ["AddBiller"] = "Add a biller",
        ["ListLateBillConfirmations"] = "Bill payments a biller confirmed after they were refunded",
        // Web app session
        ["StartWebSession"] = "Sign in to the web app: the session's cookies are set, the CSRF token answered",
        ["GetWebSession"] = "Who is signed in to the web app, and the CSRF token (renews a lapsed access cookie)",
        ["EndWebSession"] = "Sign out of the web app: the session ends and its cookies are cleared",
        // Wallets
        ["OpenWallet"] = "Open a wallet in a currency",
        ["ListWallets"] = "List the customer's wallets",
        ["GetWallet"] = "A wallet's balance, available amount, tier limits and today's usage",
        ["ListWalletTransactions"] = "A wallet's entries, newest first, a page at a time",
        ["GetWalletOverview"] = "A wallet and its newest entries in one request (an app's home screen)",
        ["FreezeWallet"] = "Freeze a wallet (money still comes in, none goes out)",
        ["SendUnfreezeCode"] = "Text a code for unfreezing a wallet",
        ["UnfreezeWallet"] = "Unfreeze a wallet with the PIN and the texted code",
        ["CloseWallet"] = "Close an empty wallet for good",
        // Spending and budgets
        ["GetSpending"] = "A month's spending by category and merchant, beside the month before (JSON or SVG)",
        ["GetSpendingTrend"] = "Twelve months' spending, oldest first (JSON or SVG)",
        ["GetBudgets"] = "The customer's monthly budgets by category",
        ["SetBudgets"] = "Set the customer's monthly budgets by category",
        // Cards
        ["BindCard"] = "Bind one of the customer's own bank cards (the bank texts a code)",
        ["GetCard"] = "A bound card, masked",
        ["ListCards"] = "The customer's cards, masked",
        ["VerifyCard"] = "Confirm a card binding with the code the bank texted",
        ["UnbindCard"] = "Unbind a card",
        // Moving money
        ["TopUpWallet"] = "Top up a wallet from a bound card",
        ["WithdrawFromWallet"] = "Withdraw from a wallet to a bound card",
        ["GetTopUp"] = "A top-up of one of the customer's wallets",
        ["GetWithdrawal"] = "A withdrawal from one of the customer's wallets",
        ["SendTransfer"] = "Send money to another customer's wallet or phone number",
        ["GetTransfer"] = "A transfer the customer sent, or one they received",
        // Paying merchants
        ["PayByQrCode"] = "Pay a merchant's QR code",
        ["ConfirmPayment"] = "Confirm a payment-code charge that waits for the customer",
        ["GetPayment"] = "A payment the customer made to a merchant",
        ["IssuePaymentCode"] = "Get a one-time payment code for a wallet (shown as a QR code or tapped over NFC)",
        ["ListPendingPayments"] = "Charges waiting for the customer's confirmation",
        ["ListCoupons"] = "The customer's coupons",
        // Merchants
        ["OnboardMerchant"] = "Onboard a merchant (operators): its id, API secret and settlement wallet",
        ["RotateMerchantSecret"] = "Replace a merchant's API secret (operators)",
        ["GetMerchant"] = "The signed-in merchant's profile and settlement balance",
        ["SettleMerchant"] = "Settle the merchant's balance to its settlement card now",
        ["ListSettlements"] = "The merchant's settlement reports",
        ["GetSettlement"] = "One of the merchant's settlement reports",
        ["ListMerchantPayments"] = "The merchant's payments, newest first",
        ["RefundPayment"] = "Refund all or part of a payment",
        ["GetMerchantPayment"] = "One of the merchant's payments, by id",
        ["GetOrderPayment"] = "The payment made under one of the merchant's order ids",
        ["ListPaymentRefunds"] = "A payment's refunds",
        ["GetRefund"] = "One of the merchant's refunds",
        ["AuthorizePaymentCode"] = "Hold an amount in a customer's wallet with their payment code",
        ["CaptureAuthorization"] = "Take up to the held amount and let the rest go",
        ["VoidAuthorization"] = "Let a hold go",
        ["GetAuthorization"] = "One of the merchant's authorisations, by id",
        ["GetOrderAuthorization"] = "The authorisation made under one of the merchant's order ids",
        ["IssueQrCode"] = "Make a QR code: dynamic for one order and amount, or static",
        ["GetQrCode"] = "One of the merchant's QR codes, as issued",
        ["ChargePaymentCode"] = "Charge the payment code a customer shows",
        ["SetWebhookEndpoint"] = "Set the endpoint that receives the merchant's events",
        ["GetWebhookEndpoint"] = "The merchant's webhook endpoint",
        ["RemoveWebhookEndpoint"] = "Stop delivering events",
        ["ListWebhookDeliveries"] = "Events being delivered and the last ones finished",
        // Promotions
        ["LaunchCampaign"] = "Launch a discount, cashback or points campaign",
        ["ListCampaigns"] = "The merchant's campaigns with what each has spent",
        ["GetCampaign"] = "One of the merchant's campaigns",
        ["EndCampaign"] = "End a campaign now",
        ["IssueCoupon"] = "Issue a coupon of a coupon-only campaign to a customer by phone",
        ["GetIssuedCoupon"] = "A coupon the merchant issued",
        // Operators
        ["ReconcileSpending"] = "Check a customer's month of spending analysis against the ledger",
        ["CheckLedger"] = "Check the books: every wallet and clearing account summed per currency",
        ["ChangeCustomerTier"] = "Set a customer's real-name tier (in-person verification or a downgrade)",
        ["SetWalletStatus"] = "Hold a wallet receive-only or frozen, or release it",
        ["ListMerchants"] = "Merchants, newest first, optionally by name",
        ["GetMerchantForOperators"] = "A merchant's profile and settlement balance (operators)",
        ["ListMerchantSettlementsForOperators"] = "A merchant's settlement reports (operators)",
        ["ListMerchantWebhookDeliveriesForOperators"] = "A merchant's webhook events being delivered, delivered or given up on (operators)",
        ["FindCustomers"] = "Find a customer by phone number",
        ["GetCustomer"] = "A customer's profile, tier, restriction, wallets and cards",
        ["ListRiskAlerts"] = "Risk alerts, newest first",
        ["ReviewRiskAlert"] = "Close a risk alert without lifting anything",
        ["GetRiskStanding"] = "Where a customer stands on the escalation ladder, their alerts and held movements",
        ["UnfreezeRiskCustomer"] = "Lift a customer's risk restriction and close their open alerts",
        ["ReleaseHeldMovement"] = "Carry out a movement held for review",
        ["RejectHeldMovement"] = "Reject a movement held for review and let its money go",
        // Simulators
        ["ListSimulatedSms"] = "Texts the simulated SMS gateway sent to a phone (embedded mode and tests only)",
        // Help
        ["GetSupportConversation"] = "The customer's conversation with customer care, newest message first",
        ["WriteSupportMessage"] = "Write to customer care, with images and the movement or claim it is about",
        ["MarkSupportRead"] = "Mark the bank's answers read",
        ["GetSupportAttachment"] = "An image of the customer's conversation",
        ["SearchHelpArticles"] = "Search the bank's answers to common questions",
        ["ListWaitingSupportConversations"] = "Conversations waiting for an answer, the longest waiting first",
        ["GetCustomerSupportConversation"] = "A customer's conversation with customer care",
        ["ReplySupportMessage"] = "Answer a customer's conversation",
        ["MarkSupportReadByBank"] = "Mark a customer's messages read by the bank",
        ["GetCustomerSupportAttachment"] = "An image of a customer's conversation",
    };

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (operation.OperationId is { } id && s_summaries.TryGetValue(id, out var summary))
        {
            // The handler's XML summary, if any, says more: it becomes the description.
            if (operation.Summary is { Length: > 0 } own && operation.Description is null)
            {
                operation.Description = own;
            }
            operation.Summary = summary;
        }
        return Task.CompletedTask;
    }
}
