namespace Wallet.Web.Api;

public sealed record CategorySpending(string Category, string Currency, long Amount, int Count, long PreviousAmount, long Change, long? Budget);

public sealed record SpendingMonth(string Month, string Currency, long Total, long PreviousTotal, long Change, IReadOnlyList<CategorySpending> Categories);
