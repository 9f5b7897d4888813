using System.Buffers.Binary;
using System.IO.Compression;
using ZXing;
using ZXing.Common;
using ZXing.QrCode;

namespace Wallet.Tests.Infrastructure;

/// <summary>
/// Reads a QR code out of a PNG as a phone's camera would: the PNG decoded to grey pixels here (no
/// imaging library needed), the code found and read by ZXing.Net.
/// </summary>
public static class QrImages
{
    public static string Read(byte[] png)
    {
        var (width, height, grey) = GreyPixels(png);
        var bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(grey, width, height, RGBLuminanceSource.BitmapFormat.Gray8)));
        return new QRCodeReader().decode(bitmap, new Dictionary<DecodeHintType, object> { [DecodeHintType.PURE_BARCODE] = false })?.Text
            ?? throw new InvalidOperationException("no QR code found in the image");
    }

    /// <summary>A PNG's pixels as 8-bit grey: bit depths 1 and 8; grey, RGB, palette and RGBA; every row filter.</summary>
    private static (int Width, int Height, byte[] Grey) GreyPixels(byte[] png)
    {
        int width = 0, height = 0, depth = 0, colour = 0;
        byte[] palette = [];
        using var idat = new MemoryStream();
        for (var at = 8; at < png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
            var type = System.Text.Encoding.ASCII.GetString(png, at + 4, 4);
            var data = png.AsSpan(at + 8, length);
            switch (type)
            {
                case "IHDR":
                    (width, height, depth, colour) = (BinaryPrimitives.ReadInt32BigEndian(data), BinaryPrimitives.ReadInt32BigEndian(data[4..]), data[8], data[9]);
                    break;
                case "PLTE":
                    palette = data.ToArray();
                    break;
                case "IDAT":
                    idat.Write(data);
                    break;
            }
            at += 12 + length;
        }
        var channels = colour switch { 2 => 3, 4 => 2, 6 => 4, _ => 1 };
        var bitsPerPixel = channels * depth;
        var stride = (width * bitsPerPixel + 7) / 8;
        var bytesPerPixel = Math.Max(1, bitsPerPixel / 8);
        idat.Position = 0;
        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(idat, CompressionMode.Decompress))
        {
            zlib.CopyTo(inflated);
        }
        var raw = inflated.ToArray();
        var rows = new byte[height][];
        for (var y = 0; y < height; y++)
        {
            var filter = raw[y * (stride + 1)];
            var row = raw.AsSpan(y * (stride + 1) + 1, stride).ToArray();
            var previous = y > 0 ? rows[y - 1] : new byte[stride];
            for (var x = 0; x < stride; x++)
            {
                int left = x >= bytesPerPixel ? row[x - bytesPerPixel] : 0, up = previous[x], upLeft = x >= bytesPerPixel ? previous[x - bytesPerPixel] : 0;
                row[x] = (byte)(row[x] + filter switch
                {
                    1 => left,
                    2 => up,
                    3 => (left + up) / 2,
                    4 => Paeth(left, up, upLeft),
                    _ => 0,
                });
            }
            rows[y] = row;
        }
        var grey = new byte[width * height];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                grey[y * width + x] = Pixel(rows[y], x, depth, colour, palette);
            }
        }
        return (width, height, grey);
    }

    private static byte Pixel(byte[] row, int x, int depth, int colour, byte[] palette)
    {
        int Sample(int index) => depth == 8 ? row[index] : (row[index * depth / 8] >> (8 - depth - index * depth % 8)) & ((1 << depth) - 1);
        return colour switch
        {
            3 => palette[Sample(x) * 3],
            2 => row[x * 3 + 1],
            6 => row[x * 4 + 1],
            4 => row[x * 2],
            _ => depth == 8 ? row[x] : (byte)(Sample(x) * 255 / ((1 << depth) - 1)),
        };
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
