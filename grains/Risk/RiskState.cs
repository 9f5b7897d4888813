using Wallet.Events;
using Wallet.Wallets;

namespace Wallet.Risk;

/// <summary>What a customer's monitor keeps between events: the windows the rules read, the alerts, and where the customer stands.</summary>
[GenerateSerializer, Alias("Wallet.RiskState")]
public sealed class RiskState
{
    /// <summary>Ids remembered: far more than can be redelivered or republished at once, and a small state to write per event.</summary>
    private const int IdsRemembered = 256;

    /// <summary>The most movements kept in the window; the oldest go first.</summary>
    private const int MovementsKept = 500;

    /// <summary>The latest events other than money (sign-ins, wrong PINs, devices) kept.</summary>
    private const int SignalsKept = 50;

    /// <summary>Payment amounts the customer's "usual" is the median of.</summary>
    private const int UsualKept = 50;

    /// <summary>People paid before, remembered so a new payee is recognised.</summary>
    private const int PayeesKept = 1000;

    private const int AlertsKept = 50;

    [Id(0)] public HashSet<string> SeenIds { get; set; } = [];
    [Id(1)] public Queue<string> SeenOrder { get; set; } = new();
    [Id(2)] public int EventsCounted { get; set; }

    /// <summary>Money in and out within the rules' longest window, oldest first.</summary>
    [Id(3)] public List<MoneyMoved> Movements { get; set; } = [];

    /// <summary>The latest other events, oldest first.</summary>
    [Id(4)] public List<WalletEvent> Signals { get; set; } = [];

    /// <summary>The latest payments' amounts, oldest first: the customer's usual is their median.</summary>
    [Id(5)] public Queue<long> PaidAmounts { get; set; } = new();

    [Id(6)] public HashSet<string> KnownPayees { get; set; } = [];
    [Id(7)] public Queue<string> PayeeOrder { get; set; } = new();

    /// <summary>When a transfer first went to someone never paid before, oldest first.</summary>
    [Id(8)] public List<DateTimeOffset> NewPayeesAt { get; set; } = [];

    [Id(9)] public DateTimeOffset? DeviceRegisteredAt { get; set; }
    [Id(10)] public GeoPoint? LastLocation { get; set; }
    [Id(11)] public DateTimeOffset? LastLocationAt { get; set; }

    /// <summary>When each rule last fired, for its quiet period.</summary>
    [Id(12)] public Dictionary<RiskRule, DateTimeOffset> LastFired { get; set; } = [];

    /// <summary>The rung the customer stands on.</summary>
    [Id(13)] public RiskAction Restriction { get; set; }

    /// <summary>The rung the customer's wallets were last told about (behind <see cref="Restriction"/> until applied).</summary>
    [Id(14)] public RiskAction Applied { get; set; }

    /// <summary>The latest alerts, newest last.</summary>
    [Id(15)] public List<RiskAlert> Alerts { get; set; } = [];

    /// <summary>Alerts (new or reviewed) not yet handed to the operators' list and, for new ones, the customer's inbox.</summary>
    [Id(16)] public List<RiskAlert> Undelivered { get; set; } = [];

    /// <summary>The customer's note that an operator lifted their restriction, until it is in their inbox.</summary>
    [Id(17)] public Notifications.Notification? Lifted { get; set; }

    /// <summary>The customer's movements held for review, oldest first, until an operator decides on each.</summary>
    [Id(18)] public List<Movements.MovementReceipt> Held { get; set; } = [];

    /// <summary>Counts the event once: false if its id was seen before.</summary>
    public bool FirstTime(string eventId)
    {
        if (!SeenIds.Add(eventId))
        {
            return false;
        }
        SeenOrder.Enqueue(eventId);
        while (SeenOrder.Count > IdsRemembered)
        {
            SeenIds.Remove(SeenOrder.Dequeue());
        }
        EventsCounted++;
        return true;
    }

