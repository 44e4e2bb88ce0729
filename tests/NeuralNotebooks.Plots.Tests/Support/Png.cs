using System.Buffers.Binary;
using System.IO.Compression;

namespace NeuralNotebooks.Plots.Tests;

/// <summary>A minimal PNG reader (8-bit RGB/RGBA, non-interlaced — what Chromium writes) to look at pictures in tests.</summary>
internal sealed class Png
{
    public int Width { get; }
    public int Height { get; }
    private readonly byte[] _rgb; // 3 bytes per pixel

    private Png(int w, int h, byte[] rgb) { Width = w; Height = h; _rgb = rgb; }

    public (byte R, byte G, byte B) this[int x, int y]
    {
        get { int i = (y * Width + x) * 3; return (_rgb[i], _rgb[i + 1], _rgb[i + 2]); }
    }

    public static Png Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < 8 || bytes[0] != 0x89 || bytes[1] != (byte)'P') throw new InvalidDataException($"{path} is not a PNG.");
        int pos = 8, w = 0, h = 0, colorType = 0;
        using var idat = new MemoryStream();
        while (pos < bytes.Length)
        {
            int len = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(pos));
            string type = System.Text.Encoding.ASCII.GetString(bytes, pos + 4, 4);
            var data = bytes.AsSpan(pos + 8, len);
            if (type == "IHDR")
            {
                w = BinaryPrimitives.ReadInt32BigEndian(data);
                h = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                if (data[8] != 8) throw new InvalidDataException($"bit depth {data[8]} not supported.");
                colorType = data[9];
                if (colorType != 2 && colorType != 6) throw new InvalidDataException($"colour type {colorType} not supported.");
                if (data[12] != 0) throw new InvalidDataException("interlaced PNG not supported.");
            }
            else if (type == "IDAT") idat.Write(data);
            else if (type == "IEND") break;
            pos += 12 + len;
        }
        int bpp = colorType == 6 ? 4 : 3, stride = w * bpp;
        idat.Position = 0;
        using var z = new ZLibStream(idat, CompressionMode.Decompress);
        var raw = new byte[(stride + 1) * h];
        int read = 0;
        while (read < raw.Length) { int r = z.Read(raw, read, raw.Length - read); if (r == 0) break; read += r; }
        var prev = new byte[stride];
        var cur = new byte[stride];
        var rgb = new byte[w * h * 3];
        for (int y = 0; y < h; y++)
        {
            int f = raw[y * (stride + 1)];
            Array.Copy(raw, y * (stride + 1) + 1, cur, 0, stride);
            for (int i = 0; i < stride; i++)
            {
                int a = i >= bpp ? cur[i - bpp] : 0, b = prev[i], c = i >= bpp ? prev[i - bpp] : 0;
                cur[i] = (byte)(f switch
                {
                    0 => cur[i],
                    1 => cur[i] + a,
                    2 => cur[i] + b,
                    3 => cur[i] + ((a + b) >> 1),
                    4 => cur[i] + Paeth(a, b, c),
                    _ => throw new InvalidDataException($"filter {f}"),
                });
            }
            for (int x = 0; x < w; x++)
            {
                int s = x * bpp;
                int alpha = bpp == 4 ? cur[s + 3] : 255; // composite on white
                for (int k = 0; k < 3; k++) rgb[(y * w + x) * 3 + k] = (byte)((cur[s + k] * alpha + 255 * (255 - alpha)) / 255);
            }
            (prev, cur) = (cur, prev);
        }
        return new Png(w, h, rgb);
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    /// <summary>Fraction of pixels that are not (near) white.</summary>
    public double NonWhiteFraction()
    {
        long n = 0;
        for (int y = 0; y < Height; y++) for (int x = 0; x < Width; x++) { var (r, g, b) = this[x, y]; if (r < 240 || g < 240 || b < 240) n++; }
        return (double)n / (Width * Height);
    }

    /// <summary>Distinct colours (quantised to 5 bits per channel).</summary>
    public int ColourCount()
    {
        var set = new HashSet<int>();
        for (int y = 0; y < Height; y++) for (int x = 0; x < Width; x++) { var (r, g, b) = this[x, y]; set.Add((r >> 3) << 10 | (g >> 3) << 5 | (b >> 3)); }
        return set.Count;
    }

    /// <summary>Pixels that are clearly red (R high, G and B low) / clearly blue.</summary>
    public (int Red, int Blue) RedBlue()
    {
        int red = 0, blue = 0;
        for (int y = 0; y < Height; y++) for (int x = 0; x < Width; x++)
        {
            var (r, g, b) = this[x, y];
            if (r > 150 && g < 90 && b < 90) red++;
            if (b > 150 && r < 90 && g < 130) blue++;
        }
        return (red, blue);
    }

    /// <summary>Pixels with a clearly warm (red/orange) or cool (blue) tint, however light.</summary>
    public (int Warm, int Cool) Tints()
    {
        int warm = 0, cool = 0;
        for (int y = 0; y < Height; y++) for (int x = 0; x < Width; x++)
        {
            var (r, g, b) = this[x, y];
            if (r - b > 60) warm++;
            if (b - r > 60) cool++;
        }
        return (warm, cool);
    }

    /// <summary>Mean darkness (0 white … 1 black) of a rectangle.</summary>
    public double Darkness(int x0, int y0, int x1, int y1)
    {
        double s = 0; long n = 0;
        for (int y = y0; y < y1; y++) for (int x = x0; x < x1; x++) { var (r, g, b) = this[x, y]; s += 1 - (r + g + b) / 765.0; n++; }
        return s / n;
    }
}
