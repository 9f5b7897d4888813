using Wallet.ClientApi.Contract;
using Wallet.ClientApi.Customers;
using Wallet.ClientApi.Hosting;
using Wallet.ClientApi.Http;
using Wallet.ClientApi.Merchants;
using Wallet.ClientApi.Wallets;
using Wallet.Customers;
using Wallet.Identity;
using Wallet.Merchants;
using Wallet.Refusals;

namespace Wallet.ClientApi.Ledger;

/// <summary>
/// Operators list and find merchants and customers. A customer's profile is what the customer sees of themselves
/// (<c>GET /v1/me</c>): no password or PIN, the identity number masked.
/// </summary>
public static class OpsDirectoryEndpoints
{
    public static IEndpointRouteBuilder MapOpsDirectory(this IEndpointRouteBuilder routes)
    {
        var ops = routes.MapGroup("/v1/ops").WithTags("Operators").RequireAuthorization(AuthSetup.OperatorPolicy).AddEndpointFilter<WellFormedIdFilter>();
        ops.MapGet("/merchants", ListMerchants).WithName("ListMerchants").MayRefuse(RefusalCodes.InvalidText);
        ops.MapGet("/merchants/{id}", GetMerchant).WithName("GetMerchantForOperators");
        ops.MapGet("/customers", FindCustomers).WithName("FindCustomers");
        ops.MapGet("/customers/{id}", GetCustomer).WithName("GetCustomer");
        return routes;
    }

    /// <summary>Merchants newest first, a page at a time; <c>name</c> keeps those whose name (or Latin name) contains it, ignoring case.</summary>
    /// <param name="name">Keep merchants whose name or Latin name contains this, ignoring case; all when absent.</param>
    public static async Task<Results<Ok<Page<MerchantListingResponse>>, ValidationProblem>> ListMerchants(
        IGrainFactory grains, string? name, [AsParameters] PageRequest page)
    {
        var errors = new FieldErrors()
            .Text(name is { Length: > 0 } ? name.Trim() : null, "name", MerchantNames.NameLength, required: false)
            .Page(page, out var pageSize, out var before);
        if (errors.Problem is { } invalid)
        {
            return invalid;
        }
        var listing = await grains.GetGrain<IMerchantDirectoryGrain>(0).List(name is { Length: > 0 } ? name.Trim() : null, before, pageSize);
        return TypedResults.Ok(new Page<MerchantListingResponse>([.. listing.Items.Select(MerchantListingResponse.From)],
            listing.NextBefore is { } next ? Paging.Cursor(next) : null));
    }

    /// <summary>A merchant: its names, category, city, settlement wallet and balance; never its secret or its card.</summary>
    /// <param name="id">The merchant's id (<c>mch_…</c>).</param>
    public static async Task<Ok<MerchantResponse>> GetMerchant(string id, IGrainFactory grains)
        => TypedResults.Ok(MerchantResponse.From(await grains.GetGrain<IMerchantGrain>(id).GetView()));

    /// <summary>The customer registered to a phone number (written in any way a phone is accepted): a page of one, or of none.</summary>
    /// <param name="phone">The customer's phone number, in any form a phone is accepted (<c>+8613800138000</c>, <c>13800138000</c>).</param>
    public static async Task<Results<Ok<Page<MeResponse>>, ValidationProblem>> FindCustomers(IGrainFactory grains, string? phone = null)
    {
        if (new FieldErrors().Phone(phone).Problem is { } invalid)
        {
            return invalid;
        }
        var customerId = await grains.GetGrain<IPhoneDirectoryGrain>(Phones.Normalize(phone)!).FindCustomer();
        return TypedResults.Ok(new Page<MeResponse>(customerId is null ? [] : [MeResponse.From(await grains.GetGrain<ICustomerGrain>(customerId).GetProfile())], null));
    }

    /// <summary>A customer's profile: tier and its history, restriction, wallets, cards (masked), the identity number masked.</summary>
    /// <param name="id">The customer's id (<c>cus_…</c>).</param>
    public static async Task<Ok<MeResponse>> GetCustomer(string id, IGrainFactory grains)
        => Ids.IsCustomer(id) // a merchant's or an unknown kind of id is no customer: not found, rather than a customer grain made up for it
            ? TypedResults.Ok(MeResponse.From(await grains.GetGrain<ICustomerGrain>(id).GetProfile()))
            : throw WalletRefusedException.NotFound("The customer");
}
