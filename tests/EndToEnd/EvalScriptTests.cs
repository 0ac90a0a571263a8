using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using KeepAliveAnalyzers.EndToEnd.Infrastructure;
using Xunit;

namespace KeepAliveAnalyzers.EndToEnd;

/// <summary>
/// eval/run-eval.sh in a clone that has only what the repository carries: the committed labels are the default, and
/// what is missing (kaeval, the repositories' mirrors) is named in a clear message with exit code 2, before anything
/// is built.
/// </summary>
public sealed class EvalScriptTests : IDisposable
{
    private readonly string _scratch = Directory.CreateTempSubdirectory("ka-eval-script-").FullName;

    [Fact]
    public void Missing_kaeval_is_named_with_what_to_pass()
    {
        var result = Run($"--kaeval {Path.Combine(_scratch, "nowhere")}");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("kaeval not found", result.Output);
        Assert.Contains("--kaeval DIR", result.Output);
    }

    [Fact]
    public void Missing_mirrors_of_the_default_labels_are_listed_one_line_each()
    {
        var labels = File.ReadAllLines(RepositoryPaths.Project("eval/blind-labels.tsv")).Skip(1)
            .Select(line => line.Split('\t')[0]).Distinct().ToList();

        var result = Run($"--kaeval {FakeKaeval()} --mirror {Path.Combine(_scratch, "mirror")} --corpus {Path.Combine(_scratch, "corpus")} --out {Path.Combine(_scratch, "out")}");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.True(labels.Count >= 8, $"only {labels.Count} repositories in eval/blind-labels.tsv");
        Assert.All(labels, repo => Assert.Contains($"missing mirror for {repo} at ", result.Output));
        Assert.False(Directory.Exists(Path.Combine(_scratch, "out", "kaeval")), "the script built something before saying what is missing");
    }

    [Fact]
    public void Unknown_labels_file_is_refused()
    {
        var result = Run($"--kaeval {FakeKaeval()} --labels {Path.Combine(_scratch, "no-such-labels.tsv")}");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("no-such-labels.tsv", result.Output);
    }

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    private CommandResult Run(string arguments) =>
        Bash.Run(RepositoryPaths.Root, $"bash eval/run-eval.sh {arguments} 2>&1", new Dictionary<string, string>(), TimeSpan.FromMinutes(1));

    /// <summary>A folder that passes the script's "is this kaeval" check (it holds a kaeval.csproj) but is never built here.</summary>
    private string FakeKaeval()
    {
        var folder = Path.Combine(_scratch, "kaeval");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "kaeval.csproj"), "<Project />");
        return folder;
    }
}
