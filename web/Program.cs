using Microsoft.AspNetCore.Components.WebAssembly.Hosting;
using Wallet.Web;
using Wallet.Web.Api;
using Wallet.Web.Session;
using Wallet.Web.Texts;

var builder = WebAssemblyHostBuilder.CreateDefault(args);
builder.RootComponents.Add<App>("#app");
// The API is this page's own origin (the app is served under /app, the API under /v1).
builder.Services.AddScoped(_ => new HttpClient { BaseAddress = new Uri(new Uri(builder.HostEnvironment.BaseAddress), "/") });
builder.Services.AddScoped<WebSession>();
builder.Services.AddScoped<BankApi>();
builder.Services.AddScoped<Language>();
await builder.Build().RunAsync();
