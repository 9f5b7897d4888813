using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Npgsql;
using Wallet.Tests.Infrastructure;
using static Wallet.Tests.Infrastructure.ApiCustomer;

namespace Wallet.Tests.Storage;

/// <summary>
/// Every secret a customer gives the bank, run through the whole slice on PostgreSQL, then every row
/// of every table read back as text (binary columns as hex): no password, PIN, card number, identity
/// number or token may be found in clear.
/// </summary>
public sealed class RowSecrecyTests
{
    [Trait("Speed", "Slow")]
    [Fact]
    public async Task No_stored_row_holds_a_card_number_pin_password_identity_number_or_token_in_clear()
    {
        var connectionString = await PostgresServer.CreateDatabase();
        await using var api = ApiFixture.With(PostgresServer.Settings(connectionString));
        await api.InitializeAsync();
        const string password = "Unmistakable-Pa55word";
        const string pin = "918273";
        const string newPassword = "Another-Unmistakable-1";
        var cardNumber = TestData.Card();
        var idNumber = TestData.IdNumber();
        var alice = await Register(api, withPin: false, password: password);
        var bob = await Register(api);
        Assert.Equal(HttpStatusCode.NoContent, (await alice.Http.PutAsJsonAsync("/v1/me/payment-pin", new { pin })).StatusCode);
        await Json(await alice.Post("/v1/me/verification", new { name = "韩梅梅", idNumber }), HttpStatusCode.OK);
        var wallet = await alice.OpenWallet();
        var card = await alice.BindVerifiedCard(cardNumber);
        await Json(await alice.Post($"/v1/wallets/{wallet}/top-ups", new { cardId = card, amount = 5_000, currency = "CNY" }, "rows-1"), HttpStatusCode.Created);
        await Json(await alice.Post("/v1/transfers", alice.TransferBody(wallet, await bob.OpenWallet(), 100, pin), "rows-2"), HttpStatusCode.Created);
        using var device = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        await Json(await alice.Post("/v1/me/devices", new { publicKey = Convert.ToBase64String(device.ExportSubjectPublicKeyInfo()) }), HttpStatusCode.Created);
        var session = await Json(await api.CreateClient().PostAsJsonAsync("/v1/auth/token", new { phone = alice.Phone, password }), HttpStatusCode.OK);
        var refreshed = await Json(await api.CreateClient().PostAsJsonAsync("/v1/auth/refresh", new { refreshToken = session.GetProperty("refreshToken").GetString() }), HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.NoContent, (await alice.Http.PutAsJsonAsync("/v1/me/password", new { currentPassword = password, newPassword })).StatusCode);

        var merchant = await ApiMerchant.Onboard(api);
        await Json(await merchant.Send(HttpMethod.Get, "/v1/merchant/me"), HttpStatusCode.OK);

        var secrets = new[]
        {
            merchant.Secret,
            password, newPassword, pin, cardNumber, cardNumber[..^1], idNumber,
            session.GetProperty("accessToken").GetString()!, session.GetProperty("refreshToken").GetString()!.Split('.')[^1],
            refreshed.GetProperty("refreshToken").GetString()!.Split('.')[^1],
        };
        var rows = await AllRows(connectionString);

        Assert.True(rows.Count > 20, $"the slice should have stored rows, found {rows.Count}");
        Assert.Contains(rows, r => r.Contains(HexOf(alice.Id), StringComparison.Ordinal) || r.Contains(alice.Id, StringComparison.Ordinal)); // the scan sees grain state
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(rows, r => r.Contains(secret, StringComparison.Ordinal) || r.Contains(HexOf(secret), StringComparison.Ordinal));
        }
    }

    /// <summary>Each row of each table in the database as PostgreSQL's text form of the row (bytea as \x hex).</summary>
    private static async Task<List<string>> AllRows(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT quote_ident(table_name) FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }
        var rows = new List<string>();
        foreach (var table in tables)
        {
            await using var select = new NpgsqlCommand($"SELECT t::text FROM {table} t", connection);
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows.Add(reader.GetString(0));
            }
        }
        return rows;
    }

    private static string HexOf(string text) => Convert.ToHexStringLower(Encoding.UTF8.GetBytes(text));
}
