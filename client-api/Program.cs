using Wallet.ClientApi.Care;
using Wallet.ClientApi.Cards;
using Wallet.ClientApi.Claims;
using Wallet.ClientApi.Credit;
using Wallet.ClientApi.Customers;
using Wallet.ClientApi.Families;
using Wallet.ClientApi.Fx;
using Wallet.ClientApi.Hosting;
using Wallet.ClientApi.Ledger;
using Wallet.ClientApi.Merchants;
using Wallet.ClientApi.Movements;
using Wallet.ClientApi.Notifications;
using Wallet.ClientApi.Payments;
using Wallet.ClientApi.Products;
using Wallet.ClientApi.RedPackets;
using Wallet.ClientApi.Risk;
using Wallet.ClientApi.Simulators;
using Wallet.ClientApi.Spending;
using Wallet.ClientApi.Statements;
using Wallet.ClientApi.Support;
using Wallet.ClientApi.Utilities;
using Wallet.ClientApi.Wallets;
using Wallet.ClientApi.WebApp;

// Settings ship beside the binary: started from any directory, the API reads its own appsettings.json.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddWalletLogging();   // Serilog: a line per request with its correlation id, nothing secret
builder.AddWalletCluster();   // embedded: a silo in this process; production: a client of the cluster
builder.AddWalletAuth();      // short-lived bearer tokens
builder.AddWalletHttp();      // strict JSON, problem responses, OpenAPI, health
builder.AddWalletRateLimits(); // 429 for too many sign-ins, registrations, texts or movements
builder.AddWalletWebApp();    // the customers' web app and the operators' console, under /app
builder.AddWalletTelemetry(); // metrics for Prometheus on a port of their own, traces by OTLP (README "Metrics and traces")

var app = builder.Build();
app.UseWalletPipeline();
app.MapHealthChecks("/health/live", new() { Predicate = _ => false });
app.MapHealthChecks("/health/ready", new() { Predicate = check => check.Tags.Contains("ready") });
app.MapCustomers();
app.MapWebSession();
app.MapAccountProtection();
app.MapWallets();
app.MapAutoTopUp();
app.MapStatements();
app.MapCards();
app.MapTransfers();
app.MapCardMovements();
app.MapBillers();
app.MapBillPayees();
app.MapBillPayments();
app.MapFx();
app.MapRemittances();
app.MapFamilies();
app.MapSubWallets();
app.MapSubWalletApprovals();
app.MapRedPackets();
app.MapProducts();
app.MapHoldings();
app.MapOpsProducts();
app.MapFundCover();
app.MapLoans();
app.MapCreditCardApplications();
app.MapLoanBook();
app.MapOps();
app.MapOpsDirectory();
app.MapOpsMerchantActivity();
app.MapRisk();
app.MapNotifications();
app.MapSupport();
app.MapHelpArticles();
app.MapSpending();
app.MapSpendingOps();
app.MapMerchants();
app.MapQrCodes();
app.MapCharges();
app.MapAuthorizations();
app.MapMerchantPayments();
app.MapWebhooks();
app.MapCampaigns();
app.MapPayments();
app.MapPaymentRetrieval();
app.MapDeviceRetrieval();
app.MapCardMovementRetrieval();
app.MapMerchantRetrieval();
app.MapMerchantResources();
app.MapClaims();
app.MapOpsClaims();
app.MapDevSimulators(app.Configuration);
app.MapWalletWebApp();
app.MapClusterDashboard();
app.Run();

/// <summary>The entry point, visible to the API tests' WebApplicationFactory.</summary>
public partial class Program;
