namespace Wallet.Statements;

/// <summary>
/// One wallet's statement for one month, keyed <c>{walletId}/{yyyy-MM}</c>. While the month is open (and for a grace
/// period after it, while tills are swept) it is produced afresh on each request; once closed it is produced once,
/// kept, and every document issued from it is kept byte for byte, so the bank answers the same bytes for ever.
/// Only the wallet's owner is answered; anyone else, or a month outside the wallet's life, is told it was not found.
/// </summary>
[Alias("Wallet.IMonthlyStatementGrain")]
public interface IMonthlyStatementGrain : IGrainWithStringKey
{
    /// <summary>The statement, and the document already issued in <paramref name="format"/> if the month is closed and one was.</summary>
    [Alias("Get")]
    Task<StatementAnswer> Get(string callerId, StatementFormat format);

    /// <summary>
    /// Keeps <paramref name="content"/> as the month's document in <paramref name="format"/>, rendered from the closed
    /// statement <see cref="Get"/> answered; answers what is kept (the first one issued, if another got there first).
    /// </summary>
    [Alias("Issue")]
    Task<IssuedDocument> Issue(string callerId, StatementFormat format, byte[] content);

    /// <summary>The month as the wallet's list of statements shows it.</summary>
    [Alias("Describe")]
    Task<StatementMonth> Describe(string callerId);
}

/// <summary>How a month's statement grain is named, and which months a wallet has.</summary>
public static class StatementMonths
{
    public static string Key(string walletId, DateOnly month) => $"{walletId}/{Name(month)}";

    public static string Name(DateOnly month) => new Bills.Analysis.SpendingMonth(month.Year, month.Month).ToString();

    /// <summary>The month a <c>yyyy-MM</c> text names (its first day), or null: read as the spending analysis reads a month (years 2000 to 9998).</summary>
    public static DateOnly? Parse(string? text) => Bills.Analysis.SpendingMonth.Parse(text)?.FirstDay;

    /// <summary>The wallet id and month of a grain key.</summary>
    public static (string WalletId, DateOnly Month) OfKey(string key)
    {
        var slash = key.LastIndexOf('/');
        return (key[..slash], Parse(key[(slash + 1)..]) ?? throw new ArgumentException($"Not a statement key: {key}", nameof(key)));
    }
}
