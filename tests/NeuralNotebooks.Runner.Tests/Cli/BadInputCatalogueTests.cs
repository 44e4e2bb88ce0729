using System.Text;
using System.Text.Json.Nodes;
using NeuralNotebooks.Runner.Notebooks;
using static NeuralNotebooks.Runner.Tests.TestNotebooks;

namespace NeuralNotebooks.Runner.Tests;

/// <summary>
/// The runner's catalogue of bad inputs: each case names the input, the exit code it must give (0 all passed, 1 a
/// notebook failed or an output could not be written, 2 a usage or input error found before anything ran) and the
/// words of its error. Every case runs the built runner as a child process with a time limit, so a hang or a crash
/// (exit 134, no summary) fails the case instead of CI.
/// </summary>
public class BadInputCatalogueTests
{
    /// <summary>One bad input.</summary>
    /// <param name="Setup">Creates the files in the folder it is given and returns the runner's arguments.</param>
    /// <param name="Code">The exit code.</param>
    /// <param name="Says">What the output (stdout + stderr) must contain.</param>
    /// <param name="Then">More checks, given the folder and the outcome.</param>
    internal sealed record Case(Func<string, string[]> Setup, int Code, string[] Says, Action<string, RunnerProcess.Outcome>? Then = null);

    private static string Nb(string folder, string name, params string[] cells) => Save(Make(cells.Select(c => Code(c)).ToArray()), folder, name);

    private const string Ok = "Console.WriteLine(\"fine\");";

    /// <summary>The summary line of a run over <paramref name="n"/> notebooks: a run that crashed prints none.</summary>
    private static string Summary(int passed, int n) => $"{passed}/{n} notebooks passed";

