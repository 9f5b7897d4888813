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
        RefusalCodes.RedPacketEmpty => "Every share of this red packet has been claimed.",
        RefusalCodes.RedPacketExpired => "This red packet's time to claim is over; what nobody claimed went back to its sender.",
        _ => "The request was refused.",
    };
}
