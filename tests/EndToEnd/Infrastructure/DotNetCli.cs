using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Threading.Tasks;

namespace KeepAliveAnalyzers.EndToEnd.Infrastructure;

/// <summary>The output of one finished dotnet command.</summary>
public sealed record CommandResult(string CommandLine, int ExitCode, string Output, TimeSpan Duration)
{
    public override string ToString() => $"> {CommandLine}\n(exit {ExitCode}, {Duration.TotalSeconds:F1} s)\n{Output}";
}

/// <summary>Runs the dotnet CLI with a time limit, English messages, no telemetry and no lingering MSBuild nodes.</summary>
public static class DotNetCli
{
    public static CommandResult Run(string workingDirectory, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return Run(start, "dotnet " + string.Join(" ", arguments), timeout, environment);
    }

    /// <summary>
    /// Runs <paramref name="start"/> (output redirected) with the dotnet CLI settings below, collecting stdout and
    /// stderr in order; killed with its process tree after <paramref name="timeout"/>. Shared with <see cref="Bash"/>.
    /// </summary>
    internal static CommandResult Run(ProcessStartInfo start, string commandLine, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment)
    {
        Configure(start.Environment, environment);
        var output = new StringBuilder();
        var outputClosed = new TaskCompletionSource();
        var errorClosed = new TaskCompletionSource();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(e.Data, outputClosed);
        process.ErrorDataReceived += (_, e) => Append(e.Data, errorClosed);

        var stopwatch = Stopwatch.StartNew();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit((int)timeout.TotalMilliseconds))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'{commandLine}' did not finish within {timeout.TotalSeconds:F0} s; killed.\n{Text()}");
        }

        // A build server started by the command may hold the pipes open after it exits; the command's own output is
        // complete long before this limit.
        Task.WaitAll(new[] { outputClosed.Task, errorClosed.Task }, TimeSpan.FromSeconds(10));
        return new CommandResult(commandLine, process.ExitCode, Text(), stopwatch.Elapsed);

        void Append(string? line, TaskCompletionSource closed)
        {
            if (line is null)
            {
                closed.TrySetResult();
                return;
            }

            lock (output)
            {
                output.AppendLine(line);
            }
        }

        string Text()
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    private static void Configure(IDictionary<string, string?> variables, IReadOnlyDictionary<string, string>? extra)
    {
        // The test host runs under `dotnet test`, whose MSBuild settings must not leak into the child builds.
        foreach (var name in variables.Keys.Where(name => name.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            variables.Remove(name);
        }

        variables["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        variables["DOTNET_NOLOGO"] = "1";
        variables["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        variables["DOTNET_CLI_UI_LANGUAGE"] = "en";
        variables["MSBUILDDISABLENODEREUSE"] = "1";
        variables["MSBUILDTERMINALLOGGER"] = "off";
        foreach (var (name, value) in extra ?? new Dictionary<string, string>())
        {
            variables[name] = value;
        }
    }
}