    private static readonly Dictionary<string, Case> Cases = new()
    {
        // --- hangs: the console lock order, the per-cell timeout
        ["a cell printing in a loop until --timeout 3"] = new(f => ["run", Nb(f, "loop.ipynb", "int i = 0; while (true) Console.WriteLine(i++);"), Nb(f, "ok.ipynb", Ok), "--timeout", "3"],
            1, ["TIMED OUT", "cell 1 did not finish within 3 s", "PASS ", Summary(1, 2)]),
        ["a background task that keeps printing after its cell"] = new(f => ["run",
                Nb(f, "bg.ipynb", "Task.Run(() => { long i = 0; while (true) Console.WriteLine(i++); });", "System.Threading.Thread.Sleep(300);", "System.Threading.Thread.Sleep(300);"),
                Nb(f, "ok.ipynb", Ok), "--timeout", "3"],
            0, [Summary(2, 2)]),

        // --- a cell that takes its process down: that cell fails, later notebooks run
        ["a cell calling Environment.Exit"] = new(f => ["run", Nb(f, "exit.ipynb", "Environment.Exit(3);", Ok), Nb(f, "ok.ipynb", Ok)],
            1, ["exit.ipynb: cell 1: the notebook's process ended: cell 1 called Environment.Exit(3)", Summary(1, 2)]),
        ["a cell overflowing its stack"] = new(f => ["run", Nb(f, "deep.ipynb", "int F(int n) => F(n + 1) + 1;\nF(0)"), Nb(f, "ok.ipynb", Ok)],
            1, ["deep.ipynb: cell 1: the notebook's process ended: stack overflow", Summary(1, 2)]),
        ["a cell whose own thread throws"] = new(f => ["run",
                Nb(f, "thread.ipynb", "new System.Threading.Thread(() => throw new InvalidOperationException(\"boom\")).Start();\nSystem.Threading.Thread.Sleep(5000);"),
                Nb(f, "ok.ipynb", Ok)],
            1, ["thread.ipynb: cell 1: the notebook's process ended: a background thread", "System.InvalidOperationException: boom", Summary(1, 2)]),
        ["a thread a finished notebook left behind throws during the next one"] = new(f => ["run",
                Nb(f, "left.ipynb", "new System.Threading.Thread(() => { System.Threading.Thread.Sleep(3000); throw new InvalidOperationException(\"late\"); }) { IsBackground = true }.Start();"),
                Nb(f, "victim.ipynb", "System.Threading.Thread.Sleep(20000);"), Nb(f, "ok.ipynb", Ok)],
            1, ["victim.ipynb: ", "a background thread that cell 1 of ", "left.ipynb started threw: System.InvalidOperationException: late", Summary(2, 3)]),
        ["a display handle updated from a background thread before --write"] = new(f => ["run",
                Nb(f, "update.ipynb", "var h = display(\"0\");\nnew System.Threading.Thread(() => { for (long i = 0; ; i++) h.Update(i.ToString()); }) { IsBackground = true }.Start();\nSystem.Threading.Thread.Sleep(300);"),
                "--write"],
            0, ["saved ", Summary(1, 1)],
            (f, _) => Assert.Equal("display_data", NotebookReader.Read(Path.Combine(f, "update.ipynb")).Cells[0].Outputs.Single().OutputType)),

        // --- bad notebooks
        ["a notebook with a key twice in one object"] = new(f =>
            {
                File.WriteAllText(Path.Combine(f, "dup.ipynb"), "{\"nbformat\": 4, \"nbformat_minor\": 5, \"metadata\": {}, \"cells\": [], \"cells\": []}");
                return ["run", Path.Combine(f, "dup.ipynb"), Nb(f, "ok.ipynb", Ok)];
            },
            1, ["dup.ipynb: not valid JSON", "cells", Summary(1, 2)]),
        ["--write on a notebook that is not valid UTF-8"] = new(f =>
            {
                var path = Nb(f, "latin1.ipynb", "Console.WriteLine(\"caf\u00e9\");");
                var bytes = File.ReadAllBytes(path);
                int at = IndexOf(bytes, "\u00e9"u8.ToArray());
                File.WriteAllBytes(path, [.. bytes[..at], 0xE9, .. bytes[(at + 2)..]]); // é in Latin-1
                File.WriteAllText(Path.Combine(f, "offset.txt"), at.ToString());
                return ["run", path, "--write"];
            },
            1, ["latin1.ipynb: not valid UTF-8 at byte offset", "byte 0xE9"],
            (f, o) =>
            {
                Assert.Contains($"byte offset {File.ReadAllText(Path.Combine(f, "offset.txt"))} ", o.All);
                Assert.Contains((byte)0xE9, File.ReadAllBytes(Path.Combine(f, "latin1.ipynb"))); // untouched, no U+FFFD
            }),

        // --- bad options: exit 2 before anything runs
        ["--timeout 1e20"] = new(f => ["run", Nb(f, "ok.ipynb", Ok), "--timeout", "1e20"], 2, ["--timeout must be a number of seconds > 0 and at most 86400"]),
        ["--timeout 5000000"] = new(f => ["run", Nb(f, "ok.ipynb", Ok), "--timeout", "5000000"], 2, ["--timeout must be a number of seconds > 0 and at most 86400"]),
        ["--timeout NaN"] = new(f => ["run", Nb(f, "ok.ipynb", Ok), "--timeout", "NaN"], 2, ["--timeout must be"]),
        ["--timeout 0"] = new(f => ["run", Nb(f, "ok.ipynb", Ok), "--timeout", "0"], 2, ["--timeout must be"]),
        ["an unknown option"] = new(f => ["run", Nb(f, "ok.ipynb", Ok), "--fast"], 2, ["unknown option --fast"]),
        ["no notebook given"] = new(f => ["run"], 2, ["no notebooks or folders given"]),

        // --- output targets that are files, folders or read-only: exit 2, naming the path
        ["run --write --output that is a file"] = new(f => { File.WriteAllText(Path.Combine(f, "out"), "x"); return ["run", Nb(f, "ok.ipynb", Ok), "--write", "--output", Path.Combine(f, "out")]; },
            2, ["--output", "out is a file, not a folder"]),
        ["run --write --output in a read-only folder"] = new(f => ["run", Nb(f, "ok.ipynb", Ok), "--write", "--output", Path.Combine(ReadOnly(f), "out")],
            2, ["--output", "cannot write in", "locked"]),
        ["run --write into a read-only notebook folder"] = new(f => { var nb = Nb(ReadOnlyLater(f), "ok.ipynb", Ok); ReadOnly(f); return ["run", nb, "--write"]; },
            2, ["--write", "cannot write in", "locked"]),
        ["--report that is a folder"] = new(f => ["run", Nb(f, "ok.ipynb", Ok), "--report", f], 2, ["--report", "is a folder, not a file"]),
        ["--report under a file"] = new(f => { File.WriteAllText(Path.Combine(f, "file"), "x"); return ["run", Nb(f, "ok.ipynb", Ok), "--report", Path.Combine(f, "file", "r.json")]; },
            2, ["--report", "file is a file, not a folder"]),
        ["--report in a read-only folder"] = new(f => ["run", Nb(f, "ok.ipynb", Ok), "--report", Path.Combine(ReadOnly(f), "r.json")], 2, ["--report", "cannot write in"]),
        ["export-html --output that is a file"] = new(f => { File.WriteAllText(Path.Combine(f, "site"), "x"); return ["export-html", Nb(f, "ok.ipynb", Ok), "--output", Path.Combine(f, "site")]; },
            2, ["site is a file, not a folder"]),
        ["export-html --output in a read-only folder"] = new(f => ["export-html", Nb(f, "ok.ipynb", Ok), "--output", Path.Combine(ReadOnly(f), "site")], 2, ["cannot write in"]),
        ["export-cs --output that is a file"] = new(f => { File.WriteAllText(Path.Combine(f, "apps"), "x"); return ["export-cs", Nb(f, "ok.ipynb", Ok), "--output", Path.Combine(f, "apps")]; },
            2, ["apps is a file, not a folder"]),
        ["export-cs --output in a read-only folder"] = new(f => ["export-cs", Nb(f, "ok.ipynb", Ok), "--output", Path.Combine(ReadOnly(f), "apps")], 2, ["cannot write in"]),

        // --- two notebooks, one file: refused, naming both
        ["run --write --output with a/lesson.ipynb and b/lesson.ipynb"] = new(f => ["run", Twin(f, "a"), Twin(f, "b"), "--write", "--output", Path.Combine(f, "out")],
            2, ["a/lesson.ipynb and ", "b/lesson.ipynb would both be saved as "], (f, _) => Assert.False(Directory.Exists(Path.Combine(f, "out")))),
        ["export-html with a/lesson.ipynb and b/lesson.ipynb"] = new(f => ["export-html", Twin(f, "a"), Twin(f, "b"), "--output", Path.Combine(f, "site")],
            2, ["a/lesson.ipynb and ", "b/lesson.ipynb would both be exported as "]),
        ["export-cs with a/lesson.ipynb and b/lesson.ipynb"] = new(f => ["export-cs", Twin(f, "a"), Twin(f, "b"), "--output", Path.Combine(f, "apps")],
            2, ["a/lesson.ipynb and ", "b/lesson.ipynb would both be exported as "]),
        ["export-html of a notebook named index.ipynb"] = new(f => ["export-html", Nb(f, "index.ipynb", Ok), "--output", Path.Combine(f, "site")],
            2, ["index.ipynb would be exported as ", "a file the command writes for itself"]),

        // --- a save that fails after the run: reported with the path, the summary and the report still written
        ["a --write target that is a folder at save time"] = new(f =>
            {
                Directory.CreateDirectory(Path.Combine(f, "out", "ok.ipynb"));
                return ["run", Nb(f, "ok.ipynb", Ok), "--write", "--output", Path.Combine(f, "out"), "--report", Path.Combine(f, "report.json")];
            },
            1, ["error: cannot write ", "ok.ipynb", Summary(1, 1), "report: "],
            (f, _) => Assert.True(JsonNode.Parse(File.ReadAllText(Path.Combine(f, "report.json")))!["passed"]!.GetValue<bool>())),
    };

