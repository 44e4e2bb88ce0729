using NeuralNotebooks.Data;
using NeuralNotebooks.Randomness;
using NeuralNotebooks.Tensors;

namespace NeuralNotebooks.Tests.Data;

public class SyntheticDataTests
{
    [Fact]
    public void Defaults_give_100_samples_of_20_features_and_two_classes()
    {
        var (x, y) = SyntheticData.MakeClassification();
        Assert.Equal(100, x.Rows);
        Assert.Equal(20, x.Columns);
        Assert.Equal(100, y.Length);
        Assert.All(y, v => Assert.InRange(v, 0, 1));
        Assert.All(x.Span.ToArray(), v => Assert.True(float.IsFinite(v)));
    }

    [Fact]
    public void Same_seed_gives_identical_data_and_another_seed_different_data()
    {
        var a = SyntheticData.MakeClassification(samples: 200, features: 6, informative: 3, classes: 3, seed: 42);
        var b = SyntheticData.MakeClassification(samples: 200, features: 6, informative: 3, classes: 3, seed: 42);
        var c = SyntheticData.MakeClassification(samples: 200, features: 6, informative: 3, classes: 3, seed: 43);
        Assert.Equal(a.X.Span.ToArray(), b.X.Span.ToArray());
        Assert.Equal(a.Y, b.Y);
        Assert.NotEqual(a.X.Span.ToArray(), c.X.Span.ToArray());
        Assert.NotEqual(a.Y, c.Y);
    }

    [Fact]
    public void Without_flips_and_shuffle_labels_come_cluster_by_cluster()
    {
        // 6 clusters of ⌊103·(1/3)/2⌋ = 17 samples; the one left over goes to cluster 0. Cluster k has class k mod 3.
        var (_, y) = SyntheticData.MakeClassification(samples: 103, features: 3, informative: 3, redundant: 0, classes: 3,
            clustersPerClass: 2, flipY: 0, shuffle: false, seed: 1);
        int[] sizes = [18, 17, 17, 17, 17, 17];
        var expected = sizes.SelectMany((size, k) => Enumerable.Repeat(k % 3, size)).ToArray();
        Assert.Equal(expected, y);
    }

    [Fact]
    public void Weights_set_the_class_balance()
    {
        var (_, y) = SyntheticData.MakeClassification(samples: 100, weights: [0.9, 0.1], flipY: 0, seed: 3);
        Assert.Equal(90, y.Count(v => v == 0));
        Assert.Equal(10, y.Count(v => v == 1));

        // With weights [0.9] the last weight is inferred as 1 − 0.9 = 0.09999999999999998, so its clusters get
        // ⌊4.999…⌋ = 4 samples and the 2 left over go to clusters 0 and 1: 46 + 45 = 91 vs 5 + 4 = 9, as in scikit-learn.
        var (_, yInferred) = SyntheticData.MakeClassification(samples: 100, weights: [0.9], flipY: 0, seed: 3);
        Assert.Equal(91, yInferred.Count(v => v == 0));
        Assert.Equal(9, yInferred.Count(v => v == 1));

        var (_, y3) = SyntheticData.MakeClassification(samples: 1000, features: 4, informative: 2, redundant: 0, classes: 3,
            clustersPerClass: 1, weights: [0.2, 0.3, 0.5], flipY: 0, seed: 3);
        Assert.Equal([200, 300, 500], [y3.Count(v => v == 0), y3.Count(v => v == 1), y3.Count(v => v == 2)]);
    }

    [Fact]
    public void Redundant_columns_are_exact_linear_combinations_of_the_informative_ones()
    {
        // Unshuffled columns: 3 informative, 2 redundant, 1 useless.
        var (x, _) = SyntheticData.MakeClassification(samples: 300, features: 6, informative: 3, redundant: 2, shuffle: false, seed: 5);
        double[] inf0 = Column(x, 0), inf1 = Column(x, 1), inf2 = Column(x, 2);
        double[][] basis = [inf0, inf1, inf2];
        Assert.True(RelativeResidual(basis, Column(x, 3)) < 1e-5);
        Assert.True(RelativeResidual(basis, Column(x, 4)) < 1e-5);
        // The useless column is noise, far from that span: the check can fail.
        Assert.True(RelativeResidual(basis, Column(x, 5)) > 0.5);
    }

