using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Wallet.ClientApi.Contract;

/// <summary>
/// The OpenAPI document as the contract a client generator reads: security schemes, header parameters,
/// error answers, and the parts a linter asks of every document (servers, tags, licence).
/// </summary>
public static class ContractSetup
{
    private static readonly Dictionary<string, string> s_tags = new()
    {
        ["Customers and sessions"] = "Registering, signing in, sessions, credentials, devices, real-name verification and the customer's own data.",
        ["Account protection"] = "A lost or stolen phone or account: the one report that freezes every wallet, signs out every session, removes device keys, voids payment codes and waiting confirmations and pauses autopay (signed in, or with the password or a texted code, or a backup phone's code and the identity number, or an operator's check); the backup phone; recovery with a new password and PIN.",
        ["Web app session"] = "The web app's sign-in: the session in HttpOnly cookies (no token reaches the page), and the CSRF token its changes carry.",
        ["Wallets"] = "A customer's wallets: balances, limits, history, freezing and closing.",
        ["Spending and budgets"] = "Where the customer's money went: a month by category and merchant, the trend of twelve (JSON or SVG charts), and monthly budgets.",
        ["Cards"] = "Binding the customer's own bank cards (confirmed by a code the bank texts).",
        ["Utility bills"] = "生活缴费: billers, saved payees, a bill looked up and paid once, refunded if the biller refuses or never confirms, and autopay mandates. Amounts are minor units.",
        ["Currencies and FX"] = "Wallets in several currencies: the bank's rates, a quote held for 30 seconds, converting between the customer's own wallets with it, and the annual quota for buying foreign currency. Amounts are minor units of their currency (a yen is 1).",
        ["Families"] = "Family groups (members, guardians, invitations by phone) and sub-wallets (子钱包): a member's wallet the family funds and governs with rules each payment meets. Amounts are minor units.",
        ["Red packets"] = "Red packets (红包): money with a message for one customer or a family's members, fixed shares or a total split at random when sent; each member claims once, and what nobody claims in 24 hours goes back to the sender.",
        ["Wealth and deposits"] = "The bank's products (理财) in the wallet: a money-market fund redeemable any day, term deposits and closed-end wealth products; the risk questionnaire buying above R1 needs; holdings with their daily yield, redeemed or paid back at maturity. Amounts are minor units; rates are basis points a year.",
        ["Credit"] = "Consumer loans (消费贷) and credit-card applications, decided by the bank's scoring model with its reasons kept: a loan's offer (annual rate, equal monthly instalments, total interest and cost), its drawdown into a wallet, repayments (autopay on each due day, or early), overdue handling; an approved credit card issued and bound like any card. Amounts are minor units.",
        ["Moving money"] = "Top-ups from a card, withdrawals to it and transfers to other customers. Amounts are minor units (fen for CNY).",
        ["Paying merchants"] = "Paying a merchant's QR code, the payment code a phone shows, and confirming payments that wait for the customer.",
        ["Merchants"] = "The merchant's own API (HMAC-signed requests): QR codes, charges, authorisations, refunds, settlement and webhooks; and operators' onboarding.",
        ["Promotions"] = "Merchants' campaigns (discounts, cashback, points) and coupons.",
        ["Claims"] = "Claims for unauthorised payments (盗刷申诉): an outgoing movement of the last 60 days claimed with the evidence the bank held then, the bank's questions answered, and the decision: a chargeback to the merchant or the bank's security fund pays, once. Amounts are minor units.",
        ["Operators"] = "The bank's operators: the books, risk alerts and reviews, the loan book, customers' tiers and wallets' holds, the spending analysis' reconciliation, the claims queue and the security fund, customer care's waiting conversations.",
        ["Help"] = "Help in the app: the bank's answers to common questions, searchable by anyone, and the customer's conversation with customer care (messages both ways, small images, read marks).",
        ["Simulators"] = "The simulated SMS gateway's outbox (embedded mode and tests only).",
    };

    public static OpenApiOptions AddWalletContract(this OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, context, _) =>
        {
            document.Info.Title = "Wallet.Orleans API";
            document.Info.Description = "A bank-grade digital wallet on a Microsoft Orleans cluster. Every amount is an integer " +
                "in the minor units of its currency (fen for CNY), with the currency beside it.";
            document.Info.License = new OpenApiLicense { Name = "Proprietary", Url = new Uri("https://wallet.orleans.example/terms") };
            // The server is where the document was fetched from; a trailing slash would double every path's.
            foreach (var server in document.Servers ?? [])
            {
                server.Url = server.Url?.TrimEnd('/');
            }
            foreach (var tag in document.Tags ?? new HashSet<OpenApiTag>())
            {
                tag.Description ??= s_tags.GetValueOrDefault(tag.Name ?? "");
            }
            return Task.CompletedTask;
        });
        options.AddSchemaTransformer<TimestampSchemas>();
        options.AddSchemaTransformer<FieldRules>();
        options.AddDocumentTransformer<FieldRules>();
        options.AddOperationTransformer<OperationSummaries>();
        options.AddOperationTransformer<DocumentResponses>();
        options.AddDocumentTransformer<SecuritySchemes>();
        options.AddOperationTransformer<SecuritySchemes>();
        options.AddDocumentTransformer<ProblemResponses>();
        options.AddOperationTransformer<ProblemResponses>();
        options.AddOperationTransformer((operation, context, _) =>
        {
            var metadata = context.Description.ActionDescriptor.EndpointMetadata;
            if (metadata.OfType<HeaderParameter>().Any(h => h.Name == Http.IdempotencyKeys.Header) || metadata.OfType<AnswersReplaysAttribute>().Any())
            {
                DescribeReplayHeader(operation);
            }
            foreach (var header in metadata.OfType<HeaderParameter>())
            {
                operation.Parameters ??= [];
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = header.Name,
                    In = ParameterLocation.Header,
                    Required = header.Required,
                    Description = header.Description,
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = 255 },
                });
            }
            return Task.CompletedTask;
        });
        return options;
    }

    /// <summary>A successful answer to a replayed request says so.</summary>
    private static void DescribeReplayHeader(OpenApiOperation operation)
    {
        foreach (var (status, response) in operation.Responses ?? [])
        {
            if (status.StartsWith('2') && response is OpenApiResponse answer)
            {
                answer.Headers ??= new Dictionary<string, IOpenApiHeader>();
                answer.Headers[Http.IdempotencyKeys.ReplayedHeader] = new OpenApiHeader
                {
                    Description = "`true` when this is the recorded answer of an earlier request with the same Idempotency-Key (or, for a merchant's charge or authorisation, the same order id): nothing was done again. Absent otherwise.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [System.Text.Json.Nodes.JsonValue.Create("true")] },
                };
            }
        }
    }
}
