using System.Security.Cryptography;
using Wallet.Bills;
using Wallet.Hosting;
using Wallet.Limits;
using Wallet.Refusals;
using Wallet.Wallets;

namespace Wallet.Statements;

/// <summary>
/// One wallet's statement for one month. An open month is produced from the wallet's entries on each request; a
/// month is closed <see cref="Grace"/> after it ends (tills are swept within seconds), and then produced once and kept
/// with every document issued from it, so the same bytes answer for ever, across restarts.
/// </summary>
public sealed class MonthlyStatementGrain(
    [PersistentState("monthly-statement", StorageNames.Wallet)] IPersistentState<MonthlyStatementState> kept,
    LimitSchedule calendar,
    [FromKeyedServices(WalletClock.Key)] TimeProvider clock)
    : Grain, IMonthlyStatementGrain
{
    /// <summary>How long after its last moment a month stays open, for credits still in a busy wallet's tills.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromMinutes(5);

    private string WalletId => StatementMonths.OfKey(this.GetPrimaryKeyString()).WalletId;

    private DateOnly Month => StatementMonths.OfKey(this.GetPrimaryKeyString()).Month;

    private DateTimeOffset Start => calendar.DayStart(Month);

    private DateTimeOffset End => calendar.DayStart(Month.AddMonths(1));

    private bool ClosedByNow => clock.GetUtcNow() >= End + Grace;

    public async Task<StatementAnswer> Get(string callerId, StatementFormat format)
    {
        var facts = await Owned(callerId);
        if (kept.State.Statement is { } closed)
        {
            return new StatementAnswer(closed, kept.State.Documents.GetValueOrDefault(format));
        }
        var statement = await Produce(facts);
        if (statement.Closed)
        {
            kept.State.Statement = statement;
            await kept.WriteStateAsync();
        }
        return new StatementAnswer(statement, null);
    }

    public async Task<IssuedDocument> Issue(string callerId, StatementFormat format, byte[] content)
    {
        await Owned(callerId);
        if (kept.State.Statement is null)
        {
            throw new InvalidOperationException("Only a closed month's statement is issued.");
        }
        if (kept.State.Documents.TryGetValue(format, out var issued))
        {
            return issued;
        }
        issued = new IssuedDocument(format, content, Convert.ToHexStringLower(SHA256.HashData(content)), clock.GetUtcNow());
        kept.State.Documents[format] = issued;
        await kept.WriteStateAsync();
        return issued;
    }

    public async Task<StatementMonth> Describe(string callerId)
    {
        await Owned(callerId);
        return new StatementMonth(StatementMonths.Name(Month), kept.State.Statement is not null || ClosedByNow,
            [.. kept.State.Documents.Values.OrderBy(d => d.Format).Select(d => new IssuedDigest(d.Format, d.Sha256, d.IssuedAt))]);
    }

    /// <summary>The wallet's facts if the caller owns it and the month is in its life (from the month it opened to now).</summary>
    private async Task<WalletFacts> Owned(string callerId)
    {
        if (await GrainFactory.GetGrain<IWalletGrain>(WalletId).GetFacts() is not { } facts || facts.OwnerId != callerId
            || Start > clock.GetUtcNow() || End <= facts.OpenedAt)
        {
            throw WalletRefusedException.NotFound("The statement");
        }
        return facts;
    }

    private async Task<MonthlyStatement> Produce(WalletFacts facts)
    {
        var closed = ClosedByNow;
        var run = await GrainFactory.GetGrain<IWalletStatementGrain>(WalletId).BookedRun(Start, End);
        BookedRuns.Check(run);
        var names = new PartyNames(GrainFactory, facts.OwnerId);
        var lines = new List<StatementLine>(run.Entries.Count);
        foreach (var entry in run.Entries)
        {
            lines.Add(new StatementLine(entry.Sequence, entry.CreatedAt, entry.Kind, entry.Direction, SpendingCategories.Of(entry),
                entry.Amount, entry.BalanceAfter, entry.Counterparty, await names.Of(entry.Counterparty), entry.Memo, entry.MovementId));
        }
        return new MonthlyStatement(WalletId, StatementMonths.Name(Month), facts.Currency, await names.Holder(),
            run.Opening, run.Closing, lines, closed, clock.GetUtcNow(), calendar.Zone.Id);
    }
}

/// <summary>A closed month's statement and the documents issued from it; nothing while the month is open.</summary>
[GenerateSerializer, Alias("Wallet.MonthlyStatementState")]
public sealed class MonthlyStatementState
{
    [Id(0)] public MonthlyStatement? Statement { get; set; }
    [Id(1)] public Dictionary<StatementFormat, IssuedDocument> Documents { get; set; } = [];
}