    public static TheoryData<string> Names() => new(Cases.Keys);

    [Theory]
    [MemberData(nameof(Names))]
    public void Bad_input_gives_its_exit_code_and_a_clear_error(string name)
    {
        var folder = NewFolder();
        var c = Cases[name];
        try
        {
            var args = c.Setup(folder);
            var outcome = RunnerProcess.Run(folder, args);
            Assert.True(outcome.Code == c.Code, $"{name}: exit code {outcome.Code}, expected {c.Code}\n{Short(outcome.All)}");
            foreach (var words in c.Says) Assert.True(outcome.All.Contains(words, StringComparison.Ordinal), $"{name}: no \"{words}\" in\n{Short(outcome.All)}");
            Assert.DoesNotContain("Unhandled exception", outcome.Out);
            c.Then?.Invoke(folder, outcome);
        }
        finally
        {
            foreach (var locked in Locked.Where(l => l.Folder.StartsWith(folder, StringComparison.Ordinal)).ToList())
            {
                locked.Lock.Dispose();
                Locked.Remove(locked);
            }
        }
    }

    [Fact]
    public void Every_bad_input_of_the_issue_is_in_the_catalogue()
    {
        // Issue 15's runner list, each matched by a case name.
        foreach (var words in new[] { "printing in a loop", "keeps printing", "Environment.Exit", "stack", "own thread throws", "display handle",
                     "key twice", "UTF-8", "1e20", "5000000", "--output that is a file", "read-only", "--report", "export-html", "export-cs",
                     "a/lesson.ipynb and b/lesson.ipynb" })
            Assert.Contains(Cases.Keys, k => k.Contains(words, StringComparison.Ordinal));
    }

    private static readonly List<(string Folder, ReadOnlyFolder Lock)> Locked = new();

    /// <summary>A read-only folder "locked" inside <paramref name="folder"/>.</summary>
    private static string ReadOnly(string folder)
    {
        var locked = Path.Combine(folder, "locked");
        Directory.CreateDirectory(locked);
        lock (Locked) Locked.Add((locked, new ReadOnlyFolder(locked)));
        return locked;
    }

    /// <summary>The folder <see cref="ReadOnly"/> will lock, made now so notebooks can be put in it first.</summary>
    private static string ReadOnlyLater(string folder) => Directory.CreateDirectory(Path.Combine(folder, "locked")).FullName;

    private static string Twin(string folder, string sub) => Nb(Directory.CreateDirectory(Path.Combine(folder, sub)).FullName, "lesson.ipynb", Ok);

    private static int IndexOf(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle);

    private static string Short(string text) => text.Length > 3000 ? text[..1500] + "\n…\n" + text[^1500..] : text;
}
