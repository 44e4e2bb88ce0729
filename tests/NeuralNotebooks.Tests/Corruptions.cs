using NeuralNotebooks.Randomness;

namespace NeuralNotebooks.Tests;

/// <summary>Seeded ways to damage a file's bytes, for the fuzz tests: bit flips, overwritten, cut, inserted, deleted
/// and duplicated bytes, and int32 fields set to the values parsers trip over.</summary>
internal static class Corruptions
{
    private static readonly int[] Interesting = [0, 1, -1, 2, 3, 255, 256, 784, 28, 65535, int.MaxValue, int.MinValue, 1 << 20, (1 << 20) + 1, 0x0801, 0x0803];

    /// <summary>The fuzz loop: runs <paramref name="check"/> on every variant, on a worker, within <paramref name="limit"/>.</summary>
    /// <param name="variants">The damaged copies (see <see cref="Of"/>).</param>
    /// <param name="check">Loads one variant (its description, its bytes, its number); returns a problem with what it
    /// loaded, or null when that is fine.</param>
    /// <param name="expected">The exceptions a loader may give for damaged input.</param>
    /// <param name="limit">The time the whole run may take (a hang fails the test instead of stalling it).</param>
    /// <returns>"description: problem" for every variant that was a problem or threw another exception.</returns>
    public static async Task<List<string>> Problems(IEnumerable<(string What, byte[] Bytes)> variants,
        Func<string, byte[], int, string?> check, Func<Exception, bool> expected, TimeSpan limit)
    {
        var problems = new List<string>();
        var run = Task.Run(() =>
        {
            int i = 0;
            foreach (var (what, bytes) in variants)
            {
                try
                {
                    if (check(what, bytes, i++) is string problem) problems.Add($"{what}: {problem}");
                }
                catch (Exception e) when (!expected(e))
                {
                    problems.Add($"{what}: {e.GetType().Name}: {e.Message}");
                }
                catch (Exception)
                {
                    // the expected refusal
                }
            }
        });
        Assert.True(await Task.WhenAny(run, Task.Delay(limit)) == run, $"the fuzz run did not finish within {limit.TotalSeconds} s");
        await run;
        return problems;
    }

    /// <summary><paramref name="count"/> damaged copies of <paramref name="original"/>, each different from it,
    /// with a description of the damage ("flip byte 17 bit 3").</summary>
    public static IEnumerable<(string What, byte[] Bytes)> Of(byte[] original, int count, int seed)
    {
        var rng = new Rng(seed);
        int made = 0;
        while (made < count)
        {
            var (what, bytes) = One(original, rng);
            if (bytes.AsSpan().SequenceEqual(original)) continue;
            made++;
            yield return (what, bytes);
        }
    }

    private static (string, byte[]) One(byte[] original, Rng rng)
    {
        int n = original.Length;
        int At(int limit) => limit <= 0 ? 0 : rng.NextInt(limit);
        switch (rng.NextInt(8))
        {
            case 0:
            {
                var b = original.ToArray();
                int flips = 1 + rng.NextInt(4);
                var where = new List<string>();
                for (int i = 0; i < flips; i++)
                {
                    int o = At(n), bit = rng.NextInt(8);
                    b[o] ^= (byte)(1 << bit);
                    where.Add($"{o}:{bit}");
                }
                return ($"flip bits {string.Join(", ", where)}", b);
            }
            case 1:
            {
                var b = original.ToArray();
                int o = At(n);
                b[o] = (byte)rng.NextInt(256);
                return ($"byte {o} := {b[o]}", b);
            }
            case 2:
            {
                int length = At(n);
                return ($"cut to {length} bytes", original[..length]);
            }
            case 3:
            {
                int o = At(n + 1), k = 1 + rng.NextInt(16);
                var extra = new byte[k];
                for (int i = 0; i < k; i++) extra[i] = (byte)rng.NextInt(256);
                return ($"insert {k} bytes at {o}", [.. original[..o], .. extra, .. original[o..]]);
            }
            case 4:
            {
                int o = At(n), k = Math.Min(n - o, 1 + rng.NextInt(32));
                return ($"delete {k} bytes at {o}", [.. original[..o], .. original[(o + k)..]]);
            }
            case 5:
            {
                int o = At(n), k = Math.Min(n - o, 1 + rng.NextInt(64));
                return ($"duplicate {k} bytes at {o}", [.. original[..(o + k)], .. original[o..]]);
            }
            case 6:
            {
                // Header fields: int32 at a 4-aligned offset in the first 64 bytes, either byte order.
                var b = original.ToArray();
                int o = 4 * At(Math.Min(16, n / 4));
                int value = Interesting[rng.NextInt(Interesting.Length)];
                var field = BitConverter.GetBytes(value);
                bool bigEndian = rng.NextInt(2) == 0;
                if (bigEndian) Array.Reverse(field);
                field.AsSpan(0, Math.Min(4, n - o)).CopyTo(b.AsSpan(o));
                return ($"int32 at {o} := {value} ({(bigEndian ? "big" : "little")}-endian)", b);
            }
            default:
            {
                int length = n + 1 + rng.NextInt(64);
                var b = new byte[length];
                original.CopyTo(b, 0);
                for (int i = n; i < length; i++) b[i] = (byte)rng.NextInt(256);
                return ($"append {length - n} bytes", b);
            }
        }
    }
}
