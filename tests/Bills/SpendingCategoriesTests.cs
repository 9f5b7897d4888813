using Wallet.Bills;
using Wallet.Wallets;

namespace Wallet.Tests.Bills;

/// <summary>A merchant's MCC in the categories a person understands; every other movement by its kind.</summary>
public sealed class SpendingCategoriesTests
{
    [Theory]
    [InlineData("5812", SpendingCategory.Dining)] // restaurants
    [InlineData("5814", SpendingCategory.Dining)] // fast food
    [InlineData("5411", SpendingCategory.Groceries)] // supermarkets
    [InlineData("5499", SpendingCategory.Groceries)]
    [InlineData("4121", SpendingCategory.Transport)] // taxis
    [InlineData("5541", SpendingCategory.Transport)] // fuel
    [InlineData("5311", SpendingCategory.Shopping)] // department stores
    [InlineData("5999", SpendingCategory.Shopping)] // the last of the retail range
    [InlineData("5000", SpendingCategory.Shopping)] // the first
    [InlineData("4900", SpendingCategory.Utilities)]
    [InlineData("4814", SpendingCategory.Utilities)] // phone
    [InlineData("7832", SpendingCategory.Entertainment)] // cinemas
    [InlineData("7991", SpendingCategory.Entertainment)]
    [InlineData("7999", SpendingCategory.Entertainment)]
    [InlineData("5912", SpendingCategory.Health)] // pharmacies
    [InlineData("8062", SpendingCategory.Health)] // hospitals
    [InlineData("8220", SpendingCategory.Education)]
    [InlineData("3000", SpendingCategory.Travel)] // an airline
    [InlineData("3999", SpendingCategory.Travel)]
    [InlineData("7011", SpendingCategory.Travel)] // hotels
    [InlineData("4112", SpendingCategory.Travel)] // rail
    [InlineData("6011", SpendingCategory.Other)] // cash
    [InlineData("2999", SpendingCategory.Other)]
    [InlineData("0000", SpendingCategory.Other)]
    [InlineData("58a2", SpendingCategory.Other)]
    [InlineData("581", SpendingCategory.Other)]
    [InlineData("+581", SpendingCategory.Other)]
    [InlineData(null, SpendingCategory.Other)]
    public void A_merchant_payment_takes_its_category_from_the_merchant_code(string? mcc, SpendingCategory expected)
        => Assert.Equal(expected, SpendingCategories.ForMerchant(mcc));

    [Theory]
    [InlineData(MovementKind.Transfer, SpendingCategory.Transfers)]
    [InlineData(MovementKind.TopUp, SpendingCategory.TopUps)]
    [InlineData(MovementKind.Withdrawal, SpendingCategory.Withdrawals)]
    [InlineData(MovementKind.Refund, SpendingCategory.Refunds)]
    [InlineData(MovementKind.Cashback, SpendingCategory.Cashback)]
    [InlineData(MovementKind.Settlement, SpendingCategory.Settlements)]
    [InlineData(MovementKind.BillPayment, SpendingCategory.Utilities)]
    [InlineData(MovementKind.Payment, SpendingCategory.Other)]
    public void Every_other_movement_takes_its_kinds(MovementKind kind, SpendingCategory expected)
        => Assert.Equal(expected, SpendingCategories.ForKind(kind));

    [Fact]
    public void An_entry_booked_before_categories_were_kept_takes_its_kinds_and_an_owners_category_wins()
    {
        var old = new WalletEntry(1, "mov_1", MovementKind.TopUp, EntryDirection.In, 100, "CNY", 100, "card_1", null, DateTimeOffset.UnixEpoch);
        Assert.Equal(SpendingCategory.TopUps, SpendingCategories.Of(old));
        Assert.Equal(SpendingCategory.Dining, SpendingCategories.Of(old with { Category = SpendingCategory.Dining }));
        Assert.Equal(SpendingCategory.Travel, EntryNotes.CategoryOf(old, new EntryNote(SpendingCategory.Travel, null, [])));
        Assert.Equal(SpendingCategory.TopUps, EntryNotes.CategoryOf(old, new EntryNote(null, "a note", [])));
    }
}