    [Fact]
    public void Repeated_columns_are_copies_of_earlier_useful_columns()
    {
        var (x, _) = SyntheticData.MakeClassification(samples: 50, features: 7, informative: 2, redundant: 1, repeated: 3,
            shuffle: false, seed: 8);
        for (int j = 3; j < 6; j++)
        {
            double[] copy = Column(x, j);
            Assert.Contains(Enumerable.Range(0, 3), i => Column(x, i).SequenceEqual(copy));
        }
        Assert.DoesNotContain(Enumerable.Range(0, 6), i => Column(x, i).SequenceEqual(Column(x, 6)));
    }

    [Fact]
    public void Useless_features_are_standard_normal_noise()
    {
        var (x, _) = SyntheticData.MakeClassification(samples: 4000, features: 5, informative: 2, redundant: 0, shuffle: false, seed: 2);
        for (int j = 2; j < 5; j++)
        {
            double[] col = Column(x, j);
            double mean = col.Average();
            double std = Math.Sqrt(col.Select(v => (v - mean) * (v - mean)).Average());
            Assert.InRange(mean, -0.06, 0.06);
            Assert.InRange(std, 0.95, 1.05);
        }
    }

    [Fact]
    public void Cluster_centres_are_distinct_hypercube_vertices_at_plus_minus_classSep()
    {
        // 2 classes × 2 clusters in 2 informative dimensions use all 4 vertices of the square [−1.5, 1.5]².
        var (x, _) = SyntheticData.MakeClassification(samples: 4000, features: 2, informative: 2, redundant: 0, flipY: 0,
            classSep: 1.5, shuffle: false, seed: 4);
        var corners = new HashSet<(int, int)>();
        for (int k = 0; k < 4; k++)
        {
            double m0 = 0, m1 = 0;
            for (int r = k * 1000; r < (k + 1) * 1000; r++) { m0 += x[r, 0]; m1 += x[r, 1]; }
            m0 /= 1000; m1 /= 1000;
            Assert.InRange(Math.Abs(m0), 1.35, 1.65);
            Assert.InRange(Math.Abs(m1), 1.35, 1.65);
            corners.Add((Math.Sign(m0), Math.Sign(m1)));
        }
        Assert.Equal(4, corners.Count);
    }

    [Fact]
    public void Without_hypercube_the_centres_shrink_inside_the_cube()
    {
        var (x, _) = SyntheticData.MakeClassification(samples: 4000, features: 2, informative: 2, redundant: 0, flipY: 0,
            classSep: 1.5, hypercube: false, shuffle: false, seed: 4);
        double smallest = double.MaxValue;
        for (int k = 0; k < 4; k++)
            for (int j = 0; j < 2; j++)
            {
                double m = 0;
                for (int r = k * 1000; r < (k + 1) * 1000; r++) m += x[r, j];
                m /= 1000;
                Assert.InRange(Math.Abs(m), 0, 1.65);
                smallest = Math.Min(smallest, Math.Abs(m));
            }
        Assert.True(smallest < 1.2, $"every centre coordinate stayed near ±classSep (smallest {smallest})");
    }

    [Fact]
    public void Well_separated_classes_have_distant_means()
    {
        var (x, y) = SyntheticData.MakeClassification(samples: 1000, features: 2, informative: 2, redundant: 0,
            clustersPerClass: 1, flipY: 0, classSep: 2, seed: 11);
        double[] m0 = new double[2], m1 = new double[2];
        int n0 = 0, n1 = 0;
        for (int r = 0; r < 1000; r++)
        {
            var target = y[r] == 0 ? m0 : m1;
            if (y[r] == 0) n0++; else n1++;
            target[0] += x[r, 0];
            target[1] += x[r, 1];
        }
        double dx = m0[0] / n0 - m1[0] / n1, dy = m0[1] / n0 - m1[1] / n1;
        // Distinct vertices of a square of side 2·classSep = 4 are at least 4 apart.
        Assert.True(Math.Sqrt(dx * dx + dy * dy) > 3.5);
    }

    [Fact]
    public void FlipY_randomises_that_fraction_of_labels_and_leaves_x_alone()
    {
        var clean = SyntheticData.MakeClassification(samples: 2000, features: 4, flipY: 0, shuffle: false, seed: 6);
        var noisy = SyntheticData.MakeClassification(samples: 2000, features: 4, flipY: 0.5, shuffle: false, seed: 6);
        Assert.Equal(clean.X.Span.ToArray(), noisy.X.Span.ToArray());
        int changed = clean.Y.Zip(noisy.Y).Count(p => p.First != p.Second);
        // Half the labels are redrawn, and a redrawn label changes with probability 1/2.
        Assert.InRange(changed / 2000.0, 0.2, 0.3);
    }

