using Wallet.Events;
using Wallet.Risk;
using Wallet.Tests.Infrastructure;

namespace Wallet.Tests.Risk;

/// <summary>
/// Each rule on its own customer's stream, on the fake clock, with the default thresholds: one event
/// short of the threshold raises nothing, the event that reaches it raises the rule's alert and puts
/// the customer under the rule's restriction.
/// </summary>
[Collection(RiskClusterCollection.Name)]
public sealed class RiskRulesTests(RiskClusterFixture fixture)
{
    /// <summary>Noon in Shanghai: far from the night rule's hours unless a test goes there.</summary>
    private static readonly DateTimeOffset Noon = new(2026, 6, 1, 12, 0, 0, TimeSpan.FromHours(8));

    private static readonly GeoPoint Shanghai = new(31.2304, 121.4737);
    private static readonly GeoPoint Beijing = new(39.9042, 116.4074);

    private async Task<RiskFeed> NewFeed(DateTimeOffset? start = null)
    {
        var customer = await fixture.Scenario.NewCustomer();
        await fixture.Scenario.OpenWallet(customer);
        return new RiskFeed(fixture.Grains, fixture.Clock, customer.Id, start ?? Noon);
    }

    [Fact]
    public async Task Velocity_fires_at_the_tenth_payment_in_an_hour()
    {
        var feed = await NewFeed();
        for (var i = 0; i < 9; i++)
        {
            await feed.After(TimeSpan.FromMinutes(6)).Pay(1_000);
        }
        Assert.Empty(await feed.Alerts());

        await feed.After(TimeSpan.FromMinutes(5)).Pay(1_000); // the tenth within 59 minutes

        var standing = await feed.Standing();
        Assert.Equal([RiskRule.Velocity], standing.Alerts.Select(a => a.Rule));
        Assert.Equal(Restriction.StepUp, standing.Restriction);
        Assert.Contains("10 payments in the last hour", standing.Alerts[0].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Velocity_fires_when_an_hours_payments_reach_the_amount()
    {
        var feed = await NewFeed();
        await feed.Pay(250_000);
        await feed.After(TimeSpan.FromMinutes(30)).Pay(249_999);
        Assert.Empty(await feed.Alerts());

        await feed.After(TimeSpan.FromMinutes(29)).Pay(1); // ¥5,000.00 within the hour

        Assert.Equal([RiskRule.Velocity], await feed.Alerts());
    }

    [Fact]
    public async Task Money_sent_abroad_and_bills_paid_count_as_payments()
    {
        var feed = await NewFeed();
        await feed.Pay(250_000, Wallet.Wallets.MovementKind.Remittance);
        await feed.After(TimeSpan.FromMinutes(30)).Pay(249_999, Wallet.Wallets.MovementKind.BillPayment);
        Assert.Empty(await feed.Alerts());

        await feed.After(TimeSpan.FromMinutes(29)).Pay(1, Wallet.Wallets.MovementKind.Remittance); // ¥5,000.00 within the hour

        Assert.Equal([RiskRule.Velocity], await feed.Alerts());
    }

    [Fact]
    public async Task Velocity_fires_at_the_thirtieth_payment_in_a_day_spread_too_thin_for_the_hourly_count()
    {
        var feed = await NewFeed(new DateTimeOffset(2026, 6, 1, 5, 30, 0, TimeSpan.FromHours(8))); // all in the day: not the night rule
        await feed.Pay(100);
        for (var i = 1; i < 29; i++)
        {
            await feed.After(TimeSpan.FromMinutes(35)).Pay(100); // two an hour at most
        }
        Assert.Empty(await feed.Alerts());

        await feed.After(TimeSpan.FromMinutes(35)).Pay(100); // the thirtieth, at 22:25

        Assert.Equal([RiskRule.Velocity], await feed.Alerts());
    }

    [Fact]
    public async Task An_unusual_amount_is_ten_times_the_usual_payment()
    {
        var feed = await NewFeed();
        for (var i = 0; i < 5; i++)
        {
            await feed.After(TimeSpan.FromHours(3)).Pay(6_000); // usual: ¥60
        }
        await feed.After(TimeSpan.FromHours(3)).Pay(59_999);
        Assert.Empty(await feed.Alerts());

        await feed.After(TimeSpan.FromHours(3)).Pay(60_000);

        var standing = await feed.Standing();
        Assert.Equal([RiskRule.UnusualAmount], standing.Alerts.Select(a => a.Rule));
        Assert.Equal(Restriction.Review, standing.Restriction);
    }

    [Fact]
    public async Task A_large_payment_is_not_unusual_before_there_is_a_usual()
    {
        var feed = await NewFeed();
        for (var i = 0; i < 4; i++)
        {
            await feed.After(TimeSpan.FromHours(3)).Pay(100);
        }
        await feed.After(TimeSpan.FromHours(3)).Pay(90_000); // fifty times the usual, but only four payments before it

        Assert.Empty(await feed.Alerts());
    }

    [Fact]
    public async Task A_large_payment_within_a_day_of_a_new_device_fires()
    {
        var feed = await NewFeed();
        await feed.NewDevice();
        await feed.After(TimeSpan.FromHours(1)).Pay(99_999);
        Assert.Empty(await feed.Alerts());

        await feed.After(TimeSpan.FromHours(22)).Pay(100_000); // 23 hours after the device

        Assert.Equal([RiskRule.NewDeviceLargePayment], await feed.Alerts());
    }

    [Fact]
    public async Task A_large_payment_more_than_a_day_after_a_new_device_does_not()
    {
        var feed = await NewFeed();
        await feed.NewDevice();
        await feed.After(TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1)).Pay(100_000);

        Assert.Empty(await feed.Alerts());
    }

    [Fact]
    public async Task Impossible_travel_is_faster_than_an_airliner_between_two_sign_ins()
    {
        var feed = await NewFeed();
        var kilometres = Shanghai.KilometresTo(Beijing); // about 1,067 km
        await feed.SignIn(Shanghai);
        await feed.After(TimeSpan.FromHours(kilometres / 900) + TimeSpan.FromMinutes(1)).SignIn(Beijing); // just under 900 km/h
        Assert.Empty(await feed.Alerts());

        await feed.After(TimeSpan.FromHours(kilometres / 900) - TimeSpan.FromMinutes(1)).SignIn(Shanghai); // just over

        var standing = await feed.Standing();
        Assert.Equal([RiskRule.ImpossibleTravel], standing.Alerts.Select(a => a.Rule));
        Assert.Equal(Restriction.StepUp, standing.Restriction);
    }

    [Fact]
    public async Task A_large_payment_at_night_in_Shanghai_fires()
    {
        var feed = await NewFeed(new DateTimeOffset(2026, 6, 2, 0, 30, 0, TimeSpan.FromHours(8)));
        await feed.Pay(99_999);
        await feed.After(TimeSpan.FromHours(4) + TimeSpan.FromMinutes(40)).Pay(100_000); // 05:10: morning
        Assert.Empty(await feed.Alerts());

        await feed.After(TimeSpan.FromHours(23) + TimeSpan.FromMinutes(30)).Pay(100_000); // 04:40 the next night

        var standing = await feed.Standing();
        Assert.Equal([RiskRule.NightTime], standing.Alerts.Select(a => a.Rule));
        Assert.Equal(Restriction.Alert, standing.Restriction);
    }

    [Fact]
    public async Task A_usd_payment_at_night_fires_at_the_thresholds_dollar_equivalent()
    {
        var feed = await NewFeed(new DateTimeOffset(2026, 6, 2, 0, 30, 0, TimeSpan.FromHours(8)));
        await feed.Pay(13_698, currency: "USD"); // US$136.98 is ¥999.95 at 7.30: under ¥1,000
        Assert.Empty(await feed.Alerts());

        await feed.After(TimeSpan.FromMinutes(10)).Pay(13_699, currency: "USD"); // US$136.99 is ¥1,000.03: the threshold reached

        var standing = await feed.Standing();
        Assert.Equal([RiskRule.NightTime], standing.Alerts.Select(a => a.Rule));
        Assert.Contains("1,000.03 CNY (136.99 USD)", standing.Alerts[0].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Five_small_payments_in_one_night_fire()
    {
        var feed = await NewFeed(new DateTimeOffset(2026, 6, 2, 23, 0, 0, TimeSpan.FromHours(8)));
        for (var i = 0; i < 4; i++)
        {
            await feed.After(TimeSpan.FromMinutes(12)).Pay(500); // the evening before does not count
        }
        await feed.After(TimeSpan.FromMinutes(20)).Pay(500); // 00:08
        for (var i = 0; i < 3; i++)
        {
            await feed.After(TimeSpan.FromMinutes(30)).Pay(500);
        }
        Assert.Empty(await feed.Alerts());

        await feed.After(TimeSpan.FromHours(2)).Pay(500); // the fifth of the night, at 03:38

        Assert.Equal([RiskRule.NightTime], await feed.Alerts());
    }

    [Fact]
    public async Task Three_wrong_pins_within_an_hour_fire()
    {
        var feed = await NewFeed();
        await feed.WrongPin();
        await feed.After(TimeSpan.FromMinutes(61)).WrongPin();
        await feed.After(TimeSpan.FromMinutes(30)).WrongPin(); // two within the hour
        Assert.Empty(await feed.Alerts());

        await feed.After(TimeSpan.FromMinutes(29)).WrongPin(); // three within 59 minutes

        var standing = await feed.Standing();
        Assert.Equal([RiskRule.RepeatedPinFailures], standing.Alerts.Select(a => a.Rule));
        Assert.Equal(Restriction.StepUp, standing.Restriction);
    }

    [Fact]
    public async Task Transfers_to_five_new_payees_in_a_day_fire_and_old_payees_do_not_count()
    {
        var feed = await NewFeed();
        await feed.Transfer(100, "cus_old");
        await feed.After(TimeSpan.FromHours(25)).Transfer(100, "cus_old"); // paid before: not new
        for (var i = 1; i <= 3; i++)
        {
            await feed.After(TimeSpan.FromHours(2)).Transfer(100, $"cus_new{i}");
        }
        Assert.Empty(await feed.Alerts()); // three new in the last 24 hours: the old payee was new 31 hours ago

        await feed.After(TimeSpan.FromHours(2)).Transfer(100, "cus_new4");
        Assert.Empty(await feed.Alerts());
        await feed.After(TimeSpan.FromHours(2)).Transfer(100, "cus_new5");

        var standing = await feed.Standing();
        Assert.Equal([RiskRule.NewPayees], standing.Alerts.Select(a => a.Rule));
        Assert.Equal(Restriction.Review, standing.Restriction);
    }

    [Fact]
    public async Task Money_in_from_five_payers_and_eighty_percent_out_again_is_a_mule()
    {
        var feed = await NewFeed();
        for (var i = 1; i <= 5; i++)
        {
            await feed.After(TimeSpan.FromHours(1)).Receive(10_000, $"cus_payer{i}");
        }
        await feed.After(TimeSpan.FromHours(1)).Transfer(39_999, "cus_boss");
        Assert.Empty(await feed.Alerts());

        await feed.After(TimeSpan.FromHours(1)).Transfer(1, "cus_boss"); // ¥400 of ¥500 out

        var standing = await feed.Standing();
        Assert.Equal([RiskRule.MulePattern], standing.Alerts.Select(a => a.Rule));
        Assert.Equal(Restriction.ReceiveOnly, standing.Restriction);
    }

    [Fact]
    public async Task Four_payers_are_not_a_mule_however_much_goes_out()
    {
        var feed = await NewFeed();
        for (var i = 1; i <= 4; i++)
        {
            await feed.After(TimeSpan.FromHours(1)).Receive(10_000, $"cus_payer{i}");
        }
        await feed.After(TimeSpan.FromHours(1)).Transfer(40_000, "cus_boss");

        Assert.Empty(await feed.Alerts());
    }

    [Fact]
    public async Task A_rule_stays_quiet_after_firing_and_a_second_alert_while_the_first_is_open_climbs_one_restriction_higher()
    {
        var feed = await NewFeed();
        for (var i = 0; i < 3; i++)
        {
            await feed.After(TimeSpan.FromMinutes(1)).WrongPin();
        }
        await feed.After(TimeSpan.FromMinutes(1)).WrongPin(); // still over, but the rule is quiet for an hour
        Assert.Equal([RiskRule.RepeatedPinFailures], await feed.Alerts());

        for (var i = 0; i < 10; i++)
        {
            await feed.After(TimeSpan.FromMinutes(1)).Pay(100); // velocity (step-up) while the PIN alert is open
        }

        var standing = await feed.Standing();
        Assert.Equal([RiskRule.Velocity, RiskRule.RepeatedPinFailures], standing.Alerts.Select(a => a.Rule));
        Assert.Equal(Restriction.Review, standing.Restriction);
        Assert.Equal(Restriction.Review, standing.Alerts[0].Restriction);
    }

    [Fact]
    public async Task A_redelivered_event_raises_nothing_new()
    {
        var feed = await NewFeed();
        var repeated = new PinFailed("evt_" + feed.CustomerId, feed.CustomerId, feed.Now, Locked: false);
        await feed.WrongPin();
        await feed.Send(_ => repeated);
        await feed.Send(_ => repeated); // counted once: two failures, not three
        await feed.SignIn(Shanghai);

        var standing = await feed.Standing(counted: 3);
        Assert.Empty(standing.Alerts);
        Assert.Equal(3, (await fixture.Grains.GetGrain<IRiskMonitorGrain>(feed.CustomerId).GetSnapshot()).EventsCounted);
    }
}
