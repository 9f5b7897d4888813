namespace Wallet.Movements;

/// <summary>The record of a movement risk control may hold: while held, the order to carry out if an operator releases it (its PIN or signature left out).</summary>
[GenerateSerializer, Alias("Wallet.ReviewableRecord`2")]
public abstract class ReviewableRecord<TReceipt, TOrder> : MovementRecord<TReceipt>
    where TReceipt : ReviewableOutcome
    where TOrder : class
{
    [Id(0)] public TOrder? Held { get; set; }
}
