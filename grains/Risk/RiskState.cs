using Wallet.Events;
using Wallet.Wallets;
using StableHash = Wallet.Ledger.StableHash;

namespace Wallet.Risk;

/// <summary>
/// What a customer's monitor keeps between events: the windows the rules read, the alerts, and where
/// the customer stands. Written once per event (a durable stream's delivery is acknowledged when the
/// monitor returns), so kept small: movements as compact marks, ids and payees as 64-bit hashes.
/// </summary>
[GenerateSerializer, Alias("Wallet.RiskState")]
public sealed class RiskState
{
    /// <summary>Ids remembered: far more than can be redelivered or republished at once.</summary>
    private const int IdsRemembered = 256;

    /// <summary>The most movements kept in the window, the oldest going first: far above any rule's count.</summary>
    private const int MarksKept = 300;

    /// <summary>The latest movements kept whole, for people reading the snapshot.</summary>
    private const int LatestKept = 16;

    /// <summary>The latest events other than money (sign-ins, wrong PINs, devices) kept.</summary>
    private const int SignalsKept = 16;

    /// <summary>Payment amounts the customer's "usual" is the median of.</summary>
    private const int UsualKept = 50;

    /// <summary>People paid before, remembered so a new payee is recognised.</summary>
    private const int PayeesKept = 500;

    /// <summary>First payments to new payees remembered: far above the rule's count.</summary>
    private const int NewPayeesKept = 100;

    private const int AlertsKept = 20;

    // Lookups over the queues below, built again after a load rather than stored twice.
    [NonSerialized] private HashSet<long>? _seen;
    [NonSerialized] private HashSet<long>? _payees;

    [Id(2)] public int EventsCounted { get; set; }

    /// <summary>The latest other events, oldest first.</summary>
    [Id(4)] public List<WalletEvent> Signals { get; set; } = [];

    /// <summary>The latest payments' amounts in the home currency, oldest first: the customer's usual is their median.</summary>
    [Id(5)] public Queue<long> PaidAmounts { get; set; } = new();

    /// <summary>When a transfer first went to someone never paid before, oldest first.</summary>
    [Id(8)] public List<DateTimeOffset> NewPayeesAt { get; set; } = [];

    [Id(9)] public DateTimeOffset? DeviceRegisteredAt { get; set; }
    [Id(10)] public GeoPoint? LastLocation { get; set; }
    [Id(11)] public DateTimeOffset? LastLocationAt { get; set; }

    /// <summary>When each rule last fired, for its quiet period.</summary>
    [Id(12)] public Dictionary<RiskRule, DateTimeOffset> LastFired { get; set; } = [];

    /// <summary>The customer's restriction as this monitor decided it; handed on to the customer's profile, which holds it for everyone else.</summary>
    [Id(13)] public Restriction Restriction { get; set; }

    /// <summary>The restriction the customer's profile and wallets were last given (behind <see cref="Restriction"/> until applied).</summary>
    [Id(14)] public Restriction AppliedRestriction { get; set; }

    /// <summary>The latest alerts, newest last.</summary>
    [Id(15)] public List<RiskAlert> Alerts { get; set; } = [];

    /// <summary>Alerts (new or reviewed) not yet handed to the operators' list and, for new ones, the customer's inbox.</summary>
    [Id(16)] public List<RiskAlert> Undelivered { get; set; } = [];

    /// <summary>The customer's note that an operator lifted their restriction, until it is in their inbox.</summary>
    [Id(17)] public Notifications.Notification? Lifted { get; set; }

    /// <summary>The customer's movements held for review, oldest first, until an operator decides on each.</summary>
    [Id(18)] public List<Movements.ReviewableOutcome> Held { get; set; } = [];

    /// <summary>The counted events' ids (hashed), oldest first.</summary>
    [Id(19)] public Queue<long> SeenIds { get; set; } = new();

    /// <summary>Money in and out within the rules' longest window, in the home currency, oldest first.</summary>
    [Id(20)] public List<MovementMark> Window { get; set; } = [];

    /// <summary>The latest money movements whole, oldest first.</summary>
    [Id(21)] public List<MoneyMoved> Latest { get; set; } = [];

    /// <summary>The people paid before (hashed), oldest first.</summary>
    [Id(22)] public Queue<long> Payees { get; set; } = new();

    /// <summary>Counts the event once: false if its id was seen before.</summary>
    public bool FirstTime(string eventId)
    {
        _seen ??= [.. SeenIds];
        if (!Remember(_seen, SeenIds, StableHash.Of64(eventId), IdsRemembered))
        {
            return false;
        }
        EventsCounted++;
        return true;
    }