    /// <summary>Takes the event into the windows, and says what the rules need to know of the time before it.</summary>
    public Observation Take(WalletEvent item, TimeSpan window)
    {
        var before = new Observation(item, UsualPayment(), PaidAmounts.Count, LastLocation, LastLocationAt, NewPayee: false);
        switch (item)
        {
            case MoneyMoved moved:
                before = before with { NewPayee = TakePayee(moved) };
                TakeMovement(moved, window);
                break;
            default:
                Signals.Add(item);
                if (Signals.Count > SignalsKept)
                {
                    Signals.RemoveAt(0);
                }
                break;
        }
        if (item is DeviceRegistered)
        {
            DeviceRegisteredAt = item.OccurredAt;
        }
        if (LocationOf(item) is { } location)
        {
            (LastLocation, LastLocationAt) = (location, item.OccurredAt);
        }
        return before;
    }

    private void TakeMovement(MoneyMoved moved, TimeSpan window)
    {
        Movements.Add(moved);
        var since = moved.OccurredAt - window;
        Movements.RemoveAll(m => m.OccurredAt < since);
        if (Movements.Count > MovementsKept)
        {
            Movements.RemoveRange(0, Movements.Count - MovementsKept);
        }
        if (IsPayment(moved))
        {
            PaidAmounts.Enqueue(moved.Amount);
            while (PaidAmounts.Count > UsualKept)
            {
                PaidAmounts.Dequeue();
            }
        }
    }

    /// <summary>A transfer to someone never paid before is remembered with its time.</summary>
    private bool TakePayee(MoneyMoved moved)
    {
        if (moved is not { Direction: EntryDirection.Out, Kind: MovementKind.Transfer } || (moved.CounterpartyId ?? moved.CounterpartyWalletId) is not { } payee)
        {
            return false;
        }
        if (!KnownPayees.Add(payee))
        {
            return false;
        }
        PayeeOrder.Enqueue(payee);
        while (PayeeOrder.Count > PayeesKept)
        {
            KnownPayees.Remove(PayeeOrder.Dequeue());
        }
        NewPayeesAt.Add(moved.OccurredAt);
        NewPayeesAt.RemoveAll(at => at < moved.OccurredAt - TimeSpan.FromDays(7));
        return true;
    }

    /// <summary>Money the customer sent: a transfer, a merchant payment or a withdrawal to a card.</summary>
    public static bool IsPayment(MoneyMoved moved)
        => moved is { Direction: EntryDirection.Out, Kind: MovementKind.Transfer or MovementKind.Payment or MovementKind.Withdrawal };

    /// <summary>The customer's payments (money out) from <paramref name="since"/> on, this one included.</summary>
    public IEnumerable<MoneyMoved> PaymentsSince(DateTimeOffset since) => Movements.Where(m => IsPayment(m) && m.OccurredAt >= since);

    private long? UsualPayment()
    {
        if (PaidAmounts.Count == 0)
        {
            return null;
        }
        var sorted = PaidAmounts.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    public static GeoPoint? LocationOf(WalletEvent item) => item switch
    {
        LoginSucceeded s => s.Location,
        LoginFailed f => f.Location,
        _ => null,
    };

    public void Remember(RiskAlert alert)
    {
        Alerts.RemoveAll(a => a.AlertId == alert.AlertId);
        Alerts.Add(alert);
        if (Alerts.Count > AlertsKept)
        {
            Alerts.RemoveAt(Alerts.FindIndex(a => !a.IsOpen) is >= 0 and var closed ? closed : 0);
        }
        Undelivered.RemoveAll(a => a.AlertId == alert.AlertId);
        Undelivered.Add(alert);
    }
}

/// <summary>
/// An event and what the rules need to know of the time before it: the customer's usual payment (the
/// median of the latest) and how many it is drawn from, where the previous located request came from,
/// and whether this transfer goes to someone never paid before.
/// </summary>
public sealed record Observation(WalletEvent Event, long? UsualPayment, int PaymentsKnown, GeoPoint? LastLocation, DateTimeOffset? LastLocationAt, bool NewPayee);
