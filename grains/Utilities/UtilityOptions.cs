namespace Wallet.Utilities;

/// <summary>How the bank talks to billers and keeps customers' bill calendars (<c>Wallet:Utilities</c>).</summary>
public sealed class UtilityOptions
{
    public const string Section = "Wallet:Utilities";

    /// <summary>How long a payment waits for the biller's first answer before it is left pending and followed up.</summary>
    public TimeSpan AnswerWithin { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often a pending payment asks the biller again (an Orleans reminder: a minute at least).</summary>
    public TimeSpan FollowUpEvery { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long after a refund the bank still asks the biller, to catch one that confirms late (for the operators).</summary>
    public TimeSpan ReconcileWithin { get; set; } = TimeSpan.FromDays(2);

    /// <summary>How often a customer's bill calendar looks at their bills (an hour: a new bank day is seen within it).</summary>
    public TimeSpan CheckEvery { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Days before a bill's due date the customer is told, unless they chose otherwise for the payee.</summary>
    public int RemindDaysBefore { get; set; } = 3;
}
