namespace Wallet.Display;

/// <summary>An enum value as the API writes it (snake_case: <c>top_up</c>), for text and documents that name it the same way.</summary>
public static class EnumNames
{
    public static string Of<TEnum>(TEnum value) where TEnum : struct, Enum => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
}