    [Fact]
    public void Shift_and_scale_apply_after_generation()
    {
        var plain = SyntheticData.MakeClassification(samples: 50, features: 5, shuffle: false, seed: 9).X;
        var moved = SyntheticData.MakeClassification(samples: 50, features: 5, shift: 3, scale: 2, shuffle: false, seed: 9).X;
        for (int i = 0; i < plain.Length; i++) Assert.Equal((plain.Data[i] + 3) * 2, moved.Data[i], 4);
    }

    [Fact]
    public void Null_shift_and_scale_draw_one_random_value_per_feature()
    {
        var plain = SyntheticData.MakeClassification(samples: 30, features: 4, classSep: 0.5, shuffle: false, seed: 9).X;
        var shifted = SyntheticData.MakeClassification(samples: 30, features: 4, classSep: 0.5, shift: null, shuffle: false, seed: 9).X;
        var scaled = SyntheticData.MakeClassification(samples: 30, features: 4, classSep: 0.5, scale: null, shuffle: false, seed: 9).X;
        var shifts = new HashSet<float>();
        for (int j = 0; j < 4; j++)
        {
            double s = shifted[0, j] - plain[0, j];
            double f = scaled[0, j] / plain[0, j];
            Assert.InRange(s, -0.5, 0.5);
            Assert.InRange(f, 1, 101);
            shifts.Add((float)Math.Round(s, 4));
            for (int r = 1; r < 30; r++)
            {
                Assert.Equal(s, shifted[r, j] - plain[r, j], 4);
                Assert.Equal(f, scaled[r, j] / plain[r, j], 2);
            }
        }
        Assert.True(shifts.Count > 1);
    }

    [Fact]
    public void Shuffle_permutes_samples_and_features_without_changing_the_values()
    {
        var ordered = SyntheticData.MakeClassification(samples: 60, features: 5, shuffle: false, seed: 12);
        var shuffled = SyntheticData.MakeClassification(samples: 60, features: 5, shuffle: true, seed: 12);
        Assert.Equal(ordered.X.Span.ToArray().Order(), shuffled.X.Span.ToArray().Order());
        Assert.Equal(ordered.Y.Order(), shuffled.Y.Order());
        Assert.NotEqual(ordered.X.Span.ToArray(), shuffled.X.Span.ToArray());
        // Every shuffled row is some original row with its features permuted.
        var originalRows = Enumerable.Range(0, 60).Select(r => string.Join(",", ordered.X.Row(r).ToArray().Order())).ToHashSet();
        for (int r = 0; r < 60; r++)
            Assert.Contains(string.Join(",", shuffled.X.Row(r).ToArray().Order()), originalRows);
    }

    [Fact]
    public void More_than_30_informative_features_use_random_leading_bits()
    {
        var (x, y) = SyntheticData.MakeClassification(samples: 40, features: 33, informative: 32, redundant: 0, seed: 1);
        Assert.Equal(40, x.Rows);
        Assert.Equal(33, x.Columns);
        Assert.Equal(40, y.Length);
    }

    [Fact]
    public void SampleWithoutReplacement_returns_distinct_values_in_range()
    {
        var rng = new Rng(0);
        foreach (var (population, count) in new[] { (8, 8), (16, 5), (1 << 20, 50) })
        {
            int[] s = SyntheticData.SampleWithoutReplacement(population, count, rng);
            Assert.Equal(count, s.Distinct().Count());
            Assert.All(s, v => Assert.InRange(v, 0, population - 1));
        }
    }

    [Fact]
    public void Feature_counts_must_fit_in_features()
    {
        var ex = Assert.Throws<ArgumentException>(() => SyntheticData.MakeClassification(features: 5, informative: 3, redundant: 2, repeated: 1));
        Assert.Equal("features", ex.ParamName);
        Assert.Contains("6", ex.Message);
    }

    [Fact]
    public void Informative_features_must_give_enough_vertices()
    {
        // 2 classes × 3 clusters = 6 > 2² = 4.
        var ex = Assert.Throws<ArgumentException>(() => SyntheticData.MakeClassification(informative: 2, clustersPerClass: 3));
        Assert.Equal("informative", ex.ParamName);
        // 4 clusters = 2² is fine.
        SyntheticData.MakeClassification(informative: 2, clustersPerClass: 2);
    }

