using System;
using System.ComponentModel;
using System.Diagnostics;

namespace KeepAlive.Tests.DeadPeer;

/// <summary>Runs one short external command (ip, tc, perl) to completion within a bound.</summary>
internal static class Command
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(15);

    /// <summary>Exit code and combined output; exit code -1 when the program cannot be started.</summary>
    public static (int ExitCode, string Output) TryRun(string program, params string[] arguments)
    {
        var info = new ProcessStartInfo(program)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (string argument in arguments)
            info.ArgumentList.Add(argument);

        Process process;
        try
        {
            process = Process.Start(info) ?? throw new InvalidOperationException($"{program} did not start");
        }
        catch (Win32Exception e)
        {
            return (-1, $"{program}: {e.Message}");
        }

        using (process)
        {
            process.StandardInput.Close();
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(Bound))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"`{Describe(program, arguments)}` did not finish within {Bound.TotalSeconds} s");
            }
            process.WaitForExit(); // drains the redirected streams
            return (process.ExitCode, (stdout.Result + stderr.Result).Trim());
        }
    }

    /// <summary>Runs the command and returns its output; throws with the output when it fails.</summary>
    public static string Run(string program, params string[] arguments)
    {
        var (exitCode, output) = TryRun(program, arguments);
        return exitCode == 0
            ? output
            : throw new InvalidOperationException($"`{Describe(program, arguments)}` exited {exitCode}: {output}");
    }

    public static string Describe(string program, string[] arguments) => $"{program} {string.Join(' ', arguments)}";
}
