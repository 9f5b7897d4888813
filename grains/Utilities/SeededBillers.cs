namespace Wallet.Utilities;

/// <summary>
/// The billers the embedded mode starts with (and the tests use): a city's water, power, gas and property fees,
/// a broadband company, a mobile operator's fixed top-ups and a prepaid electricity meter. Their companies are
/// the simulator's.
/// </summary>
public static class SeededBillers
{
    private static readonly TimeSpan ConfirmWithin = TimeSpan.FromMinutes(10);
    private static readonly AccountNumberRule TenDigits = new(10, 10, DigitsOnly: true);

    public static readonly BillerProfile ShanghaiWater = Postpaid("bil_sh_water", "上海城投水务", "Shanghai Water", BillerKind.Water, TenDigits);

    /// <summary>Its account numbers end in a Luhn check digit, as the grid's printed bills do.</summary>
    public static readonly BillerProfile ShanghaiPower = Postpaid("bil_sh_power", "国网上海市电力公司", "State Grid Shanghai", BillerKind.Electricity,
        new AccountNumberRule(10, 10, DigitsOnly: true, LuhnCheckDigit: true));

    public static readonly BillerProfile ShanghaiGas = Postpaid("bil_sh_gas", "上海燃气", "Shanghai Gas", BillerKind.Gas, new AccountNumberRule(8, 12, DigitsOnly: true));

    public static readonly BillerProfile ShanghaiProperty = Postpaid("bil_sh_property", "陆家嘴物业", "Lujiazui Property", BillerKind.Property,
        new AccountNumberRule(6, 16, DigitsOnly: false));

    public static readonly BillerProfile ShanghaiBroadband = Postpaid("bil_sh_broadband", "上海电信宽带", "Shanghai Telecom Broadband", BillerKind.Broadband,
        new AccountNumberRule(8, 16, DigitsOnly: false, Prefix: "AD"));

    /// <summary>A mobile number is the account: 11 digits from 1; top-ups of ¥10, ¥30, ¥50, ¥100, ¥200 or ¥500.</summary>
    public static readonly BillerProfile ChinaMobile = new("bil_cmcc", "中国移动", "China Mobile", BillerKind.Mobile, "全国", BillingMode.Denominations,
        new AccountNumberRule(11, 11, DigitsOnly: true, Prefix: "1"), [1_000, 3_000, 5_000, 10_000, 20_000, 50_000], 1_000, 50_000, "CNY", ConfirmWithin);

    /// <summary>A prepaid meter: any amount from ¥10 to ¥2,000 at a time.</summary>
    public static readonly BillerProfile BeijingPrepaidPower = new("bil_bj_power", "国网北京电力（预付费）", "State Grid Beijing prepaid", BillerKind.Electricity, "北京",
        BillingMode.Prepaid, TenDigits, [], 1_000, 200_000, "CNY", ConfirmWithin);

    public static IReadOnlyList<BillerProfile> All { get; } =
        [ShanghaiWater, ShanghaiPower, ShanghaiGas, ShanghaiProperty, ShanghaiBroadband, ChinaMobile, BeijingPrepaidPower];

    private static BillerProfile Postpaid(string id, string name, string latin, BillerKind kind, AccountNumberRule rule)
        => new(id, name, latin, kind, "上海", BillingMode.Postpaid, rule, [], 1, 10_000_000, "CNY", ConfirmWithin);
}
