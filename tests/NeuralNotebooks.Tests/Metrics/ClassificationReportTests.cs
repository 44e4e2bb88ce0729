using NeuralNotebooks.Metrics;

namespace NeuralNotebooks.Tests.Metrics;

public class ClassificationReportTests
{
    private static readonly int[] YTrue = [0, 1, 2, 2, 2];
    private static readonly int[] YPred = [0, 0, 2, 2, 1];
    private static readonly string[] Names = ["class 0", "class 1", "class 2"];

    [Fact]
    public void Text_matches_scikit_learn_docstring_example_character_for_character()
    {
        // print(classification_report([0,1,2,2,2], [0,0,2,2,1], target_names=['class 0','class 1','class 2']))
        // from scikit-learn's docstring; the report string ends with one '\n' (print adds the trailing blank line).
        string expected =
            "              precision    recall  f1-score   support\n" +
            "\n" +
            "     class 0       0.50      1.00      0.67         1\n" +
            "     class 1       0.00      0.00      0.00         1\n" +
            "     class 2       1.00      0.67      0.80         3\n" +
            "\n" +
            "    accuracy                           0.60         5\n" +
            "   macro avg       0.50      0.56      0.49         5\n" +
            "weighted avg       0.70      0.60      0.61         5\n";
        Assert.Equal(expected, ClassificationReport.Compute(YTrue, YPred, Names).ToString());
    }

    [Fact]
    public void Scores_of_the_docstring_example()
    {
        var report = ClassificationReport.Compute(YTrue, YPred, Names);
        Assert.Equal(3, report.Classes.Count);
        Assert.Equal(new ClassScores("class 0", 0.5, 1.0, 2.0 / 3.0, 1), report.Classes[0]);
        Assert.Equal(new ClassScores("class 1", 0.0, 0.0, 0.0, 1), report.Classes[1]);
        Assert.Equal("class 2", report.Classes[2].Name);
        Assert.Equal(1.0, report.Classes[2].Precision);
        Assert.Equal(2.0 / 3.0, report.Classes[2].Recall, 12);
        Assert.Equal(0.8, report.Classes[2].F1, 12);
        Assert.Equal(3, report.Classes[2].Support);
        Assert.Equal(0.6, report.Accuracy, 12);
        Assert.Equal(0.5, report.MacroAverage.Precision, 12);
        Assert.Equal((1.0 + 2.0 / 3.0) / 3.0, report.MacroAverage.Recall, 12);
        Assert.Equal((2.0 / 3.0 + 0.8) / 3.0, report.MacroAverage.F1, 12);
        Assert.Equal(5, report.MacroAverage.Support);
        Assert.Equal(0.7, report.WeightedAverage.Precision, 12);
        Assert.Equal(0.6, report.WeightedAverage.Recall, 12);
        Assert.Equal((2.0 / 3.0 + 3 * 0.8) / 5.0, report.WeightedAverage.F1, 12);
        Assert.True(report.AllClassesSeen);
        Assert.Equal(new[,] { { 1, 0, 0 }, { 1, 0, 0 }, { 0, 1, 2 } }, report.Confusion.Counts);
    }

    [Fact]
    public void Digits_widen_the_number_columns_format()
    {
        // classification_report(..., digits=4); expected text produced with scikit-learn's format strings in Python 3.
        string expected =
            "              precision    recall  f1-score   support\n" +
            "\n" +
            "     class 0     0.5000    1.0000    0.6667         1\n" +
            "     class 1     0.0000    0.0000    0.0000         1\n" +
            "     class 2     1.0000    0.6667    0.8000         3\n" +
            "\n" +
            "    accuracy                         0.6000         5\n" +
            "   macro avg     0.5000    0.5556    0.4889         5\n" +
            "weighted avg     0.7000    0.6000    0.6133         5\n";
        Assert.Equal(expected, ClassificationReport.Compute(YTrue, YPred, Names).ToString(4));
    }

    [Fact]
    public void A_class_that_never_occurs_turns_the_accuracy_row_into_micro_avg()
    {
        // classification_report([0,0,0], [0,0,1], labels=[0,1,2]): expected text produced with scikit-learn's format
        // strings in Python 3 (the label set differs from the labels seen, so sklearn prints "micro avg").
        string expected =
            "              precision    recall  f1-score   support\n" +
            "\n" +
            "           0       1.00      0.67      0.80         3\n" +
            "           1       0.00      0.00      0.00         0\n" +
            "           2       0.00      0.00      0.00         0\n" +
            "\n" +
            "   micro avg       0.67      0.67      0.67         3\n" +
            "   macro avg       0.33      0.22      0.27         3\n" +
            "weighted avg       1.00      0.67      0.80         3\n";
        var report = ClassificationReport.Compute([0, 0, 0], [0, 0, 1], classes: 3);
        Assert.False(report.AllClassesSeen);
        Assert.Equal(expected, report.ToString());
    }

    [Fact]
    public void Exact_ties_round_half_to_even_like_python()
    {
        // Class 0: 5 of 8 predictions right → precision 0.625 exactly, which Python's '{:.2f}' prints as "0.62".
        // Expected text produced by scikit-learn's format strings in Python 3.
        string expected =
            "              precision    recall  f1-score   support\n" +
            "\n" +
            "           0       0.62      1.00      0.77         5\n" +
            "           1       0.00      0.00      0.00         3\n" +
            "\n" +
            "    accuracy                           0.62         8\n" +
            "   macro avg       0.31      0.50      0.38         8\n" +
            "weighted avg       0.39      0.62      0.48         8\n";
        Assert.Equal(expected, ClassificationReport.Compute([0, 0, 0, 0, 0, 1, 1, 1], [0, 0, 0, 0, 0, 0, 0, 0]).ToString());
    }

    [Fact]
    public void Long_class_names_widen_the_first_column()
    {
        string expected =
            "                          precision    recall  f1-score   support\n" +
            "\n" +
            "a rather long class name       1.00      1.00      1.00         1\n" +
            "                       b       1.00      1.00      1.00         1\n" +
            "\n" +
            "                accuracy                           1.00         2\n" +
            "               macro avg       1.00      1.00      1.00         2\n" +
            "            weighted avg       1.00      1.00      1.00         2\n";
        Assert.Equal(expected, ClassificationReport.Compute([0, 1], [0, 1], ["a rather long class name", "b"]).ToString());
    }

    [Fact]
    public void Digits_out_of_range_are_rejected()
    {
        var report = ClassificationReport.Compute(YTrue, YPred);
        Assert.Equal("digits", Assert.Throws<ArgumentOutOfRangeException>(() => report.ToString(-1)).ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => report.ToString(16));
    }

    [Fact]
    public void Mismatched_class_names_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => ClassificationReport.Compute(YTrue, YPred, ["a", "b"], classes: 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => ClassificationReport.Compute(YTrue, YPred, ["a", "b"]));
    }

    [Fact]
    public void Invalid_label_lists_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => ClassificationReport.Compute([0, 1], [0]));
        Assert.Throws<ArgumentException>(() => ClassificationReport.Compute([], []));
        Assert.Throws<ArgumentOutOfRangeException>(() => ClassificationReport.Compute([0, -1], [0, 0]));
    }
}