    /// <summary>
    /// Takes the event into the windows, and says what the rules need to know of the time before it. Money is
    /// counted in the home currency (each wallet's at its reference rate, rounded up), so one customer's wallets
    /// in several currencies add up, and every threshold, set in the home currency, holds in each at its rate.
    /// </summary>
    public Observation Take(WalletEvent item, TimeSpan window, Money.ReferenceRates rates)
    {
        var before = new Observation(item, UsualPayment(), PaidAmounts.Count, LastLocation, LastLocationAt, NewPayee: false, 0, rates.HomeCurrency);
        switch (item)
        {
            case MoneyMoved moved:
                // A currency that lost its rate cannot move money (its wallets' limits are nothing): counted as it is.
                var amount = rates.ToHome(moved.Amount, moved.Currency) ?? moved.Amount;
                before = before with { NewPayee = TakePayee(moved), Amount = amount };
                TakeMovement(moved, amount, window);
                break;
            default:
                Keep(Signals, item, SignalsKept);
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

    private void TakeMovement(MoneyMoved moved, long amount, TimeSpan window)
    {
        Keep(Latest, moved, LatestKept);
        Window.Add(MovementMark.Of(moved, amount));
        var since = (moved.OccurredAt - window).UtcTicks;
        Window.RemoveAll(m => m.At < since);
        if (Window.Count > MarksKept)
        {
            Window.RemoveRange(0, Window.Count - MarksKept);
        }
        if (IsPayment(moved))
        {
            PaidAmounts.Enqueue(amount);
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
        _payees ??= [.. Payees];
        if (!Remember(_payees, Payees, StableHash.Of64(payee), PayeesKept))
        {
            return false;
        }
        NewPayeesAt.Add(moved.OccurredAt);
        if (NewPayeesAt.Count > NewPayeesKept)
        {
            NewPayeesAt.RemoveAt(0);
        }
        return true;
    }

    /// <summary>Adds a key to a bounded memory (a set for looking up, a queue for forgetting the oldest); false if it was there.</summary>
    private static bool Remember(HashSet<long> known, Queue<long> order, long key, int kept)
    {
        if (!known.Add(key))
        {
            return false;
        }
        order.Enqueue(key);
        while (order.Count > kept)
        {
            known.Remove(order.Dequeue());
        }
        return true;
    }

    private static void Keep<T>(List<T> latest, T item, int kept)
    {
        latest.Add(item);
        if (latest.Count > kept)
        {
            latest.RemoveAt(0);
        }
    }

    /// <summary>Money the customer sent: a transfer, a merchant payment, a withdrawal to a card, a bill paid, a remittance or a family top-up.</summary>
    public static bool IsPayment(MoneyMoved moved) => IsPayment(moved.Direction, moved.Kind);

    public static bool IsPayment(EntryDirection direction, MovementKind kind)
        => direction == EntryDirection.Out && kind is MovementKind.Transfer or MovementKind.Payment or MovementKind.Withdrawal or MovementKind.BillPayment
            or MovementKind.Remittance or MovementKind.FamilyTopUp or MovementKind.RedPacket;

    /// <summary>The customer's payments (money out) from <paramref name="since"/> on, this one included.</summary>
    public IEnumerable<MovementMark> PaymentsSince(DateTimeOffset since) => Window.Where(m => m.IsPayment && m.At >= since.UtcTicks);

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
/// A money movement as the rules need it: when (UTC ticks), how much (in the home currency), which way and of what kind, and
/// for a transfer in from a customer, who paid (hashed: the mule rule counts distinct payers).
/// </summary>
[GenerateSerializer, Immutable, Alias("Wallet.Risk.MovementMark")]
public readonly record struct MovementMark(
    [property: Id(0)] long At,
    [property: Id(1)] long Amount,
    [property: Id(2)] MovementKind Kind,
    [property: Id(3)] EntryDirection Direction,
    [property: Id(4)] long Payer)
{
    public bool IsPayment => RiskState.IsPayment(Direction, Kind);

    /// <summary>A transfer in from a customer: what the mule rule counts.</summary>
    public bool IsTransferInFromCustomer => Direction == EntryDirection.In && Kind == MovementKind.Transfer && Payer != 0;

    public static MovementMark Of(MoneyMoved moved, long amount)
        => new(moved.OccurredAt.UtcTicks, amount, moved.Kind, moved.Direction,
            moved is { Direction: EntryDirection.In, Kind: MovementKind.Transfer, CounterpartyId: { } payer } ? StableHash.Of64(payer) : 0);
}

/// <summary>
/// An event and what the rules need to know of the time before it: the customer's usual payment (the
/// median of the latest) and how many it is drawn from, where the previous located request came from,
/// and whether this transfer goes to someone never paid before; and for money, its <see cref="Amount"/> in the
/// home currency (<see cref="Currency"/>), which every amount here and every threshold is in.
/// </summary>
public sealed record Observation(WalletEvent Event, long? UsualPayment, int PaymentsKnown, GeoPoint? LastLocation, DateTimeOffset? LastLocationAt, bool NewPayee,
    long Amount, string Currency);