    [Fact]
    public void Weights_must_fit_the_classes()
    {
        Assert.Throws<ArgumentException>(() => SyntheticData.MakeClassification(weights: [0.2, 0.3, 0.5]));
        Assert.Throws<ArgumentException>(() => SyntheticData.MakeClassification(weights: [1.5]));
        Assert.Throws<ArgumentException>(() => SyntheticData.MakeClassification(weights: [0.7, 0.7]));
        Assert.Throws<ArgumentException>(() => SyntheticData.MakeClassification(weights: [-0.1, 1.1]));
        Assert.Throws<ArgumentException>(() => SyntheticData.MakeClassification(weights: [double.NaN, 0.5]));
    }

    [Theory]
    [InlineData("samples")]
    [InlineData("features")]
    [InlineData("informative")]
    [InlineData("redundant")]
    [InlineData("repeated")]
    [InlineData("classes")]
    [InlineData("clustersPerClass")]
    [InlineData("flipY")]
    [InlineData("classSep")]
    [InlineData("shift")]
    [InlineData("scale")]
    public void Out_of_range_arguments_are_rejected(string parameter)
    {
        Action call = parameter switch
        {
            "samples" => () => SyntheticData.MakeClassification(samples: 0),
            "features" => () => SyntheticData.MakeClassification(features: 0),
            "informative" => () => SyntheticData.MakeClassification(informative: 0),
            "redundant" => () => SyntheticData.MakeClassification(redundant: -1),
            "repeated" => () => SyntheticData.MakeClassification(repeated: -1),
            "classes" => () => SyntheticData.MakeClassification(classes: 0),
            "clustersPerClass" => () => SyntheticData.MakeClassification(clustersPerClass: 0),
            "flipY" => () => SyntheticData.MakeClassification(flipY: 1.1),
            "classSep" => () => SyntheticData.MakeClassification(classSep: 0),
            "shift" => () => SyntheticData.MakeClassification(shift: double.NaN),
            "scale" => () => SyntheticData.MakeClassification(scale: 0),
            _ => throw new InvalidOperationException(parameter),
        };
        Assert.Equal(parameter, Assert.Throws<ArgumentOutOfRangeException>(call).ParamName);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    public void FlipY_outside_unit_interval_is_rejected(double flipY)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SyntheticData.MakeClassification(flipY: flipY));
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NaN)]
    public void ClassSep_must_be_positive_and_finite(double classSep)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SyntheticData.MakeClassification(classSep: classSep));
    }

    private static double[] Column(Matrix x, int j)
    {
        var col = new double[x.Rows];
        for (int r = 0; r < x.Rows; r++) col[r] = x[r, j];
        return col;
    }

    /// <summary>‖t − P t‖ / ‖t‖ where P projects onto the span of <paramref name="basis"/> (least squares via normal equations).</summary>
    private static double RelativeResidual(double[][] basis, double[] target)
    {
        int k = basis.Length, n = target.Length;
        var a = new double[k, k + 1];
        for (int i = 0; i < k; i++)
        {
            for (int j = 0; j < k; j++)
                for (int r = 0; r < n; r++) a[i, j] += basis[i][r] * basis[j][r];
            for (int r = 0; r < n; r++) a[i, k] += basis[i][r] * target[r];
        }
        // Gauss–Jordan elimination with partial pivoting.
        for (int c = 0; c < k; c++)
        {
            int pivot = c;
            for (int r = c + 1; r < k; r++) if (Math.Abs(a[r, c]) > Math.Abs(a[pivot, c])) pivot = r;
            for (int j = 0; j <= k; j++) (a[c, j], a[pivot, j]) = (a[pivot, j], a[c, j]);
            for (int r = 0; r < k; r++)
            {
                if (r == c) continue;
                double f = a[r, c] / a[c, c];
                for (int j = c; j <= k; j++) a[r, j] -= f * a[c, j];
            }
        }
        double residual = 0, norm = 0;
        for (int r = 0; r < n; r++)
        {
            double fit = 0;
            for (int i = 0; i < k; i++) fit += a[i, k] / a[i, i] * basis[i][r];
            residual += (target[r] - fit) * (target[r] - fit);
            norm += target[r] * target[r];
        }
        return Math.Sqrt(residual / norm);
    }
}
