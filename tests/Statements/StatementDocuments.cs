using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using UglyToad.PdfPig;

namespace Wallet.Tests.Statements;

/// <summary>Reads a statement's documents back as a customer's tools would: the digest header, a CSV parser, a PDF's text.</summary>
public static class StatementDocuments
{
    /// <summary>The body, after checking the status and that the <c>Repr-Digest</c> header is its SHA-256.</summary>
    public static async Task<byte[]> Bytes(HttpResponseMessage response, string mediaType)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {Encoding.UTF8.GetString(bytes)}");
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"sha-256=:{Convert.ToBase64String(SHA256.HashData(bytes))}:", Assert.Single(response.Headers.GetValues("Repr-Digest")));
        return bytes;
    }

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>A CSV file's rows, read as RFC 4180 says (quoted fields, doubled quotes, CRLF), after its UTF-8 byte-order mark.</summary>
    public static List<string[]> Csv(byte[] bytes)
    {
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        Assert.EndsWith("\r\n", text);
        var rows = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\r' && text[i + 1] == '\n')
            {
                fields.Add(field.ToString());
                field.Clear();
                rows.Add([.. fields]);
                fields.Clear();
                i++;
            }
            else
            {
                Assert.NotEqual('\n', c); // a bare line feed outside quotes is not RFC 4180
                field.Append(c);
            }
        }
        Assert.All(rows, r => Assert.Equal(rows[0].Length, r.Length));
        return rows;
    }

    /// <summary>The text of every page of a PDF, in order.</summary>
    public static string PdfText(byte[] bytes)
    {
        Assert.Equal("%PDF-"u8.ToArray(), bytes[..5]);
        using var document = PdfDocument.Open(bytes);
        return string.Join("\n", document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
    }

    public static long Minor(string major) => (long)(decimal.Parse(major, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture) * 100);
}
