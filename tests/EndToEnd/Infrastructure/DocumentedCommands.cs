using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Tasks;

namespace KeepAliveAnalyzers.EndToEnd.Infrastructure;

/// <summary>A fenced code block of a Markdown page that a test runs, named by the comment on the line above it.</summary>
public sealed record MarkedBlock(string Name, string Language, string Text);

/// <summary>
/// Reads the code blocks a page marks with <c>&lt;!-- tested: NAME --&gt;</c> on the line right before the fence, and
/// the commands of the <c>run:</c> / <c>script:</c> steps of a workflow block, so a test runs what the page says.
/// </summary>
public static class DocumentedCommands
{
    private static readonly Regex MarkedFence = new(
        @"^<!-- tested: (?<name>[a-z0-9-]+) -->\r?\n```(?<language>[a-z]*)\r?\n(?<text>.*?)^```\s*$",
        RegexOptions.Multiline | RegexOptions.Singleline);

    private static readonly Regex AnyMarker = new(@"<!-- tested: (?<name>[^ ]*) -->");

    public static string ReadRepositoryFile(string relativePath) =>
        File.ReadAllText(Path.Combine(RepositoryPaths.Root, relativePath)).Replace("\r\n", "\n");

    /// <summary>The text from <paramref name="heading"/> (a whole line, e.g. <c>## Install</c>) to the next heading of that level.</summary>
    public static string Section(string markdown, string heading)
    {
        var start = markdown.IndexOf("\n" + heading + "\n", StringComparison.Ordinal);
        if (start < 0)
        {
            throw new InvalidOperationException($"No '{heading}' heading.");
        }

        var level = heading[..(heading.IndexOf(' ') + 1)];
        var end = markdown.IndexOf("\n" + level, start + heading.Length + 1, StringComparison.Ordinal);
        return markdown[(start + 1)..(end < 0 ? markdown.Length : end + 1)];
    }

    /// <summary>Every marked block, in page order; a marker not followed by a fence is an error, not a silent skip.</summary>
    public static IReadOnlyList<MarkedBlock> MarkedBlocks(string markdown)
    {
        var blocks = MarkedFence.Matches(markdown)
            .Select(m => new MarkedBlock(m.Groups["name"].Value, m.Groups["language"].Value, m.Groups["text"].Value))
            .ToList();
        var markers = AnyMarker.Matches(markdown).Select(m => m.Groups["name"].Value).ToList();
        if (!markers.SequenceEqual(blocks.Select(b => b.Name)))
        {
            throw new InvalidOperationException(
                $"Markers [{string.Join(", ", markers)}] but blocks right after them [{string.Join(", ", blocks.Select(b => b.Name))}]: " +
                "a marker must be the line right before its ``` fence.");
        }

        return blocks;
    }

    public static MarkedBlock Block(IEnumerable<MarkedBlock> blocks, string name) =>
        blocks.SingleOrDefault(b => b.Name == name) ?? throw new InvalidOperationException($"No block marked 'tested: {name}'.");

    /// <summary>
    /// The shell text of each <c>run:</c> (GitHub Actions) or <c>script:</c> (Azure Pipelines) step of a workflow, in
    /// order: a one-line value as it is, a <c>|</c> block with its common indentation removed.
    /// </summary>
    public static IReadOnlyList<string> WorkflowScripts(string yaml, string key)
    {
        var lines = yaml.Split('\n');
        var keyPattern = new Regex(@"^(?<indent>\s*(?:- )?)" + Regex.Escape(key) + @": (?<value>.*)$");
        var scripts = new List<string>();
        for (var i = 0; i < lines.Length; i++)
        {
            var match = keyPattern.Match(lines[i]);
            if (!match.Success)
            {
                continue;
            }

            var value = match.Groups["value"].Value.Trim();
            if (value != "|")
            {
                if (value.StartsWith('\'') || value.StartsWith('"') || value.StartsWith('>'))
                {
                    throw new InvalidOperationException($"Line '{lines[i]}': write a step's command plain or as a | block.");
                }

                scripts.Add(value);
                continue;
            }

            var keyColumn = match.Groups["indent"].Length;
            var body = new List<string>();
            for (i++; i < lines.Length && (lines[i].Trim().Length == 0 || Indent(lines[i]) > keyColumn); i++)
            {
                body.Add(lines[i]);
            }

            i--;
            var common = body.Where(l => l.Trim().Length > 0).Min(Indent);
            scripts.Add(string.Join("\n", body.Select(l => l.Length >= common ? l[common..] : "")).TrimEnd() + "\n");
        }

        return scripts;

        static int Indent(string line) => line.Length - line.TrimStart(' ').Length;
    }
}

/// <summary>Runs a shell script the way a CI step does (<c>bash --noprofile --norc -eo pipefail</c>), with the dotnet CLI settings of <see cref="DotNetCli"/>.</summary>
public static class Bash
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(4);

    public static CommandResult Run(string workingDirectory, string script, IReadOnlyDictionary<string, string> environment, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo("bash")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "--noprofile", "--norc", "-eo", "pipefail", "-c", script })
        {
            start.ArgumentList.Add(argument);
        }

        return DotNetCli.Run(start, "bash -c '" + script.TrimEnd() + "'", timeout ?? DefaultTimeout, environment);
    }
}
