using NeuralNotebooks.Tensors;

namespace NeuralNotebooks.Data;

/// <summary>The four parts of a train/test split with matrix targets; deconstructs as
/// <c>var (xTrain, xTest, yTrain, yTest) = DataSplit.TrainTestSplit(…)</c> (scikit-learn's order).</summary>
/// <param name="XTrain">The training inputs.</param>
/// <param name="XTest">The test inputs.</param>
/// <param name="YTrain">The training targets, row-aligned with <paramref name="XTrain"/>.</param>
/// <param name="YTest">The test targets, row-aligned with <paramref name="XTest"/>.</param>
public sealed record TrainTestSplitResult(Matrix XTrain, Matrix XTest, Matrix YTrain, Matrix YTest)
{
    /// <summary>The original row index of each training row.</summary>
    public int[] TrainIndices { get; init; } = [];

    /// <summary>The original row index of each test row.</summary>
    public int[] TestIndices { get; init; } = [];
}

/// <summary>The four parts of a train/test split with integer labels; deconstructs as
/// <c>var (xTrain, xTest, yTrain, yTest) = DataSplit.TrainTestSplit(…)</c>.</summary>
/// <param name="XTrain">The training inputs.</param>
/// <param name="XTest">The test inputs.</param>
/// <param name="YTrain">The training labels, aligned with <paramref name="XTrain"/>.</param>
/// <param name="YTest">The test labels, aligned with <paramref name="XTest"/>.</param>
public sealed record TrainTestSplitLabelsResult(Matrix XTrain, Matrix XTest, int[] YTrain, int[] YTest)
{
    /// <summary>The original row index of each training row.</summary>
    public int[] TrainIndices { get; init; } = [];

    /// <summary>The original row index of each test row.</summary>
    public int[] TestIndices { get; init; } = [];
}
