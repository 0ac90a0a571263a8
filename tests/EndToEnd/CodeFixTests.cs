using System;
using System.Collections.Generic;
using KeepAliveAnalyzers.EndToEnd.Infrastructure;
using Xunit;

namespace KeepAliveAnalyzers.EndToEnd;

/// <summary>`dotnet format analyzers` applies the KA0001 fix, and the inserted call configures the running socket.</summary>
[Collection(PackedPackagesCollection.Name)]
public class CodeFixTests
{
    private readonly PackedPackages _packages;

    public CodeFixTests(PackedPackages packages) => _packages = packages;

    [Fact]
    public void Dotnet_format_inserts_Configure_and_the_program_then_runs_with_keepalive()
    {
        var project = ClientApp.Create(_packages, "Formatted");
        var pragmaBefore = project.ReadFile(ClientApp.PragmaFile);
        var attributeBefore = project.ReadFile(ClientApp.AttributeFile);
        var restore = project.Restore();
        Assert.True(restore.ExitCode == 0, restore.ToString());

        var format = project.Dotnet("format", "analyzers", "--diagnostics", "KA0001", "--severity", "warn", "--no-restore");
        Assert.True(format.ExitCode == 0, format.ToString());
        var fixedClient = project.ReadFile(ClientApp.ReportedFile);
        Assert.Contains("using KeepAlive;", fixedClient);
        Assert.Contains("TcpKeepAlive.Configure(s_client);", fixedClient);
        Assert.Equal(pragmaBefore, project.ReadFile(ClientApp.PragmaFile));
        Assert.Equal(attributeBefore, project.ReadFile(ClientApp.AttributeFile));

        var build = project.Build("--no-restore");
        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Empty(BuildDiagnostics.Located(build.Output));

        var options = Options(project.Run());
        Assert.Equal("1", options["keepalive"]);
        Assert.Equal("60", options["idle"]);
        Assert.Equal("10", options["interval"]);
        Assert.Equal("6", options["count"]);
        if (OperatingSystem.IsLinux())
        {
            Assert.Equal("120000", options["user_timeout_ms"]);
        }
    }

    [Fact]
    public void Before_the_fix_the_same_program_runs_without_keepalive()
    {
        // The control for the test above: the unfixed build of the identical project.
        var baseline = _packages.Baseline;
        Assert.True(baseline.Build.ExitCode == 0, baseline.Build.ToString());
        var options = Options(baseline.Project.Run());
        Assert.Equal("0", options["keepalive"]);
        if (OperatingSystem.IsLinux())
        {
            Assert.Equal("0", options["user_timeout_ms"]);
        }
    }

    private static Dictionary<string, string> Options(CommandResult run)
    {
        Assert.True(run.ExitCode == 0, run.ToString());
        return ClientApp.OptionsPrinted(run.Output);
    }
}
