using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using Xunit;
using Xunit.Sdk;

namespace KeepAliveAnalyzers.EndToEnd.Infrastructure;

/// <summary>
/// csharp-ls (https://github.com/razzmatazz/csharp-language-server), the LSP server many Neovim, Emacs and Helix users
/// run: installed as a dotnet tool from the machine's package source into a folder the caller owns, and started over
/// stdio with Roslyn analyzers turned on.
/// </summary>
public static class CSharpLanguageServer
{
    public const string PackageId = "csharp-ls";
    public const string Version = "0.28.0";

    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(3);
    private static readonly Lazy<string?> ProbeResult = new(Probe);

    /// <summary>CI sets CI=true; there a tool that cannot be installed fails the test instead of skipping it.</summary>
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Why the tool cannot be installed here, or <see langword="null"/> when it can: found out once per process by
    /// installing it into a temporary folder, deleted again at once (a folder left for the end of the process would
    /// outlive a test host that is killed, and a filtered run would never use it).
    /// </summary>
    public static string? WhyUnavailable => ProbeResult.Value;

    /// <summary>Installs the tool into <paramref name="toolPath"/> and returns the executable; fails the calling test if it cannot.</summary>
    public static string Install(string toolPath) =>
        TryInstall(toolPath, out var problem)
        ?? throw new XunitException($"{PackageId} {Version} could not be installed (with CI=true this fails rather than skips): {problem}");

    /// <summary>
    /// The <c>csharp</c> configuration section csharp-ls 0.28 asks for with <c>workspace/configuration</c> after
    /// <c>initialized</c>. <c>analyzersEnabled</c> is off by default, and without it no analyzer diagnostic (KA0001
    /// included) is reported. (It does not read <c>initializationOptions</c>; see docs/editors.md.)
    /// </summary>
    public static object CSharpSection { get; } = new { analyzersEnabled = true };

    /// <summary>
    /// Starts the server in <paramref name="projectDirectory"/> (it loads the project or solution it finds there),
    /// with the consumer environment of the packed packages and none of the test host's MSBuild variables.
    /// </summary>
    public static LspConnection Start(string executable, string projectDirectory, IReadOnlyDictionary<string, string> environment)
    {
        var variables = new Dictionary<string, string>(environment)
        {
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_NOLOGO"] = "1",
            ["DOTNET_CLI_UI_LANGUAGE"] = "en",
            ["MSBUILDDISABLENODEREUSE"] = "1",
        };
        return LspConnection.Start(
            executable,
            new[] { "--loglevel", "info" },
            projectDirectory,
            variables,
            // As DotNetCli does: the `dotnet test` host's MSBuild settings must not reach the server's MSBuild.
            name => name.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase),
            AnswerServerRequest);
    }

    /// <summary>The client's side of server-to-client requests: the csharp section, null for everything else.</summary>
    private static object? AnswerServerRequest(string method, JsonElement parameters)
    {
        if (method != "workspace/configuration")
        {
            return null; // client/registerCapability, window/workDoneProgress/create, ...: accepted.
        }

        var answers = new List<object?>();
        foreach (var item in parameters.GetProperty("items").EnumerateArray())
        {
            answers.Add(item.TryGetProperty("section", out var section) && section.GetString() == "csharp" ? CSharpSection : null);
        }

        return answers;
    }

    private static string? Probe()
    {
        var toolPath = Path.Combine(Path.GetTempPath(), "keepalive-e2e-csharp-ls-probe-" + Guid.NewGuid().ToString("N").Substring(0, 12));
        try
        {
            return TryInstall(toolPath, out var problem) is null ? problem : null;
        }
        finally
        {
            TryDelete(toolPath);
        }
    }

    private static string? TryInstall(string toolPath, out string? problem)
    {
        Directory.CreateDirectory(toolPath);
        try
        {
            // Run from the tool folder: the package source is the machine's (plus, under the packed packages' folder,
            // their local feed), never the checkout's.
            var result = DotNetCli.Run(toolPath, InstallTimeout, environment: null,
                "tool", "install", PackageId, "--version", Version, "--tool-path", toolPath);
            var executable = Path.Combine(toolPath, OperatingSystem.IsWindows() ? PackageId + ".exe" : PackageId);
            problem = result.ExitCode == 0 && File.Exists(executable) ? null : $"`{result.CommandLine}` exited {result.ExitCode}: {Tail(result.Output)}";
            return problem is null ? executable : null;
        }
        catch (TimeoutException exception)
        {
            problem = Tail(exception.Message);
            return null;
        }
    }

    private static string Tail(string text) => text.Length > 1500 ? "…" + text.Substring(text.Length - 1500) : text.Trim();

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

/// <summary>
/// A fact that needs csharp-ls. Where the tool cannot be installed (no package source reachable) it is reported as
/// skipped with the reason; with CI=true nothing is probed, the test runs and fails in
/// <see cref="CSharpLanguageServer.Install"/>, so a CI machine cannot pass by skipping. The same arrangement as
/// tests/Runtime.Tests/DeadPeer/DeadPeerFactAttribute (xunit 2 reads <c>Skip</c> from the attribute instance, at discovery).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class LanguageServerFactAttribute : FactAttribute
{
    public LanguageServerFactAttribute()
    {
        if (!CSharpLanguageServer.IsCi && CSharpLanguageServer.WhyUnavailable is { } reason)
        {
            Skip = $"needs {CSharpLanguageServer.PackageId} {CSharpLanguageServer.Version} as a dotnet tool, which could not be installed: {reason}";
        }
    }
}
