namespace Wallet.Credit;

/// <summary>How the bank lends (<c>Wallet:Credit</c>).</summary>
public sealed class CreditOptions
{
    public const string Section = "Wallet:Credit";

    /// <summary>The score an application needs to be approved (out of 100; see <see cref="CreditScoring"/>).</summary>
    public int MinimumScore { get; set; } = 50;

    /// <summary>The smallest loan the bank makes, in minor units of the home currency (¥500).</summary>
    public long MinimumAmount { get; set; } = 50_000;

    /// <summary>How long an offer waits for the customer's acceptance.</summary>
    public TimeSpan OfferValidFor { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Late interest on an overdue instalment, in basis points of it per day late (5 = 0.05% a day), as the contract states at the drawdown.</summary>
    public int LateBasisPointsPerDay { get; set; } = 5;

    /// <summary>Days before an instalment's due day the borrower is told.</summary>
    public int RemindDaysBefore { get; set; } = 3;

    /// <summary>How often a drawn loan's reminder looks at it (an hour: a new bank day is seen within it).</summary>
    public TimeSpan CheckEvery { get; set; } = TimeSpan.FromHours(1);
}
