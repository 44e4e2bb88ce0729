using NeuralNotebooks.Datasets;

namespace NeuralNotebooks.Tests.Datasets;

public class PixelScalingTests
{
    [Fact]
    public void Every_byte_value_maps_bit_exactly_to_byte_over_255f()
    {
        var bytes = new byte[256 * 3 + 7]; // not a multiple of any vector width
        for (int i = 0; i < bytes.Length; i++) bytes[i] = (byte)(i * 7);
        var floats = new float[bytes.Length];
        PixelScaling.ToUnitInterval(bytes, floats);
        for (int i = 0; i < bytes.Length; i++)
            Assert.Equal(BitConverter.SingleToInt32Bits(bytes[i] / 255f), BitConverter.SingleToInt32Bits(floats[i]));
        Assert.Equal(0f, 0 / 255f);
        Assert.Equal(1f, 255 / 255f);
    }

    [Fact]
    public void Parallel_path_matches_the_scalar_formula_with_an_offset()
    {
        var bytes = new byte[(3 << 20) + 123];
        new Random(7).NextBytes(bytes);
        float[] floats = PixelScaling.ToUnitInterval(bytes, 16, bytes.Length - 16);
        Assert.Equal(bytes.Length - 16, floats.Length);
        for (int i = 0; i < floats.Length; i += 997)
            Assert.Equal(bytes[i + 16] / 255f, floats[i]);
        Assert.Equal(bytes[^1] / 255f, floats[^1]);
    }

    [Fact]
    public void Short_destination_is_rejected()
    {
        var ex = Assert.Throws<ArgumentException>("destination", () => PixelScaling.ToUnitInterval(new byte[4], new float[3]));
        Assert.Contains("3", ex.Message);
    }
}
