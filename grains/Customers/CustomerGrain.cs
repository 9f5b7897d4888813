using Wallet.Credentials;
using Wallet.Hosting;
using Wallet.Limits;
using Wallet.RealName;
using Wallet.Refusals;

namespace Wallet.Customers;

/// <summary>
/// The customer's profile: tier, the wallets they own (the cards are <see cref="CardholderGrain"/>'s), their
/// risk restriction and the account's life. Every request's session check goes to <see cref="CustomerAccessGrain"/> instead, so this
/// grain is woken only by what concerns the profile.
/// </summary>
public sealed partial class CustomerGrain(
    [PersistentState("customer", StorageNames.Wallet)] IPersistentState<CustomerState> customer,
    SecretHasher hasher,
    IIdentityService identity,
    IdentityKeys identityKeys,
    LimitSchedule limits,
    ITransactionClient transactions,
    [FromKeyedServices(WalletClock.Key)] TimeProvider clock)
    : Grain, ICustomerGrain
{
    private string CustomerId => this.GetPrimaryKeyString();

    private CustomerState State => customer.RecordExists && customer.State.ClosedAt is null ? customer.State : throw WalletRefusedException.NotFound("The customer");

    public async Task Enrol(CustomerEnrolment enrolment)
    {
        if (customer.RecordExists)
        {
            return;
        }
        // Access first: a profile always has its password; a crash between the two is mended by enrolling again.
        await Access.Enrol(enrolment);
        customer.State = new CustomerState { Phone = enrolment.Phone, Role = enrolment.Role, CreatedAt = clock.GetUtcNow() };
        await customer.WriteStateAsync();
    }

    public async Task<CustomerProfile> GetProfile()
    {
        var state = State;
        var cards = await Cards();
        var hasPin = await Credentials.HasPaymentPin();
        return new CustomerProfile(CustomerId, state.Phone!, state.Tier, state.Role, hasPin,
            await ListWallets(), cards, state.CreatedAt, state.RealName, state.IdNumberMasked,
            limits.For(state.Tier, limits.HomeCurrency, clock.GetUtcNow()), state.TierHistory, state.Restriction, limits.HomeCurrency);
    }

    private ICustomerAccessGrain Access => GrainFactory.GetGrain<ICustomerAccessGrain>(CustomerId);

    private IPaymentCredentialsGrain Credentials => GrainFactory.GetGrain<IPaymentCredentialsGrain>(CustomerId);
}
