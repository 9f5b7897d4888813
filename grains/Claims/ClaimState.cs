using Wallet.Refusals;

namespace Wallet.Claims;

[GenerateSerializer, Alias("Wallet.ClaimState")]
public sealed class ClaimState
{
    [Id(0)] public ClaimOpening? Opening { get; set; }

    [Id(1)] public DateTimeOffset OpenedAt { get; set; }

    [Id(2)] public ClaimEvidence? Evidence { get; set; }

    [Id(3)] public string? MerchantId { get; set; }

    [Id(4)] public string? AssignedTo { get; set; }

    [Id(5)] public List<ClaimMessage> Messages { get; set; } = [];

    [Id(6)] public bool AwaitingCustomer { get; set; }

    /// <summary>A decision being carried out: written before its money moves, cleared when it is recorded or nothing moved.</summary>
    [Id(7)] public ClaimDecision? Paying { get; set; }

    [Id(8)] public ClaimDecision? Decision { get; set; }

    /// <summary>How many decisions that pay were begun: each attempt has its own movement id, so one refused (say, the fund short) does not stand in the way of the next.</summary>
    [Id(9)] public int Attempts { get; set; }

    /// <summary>Provisional credit the fund paid, and what became of it on a rejection.</summary>
    [Id(10)] public ClaimProvisional? Provisional { get; set; }

    /// <summary>A provisional payment under way: its movement id, written before the money moves.</summary>
    [Id(11)] public string? ProvisionalPaying { get; set; }

    [Id(12)] public int ProvisionalAttempts { get; set; }

    /// <summary>An operator is a customer too: none works their own claim (the fund would pay whoever decides).</summary>
    public void RequireAnotherOperator(string operatorId)
    {
        if (operatorId == Opening!.CustomerId)
        {
            throw new WalletRefusedException(OperatorsOwnClaim, "This is your own claim: another operator works it.");
        }
    }

    /// <summary>The API's code for a caller who may not do this (403).</summary>
    private const string OperatorsOwnClaim = "forbidden";

    public void RequireOpened()
    {
        if (Opening is null)
        {
            throw WalletRefusedException.NotFound("The claim");
        }
    }

    public void RequireUndecided()
    {
        if (Decision is not null)
        {
            throw new WalletRefusedException(RefusalCodes.ClaimAlreadyDecided, "This claim was decided already.");
        }
    }

    public void RequireRoom()
    {
        if (Messages.Count >= ClaimRules.MaxMessages)
        {
            throw new WalletRefusedException(RefusalCodes.ValidationFailed, $"A claim keeps at most {ClaimRules.MaxMessages} questions and answers; call us instead.");
        }
    }
}
