namespace Wallet.Refusals;

/// <summary>The customer-facing sentence for a refusal that carries no detail of its own.</summary>
public static class RefusalText
{
    public static string For(string code) => code switch
    {
        RefusalCodes.InsufficientFunds => "The wallet's balance is less than the amount.",
        RefusalCodes.CurrencyMismatch => "The wallet holds another currency.",
        RefusalCodes.NotFound => "The wallet was not found.",
        RefusalCodes.CardDeclined => "The card's bank declined.",
        _ => "The request was refused.",
    };
}
